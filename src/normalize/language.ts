// Finnish or Swedish, guessed from stopwords when the source does not say.
import type { Lang } from '../model.js';
import { nfc } from '../parse/nfc.js';

const FI = new Set([
  'ja', 'on', 'että', 'tai', 'sekä', 'ei', 'lain', 'laki', 'lakia', 'ovat', 'myös', 'tämä', 'joka', 'jonka',
  'mukaan', 'kanssa', 'hallituksen', 'esitys', 'esityksen', 'lausunto', 'lausuntopyyntö', 'ministeriö',
  'muuttamisesta', 'koskeva', 'vuoden', 'kun', 'jos', 'mutta', 'sen', 'se', 'ne', 'olla', 'oli', 'tulee',
]);
const SV = new Set([
  'och', 'för', 'som', 'av', 'är', 'till', 'att', 'det', 'den', 'med', 'en', 'ett', 'om', 'på', 'lag', 'lagen',
  'regeringens', 'proposition', 'utlåtande', 'från', 'har', 'ska', 'inte', 'eller', 'samt', 'vid', 'ministeriet',
  'ändring', 'ändringar', 'remiss',
]);

/** "fi" or "sv" by counting stopwords in the text; `fallback` when neither clearly wins. */
export function detectLanguage(text: string, fallback: Lang): Lang {
  let fi = 0;
  let sv = 0;
  for (const word of nfc(text.toLowerCase()).match(/\p{L}+/gu) ?? []) {
    if (FI.has(word)) fi++;
    else if (SV.has(word)) sv++;
  }
  if (fi === sv) return fallback;
  return fi > sv ? 'fi' : 'sv';
}
