// Finnish or Swedish, guessed from the words when the source does not say. Both are written with ä and ö, and feed
// items are short ("Bil brann i parkeringshus"), so a few stopwords are not enough: each word also counts by what
// only one of the two languages does — Finnish double vowels and case endings, Swedish å, articles and suffixes,
// consonant clusters no Finnish word begins with.
import type { Lang } from '../model.js';
import { nfc } from '../parse/nfc.js';

const FI = new Set([
  'ja', 'on', 'että', 'tai', 'sekä', 'ei', 'lain', 'laki', 'lakia', 'ovat', 'myös', 'tämä', 'joka', 'jonka', 'jotka',
  'mukaan', 'kanssa', 'hallituksen', 'esitys', 'esityksen', 'lausunto', 'lausuntopyyntö', 'ministeriö',
  'muuttamisesta', 'koskeva', 'koskevan', 'vuoden', 'vuonna', 'kun', 'jos', 'mutta', 'sen', 'se', 'ne', 'olla', 'oli',
  'tulee', 'ole', 'voi', 'voidaan', 'eli', 'vain', 'vielä', 'jo', 'nyt', 'uusi', 'uuden', 'uudet', 'ensi', 'yli',
  'noin', 'kaikki', 'osa', 'jälkeen', 'aikana', 'euroa', 'prosenttia', 'hallitus', 'asetus', 'päätös',
]);
const SV = new Set([
  'och', 'för', 'som', 'av', 'är', 'till', 'att', 'det', 'den', 'de', 'med', 'en', 'ett', 'om', 'på', 'i', 'lag',
  'lagen', 'regeringens', 'regeringen', 'proposition', 'utlåtande', 'från', 'har', 'ska', 'skall', 'inte', 'eller',
  'samt', 'vid', 'ministeriet', 'ändring', 'ändringar', 'remiss', 'alla', 'nya', 'ny', 'nytt', 'under', 'efter',
  'inom', 'mot', 'också', 'även', 'kan', 'blir', 'blev', 'var', 'år', 'året', 'över', 'så', 'sig', 'sin', 'sina',
  'hur', 'när', 'där', 'denna', 'detta', 'dessa', 'mer', 'fler', 'miljoner', 'procent', 'bland', 'annat', 'genom',
  'enligt', 'kommer', 'får', 'ses', 'tas', 'bruk', 'in', 'ut', 'ingen', 'inga', 'hela', 'nästa', 'fjol',
]);

/** Finnish: a long vowel, or one of the common case and derivation endings on a word of five letters or more. */
const FI_WORD = /(?:aa|ee|ii|oo|uu|yy|ää|öö)|.{2}(?:ssa|ssä|sta|stä|lla|llä|lta|ltä|lle|ksi|iden|jen|nen|isen|ista|istä|minen|misen|mista|uus|yys|tus|tys|kset|sten|ien|evat|evät|ivat|ivät|aan|ään|een|iin|uun|yyn)$/;
/** Swedish: å, a Swedish suffix, or a consonant cluster no Finnish word begins with. */
const SV_WORD = /å|^(?:sk|sj|stj|skr|spr|str|tj|kv|sv|tv|fr|fl|bl|gl|sl|sm|sn)|.{2}(?:ning|ningen|ningar|ningarna|heten|ernas?|arnas?|ornas?|ande|ende|tion|tionen|skap|skapen|else|lig|liga|ligt|ade|ades|ats|het|ens|ets|ck|ckor)$/;

/** The first characters (a title and the start of its text) say the language; a long text costs no more. */
const SAMPLE = 600;

/**
 * Each word's look (+1 Finnish, -1 Swedish, 0 neither or both), kept: a crawl's items repeat their words (a feed's
 * titles share most of theirs), and a lookup costs a fraction of the two patterns. Bounded like the date caches.
 */
const looks = new Map<string, number>();

/** +1 for a word that only looks Finnish, -1 for one that only looks Swedish, else 0. */
function look(word: string): number {
  let value = looks.get(word);
  if (value === undefined) {
    const fi = FI_WORD.test(word);
    value = fi === SV_WORD.test(word) ? 0 : fi ? 1 : -1;
    if (looks.size >= 50_000) looks.clear();
    looks.set(word, value);
  }
  return value;
}

/** "fi" or "sv" by counting stopwords (two each) and each word's Finnish or Swedish look; `fallback` on a tie. */
export function detectLanguage(text: string, fallback: Lang): Lang {
  let score = 0; // > 0 Finnish, < 0 Swedish
  for (const word of nfc(text.slice(0, SAMPLE).toLowerCase()).match(/\p{L}+/gu) ?? []) {
    if (FI.has(word)) score += 2;
    else if (SV.has(word)) score -= 2;
    else if (word.length >= 4) score += look(word);
  }
  return score === 0 ? fallback : score > 0 ? 'fi' : 'sv';
}
