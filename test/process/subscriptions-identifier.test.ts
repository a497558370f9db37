// `subscriptions add --matter` takes what `matter` takes: a matter's number, or an identifier a matter holds (a
// department's secretary has the bill's number, HE 12/2026 vp, not the matter's). It took numbers only.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { mattersByIdentifier, openDb } from '../../src/store/index.js';
import { seedDigestDb } from '../digest/seed.js';
import { run } from '../helpers/process.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lakivahti-sub-identifier-'));
const db = path.join(dir, 'l.sqlite');
seedDigestDb(db).close();
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

it('follows the matter holding an identifier, and refuses an identifier no matter holds by name', async () => {
  const conn = openDb(db, { readOnly: true });
  const [holder] = mattersByIdentifier(conn, 'he', 'HE 12/2026 vp');
  conn.close();
  expect(holder?.id).toBeGreaterThan(0);
  const sub = (...args: string[]) => run(['subscriptions', ...args, '--db', db]);
  expect(await sub('add', 'osasto@example.fi', '--matter', 'HE 12/2026 vp')).toMatchObject({ code: 0, err: '' });
  const none = await sub('add', 'osasto@example.fi', '--matter', 'HE 99/2026 vp');
  // Refused as the form's other refusals are: the reason on the first line, then the usage (exit 2).
  expect([none.code, none.err.split('\n')[0]]).toEqual([2, 'lakivahti subscriptions: no matter holds HE 99/2026 vp (see lakivahti matters)']);
  // A number is read as `matter` reads it, by the one rule (no leading zero), and refused in its words.
  const zero = await sub('add', 'osasto@example.fi', '--matter', `0${holder.id}`);
  expect([zero.code, zero.err.split('\n')[0]]).toEqual([2, `lakivahti subscriptions: "0${holder.id}" is not a matter number (as \`matters\` shows it: no leading zero, at most 15 digits)`]);
  const listed = (await sub('list', '--json')).out.trim().split('\n').map((l) => JSON.parse(l) as { email: string; matters: number[] });
  expect(listed).toEqual([expect.objectContaining({ email: 'osasto@example.fi', matters: [holder.id] })]);
}, 60_000);
