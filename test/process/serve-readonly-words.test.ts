// serve over a database it cannot write says so to the people using it in Finnish (the banner and /healthz), and
// keeps the technical English reason for the log.
import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { serveForTests } from '../helpers/process.js';
import { seedDatabase } from './seed.js';

const served = serveForTests('serve-ro', (dir) => {
  const ro = path.join(dir, 'ro');
  fs.mkdirSync(ro);
  const file = path.join(ro, 'lakivahti.sqlite');
  seedDatabase(file, 5);
  fs.chmodSync(file, 0o444);
  fs.chmodSync(ro, 0o555);
  fs.chmodSync(dir, 0o755);
  // Root ignores file modes: run the server as nobody instead.
  return { args: ['--db', file], opts: process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {} };
}, (dir) => fs.chmodSync(path.join(dir, 'ro'), 0o755));

describe('serve over a read-only database', () => {
  const SAID = 'Tietokantaan lakivahti.sqlite ei voi kirjoittaa: tiedostoon, sen kansioon tai levyyn ei ole kirjoitusoikeutta. Uusia tietoja ei haeta, tallennetut näytetään.';

  it('the page and /healthz say why in Finnish, with no English and no full path', async () => {
    const page = await (await fetch(`${served.base}/`)).text();
    expect(page).toContain(`<p class="banner" role="alert">${SAID}</p>`);
    const health = (await (await fetch(`${served.base}/healthz`)).json()) as { ok: boolean; reasons: string[] };
    expect(health).toEqual({ ok: false, reasons: [SAID] });
    for (const text of [page, JSON.stringify(health)]) {
      expect(text).not.toMatch(/cannot be written|read-only file/);
      expect(text).not.toContain(served.dir);
    }
  });

  it('the log keeps the technical reason', async () => {
    const line = served.child.out().split('\n').find((l) => l.includes('"database_problem"'))!;
    expect(JSON.parse(line)).toMatchObject({ problem: SAID, detail: expect.stringMatching(/cannot be written by this user/) });
  });
});
