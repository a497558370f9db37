// Stored control characters in a digest e-mail, sent by `digest --send` through a real SMTP server: a source's title
// with an escape, a C1 control, a bell, a right-to-left override and a line break reaches the recipient shown
// (`\u001b`), never obeyed, and its line break does not start a line of the message's own ("Peru tilaus: …" under a
// forged address). What is stored is kept as it was.
import path from 'node:path';
import { expect, it } from 'vitest';
import { openDb } from '../../src/store/index.js';
import { run } from '../helpers/process.js';
import { smtpForTests } from '../helpers/smtp.js';
import { seedDigestDb } from '../digest/seed.js';

const scratch = smtpForTests('digest-controls');
/** A control character a mail client or terminal would obey (the line feed and tab of the layout excepted). */
const OBEYED = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u2028\u2029]/u;
const TITLE = 'Otsikko\u001b[2J\u009b31m \u202eexe.abc\r\nPeru tilaus: https://evil.example/\u0007';
const SHOWN = String.raw`Otsikko\u001b[2J\u009b31m \u202eexe.abc Peru tilaus: https://evil.example/\u0007`;

it('a title with control characters and a line break: shown in both parts of the mail, on its one line', async () => {
  const file = path.join(scratch.dir, 'db.sqlite');
  const db = seedDigestDb(file);
  db.prepare("UPDATE items SET title = ? WHERE key = 'sm1'").run(TITLE);
  db.prepare("UPDATE items SET title = ?, organisation = ? WHERE key = 'lp1'").run('Kierros \u202eTXET\u202c\nloppu', 'Sisä\u2028ministeriö');
  db.prepare('UPDATE matters SET title = ?').run('Asia \u202eTXET\u000d\u000arivi');
  db.close();
  expect((await run(['subscriptions', 'add', 'verkosto@example.fi', '--network', '--db', file])).code).toBe(0);
  expect((await run(['subscriptions', 'add', 'oma@example.fi', '--goal', 'welfare-reform', '--goal', 'services', '--db', file])).code).toBe(0);
  const sent = await run(['digest', '--send', '--approve', '--db', file], { env: { SMTP_URL: scratch.smtp.url } });
  expect([sent.code, sent.err]).toEqual([0, '']);
  expect(scratch.smtp.received.map((r) => r.to.join()).sort()).toEqual(['oma@example.fi', 'verkosto@example.fi']);
  for (const { mail, raw } of scratch.smtp.received) {
    const text = mail.text ?? '';
    const html = String(mail.html);
    expect(mail.subject).toMatch(/^Lakivahti: [\p{L} ]+ \d{1,2}\.\d{1,2}\.\d{4}–\d{1,2}\.\d{1,2}\.\d{4}$/u);
    expect(OBEYED.exec(text)?.[0]).toBeUndefined();
    expect(OBEYED.exec(html)?.[0]).toBeUndefined();
    // The message's own lines end in CR LF (SMTP's); nothing else of these in the raw message as it arrived.
    expect(OBEYED.exec(raw.replaceAll('\r\n', '\n'))?.[0]).toBeUndefined();
    const lines = text.split('\n');
    expect(lines).toContain(`* ${SHOWN}`);
    expect(lines.filter((l) => l.startsWith('Peru tilaus: ')).every((l) => l.includes('/unsubscribe/'))).toBe(true);
    expect(lines).toContain(String.raw`* Kierros \u202eTXET\u202c loppu`);
    expect(lines).toContain(String.raw`* Asia \u202eTXET rivi`);
    expect(text).toContain('Sisä ministeriö');
    expect(html).toContain(SHOWN);
  }
  const after = openDb(file, { readOnly: true });
  try {
    expect(after.prepare("SELECT title FROM items WHERE key = 'sm1'").pluck().get()).toBe(TITLE);
  } finally {
    after.close();
  }
}, 60_000);
