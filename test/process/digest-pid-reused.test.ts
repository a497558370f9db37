// A `digest --send` killed while the server held its message (a crash, an OOM kill, a reboot) leaves that message
// claimed by its host and pid. When another process has since taken that pid (common after a reboot, and always for
// pid 1 in a container started again), the claim looked alive and the message waited out its lease (27.5 min) before
// cron's next run would send it. The claim now names the process's start too (Linux /proc), so a pid taken by another
// process is seen to be gone at once.
import { spawn } from 'node:child_process';
import path from 'node:path';
import Database from 'better-sqlite3';
import { expect, it } from 'vitest';
import { run, start } from '../helpers/process.js';
import { smtpForTests } from '../helpers/smtp.js';
import { seedDigestDb } from '../digest/seed.js';

const scratch = smtpForTests('digest-pid-reused');

it.runIf(process.platform === 'linux')('a message claimed by a sender that died, its pid since taken by another process, is sent by the next run at once', async () => {
  const db = path.join(scratch.dir, 'd.sqlite');
  seedDigestDb(db).close();
  for (const email of ['a@example.fi', 'b@example.fi'])
    expect((await run(['subscriptions', 'add', email, '--goal', 'welfare-reform', '--every', 'immediately', '--db', db])).code).toBe(0);
  const env = { SMTP_URL: scratch.smtp.url };
  // The server takes the first message and holds its answer; the sender is killed waiting for it.
  scratch.smtp.holdAfter(0);
  const sender = start(['digest', '--send', '--db', db], { env });
  await scratch.smtp.waitFor(1, 60_000);
  sender.proc.kill('SIGKILL');
  await sender.done;
  scratch.smtp.release(451);
  // Another process now has the dead sender's pid (as after a reboot): here, the claim is pointed at a live one's.
  const other = spawn('sleep', ['60'], { stdio: 'ignore' });
  const conn = new Database(db);
  try {
    const claim = conn.prepare("SELECT id, claimed_by AS by FROM deliveries WHERE status = 'sending'").get() as { id: number; by: string };
    expect(claim.by).toMatch(new RegExp(`:${sender.proc.pid}(@|$)`));
    conn.prepare('UPDATE deliveries SET claimed_by = ? WHERE id = ?').run(claim.by.replace(/:\d+(@|$)/, `:${other.pid}$1`), claim.id);
  } finally {
    conn.close();
  }
  try {
    const next = await run(['digest', '--send', '--db', db], { env });
    expect([next.code, next.err]).toEqual([0, '']);
    expect(next.out.split('\n').filter((l) => l.startsWith('lähetetty: '))).toHaveLength(2);
  } finally {
    other.kill();
  }
  const after = new Database(db, { readonly: true });
  try {
    expect(after.prepare('SELECT status, count(*) AS n FROM deliveries GROUP BY status').all()).toEqual([{ status: 'sent', n: 2 }]);
  } finally {
    after.close();
  }
}, 120_000);
