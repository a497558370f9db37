// serve over a database it cannot write says so to the people using it in Finnish (the banner and /healthz), and
// keeps the technical English reason for the log.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { listeningAt, start, type Child } from '../helpers/process.js';
import { seedDatabase } from './seed.js';

let dir: string;
let child: Child;
let base: string;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lakivahti-serve-ro-'));
  const ro = path.join(dir, 'ro');
  fs.mkdirSync(ro);
  const file = path.join(ro, 'lakivahti.sqlite');
  seedDatabase(file, 5);
  fs.chmodSync(file, 0o444);
  fs.chmodSync(ro, 0o555);
  fs.chmodSync(dir, 0o755);
  // Root ignores file modes: run the server as nobody instead.
  const as = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
  child = start(['serve', '--port', '0', '--no-schedule', '--db', file], as);
  base = await listeningAt(child);
}, 60_000);

afterAll(async () => {
  child?.proc.kill('SIGTERM');
  await child?.done;
  fs.chmodSync(path.join(dir, 'ro'), 0o755);
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('serve over a read-only database', () => {
  const SAID = 'Tietokantaan lakivahti.sqlite ei voi kirjoittaa: tiedostoon, sen kansioon tai levyyn ei ole kirjoitusoikeutta. Uusia tietoja ei haeta, tallennetut näytetään.';

  it('the page and /healthz say why in Finnish, with no English and no full path', async () => {
    const page = await (await fetch(`${base}/`)).text();
    expect(page).toContain(`<p class="banner" role="alert">${SAID}</p>`);
    const health = (await (await fetch(`${base}/healthz`)).json()) as { ok: boolean; reasons: string[] };
    expect(health).toEqual({ ok: false, reasons: [SAID] });
    for (const text of [page, JSON.stringify(health)]) {
      expect(text).not.toMatch(/cannot be written|read-only file/);
      expect(text).not.toContain(dir);
    }
  });

  it('the log keeps the technical reason', async () => {
    const line = child.out().split('\n').find((l) => l.includes('"database_problem"'))!;
    expect(JSON.parse(line)).toMatchObject({ problem: SAID, detail: expect.stringMatching(/cannot be written by this user/) });
  });
});
