// `items --search` with what people type besides words, as a user types it at a shell, without Voikko (the Snowball
// path): a quoted phrase finds its words next to each other in that order, in their inflected forms; FTS5's own syntax
// (NEAR, *, ^, column names, parentheses, stray quotes) is read as words, never an FTS5 error; a short Swedish stem
// finds its own forms and not a look-alike's (lagen ≠ lager).
import { expect, it } from 'vitest';
import { run } from '../helpers/process.js';
import { env, useCrawledTitles } from './search-feed.js';

const titles = [
  'Pelastustoimen rahoituksesta päätetään syksyllä', 'Pelastustoimi ja sen rahoitus', 'Rahoitus pelastustoimen kehittämiseen',
  'Lagen om räddningsväsendet ändras', 'Nya lager av skyddsutrustning byggs upp',
];
const crawled = useCrawledTitles('search-syntax', titles);

/** The titles `items --search` lists (it exits 0). */
async function found(text: string): Promise<string[]> {
  const r = await run(['items', '--db', crawled.db(), '--json', '--search', text], { env });
  expect(r.code, r.err).toBe(0);
  return r.out.split('\n').filter(Boolean).map((l) => (JSON.parse(l) as { title: string }).title).sort();
}

// Six runs of the CLI, one after another: 0.3 s each quietly, 4-9 s at load 15 (three test files at once, session 51:
// over the default 20 s).
it('a quoted phrase finds its words next to each other, in order, each in its inflected forms', async () => {
  expect(await found('"pelastustoimen rahoitus"')).toEqual([titles[0]]);
  expect(await found('“pelastustoimi rahoitus”')).toEqual([titles[0]]);
  // Unquoted, or with a quote left open, the same words are found anywhere.
  expect(await found('pelastustoimen rahoitus')).toEqual([titles[0], titles[1], titles[2]].sort());
  expect(await found('"pelastustoimen rahoitus')).toEqual([titles[0], titles[1], titles[2]].sort());
  // A phrase to leave out.
  expect(await found('rahoitus -"pelastustoimen rahoitus"')).toEqual([titles[1], titles[2]].sort());
  expect(await found('"lag om räddningsväsendet"')).toEqual([titles[3]]);
}, 90_000);

it.each([
  'NEAR(pelastustoimi rahoitus, 2)', 'pelastus*', '^pelastustoimi', 'title:rahoitus', '{title}: rahoitus', '(pelastustoimi OR lager)',
  'rahoitus AND NOT', '"', '""', '" rahoitus "" ', 'rahoitus -', 'OR', 'rahoitus OR OR lager', '- -', ':', '*', 'a"b"c', "rahoitus's",
])('%s is read as words, never an FTS5 error', async (text) => {
  const r = await run(['items', '--db', crawled.db(), `--search=${text}`], { env });
  expect(r.err).not.toMatch(/fts5|syntax error|SqliteError|unterminated/i);
  // Either a list (exit 0) or a search with no words to find, refused naming it (exit 2).
  if (r.code !== 0) expect([r.code, r.err]).toEqual([2, expect.stringContaining('has no words to search for')]);
});

it('a short Swedish stem finds its own forms, not a look-alike sharing its letters (lagen ≠ lager)', async () => {
  for (const q of ['lag', 'lagen', 'lagarna']) expect(await found(q)).toEqual([titles[3]]);
  expect(await found('lager')).toEqual([titles[4]]);
});

it('a phrase to leave out alone is refused naming why, as a word to leave out alone is', async () => {
  const r = await run(['items', '--db', crawled.db(), '--search=-"pelastustoimen rahoitus"'], { env });
  expect([r.code, r.err]).toEqual([2, expect.stringContaining('has no words to search for (a word after a minus is one to leave out: give one to find too)')]);
});
