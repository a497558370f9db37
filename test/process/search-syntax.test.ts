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

// Six runs of the CLI: 0.3 s each quietly, 4-9 s at load 15 (three test files at once, session 51: over the default
// 20 s). `items` only reads: they run at once.
it('a quoted phrase finds its words next to each other, in order, each in its inflected forms', async () => {
  const [phrase, curly, unquoted, open, without, swedish] = await Promise.all([
    found('"pelastustoimen rahoitus"'), found('“pelastustoimi rahoitus”'), found('pelastustoimen rahoitus'),
    found('"pelastustoimen rahoitus'), found('rahoitus -"pelastustoimen rahoitus"'), found('"lag om räddningsväsendet"'),
  ]);
  expect(phrase).toEqual([titles[0]]);
  expect(curly).toEqual([titles[0]]);
  // Unquoted, or with a quote left open, the same words are found anywhere.
  expect(unquoted).toEqual([titles[0], titles[1], titles[2]].sort());
  expect(open).toEqual([titles[0], titles[1], titles[2]].sort());
  // A phrase to leave out.
  expect(without).toEqual([titles[1], titles[2]].sort());
  expect(swedish).toEqual([titles[3]]);
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
  // Four runs of the CLI (over the default 20 s one after another at load 24, session 54): at once.
  const [lag, lagen, lagarna, lager] = await Promise.all(['lag', 'lagen', 'lagarna', 'lager'].map(found));
  for (const hits of [lag, lagen, lagarna]) expect(hits).toEqual([titles[3]]);
  expect(lager).toEqual([titles[4]]);
}, 90_000);

it('a phrase to leave out alone is refused naming why, as a word to leave out alone is', async () => {
  const r = await run(['items', '--db', crawled.db(), '--search=-"pelastustoimen rahoitus"'], { env });
  expect([r.code, r.err]).toEqual([2, expect.stringContaining('has no words to search for (a word after a minus is one to leave out: give one to find too)')]);
});
