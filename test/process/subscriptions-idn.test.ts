// `subscriptions add` with an international domain, as people write it: in its own letters, in capitals, or in the
// ASCII spelling (xn--) a mail program shows. All are one mailbox, which the mailer sends to: the network digest, at
// most one per address, was taken once in each spelling and so went to one mailbox twice.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { run } from '../helpers/process.js';
import { seedDatabase } from './seed.js';

let dir: string;
let db: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lakivahti-subs-idn-'));
  db = path.join(dir, 'l.sqlite');
  seedDatabase(db, 3);
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const stored = () => {
  const conn = new Database(db, { readonly: true });
  try {
    return conn.prepare('SELECT email FROM subscriptions ORDER BY id').pluck().all();
  } finally {
    conn.close();
  }
};

it('one network digest for one mailbox, however its domain is spelled', async () => {
  const first = await run(['subscriptions', 'add', 'pelastus@ÄÄNEKOSKI.FI', '--network', '--db', db]);
  expect([first.code, first.out, first.err]).toEqual([0, 'tilaus 1 lisätty: pelastus@äänekoski.fi (verkoston viikkokatsaus, suomeksi)\n', '']);
  for (const spelling of ['pelastus@äänekoski.fi', 'pelastus@xn--nekoski-4waa.fi', 'pelastus@XN--NEKOSKI-4WAA.fi']) {
    const again = await run(['subscriptions', 'add', spelling, '--network', '--db', db]);
    expect([again.code, again.err], spelling).toEqual([1, 'lakivahti subscriptions: pelastus@äänekoski.fi already receives the network digest\n']);
  }
  expect(stored()).toEqual(['pelastus@äänekoski.fi']);
}, 30_000);

it.each(['matti@xn--zz.fi', 'matti@example.fi.', 'matti@esimerkki..fi', 'matti@-example.fi'])('%s is refused, nothing added', async (address) => {
  const before = stored();
  const r = await run(['subscriptions', 'add', address, '--network', '--db', db]);
  expect([r.code, r.err.split('\n')[0]]).toEqual([2, `lakivahti subscriptions: ${JSON.stringify(address)} is not an e-mail address`]);
  expect(stored()).toEqual(before);
}, 30_000);
