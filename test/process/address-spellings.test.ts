// A database from before one spelling per address (session 43): one mailbox held the network digest in two spellings
// of its international domain, and its account in a third. Upgraded by the first command that writes (migration 027),
// then used as people do: the digest sent through a real SMTP server, the account disabled, an old message's
// unsubscribe link (here `subscriptions remove` of that subscription, which does as the link does).
import path from 'node:path';
import Database from 'better-sqlite3';
import { expect, it } from 'vitest';
import { run } from '../helpers/process.js';
import { smtpForTests } from '../helpers/smtp.js';
import { seedDigestDb } from '../digest/seed.js';

const scratch = smtpForTests('spellings');
/** A database as session 42's Lakivahti left it: addresses stored as typed, migration 027 not applied. */
function olderDatabase(name: string): string {
  const file = path.join(scratch.dir, name);
  seedDigestDb(file).close();
  const db = new Database(file);
  const at = new Date(Date.now() - 86_400_000).toISOString();
  db.prepare("INSERT INTO users (email, role, password_hash, created_at) VALUES ('Pelastus@XN--NEKOSKI-4WAA.FI', 'reader', 'x', ?)").run(at);
  const add = db.prepare("INSERT INTO subscriptions (email, kind, goals, created_at, created_by) VALUES (?, ?, ?, ?, 'test')");
  add.run('pelastus@ÄÄNEKOSKI.FI', 'network', '[]', at); // 1
  add.run('pelastus@xn--nekoski-4waa.fi', 'network', '[]', at); // 2
  add.run('Pelastus@äänekoski.fi', 'personal', '["services"]', at); // 3
  add.run('muu@example.fi', 'network', '[]', at); // 4
  // Only 027 is undone: the later migrations' changes stay in the schema the seed made, so their rows stay too (028's
  // index would exist twice were its row deleted).
  db.prepare('DELETE FROM schema_migrations WHERE version = 27').run();
  db.close();
  return file;
}

const read = <T>(file: string, sql: string) => {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare(sql).all() as T[];
  } finally {
    db.close();
  }
};

it('one mailbox gets the network digest once, its account owns its subscriptions, and one unsubscribe ends it', async () => {
  const db = olderDatabase('older.sqlite');
  const env = { SMTP_URL: scratch.smtp.url, LAKIVAHTI_MAIL_FROM: 'lakivahti@example.fi' };
  const send = await run(['digest', '--send', '--approve', '--db', db], { env });
  expect([send.code, send.err]).toEqual([0, '']);
  const network = scratch.smtp.received.filter((r) => r.mail.subject?.includes('verkoston viikkokatsaus'));
  // One message to each mailbox: muu@example.fi and the Äänekoski one (in whatever spelling: every one reaches it).
  const aanekoski = (r: { to: string[] }) => /äänekoski|xn--nekoski-4waa/i.test(r.to.join());
  expect(network.filter((r) => !aanekoski(r)).map((r) => r.to.join())).toEqual(['muu@example.fi']);
  expect(network.filter(aanekoski).map((r) => r.to.join())).toEqual(['pelastus@äänekoski.fi']);
  expect(scratch.smtp.received.filter(aanekoski)).toHaveLength(2); // and the personal digest

  const subs = (await run(['subscriptions', 'list', '--json', '--db', db])).out.trim().split('\n').map((l) => JSON.parse(l));
  expect(subs.map((s) => [s.id, s.email, s.kind, s.unsubscribedAt === null])).toEqual([
    [1, 'pelastus@äänekoski.fi', 'network', true], [2, 'pelastus@äänekoski.fi', 'network', false],
    [3, 'Pelastus@äänekoski.fi', 'personal', true], [4, 'muu@example.fi', 'network', true],
  ]);
  expect(read<{ detail: string }>(db, "SELECT detail FROM action_log WHERE action = 'subscription-merge'").map((r) => JSON.parse(r.detail)))
    .toEqual([{ into: 1, email: 'pelastus@äänekoski.fi' }]);

  // The account, stored in capitals of the ASCII spelling, is found in any spelling and owns both live subscriptions.
  const disable = await run(['users', 'disable', 'pelastus@äänekoski.fi', '--db', db]);
  expect([disable.code, disable.out]).toEqual([0, 'tunnus pelastus@äänekoski.fi poistettu käytöstä; sen istunnot päätettiin ja syötetunnisteet peruttiin; sen 2 tilausta on keskeytetty\n']);
  expect((await run(['users', 'enable', 'PELASTUS@ÄÄNEKOSKI.FI', '--db', db])).code).toBe(0);

  // The merged subscription's number (an older message's link) ends the network digest of that mailbox.
  const remove = await run(['subscriptions', 'remove', '2', '--db', db]);
  expect([remove.code, remove.out]).toEqual([0, 'tilaus 2 peruttu; samalla peruttiin tilaus 1, joka lähetti verkoston viikkokatsauksen samaan osoitteeseen\n']);
  expect(read<{ id: number }>(db, 'SELECT id FROM subscriptions WHERE unsubscribed_at IS NULL ORDER BY id').map((r) => r.id)).toEqual([3, 4]);
}, 90_000);

it('two accounts made for one mailbox: the older takes its spelling, the other keeps its own and is still found by it', async () => {
  const db = olderDatabase('accounts.sqlite');
  const conn = new Database(db);
  conn.prepare("INSERT INTO users (email, role, password_hash, created_at) VALUES ('pelastus@ÄÄNEKOSKI.FI', 'reader', 'x', ?)").run(new Date().toISOString());
  conn.close();
  expect((await run(['relink', '--db', db])).code).toBe(0);
  expect(read<{ email: string }>(db, 'SELECT email FROM users ORDER BY id').map((r) => r.email)).toEqual(['Pelastus@äänekoski.fi', 'pelastus@ÄÄNEKOSKI.FI']);
  const second = await run(['users', 'disable', 'pelastus@ÄÄNEKOSKI.FI', '--db', db]);
  expect(second.out).toMatch(/^tunnus pelastus@ÄÄNEKOSKI\.FI poistettu käytöstä/);
  expect(read<{ email: string }>(db, 'SELECT email FROM users WHERE disabled_at IS NOT NULL').map((r) => r.email)).toEqual(['pelastus@ÄÄNEKOSKI.FI']);
  // A new account in any spelling of that mailbox is refused.
  const add = await run(['users', 'add', 'pelastus@XN--NEKOSKI-4WAA.FI', '--role', 'reader', '--db', db], { input: 'pitka-salasana-123\n' });
  expect([add.code, add.err]).toEqual([1, 'lakivahti users: an account for pelastus@XN--NEKOSKI-4WAA.FI already exists\n']);
}, 60_000);
