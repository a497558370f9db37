// `items --search` with an inflected word, as a user types it at a shell, without Voikko (the Snowball path): the
// words of a scratch database crawled from a local feed are found in the form the user has in mind (muutoksen finds
// an item saying muutos, räddningsverken one saying räddningsverk), and a look-alike is not (lakiin ≠ lakko).
import { expect, it } from 'vitest';
import { run } from '../helpers/process.js';
import { env, useCrawledTitles } from './search-feed.js';

const titles = ['Lain muutos tulee voimaan vuoden alusta', 'Ett nytt räddningsverk inrättas', 'Ammattiliitto uhkaa lakolla'];
const crawled = useCrawledTitles('search-inflected', titles);

const search = (word: string) => run(['items', '--db', crawled.db(), '--search', word], { env });

it.each([
  ['muutoksen', 'Lain muutos'],
  ['räddningsverken', 'räddningsverk inrättas'],
])('items --search %s finds the item in another form', async (word, title) => {
  const r = await search(word);
  expect(r.code, r.err).toBe(0);
  expect(r.out).toContain(title);
  expect(r.out).not.toContain('lakolla');
});

it('items --search lakiin does not find lakko', async () => {
  const r = await search('lakiin');
  expect(r.code, r.err).toBe(0);
  expect(r.out).not.toContain('lakolla');
});

it('items --search reads OR in capitals as alternatives and a minus before a word as one to leave out', async () => {
  const either = await search('muutoksen OR lakko');
  expect(either.code, either.err).toBe(0);
  expect(either.out).toContain('Lain muutos');
  expect(either.out).toContain('lakolla');
  expect(either.out).not.toContain('räddningsverk');
  const found = await search('vuoden');
  expect(found.out).toContain('Lain muutos');
  const without = await search('vuoden -laki');
  expect(without.code, without.err).toBe(0);
  expect(without.out).not.toContain('Lain muutos');
  // Words to leave out alone find nothing to leave them out of: refused, naming why.
  const only = await run(['items', '--db', crawled.db(), '--search=-laki'], { env });
  expect([only.code, only.err]).toEqual([2, expect.stringContaining('--search "-laki" has no words to search for (a word after a minus is one to leave out: give one to find too)')]);
});
