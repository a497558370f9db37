// `subscriptions add` with an option given an empty value, as a script with an unset variable gives it
// (`--search "$TERMS"`): refused by name (exit 2), nothing added. An empty --search or --organisation was dropped, so the
// subscription followed the goal alone, and an empty --every or --lang took the default, each without a word.
import { expect, it } from 'vitest';
import { run } from '../helpers/process.js';
import { pluckAll, seededForTests } from './seed.js';

const seeded = seededForTests('subs-empty', 3);
const count = () => pluckAll(seeded.db, 'SELECT count(*) FROM subscriptions')[0] as number;

it.each([
  ['search', ['--goal', 'services', '--search', '']],
  ['search', ['--goal', 'services', '--search', '  ']],
  ['organisation', ['--goal', 'services', '--organisation', '']],
  ['every', ['--network', '--every', '']],
  ['lang', ['--network', '--lang', '']],
])('an empty --%s is refused by name, nothing added', async (name, args) => {
  const r = await run(['subscriptions', 'add', 'sote@example.fi', ...args, '--db', seeded.db]);
  expect([r.code, r.out, r.err.split('\n')[0]]).toEqual([2, '', `lakivahti subscriptions: --${name} is empty; give a value or leave it out`]);
  expect(count()).toBe(0);
});

it('the same with values is added', async () => {
  const before = count();
  const r = await run(['subscriptions', 'add', 'sote@example.fi', '--goal', 'services', '--search', 'pelastuslaki', '--every', 'daily', '--lang', 'sv', '--db', seeded.db]);
  expect([r.code, r.err]).toEqual([0, '']);
  expect(count()).toBe(before + 1);
});

// A line break or a terminal's escape in what is followed (a script's variable holding two lines, a pasted escape):
// it was stored, broke `subscriptions list`'s one line per subscription, and sent the escape to the terminal. No stored
// text holds one, so such an organisation could never match either.
it.each([
  ['search', ['--search', 'pelastus\nBcc: x@example.com'], '--search "pelastus\\nBcc: x@example.com" holds a control character (U+000A at character 9)'],
  ['organisation', ['--organisation', 'Sisäministeriö\u001b[2J'], '--organisation "Sisäministeriö\\u001b[2J" holds a control character (U+001B at character 15)'],
])('a control character in --%s is refused by name, nothing added', async (_name, args, said) => {
  const before = count();
  const r = await run(['subscriptions', 'add', 'sote@example.fi', ...args, '--db', seeded.db]);
  expect([r.code, r.out, r.err.split('\n')[0]]).toEqual([2, '', `lakivahti subscriptions: ${said}; give it on one line without control characters`]);
  expect(count()).toBe(before);
});
