// A review saved on the web when the database cannot be written any more: its file at a limit on file size (ulimit -f,
// as a service manager may set it; runs everywhere) or its disk filled up while serve runs (a tmpfs; needs root). The
// form was answered 500 "the page could not be shown because of a server error" and the note typed was lost: now 503
// saying why nothing was saved, the note shown to copy back and the way back to the form, the database intact, and
// the same form saved once there is room.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listeningAt, run, start } from '../helpers/process.js';
import { writeRssSource } from '../helpers/feeds.js';
import { Browser, PASSWORD } from '../helpers/web.js';
import { seedDatabase } from './seed.js';

let dir: string;
let feeds: string;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lakivahti-web-write-failure-'));
  feeds = path.join(dir, 'feeds');
  writeRssSource(feeds, 'sm', 'http://127.0.0.1:9/feed', 'Sisäministeriö');
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** A database of 30 items and a reviewer, at `db`. */
async function seed(db: string): Promise<void> {
  seedDatabase(db, 30);
  const added = await run(['users', 'add', 'juristi@example.fi', '--role', 'reviewer', '--db', db, '--feeds', feeds], { input: `${PASSWORD}\n` });
  expect([added.code, added.err]).toEqual([0, '']);
}

function stored(db: string): { ok: unknown; reviews: unknown[] } {
  const conn = new Database(db, { readonly: true });
  try {
    return { ok: conn.pragma('integrity_check', { simple: true }), reviews: conn.prepare('SELECT item_id, note FROM reviews ORDER BY id').all() };
  } finally {
    conn.close();
  }
}

const NOTE = 'Pelastuslain muutos koskee meitä.\nKatso 3 §.';
const review = (b: Browser, token: string, id: number, note = NOTE) =>
  b.post(`/items/${id}/review`, { _csrf: token, goals: 'services', decision: 'relevant', note, back: `/items/${id}` });

/** The refusal as the page says it: its message, the note typed and the way back. */
function refusal(html: string): { message: string; typed: string | undefined; back: string | undefined } {
  const main = /<main[\s\S]*<\/main>/.exec(html)?.[0] ?? html;
  return {
    message: /<h1>[^<]*<\/h1>\s*<p>([^<]*)<\/p>/.exec(main)?.[1] ?? '',
    typed: /<textarea id="typed"[^>]*>([\s\S]*?)<\/textarea>/.exec(main)?.[1],
    back: /<a href="([^"]+)">Takaisin lomakkeeseen<\/a>/.exec(main)?.[1],
  };
}

describe('a review the database cannot take', { timeout: 90_000 }, () => {
  it('at a limit on file size: 503 naming why, the note kept, the reviews before it intact; saved once the limit is gone', async () => {
    const db = path.join(dir, 'limit.sqlite');
    await seed(db);
    // Room to open the database as it is (a write at or past the limit fails), not for the log of many reviews.
    const serve = (fileSizeKiB?: number) => start(['serve', '--port', '0', '--no-schedule', '--db', db, '--feeds', feeds], { fileSizeKiB });
    const child = serve(Math.ceil(fs.statSync(db).size / 1024) + 8);
    child.proc.stdin.end();
    let refused = 0;
    try {
      const b = new Browser(await listeningAt(child));
      expect((await b.signIn('juristi@example.fi')).status).toBe(303);
      const token = await b.token();
      for (let id = 1; id <= 30 && !refused; id++) {
        const r = await review(b, token, id);
        if (r.res.status === 303) continue;
        refused = id;
        expect(r.res.status).toBe(503);
        expect(refusal(r.html)).toEqual({
          message: 'Tallennus ei onnistunut: tietokantaan kirjoittaminen epäonnistui (levyvirhe tai tiedostokoon raja), joten mitään ei tallennettu. Ylläpitäjä näkee syyn palvelimen lokista. Kopioi kirjoittamasi teksti talteen.',
          typed: NOTE, back: `/items/${id}`,
        });
      }
      expect(refused).toBeGreaterThan(1);
      // Pages still read, the message of the last review saved still shown (clearing it is a write, left for later).
      const pg = await b.get(`/items/${refused}`);
      expect(pg.res.status).toBe(200);
      expect(pg.html).toContain(`Tarkistus tallennettu: asiakirjan #${refused - 1} tavoitteet on vahvistettu.`);
    } finally {
      child.proc.kill('SIGTERM');
      await child.done;
    }
    // The operator's log names SQLite's error.
    expect(child.err()).toMatch(/"event":"request_failed".*"status":503.*(disk I\/O error|database or disk is full)/);
    const before = Array.from({ length: refused - 1 }, (_, n) => ({ item_id: n + 1, note: NOTE }));
    expect(stored(db)).toEqual({ ok: 'ok', reviews: before });
    // Served again without the limit, the same review is saved.
    const again = serve();
    again.proc.stdin.end();
    try {
      const b = new Browser(await listeningAt(again));
      expect((await b.signIn('juristi@example.fi')).status).toBe(303);
      expect((await review(b, await b.token(), refused)).res.status).toBe(303);
    } finally {
      again.proc.kill('SIGTERM');
      await again.done;
    }
    expect(stored(db)).toEqual({ ok: 'ok', reviews: [...before, { item_id: refused, note: NOTE }] });
  });

  it('on a disk that fills up while serve runs: 503 saying the disk is full, the note kept; saved once there is room', async (t) => {
    const mnt = path.join(dir, 'mnt');
    fs.mkdirSync(mnt);
    const mount = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=8m', 'tmpfs', mnt], { encoding: 'utf8' });
    if (mount.status !== 0) {
      const why = `cannot mount a tmpfs to fill (${(mount.stderr || mount.error?.message || '').trim()}); run as root to test a full disk`;
      process.stderr.write(`\n*** test/process/web-write-failure.test.ts (full disk) SKIPPED: ${why} ***\n\n`);
      return t.skip(why);
    }
    const db = path.join(mnt, 'db.sqlite');
    const filler = path.join(mnt, 'filler');
    try {
      await seed(db);
      const child = start(['serve', '--port', '0', '--no-schedule', '--db', db, '--feeds', feeds]);
      child.proc.stdin.end();
      try {
        const b = new Browser(await listeningAt(child));
        expect((await b.signIn('juristi@example.fi')).status).toBe(303);
        const token = await b.token();
        expect((await review(b, token, 2, 'Ennen kuin levy täyttyi.')).res.status).toBe(303);
        // Another program fills the disk to its last byte.
        const fd = fs.openSync(filler, 'w');
        try {
          for (const size of [65536, 512, 1]) for (;;) fs.writeSync(fd, Buffer.alloc(size, 1));
        } catch (err) {
          if ((err as NodeJS.ErrnoException).code !== 'ENOSPC') throw err;
        } finally {
          fs.closeSync(fd);
        }
        const r = await review(b, token, 1);
        expect(r.res.status).toBe(503);
        expect(refusal(r.html)).toEqual({
          message: 'Tallennus ei onnistunut: levy, jolla tietokanta on, on täynnä, joten mitään ei tallennettu. Lähetä lomake uudelleen, kun levyllä on taas tilaa. Kopioi kirjoittamasi teksti talteen.',
          typed: 'Pelastuslain muutos koskee meitä.\nKatso 3 §.', back: '/items/1',
        });
        // Pages still read (the message of the review saved before was left to clear: a write).
        expect((await b.get('/items/1')).res.status).toBe(200);
        fs.rmSync(filler);
        // The same form, sent again once there is room, is saved.
        expect((await review(b, token, 1)).res.status).toBe(303);
      } finally {
        child.proc.kill('SIGTERM');
        await child.done;
      }
      expect(stored(db)).toEqual({ ok: 'ok', reviews: [{ item_id: 2, note: 'Ennen kuin levy täyttyi.' }, { item_id: 1, note: NOTE }] });
    } finally {
      spawnSync('umount', [mnt]);
    }
  });
});
