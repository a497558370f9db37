// An immediate subscription's second message covers the hours since the first, within one day: its subject and period
// line said "6.12.2026–6.12.2026", a range of one day written twice, in every such message. Sent by `digest --send`
// through a real SMTP server, the new item stored between the two runs as a crawl stores it (saveRun).
import path from 'node:path';
import { expect, it } from 'vitest';
import { helsinkiDate, finnishDate } from '../../src/parse/dates.js';
import { openDb } from '../../src/store/index.js';
import { run } from '../helpers/process.js';
import { smtpForTests } from '../helpers/smtp.js';
import { item, seedDigestDb, store } from '../digest/seed.js';

const scratch = smtpForTests('digest-one-day');
const today = () => finnishDate(helsinkiDate(new Date()))!;

it("a period of one day is written as that day, once, in the subject and both parts; a longer one as a range", async () => {
  const file = path.join(scratch.dir, 'db.sqlite');
  seedDigestDb(file).close();
  expect((await run(['subscriptions', 'add', 'oma@example.fi', '--goal', 'services', '--every', 'immediately', '--db', file])).code).toBe(0);
  const env = { SMTP_URL: scratch.smtp.url };
  const first = await run(['digest', '--send', '--db', file], { env });
  expect([first.code, first.err]).toEqual([0, '']);
  // The first message reaches back to the items stored before (a range of days).
  expect(scratch.smtp.received).toHaveLength(1);
  expect(scratch.smtp.received[0].mail.subject).toMatch(/ \d+\.\d+\.\d{4}–\d+\.\d+\.\d{4}$/);

  const db = openDb(file);
  store(db, 'sm', [item({ source: 'sm', key: 'sm-new', title: 'Pelastustoimen uusi ohje', goals: ['services'], match: 'pelastustoimen' }, new Date())]);
  db.close();
  const before = today();
  const second = await run(['digest', '--send', '--db', file], { env });
  expect([second.code, second.err]).toEqual([0, '']);
  expect(scratch.smtp.received).toHaveLength(2);
  const { mail } = scratch.smtp.received[1];
  const twice = /(\d+\.\d+\.\d{4})–\1(?!\d)/;
  expect(mail.subject).not.toMatch(twice);
  expect(mail.text).not.toMatch(twice);
  expect(String(mail.html)).not.toMatch(twice);
  // Unless Helsinki's midnight fell between the two sends, the period is today's date alone.
  if (today() === before) {
    expect(mail.subject).toBe(`Lakivahti: uutta seuraamissasi asioissa ${before}`);
    expect(mail.text).toContain(`\nAjalta ${before}\n`);
  }
  // Three CLI runs: 36 s at load 15, past 60 s at load 29 in four of four runs (session 53, faketime at month ends and
  // New Year; green at both real and fake time alone). The time is the machine's, as digest.test's preview's.
}, 180_000);
