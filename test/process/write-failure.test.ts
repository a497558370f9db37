// Commands that write the database, run under a limit on file size (ulimit -f, as cron or a service manager may set it)
// through the shell as cron starts them: each names why the database could not be written, as crawl does (SQLite's
// bare "disk I/O error" said nothing of it, and a shared-memory file that could not be sized was called a full disk),
// exits 1, sends nothing and keeps the database whole.
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { listeningAt, run, start } from '../helpers/process.js';
import { smtpForTests } from '../helpers/smtp.js';
import { seedDatabase } from './seed.js';
import { seedDigestDb } from '../digest/seed.js';
import { seedSubscribers, subscriberAddress } from './seed-subscribers.js';
import fs from 'node:fs';

const scratch = smtpForTests('write-failure');

const io = (db: string) => `the database ${db} could not be written (disk I/O error: a failing disk, or a limit on file size such as ulimit -f); nothing of the failed write was kept\n`;

function check(file: string): { ok: unknown; tagged: unknown; reviews: unknown } {
  const conn = new Database(file, { readonly: true });
  try {
    return {
      ok: conn.pragma('integrity_check', { simple: true }),
      tagged: conn.prepare("SELECT count(*) FROM items WHERE taxonomy_version = 'seed'").pluck().get(),
      reviews: conn.prepare('SELECT count(*) FROM reviews').pluck().get(),
    };
  } finally {
    conn.close();
  }
}

describe('a write the database refuses under a file-size limit', () => {
  it('retag (its log outgrows the limit midway) names it, exits 1, and the items keep their tags', async () => {
    const db = path.join(scratch.dir, 'retag.sqlite');
    seedDatabase(db, 2000);
    const r = await run(['retag', '--db', db], { fileSizeKiB: 64 });
    expect(r.err).toBe(`lakivahti retag: ${io(db)}`);
    expect(r.code).toBe(1);
    expect(check(db)).toEqual({ ok: 'ok', tagged: 2000, reviews: 0 });
    // Without the limit it goes through.
    expect((await run(['retag', '--db', db])).code).toBe(0);
  }, 60_000);

  it('review (no room for the shared-memory file: a limit, not a full disk) names it and exits 1', async () => {
    const db = path.join(scratch.dir, 'review.sqlite');
    seedDatabase(db, 20);
    const r = await run(['review', '5', '--reviewer', 'maria', '--goals', 'services', '--db', db], { fileSizeKiB: 4 });
    expect([r.code, r.out, r.err]).toEqual([1, '', `lakivahti review: ${io(db)}`]);
    expect(check(db)).toEqual({ ok: 'ok', tagged: 20, reviews: 0 });
  }, 60_000);

  it('serve opens it read-only and says why in Finnish (it said the reason was in the log)', async () => {
    const db = path.join(scratch.dir, 'serve.sqlite');
    seedDatabase(db, 5);
    const child = start(['serve', '--port', '0', '--no-schedule', '--db', db], { fileSizeKiB: 4 });
    child.proc.stdin.end();
    try {
      const base = await listeningAt(child);
      const said = 'Tietokantaan serve.sqlite ei voi kirjoittaa: levylle kirjoittaminen epäonnistui (levyvirhe tai tiedostokoon raja). Uusia tietoja ei haeta, tallennetut näytetään.';
      expect(await (await fetch(`${base}/healthz`)).json()).toEqual({ ok: false, reasons: [said] });
    } finally {
      child.proc.kill('SIGTERM');
      await child.done;
    }
    expect(check(db)).toEqual({ ok: 'ok', tagged: 5, reviews: 0 });
  }, 60_000);

  it('digest --send names it, exits 1 and sends nothing', async () => {
    const db = path.join(scratch.dir, 'digest.sqlite');
    seedDigestDb(db).close();
    expect((await run(['subscriptions', 'add', 'sote@example.fi', '--goal', 'welfare-reform', '--every', 'immediately', '--db', db])).code).toBe(0);
    const r = await run(['digest', '--send', '--db', db], { fileSizeKiB: 4, env: { SMTP_URL: scratch.smtp.url } });
    expect([r.code, r.out, r.err]).toEqual([1, '', `lakivahti digest: ${io(db)}`]);
    expect(scratch.smtp.received).toHaveLength(0);
  }, 60_000);

  it('digest --send reaching the limit midway: exit 1 naming the database, what was sent recorded, the rest sent next run, none twice', async () => {
    const db = path.join(scratch.dir, 'digest-midway.sqlite');
    seedSubscribers(db, { subscribers: 200, items: 400, network: 10 }).close();
    const env = { SMTP_URL: scratch.smtp.url };
    const { received } = scratch.smtp;
    const before = received.length;
    // A first run records every message (its log copied back into the file as it closes) and is stopped after a few.
    const first = start(['digest', '--send', '--approve', '--db', db], { env });
    await scratch.smtp.waitFor(before + 10, 60_000);
    first.proc.kill('SIGTERM');
    expect((await first.done).code).toBe(143);
    // Room for the file as it is and a little log: each message's record grows the log until a write is refused.
    const second = await run(['digest', '--send', '--db', db], { env, fileSizeKiB: Math.ceil(fs.statSync(db).size / 1024) + 128 });
    expect([second.code, second.err]).toEqual([1, `lakivahti digest: ${io(db)}`]);
    const said = second.out.split('\n').filter((l) => l.startsWith('lähetetty: ')).length;
    expect(said).toBeGreaterThan(0);
    const conn = new Database(db, { readonly: true });
    try {
      expect(conn.pragma('integrity_check', { simple: true })).toBe('ok');
      // Every message the server has is recorded as sent; none is left claimed.
      expect(conn.prepare("SELECT count(*) FROM deliveries WHERE status = 'sent'").pluck().get()).toBe(received.length - before);
      expect(conn.prepare('SELECT count(*) FROM deliveries WHERE claimed_by IS NOT NULL').pluck().get()).toBe(0);
    } finally {
      conn.close();
    }
    const third = await run(['digest', '--send', '--db', db], { env });
    expect([third.code, third.err]).toEqual([0, '']);
    const to = received.slice(before).flatMap((r) => r.to).sort();
    expect(to).toEqual(Array.from({ length: 200 }, (_, n) => subscriberAddress(n)).sort());
  }, 120_000);
});
