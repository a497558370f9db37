// `subscriptions add` with an address holding an invisible formatting character, as one pasted from a web page, a
// chat or a document may (a zero-width space, a soft hyphen, a right-to-left mark or override, a word joiner): it
// was stored as typed, shown as the plain address it looks like (or, with an override, reversed), and every digest to
// it was refused by the mail server, which paused the subscription. Now refused naming the character; nothing stored.
import { expect, it } from 'vitest';
import { run } from '../helpers/process.js';
import { pluckAll, seededForTests } from './seed.js';

const seeded = seededForTests('subs-invisible', 3);
const stored = () => pluckAll(seeded.db, 'SELECT email FROM subscriptions ORDER BY id');

it.each([
  ['pelastus\u200b@example.fi', '200B', 9],
  ['pelas\u00adtus@example.fi', '00AD', 6],
  ['\u202epelastus@example.fi', '202E', 1],
  ['pelastus@example.fi\u200e', '200E', 20],
  ['pelastus@exam\u200bple.fi', '200B', 14],
  ['pelastus\u2060@example.fi', '2060', 9],
])('%j is refused naming the character, nothing added', async (address, code, at) => {
  const r = await run(['subscriptions', 'add', address, '--network', '--db', seeded.db]);
  // stderr shows an override as its escape, so that it reorders nothing on the terminal.
  const shown = JSON.stringify(address).replace('\u202e', '\\u202e');
  expect([r.code, r.err.split('\n')[0]]).toEqual([2, `lakivahti subscriptions: ${shown} is not an e-mail address: it holds an invisible `
    + `formatting character (U+${code} at character ${at}), as text pasted from a web page or a document may; type the address again`]);
  expect(stored()).toEqual([]);
}, 30_000);

it('the address typed without it is added', async () => {
  const r = await run(['subscriptions', 'add', 'pelastus@example.fi', '--network', '--db', seeded.db]);
  expect([r.code, r.err]).toEqual([0, '']);
  expect(stored()).toEqual(['pelastus@example.fi']);
}, 30_000);
