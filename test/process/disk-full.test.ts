// The database on a full disk (a small tmpfs filled up), as a server's disk fills: serve goes on serving what is stored
// read-only and says why in Finnish; crawl fails naming the disk; nothing stored is lost and no file is left behind.
// Mounting needs root (CI runs as root); without it the tests say loudly that they are skipped and why.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { backupDb, openDb, saveRun } from '../../src/store/index.js';
import { listeningAt, run, start } from '../helpers/process.js';
import { reply, startServer, type TestServer } from '../helpers/server.js';
import { writeRssSource } from '../helpers/feeds.js';
import { seedDatabase, seedItem } from './seed.js';

let dir: string;
let mnt: string;
let feeds: string;
let feed: TestServer;
let skipped: string | null = null;

const files = () => fs.readdirSync(mnt).sort();
const sha = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
const free = () => { const s = fs.statfsSync(mnt); return s.bavail * s.bsize; };

/** Fill the tmpfs to its last byte, or leave `leave` bytes free. */
function fill(leave = 0): void {
  fs.rmSync(path.join(mnt, 'filler'), { force: true });
  const fd = fs.openSync(path.join(mnt, 'filler'), 'w');
  const chunk = Buffer.alloc(4096, 1);
  try {
    while (free() > leave) fs.writeSync(fd, chunk, 0, Math.min(chunk.length, free() - leave));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOSPC') throw err;
  } finally {
    fs.closeSync(fd);
  }
}

/** A copy of `from` (and its -wal file, if any) on the tmpfs as db.sqlite, the disk then filled. */
function onFullDisk(from: string, leave = 0): string {
  for (const f of fs.readdirSync(mnt)) fs.rmSync(path.join(mnt, f));
  const file = path.join(mnt, 'db.sqlite');
  fs.copyFileSync(from, file);
  if (fs.existsSync(`${from}-wal`)) fs.copyFileSync(`${from}-wal`, `${file}-wal`);
  fill(leave);
  return file;
}

const ids = (out: string) => out.split('\n').filter(Boolean).map((l) => (JSON.parse(l) as { id: number }).id);

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lakivahti-disk-full-'));
  mnt = path.join(dir, 'full');
  fs.mkdirSync(mnt);
  const mount = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=8m', 'tmpfs', mnt], { encoding: 'utf8' });
  if (mount.status !== 0) {
    skipped = `cannot mount a tmpfs to fill (${(mount.stderr || mount.error?.message || '').trim()}); run as root to test a full disk`;
    process.stderr.write(`\n*** test/process/disk-full.test.ts SKIPPED: ${skipped} ***\n\n`);
    return;
  }
  seedDatabase(path.join(dir, 'seed.sqlite'), 5);
  // A feed of 400 long items: storing it needs far more than the 128 KiB left free below.
  const long = 'Pelastustoimen palveluiden saatavuus ja hyvinvointialueiden yhteistyö. '.repeat(20);
  const items = Array.from({ length: 400 }, (_, n) => `<item><guid>big-${n}</guid><title>Tiedote ${n}</title><description>${long}</description></item>`);
  feed = await startServer({ '/big': reply(`<?xml version="1.0"?><rss version="2.0"><channel><title>big</title>${items.join('')}</channel></rss>`, { 'content-type': 'application/rss+xml' }) });
  feeds = path.join(dir, 'feeds');
  for (const id of ['sm', 'big']) writeRssSource(feeds, id, `${feed.url}/${id}`);
}, 60_000);

afterAll(async () => {
  await feed?.close();
  if (!skipped) spawnSync('umount', [mnt]);
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('the database on a full disk', { timeout: 90_000 }, () => {
  it('serve serves what is stored read-only, says why in Finnish, and leaves no file behind', async (t) => {
    if (skipped) return t.skip(skipped);
    const file = onFullDisk(path.join(dir, 'seed.sqlite'));
    const before = sha(file);
    const child = start(['serve', '--port', '0', '--no-schedule', '--db', file, '--feeds', feeds]);
    child.proc.stdin.end();
    const base = await listeningAt(child);
    const said = 'Tietokantaan db.sqlite ei voi kirjoittaa: levy on täynnä. Uusia tietoja ei haeta, tallennetut näytetään. Kun levyllä on taas tilaa, käynnistä Lakivahti uudelleen.';
    const health = await fetch(`${base}/healthz`);
    expect(health.status).toBe(503);
    expect(await health.json()).toEqual({ ok: false, reasons: [said] });
    expect(await (await fetch(`${base}/`)).text()).toContain(said);
    const line = child.out().split('\n').find((l) => l.includes('"database_problem"'))!;
    expect(JSON.parse(line)).toMatchObject({ detail: expect.stringContaining(`is full (0 bytes free on ${mnt})`) });
    child.proc.kill('SIGTERM');
    expect((await child.done).code).toBe(0);
    expect(files()).toEqual(['db.sqlite', 'filler']);
    expect(sha(file)).toBe(before);
  });

  it('the disk filling while serve writes: /healthz and the page say so in Finnish, and stop once there is space', async (t) => {
    if (skipped) return t.skip(skipped);
    const file = onFullDisk(path.join(dir, 'seed.sqlite'), 1024 * 1024);
    const child = start(['serve', '--port', '0', '--no-schedule', '--db', file, '--feeds', feeds]);
    child.proc.stdin.end();
    const base = await listeningAt(child);
    const said = 'Levy, jolla tietokanta db.sqlite on, on täynnä: uusia tietoja ei voi tallentaa eikä sisään voi kirjautua, ennen kuin levyllä on tilaa.';
    expect(await (await fetch(`${base}/healthz`)).json()).toEqual({ ok: true });
    fill();
    const health = await fetch(`${base}/healthz`);
    expect(health.status).toBe(503);
    expect(await health.json()).toEqual({ ok: false, reasons: [said] });
    await new Promise((r) => setTimeout(r, 1100)); // the page looks at the disk at most once a second
    expect(await (await fetch(`${base}/`)).text()).toContain(said);
    fs.rmSync(path.join(mnt, 'filler'));
    expect(await (await fetch(`${base}/healthz`)).json()).toEqual({ ok: true });
    child.proc.kill('SIGTERM');
    expect((await child.done).code).toBe(0);
  });

  it('items lists what is stored; crawl fails naming the disk, before fetching anything', async (t) => {
    if (skipped) return t.skip(skipped);
    const file = onFullDisk(path.join(dir, 'seed.sqlite'));
    const before = sha(file);
    const items = await run(['items', '--json', '--db', file]);
    expect(items.err).toBe('');
    expect(ids(items.out)).toHaveLength(5);
    const seen = feed.requests.length;
    const crawl = await run(['crawl', '--db', file, '--feeds', feeds]);
    expect(crawl.code).toBe(1);
    expect(crawl.err).toBe(`lakivahti crawl: the disk holding ${file} is full (0 bytes free on ${mnt}); nothing was written. Free some space there and run it again; commands that only read still work\n`);
    expect(feed.requests.length).toBe(seen);
    expect(files()).toEqual(['db.sqlite', 'filler']);
    expect(sha(file)).toBe(before);
  });

  it('a -wal file holding commits is kept: serve and items say the newest writes are missing, and show them once there is space', async (t) => {
    if (skipped) return t.skip(skipped);
    // A database whose last commits are still in its -wal file (a process that crashed, a copy with its log).
    const src = path.join(dir, 'logged.sqlite');
    fs.copyFileSync(path.join(dir, 'seed.sqlite'), src);
    const db = openDb(src);
    db.pragma('wal_autocheckpoint = 0');
    const now = new Date().toISOString();
    saveRun(db, { run: { sourceId: 'sm', startedAt: now, finishedAt: now, status: 'ok', found: 2, created: 0, updated: 0, error: null, notes: [] }, nextRunAt: null, items: [seedItem(6), seedItem(7)] });
    const file = onFullDisk(src);
    db.close();
    const wal = sha(`${file}-wal`);
    const items = await run(['items', '--json', '--db', file]);
    expect(ids(items.out)).toHaveLength(5);
    expect(items.err).toBe(`lakivahti items: ${file} could only be read without its write-ahead log (${file}-wal, kept): its newest writes are not shown until the database can be opened for writing again\n`);
    const child = start(['serve', '--port', '0', '--no-schedule', '--db', file, '--feeds', feeds]);
    child.proc.stdin.end();
    const base = await listeningAt(child);
    const health = (await (await fetch(`${base}/healthz`)).json()) as { reasons: string[] };
    expect(health.reasons[0]).toContain('levy on täynnä. Uusia tietoja ei haeta, tallennetut näytetään. Uusimmat tallennukset voivat puuttua näkyvistä.');
    child.proc.kill('SIGTERM');
    await child.done;
    expect(files()).toEqual(['db.sqlite', 'db.sqlite-wal', 'filler']);
    expect(sha(`${file}-wal`)).toBe(wal);
    fs.rmSync(path.join(mnt, 'filler'));
    const after = await run(['items', '--json', '--db', file]);
    expect(after.err).toBe('');
    expect(ids(after.out)).toHaveLength(7);
  });

  it('crawl whose run does not fit: rolled back, the disk named, exit 1; stored in full once there is space', async (t) => {
    if (skipped) return t.skip(skipped);
    const file = onFullDisk(path.join(dir, 'seed.sqlite'), 128 * 1024);
    const crawl = await run(['crawl', '--db', file, '--feeds', feeds, '--source', 'big']);
    expect(crawl.out).toMatch(new RegExp(`^big: error: store: the disk holding ${file} is full \\((\\d+ bytes|\\d+(\\.\\d)? KiB) free on ${mnt}\\): nothing of it was written\\n$`));
    expect(crawl.err).toContain(`lakivahti crawl: the disk holding ${file} is full`);
    expect(crawl.code).toBe(1);
    fs.rmSync(path.join(mnt, 'filler'));
    const db = openDb(file, { readOnly: true });
    try {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      expect((db.prepare('SELECT count(*) AS n FROM items').get() as { n: number }).n).toBe(5);
    } finally {
      db.close();
    }
    // Once there is space the source runs again (its lease was not left held) and stores the whole feed.
    const again = await run(['crawl', '--db', file, '--feeds', feeds, '--source', 'big']);
    expect(again.out).toMatch(/^big: 400 new, 0 updated, 400 found/);
    expect(again.code).toBe(0);
  });

  it('backup onto a full disk is refused naming the disk, before writing; an older backup it would replace is kept', async (t) => {
    if (skipped) return t.skip(skipped);
    const db = path.join(dir, 'seed.sqlite');
    for (const f of fs.readdirSync(mnt)) fs.rmSync(path.join(mnt, f));
    const dest = path.join(mnt, 'backup.sqlite');
    fs.writeFileSync(dest, 'an older backup');
    fill(64 * 1024);
    for (const force of [[], ['--force']]) {
      const r = await run(['backup', path.join(mnt, force.length ? 'backup.sqlite' : 'new.sqlite'), ...force, '--db', db]);
      expect(r.code, force.join(' ')).toBe(1);
      expect(r.err).toMatch(new RegExp(`^lakivahti backup: the disk holding ${mnt}/(new|backup)\\.sqlite is full \\(64 KiB free on ${mnt}, the copy needs \\d+(\\.\\d)? (KiB|MiB)\\); nothing was written\\. Free some space there, or write the copy to another disk\\n$`));
      expect(r.out).toBe('');
      expect(files()).toEqual(['backup.sqlite', 'filler']);
      expect(fs.readFileSync(dest, 'utf8')).toBe('an older backup');
    }
  });

  it('a backup the disk fills under is removed, its error naming the disk', async (t) => {
    if (skipped) return t.skip(skipped);
    for (const f of fs.readdirSync(mnt)) fs.rmSync(path.join(mnt, f));
    fill(256 * 1024); // the copy begins, and the disk fills under it (serve's writes, another program's)
    const db = openDb(path.join(dir, 'seed.sqlite'), { readOnly: true });
    const dest = path.join(mnt, 'backup.sqlite');
    try {
      await expect(backupDb(db, dest)).rejects.toThrow(new RegExp(`^the disk holding ${dest.replace(/\./g, '\\.')} is full \\(256 KiB free on ${mnt}, the copy needs \\d+(\\.\\d)? (KiB|MiB)\\); nothing was written`));
    } finally {
      db.close();
    }
    expect(files()).toEqual(['filler']);
  });
});
