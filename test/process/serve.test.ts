// `lakivahti serve` as a process: answers, stops cleanly on SIGTERM, and says what is wrong instead of failing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { startServer, reply, type TestServer } from '../helpers/server.js';
import { BIN, start, run } from '../helpers/process.js';
import { writeRssSource } from '../helpers/feeds.js';
import { spawn } from 'node:child_process';
import { seedDatabase } from './seed.js';
import { insertReview, listReviews, openDb, readMeta } from '../../src/store/index.js';
import { addUser, Browser, PASSWORD } from '../helpers/web.js';

let dir: string;
let server: TestServer;
let feeds: string;
const year = new Date().getFullYear();
const rss = `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>t</title><link>https://example.fi/</link><description>d</description>
<item><guid>a</guid><title>Pelastuslain muutos lausunnoille</title><link>https://example.fi/a</link><pubDate>02 Nov ${year} 10:00:00 +0200</pubDate></item>
</channel></rss>`;

beforeAll(async () => {
  server = await startServer({ '/feed': reply(rss, { 'content-type': 'application/rss+xml' }) });
  // A source that never answers: its run is in flight when the signal comes.
  server.route('/slow', () => undefined);
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lakivahti-serve-'));
  fs.chmodSync(dir, 0o755);
  feeds = path.join(dir, 'feeds');
  writeRssSource(feeds, 'sm', `${server.url}/feed`, 'Sisäministeriö');
  fs.writeFileSync(path.join(feeds, 'sources', 'broken.yaml'), 'id: broken\nname: Rikki\nkind: rss\n');
  writeRssSource(feeds, 'slow', `${server.url}/slow`, 'Hidas');
});

afterAll(async () => {
  await server.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** Start serve on a free port and wait until it listens; returns the child and its base URL. */
async function serve(db: string, extra: string[] = [], opts: Parameters<typeof start>[1] = {}) {
  const child = start(['serve', '--port', '0', '--db', db, '--feeds', feeds, ...extra], opts);
  const listening = JSON.parse(await child.line(/"event":"listening"/)) as { url: string };
  return { child, base: listening.url.replace(/\/$/, '') };
}

const sqlite = (file: string) => new Database(file, { readonly: true, fileMustExist: true });
const until = async (ok: () => boolean, what: string) => {
  for (const stop = Date.now() + 30_000; !ok(); await new Promise((r) => setTimeout(r, 50)))
    if (Date.now() > stop) throw new Error(`timed out waiting for ${what}`);
};

/** Wait until the slow source's run (its server never answers) holds its lease. */
async function slowLeaseHeld(db: string): Promise<void> {
  const conn = sqlite(db);
  try {
    await until(() => conn.prepare("SELECT running_until FROM sources WHERE id = 'slow'").pluck().get() != null, "the slow source's lease");
  } finally {
    conn.close();
  }
}

/** After a stop: the database whole, every lease given back, the slow source's run recorded as interrupted. */
function expectStoppedCleanly(db: string): void {
  const conn = sqlite(db);
  try {
    expect(conn.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(conn.prepare('SELECT id FROM sources WHERE running_until IS NOT NULL').all()).toEqual([]);
    expect(conn.prepare("SELECT status FROM runs WHERE source_id = 'slow'").all()).toEqual([{ status: 'interrupted' }]);
  } finally {
    conn.close();
  }
}

describe('lakivahti serve as a process', () => {
  it('answers on 127.0.0.1, then on SIGTERM stops within 5 s with exit 0, the database whole and no run half-written', async () => {
    const db = path.join(dir, 'serve.sqlite');
    // Pages are behind the sign-in: an account made as an administrator would, then signed in as a browser would.
    const added = await run(['users', 'add', 'juristi@example.fi', '--role', 'reviewer', '--db', db, '--feeds', feeds], { input: `${PASSWORD}\n` });
    expect([added.code, added.err]).toEqual([0, '']);
    const { child, base } = await serve(db);
    expect(base).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    await child.line(/"source_id":"sm","status":"ok"/);
    expect((await fetch(`${base}/`)).status).toBe(401);
    const browser = new Browser(base);
    expect((await browser.signIn('juristi@example.fi')).status).toBe(303);
    const { res: page, html } = await browser.get('/');
    expect(page.status).toBe(200);
    expect(html).toContain('Sisäministeriö');
    // A broken definition is named from the feeds folder, without this machine's paths.
    expect(html).toContain('<code>feeds/sources/broken.yaml</code>');
    expect(html).not.toContain(dir);
    expect(await (await fetch(`${base}/healthz`)).json()).toEqual({ ok: true });
    // A backup while serve runs (and holds a run open) is consistent and checked.
    const copy = path.join(dir, 'while-serving.sqlite');
    const backup = await run(['backup', copy, '--db', db]);
    expect([backup.code, backup.err]).toEqual([0, '']);
    expect(backup.out).toMatch(/written \(\d+(\.\d)? (KiB|MiB), 1 item\); integrity check ok/);
    // The slow source's run is still waiting for its server.
    const signalled = Date.now();
    child.proc.kill('SIGTERM');
    const done = await child.done;
    expect(Date.now() - signalled).toBeLessThan(5000);
    expect([done.code, done.signal]).toEqual([0, null]);
    expect(done.out).toContain('"event":"stopped"');
    // The run still waiting for its server got a short grace, then was aborted and recorded as interrupted.
    expect(done.out).toMatch(/"event":"aborting_runs"[\s\S]*"source_id":"slow","status":"interrupted"[\s\S]*"event":"stopped"/);
    expect(done.err).not.toMatch(/\n\s+at /);
    // On stderr too, in the one shape of every line there: the program, the command, then the fault.
    expect(done.err).toMatch(/^lakivahti serve: config: \S*broken\.yaml: .*field "url" is required$/m);
    const conn = sqlite(db);
    try {
      expect(conn.pragma('integrity_check', { simple: true })).toBe('ok');
      // Every lease was given back, and every recorded run is finished.
      expect(conn.prepare('SELECT id FROM sources WHERE running_until IS NOT NULL').all()).toEqual([]);
      expect(conn.prepare('SELECT COUNT(*) AS n FROM runs WHERE finished_at < started_at').get()).toEqual({ n: 0 });
      expect(conn.prepare("SELECT COUNT(*) AS n FROM items WHERE source_id = 'sm'").get()).toEqual({ n: 1 });
      expect(conn.prepare("SELECT status FROM runs WHERE source_id = 'slow'").all()).toEqual([{ status: 'interrupted' }]);
      // Cut off by the shutdown, not broken: no failure streak, and due again at the next start.
      expect(conn.prepare("SELECT error_count, next_run_at FROM sources WHERE id = 'slow'").get()).toEqual({ error_count: 0, next_run_at: null });
    } finally {
      conn.close();
    }
  }, 60_000);

  it('SIGHUP (a closed terminal) stops it as SIGTERM does: exit 0, the lease given back, the run in flight recorded', async () => {
    const db = path.join(dir, 'hangup.sqlite');
    const { child } = await serve(db);
    await child.line(/"source_id":"sm","status":"ok"/);
    await slowLeaseHeld(db); // the slow source's run holds its lease when the terminal closes
    const signalled = Date.now();
    child.proc.kill('SIGHUP');
    const done = await child.done;
    expect(Date.now() - signalled).toBeLessThan(5000);
    expect([done.code, done.signal]).toEqual([0, null]);
    expect(done.out).toMatch(/"event":"stopping","signal":"SIGHUP"[\s\S]*"source_id":"slow","status":"interrupted"[\s\S]*"event":"stopped"/);
    expectStoppedCleanly(db);
  }, 60_000);

  it('under a terminal that closes (SIGHUP, then EIO on every write to it) it still stops cleanly', async () => {
    const db = path.join(dir, 'terminal.sqlite');
    const pidFile = path.join(dir, 'terminal.pid');
    // script(1) gives serve a terminal of its own; killing script closes the terminal, as closing a window does.
    const shell = `echo $$ > ${pidFile}; exec ${process.execPath} ${BIN} serve --port 0 --db ${db} --feeds ${feeds}`;
    const term = spawn('script', ['-qfec', shell, '/dev/null'], { env: { ...process.env, LAKIVAHTI_ALLOW_PRIVATE_NETWORKS: '1' }, stdio: ['pipe', 'pipe', 'inherit'] });
    let out = '';
    term.stdout.setEncoding('utf8').on('data', (c: string) => (out += c));
    await until(() => /"event":"listening"/.test(out) && fs.existsSync(db), 'serve under a terminal to listen');
    await slowLeaseHeld(db);
    const pid = Number(fs.readFileSync(pidFile, 'utf8'));
    term.kill('SIGKILL');
    const gone = () => { try { process.kill(pid, 0); return false; } catch { return true; } };
    await until(gone, 'serve to end once its terminal closed');
    // The shutdown went on past its first log line, which the closed terminal refused (EIO).
    expectStoppedCleanly(db);
  }, 60_000);

  it('a busy port says which port is taken and how to choose another', async () => {
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as net.AddressInfo).port;
    try {
      const r = await run(['serve', '--port', String(port), '--db', path.join(dir, 'busy.sqlite'), '--feeds', feeds]);
      expect(r.code).toBe(2);
      expect(r.err).toContain(`port ${port} on 127.0.0.1 is already in use; choose another with --port N or the PORT environment variable`);
      expect(r.err).not.toContain('Cannot read properties');
    } finally {
      blocker.close();
    }
  }, 30_000);

  it('a malformed digest schedule is named and leaves the digest off; the server still stops on SIGTERM', async () => {
    const env = { LAKIVAHTI_DIGEST_WEEKLY: 'every monday' };
    const { child } = await serve(path.join(dir, 'cron.sqlite'), ['--no-schedule'], { env });
    child.proc.kill('SIGTERM');
    const noSchedule = await child.done;
    expect(noSchedule.code).toBe(0);
    // With the scheduler the digest's jobs are made: the setting is named, the rest runs, and SIGTERM still ends it
    // (it had ended serve's command with the server left listening and every signal caught).
    const scheduled = await serve(path.join(dir, 'cron.sqlite'), [], { env });
    const disabled = await scheduled.child.line(/"event":"digest_disabled"/).catch((err: Error) => err.message);
    scheduled.child.proc.kill('SIGTERM');
    const stopped = await Promise.race([scheduled.child.done, new Promise<null>((r) => setTimeout(() => r(null), 8000))]);
    if (!stopped) scheduled.child.proc.kill('SIGKILL');
    expect(stopped?.code).toBe(0);
    expect((JSON.parse(disabled) as { reason: string }).reason).toMatch(/^LAKIVAHTI_DIGEST_WEEKLY: "every monday" is not a valid cron expression/);
    const preview = await run(['digest', '--preview', '--db', path.join(dir, 'cron.sqlite')], { env });
    expect([preview.code, preview.err.split('\n')[0]]).toEqual([2, 'lakivahti digest: LAKIVAHTI_DIGEST_WEEKLY: "every monday" is not a valid cron expression']);
  }, 60_000);

  it('HOST (or --host) chooses the address to listen on', async () => {
    const { child, base } = await serve(path.join(dir, 'host.sqlite'), ['--no-schedule'], { env: { HOST: '127.0.0.2' } });
    try {
      expect(base).toMatch(/^http:\/\/127\.0\.0\.2:\d+$/);
      expect((await fetch(`${base}/healthz`)).status).toBe(200);
    } finally {
      child.proc.kill('SIGTERM');
    }
    expect((await child.done).code).toBe(0);
  }, 30_000);

  it('notices its database file replaced while it runs: says so on the page and in /healthz, and saves nothing more into the old one', async () => {
    const db = path.join(dir, 'replaced.sqlite');
    seedDatabase(db, 5);
    const conn = openDb(db);
    await addUser(conn, 'juristi@example.fi', 'reviewer');
    conn.close();
    const { child, base } = await serve(db, ['--no-schedule']);
    try {
      expect((await fetch(`${base}/healthz`)).status).toBe(200);
      const browser = new Browser(base);
      expect((await browser.signIn('juristi@example.fi')).status).toBe(303);
      const token = await browser.token();
      // A restore while serve runs: the file moved aside, the backup put in its place.
      const aside = path.join(dir, 'replaced-aside.sqlite');
      fs.renameSync(db, aside);
      for (const side of ['-wal', '-shm']) if (fs.existsSync(db + side)) fs.renameSync(db + side, aside + side);
      const other = path.join(dir, 'other.sqlite');
      seedDatabase(other, 3);
      fs.renameSync(other, db);
      // A review sent now would be stored in the file moved aside, which nobody reads again: refused, the note shown.
      const review = await browser.post('/items/1/review', { _csrf: token, goals: 'services', decision: 'relevant', note: 'Palautuksen aikana.', back: '/items/1' });
      expect(review.res.status).toBe(503);
      expect(review.html).toContain('Tietokantatiedosto replaced.sqlite on korvattu');
      expect(review.html).toContain('Palautuksen aikana.');
      expect(sqlite(aside).prepare('SELECT COUNT(*) FROM reviews').pluck().get()).toBe(0);
      expect(sqlite(db).prepare('SELECT COUNT(*) FROM reviews').pluck().get()).toBe(0);
      const health = await fetch(`${base}/healthz`);
      expect(health.status).toBe(503);
      expect(((await health.json()) as { reasons: string[] }).reasons.join(' ')).toContain('replaced.sqlite on korvattu');
      expect(await (await fetch(`${base}/`)).text()).toMatch(/class="banner"[^>]*>Tietokantatiedosto replaced\.sqlite on korvattu/);
      expect(child.out()).toContain('"event":"database_file_changed"');
    } finally {
      child.proc.kill('SIGTERM');
    }
    expect((await child.done).code).toBe(0);
  }, 60_000);

  it('serves reads from a database it cannot write, skips the scheduler and shows why', async () => {
    const ro = path.join(dir, 'ro');
    fs.mkdirSync(ro);
    const db = path.join(ro, 'ro.sqlite');
    seedDatabase(db, 5);
    const conn = openDb(db);
    await addUser(conn, 'lukija@example.fi', 'reader');
    conn.close();
    fs.chmodSync(db, 0o444);
    fs.chmodSync(ro, 0o555);
    const as = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
    try {
      const { child, base } = await serve(db, [], as);
      try {
        // Sessions live in memory when the database cannot be written: signing in and reading still work.
        const browser = new Browser(base);
        expect((await browser.signIn('lukija@example.fi')).status).toBe(303);
        const { res: page, html } = await browser.get('/');
        expect(page.status).toBe(200);
        expect(html).toContain('Tiedote numero 5');
        expect(html).toMatch(/class="banner"[^>]*>Tietokantaan ro\.sqlite ei voi kirjoittaa/);
        const health = await fetch(`${base}/healthz`);
        expect(health.status).toBe(503);
        expect(child.out()).toContain('"event":"scheduler_skipped"');
      } finally {
        child.proc.kill('SIGTERM');
      }
      expect((await child.done).code).toBe(0);
      expect(fs.readdirSync(ro)).toEqual(['ro.sqlite']);
    } finally {
      fs.chmodSync(ro, 0o755);
    }
  }, 60_000);

  it('demo creates and marks its own database, and resets only that one on the next start', async () => {
    const db = path.join(dir, 'demo.sqlite');
    for (let round = 0; round < 2; round++) {
      const child = start(['demo', '--db', db, '--port', '0']);
      const ready = await child.line(/^demo: crawled \d+ mirrored sources; open http:\/\/127\.0\.0\.1:\d+\/$/, 60_000);
      const page = await fetch(/(http:\S+)/.exec(ready)![1]);
      expect(page.status).toBe(200);
      child.proc.kill('SIGTERM');
      const done = await child.done;
      expect(done.code).toBe(0);
      expect(done.err).not.toContain('not created by the demo');
      const conn = openDb(db);
      expect(readMeta(conn, 'created_by')).toBe('demo');
      expect((conn.prepare("SELECT COUNT(*) AS n FROM runs WHERE status = 'ok'").get() as { n: number }).n).toBeGreaterThan(3);
      // A decision made in the first round is gone after the second: the demo reset its own database.
      if (round === 0) insertReview(conn, { itemId: 1, reviewer: 'Demo', relevant: true, goals: ['services'], rejected: [], note: null });
      else expect(listReviews(conn, 1)).toEqual([]);
      conn.close();
    }
  }, 120_000);

  it('demo stopped by SIGTERM during its first crawl stops then, as serve does: logged, exit 0, within 5 s', async () => {
    const child = start(['demo', '--db', path.join(dir, 'demo-early.sqlite'), '--port', '0']);
    await child.line(/"event":"listening"/, 60_000);
    const signalled = Date.now();
    child.proc.kill('SIGTERM');
    const done = await child.done;
    expect(Date.now() - signalled).toBeLessThan(5000);
    expect([done.code, done.signal]).toEqual([0, null]);
    expect(done.out).toMatch(/"event":"stopping","signal":"SIGTERM"[\s\S]*"event":"stopped"/);
    expect(done.err).not.toMatch(/\n\s+at /);
  }, 60_000);
});
