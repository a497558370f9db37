// Search keys for Finnish words without Voikko: the same key comes out of a noun's base form and its regularly
// inflected forms (pelastuslaki/pelastuslain, kunta/kuntien, lupa/luvan, sopimus/sopimukset), so that indexing
// every word's keys and OR-ing the query word's keys finds inflections that Snowball stems keep apart.
// The tagger does not use these keys: they are for search only.

const VOWEL = 'aeiouyäö';
const isVowel = (c: string | undefined): boolean => c !== undefined && VOWEL.includes(c);

/**
 * Case endings, alone and after the plural i/j, in both vowel harmonies. A word yields one stem per ending it ends
 * with (and itself), since which one is the real ending is not known without a dictionary.
 */
const ENDINGS = [
  'n', 't', 'a', 'ä', 'ta', 'tä', 'tta', 'ttä', 'ssa', 'ssä', 'sta', 'stä', 'lla', 'llä', 'lta', 'ltä', 'lle', 'na', 'nä',
  'ksi', 'seen', 'an', 'en', 'in', 'on', 'un', 'yn', 'än', 'ön', 'han', 'hen', 'hin', 'hon', 'hun', 'hyn', 'hän', 'hön',
  'issa', 'issä', 'ista', 'istä', 'illa', 'illä', 'ilta', 'iltä', 'ille', 'ina', 'inä', 'iksi', 'itta', 'ittä', 'iin',
  'ihin', 'isiin', 'ia', 'iä', 'ja', 'jä', 'ita', 'itä', 'ien', 'jen', 'den', 'iden', 'tten', 'itten', 'ten', 'ine',
];

/** Both grades of a consonant cluster fold to one (kk/k → k, nn/nt → nt, v/p → p …): consonant gradation undone. */
function neutralGrade(cluster: string): string {
  return cluster
    .replace('kk', 'k').replace('pp', 'p').replace('tt', 't').replace('d', 't')
    .replace('nn', 'nt').replace('ng', 'nk').replace('ll', 'lt').replace('rr', 'rt').replace('mm', 'mp')
    .replace('v', 'p');
}

/** The key of one candidate stem: stem types folded, the stem vowel normalized and the gradation site neutralized. */
function canon(stem: string): string | null {
  let s = stem
    .replace(/([aeiouyäö])kse?$/, '$1s') // sopimukse-, säädöks-, jäniks- → -s (-us/-ukse-, -is/-ikse- …)
    .replace(/([aeiouyäö])(?:nen|se)$/, '$1s') // varautuminen, varautumise- → -s (-nen/-se-)
    .replace(/([aeiouyäö][uy])(?:de|d|t)$/, '$1s') // turvallisuude-, valmiut- → -uus, -ius (-us/-ude-)
    .replace(/([aeiouyäö])si$/, '$1te') // vesi, vuosi → the de/te stem (vede-, vuote-)
    .replace(/^([^aeiouyäö]*)(ei|oi|öi)$/, (_, c: string, v: string) => c + { ei: 'ie', oi: 'uo', öi: 'yö' }[v]) // tei- → tie
    .replace(/ee$/, 'e') // laittee- → laitte-
    .replace(/i$/, 'e'); // laki, lake- (lakeja): the i/e stems
  if (/[^aeiouyäö][aä]$/.test(s) && s.length >= 4) s = s.slice(0, -1); // kunta/kunti-/kunn-: the a/ä stem vowel gives way to the plural i
  // The gradation site is the last or the last but one consonant cluster (kunt-, kunna-; tarve, hankkee-):
  // fold both, never the word's first consonants (valo and palo stay apart).
  s = s.replace(/(?<=[aeiouyäö])[^aeiouyäö]+(?=[aeiouyäö]*[^aeiouyäö]*[aeiouyäö]*$)/g, neutralGrade);
  return s.length >= 3 ? s : null;
}

/** The k of the k–∅ gradation put back between the two last vowels (lai- → laki, tue- → tuke, jao- → jako). */
function withK(stem: string): string | null {
  const n = stem.length;
  if (n < 3 || isVowel(stem[n - 3]) || !isVowel(stem[n - 1]) || !isVowel(stem[n - 2]) || stem[n - 1] === stem[n - 2]) return null;
  if (/(ie|uo|yö)$/.test(stem)) return null; // diphthongs of the word itself (tie, suo, työ), not a lost k
  return `${stem.slice(0, -1)}k${stem.slice(-1)}`;
}

function keysOfStem(stem: string, out: Set<string>): void {
  const k = canon(stem);
  if (k) out.add(k);
  const kk = withK(stem);
  const kkey = kk && canon(kk);
  if (kkey) out.add(kkey);
  // -in/-ime- (puhelin, puhelime-) beside -i/-e- (toimi, toime-): both readings of a stem in -ime.
  const m = /^(.{3,})ime?$/.exec(stem);
  const ikey = m && canon(`${m[1]}in`);
  if (ikey) out.add(ikey);
}

/** Whether `e` can be the ending of `stem`: an illative -Vn lengthens the stem's vowel; -den follows the plural i. */
function endingFits(stem: string, e: string): boolean {
  if (e.length === 2 && e[1] === 'n' && isVowel(e[0])) return stem.endsWith(e[0]);
  if (e === 'den') return stem.endsWith('i');
  return true;
}

/** Search keys of a Finnish word as written (lowercase): from every plausible stem when `inflected`, else from the word as a base form. */
export function finnishSearchKeys(word: string, inflected = true): string[] {
  if (word.length < 3 || /[^a-zäö]/.test(word)) return [];
  const out = new Set<string>();
  // A word ending in a consonant is only a base form when it equals its key (sopimus, puhelin), which the word
  // as written already finds; as an inflected form (kunnan, sopimukset) its key would only fill the index.
  if (!inflected || isVowel(word[word.length - 1])) keysOfStem(word, out);
  if (inflected)
    for (const e of ENDINGS) {
      const stem = word.slice(0, -e.length);
      if (stem.length >= 2 && word.endsWith(e) && endingFits(stem, e)) keysOfStem(stem, out);
    }
  return [...out];
}

/** Finnish function words a short word read as inflected can come down to (kun-ta, jo-ssa, tai-ta, niin-en). */
const FUNCTION_WORDS = new Set(['kun', 'jos', 'tai', 'vai', 'kuin', 'niin', 'sen', 'nyt', 'jo', 'ei', 'on', 'se', 'ja', 'ne', 'me', 'te', 'he', 'hän', 'kuka', 'mikä', 'joka', 'jota', 'että', 'mutta', 'eli', 'sekä', 'myös', 'vain', 'kyllä', 'koska', 'kanssa']);

/**
 * Search terms of a Finnish word a user typed, base form or inflected: its keys read both ways, and the base forms
 * its stems may stand for that the index keeps only as written, since a word ending in a consonant is keyed only by
 * its endings (varautumisen → varautuminen: the -nen/-se- nouns), or that a stem's key misses (määräajan → määräaika,
 * jäljen → jälki: the k–j gradation). The index's keys are not changed: this only reads what it stores.
 */
export function finnishQueryKeys(word: string): string[] {
  // Read as inflected, a base form may lose what only looks like an ending and become a function word: kunta read as
  // a partitive is kun ('when'), which would find nearly every item. Such a key is dropped; a short content stem stays
  // (tiellä → tie, luvan → lupa).
  const out = new Set([...finnishSearchKeys(word, false), ...finnishSearchKeys(word).filter((k) => !FUNCTION_WORDS.has(k))]);
  if (word.length < 3 || /[^a-zäö]/.test(word)) return [...out];
  for (const e of ENDINGS) {
    const stem = word.slice(0, -e.length);
    if (stem.length < 3 || !word.endsWith(e) || !endingFits(stem, e)) continue;
    if (/[aeiouyäö]se?$/.test(stem) && !/kse?$/.test(stem)) out.add(stem.replace(/se?$/, 'nen'));
    const k = stem.replace(/(?<=[aouäöy])j(?=[aeiouyäö]$)/, 'ik').replace(/(?<=[aeiouyäö][lr])j(?=e$)/, 'k');
    if (k !== stem) for (const key of finnishSearchKeys(k, false)) out.add(key);
  }
  return [...out];
}

/** Swedish definite, plural and genitive endings of nouns (lagen, lagarna, kommunernas, räddningsverkets, området). */
const SV_ENDINGS = ['arnas', 'ernas', 'ornas', 'arna', 'erna', 'orna', 'ens', 'ets', 'ans', 'nas', 'ar', 'er', 'or', 'en', 'et', 'na', 'an', 'n', 's', 't'];

/**
 * Search keys of a Swedish word in a text: the base forms it may be an inflection of (lagarna → lag, området →
 * område, olyckor → olycka), so that the word a user types finds them as it is. Only noun endings are taken off,
 * unlike Snowball, which makes hemliga hem and stationen stat.
 */
export function swedishSearchKeys(word: string): string[] {
  if (word.length < 4 || /[^a-zåäöéü]/.test(word)) return [];
  const out = new Set<string>();
  for (const e of SV_ENDINGS) {
    const stem = word.slice(0, -e.length);
    if (stem.length < 2 || !word.endsWith(e)) continue;
    if (e === 't' && !stem.endsWith('e')) continue; // området, utlåtandet; not bevist
    out.add(stem);
    if (e.startsWith('or')) out.add(`${stem}a`); // olyckor: the plural of olycka
  }
  return [...out];
}

/**
 * Whether a Finnish word as typed can be a base form, so that its own key finds its inflections: a word ending in a
 * vowel, or in n, t, s, l or r (puhelin, kevät, sopimus, askel, mies), but not a
 * monosyllable ending in n or t is a genitive or a plural (lain, maan, työt): as a key it is a look-alike's (lain is
 * laina's key, as kunt is kunta's).
 */
export function finnishBaseForm(word: string): boolean {
  if (/[aeiouyäö]$/.test(word)) return true;
  if (!/[ntslr]$/.test(word)) return false;
  return !/^[^aeiouyäö]*[aeiouyäö]+[nt]$/.test(word);
}

/** The forms of a Swedish noun of a three-letter stem that a search looks for, written out (see swedishShortStemForms). */
const SV_SHORT_FORMS = ['en', 'ens', 's', 'et', 'ets', 'ar', 'arna', 'ars', 'arnas', 'or', 'orna', 'ors', 'ornas', 'erna', 'ernas'];
const SV_ER_FORMS = ['er', 'ers', 'erna', 'ernas'];

/**
 * The written forms of a Swedish noun whose stem is three letters (lag, tid, ord), which a search asks for in place of
 * the stem as a key: a short stem with an ending off is as often another word's (lager → lag, order → ord, liten →
 * lit), so the index's key finds look-alikes. The indefinite plural in -er is the ending most often a base form's own
 * (lager, order, liter, under), so it is looked for only when the typed word has it (tider finds tiderna, lagen does
 * not find lager); a typed -er word finds only its -er forms (liter does not find liten; tider not tiden either).
 */
export function swedishShortStemForms(stem: string, typed: string): string[] {
  const ending = typed.slice(stem.length);
  return (ending.startsWith('er') ? SV_ER_FORMS : SV_SHORT_FORMS).map((e) => stem + e);
}
