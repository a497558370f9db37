// `items --search` with a parliament document's identifier typed as people type it: in Swedish for a Finnish item and
// back, with the session glued to the year, in lower case. It was searched as its words, so "RP 196/2026 rd" needed
// "rp" and "rd" in a Finnish item (none has them) and "HE 196/2026vp" the word "2026vp".
import { expect, it } from 'vitest';
import { run } from '../helpers/process.js';
import { env, useCrawledTitles } from './search-feed.js';

const titles = [
  'HE 196/2026 vp Hallituksen esitys laiksi pelastuslain muuttamisesta',
  'RP 201/2026 rd Regeringens proposition om ändring av räddningslagen',
  'StVL 19/2026 vp Sosiaali- ja terveysvaliokunnan lausunto',
  'HE 19/2026 vp Hallituksen esitys laiksi hätäkeskustoiminnasta',
  'Lausunto luvussa 196 mainitusta asiasta vuodelta 2026',
];
const crawled = useCrawledTitles('search-identifiers', titles);

/** The titles `items --search` lists (it exits 0). */
async function found(text: string): Promise<string[]> {
  const r = await run(['items', '--db', crawled.db(), '--json', '--search', text], { env });
  expect(r.code, r.err).toBe(0);
  return r.out.split('\n').filter(Boolean).map((l) => (JSON.parse(l) as { title: string }).title).sort();
}

it.each([
  ['RP 196/2026 rd', [titles[0]]],
  ['HE 196/2026vp', [titles[0]]],
  ['he196/2026', [titles[0]]],
  ['HE 201/2026 vp', [titles[1]]],
  ['ShUU 19/2026 rd', [titles[2]]],
  ['HE 19/2026 vp', [titles[3]]],
  ['pelastuslain HE 196/2026', [titles[0]]],
])('%s finds the document in either language and spelling, and no other', async (text, expected) => {
  expect(await found(text)).toEqual(expected);
}, 60_000);
