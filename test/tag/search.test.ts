import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parsePairs, searchRecall } from '../../bench/search-recall.js';
import { createAnalyzer, createSnowballAnalyzer, type Analyzer } from '../../src/tag/analyze.js';
import { searchQuery } from '../../src/tag/index-terms.js';
import { finnishSearchKeys, swedishSearchKeys } from '../../src/tag/search-keys.js';
import { voikkoForTests } from './voikko-gate.js';

const load = (name: string) => {
  const url = new URL(`../fixtures/search/${name}`, import.meta.url);
  return parsePairs(readFileSync(url, 'utf8'), url.pathname);
};
// dev.jsonl was used to design the search keys; heldout.jsonl was written with it, before, and is not tuned on.
const dev = load('dev.jsonl');
const heldout = load('heldout.jsonl');
// The same the other way round: the query typed inflected (muutoksen, räddningsverken), the text in another form.
const inflectedDev = load('inflected-dev.jsonl');
const inflectedHeldout = load('inflected-heldout.jsonl');
// Short stems against look-alikes that share their letters (lag ≠ lager, lain ≠ laina), written before the rule.
const shortStems = load('short-stems.jsonl');
// Quoted phrases: the words next to each other in order, each in its inflected forms; apart or reordered, not found.
const phrases = load('phrases.jsonl');

const shares = (word: string, inflected: string): boolean =>
  finnishSearchKeys(word, false).some((k) => finnishSearchKeys(inflected).includes(k));

describe('Finnish search keys', () => {
  it.each([
    ['pelastuslaki', 'pelastuslain'], ['kunta', 'kuntien'], ['ensihoito', 'ensihoidon'], ['lupa', 'luvan'],
    ['sopimus', 'sopimukset'], ['varautuminen', 'varautumisesta'], ['kaupunki', 'kaupungeissa'], ['hanke', 'hankkeen'],
    ['ilta', 'illan'], ['virta', 'virran'], ['lampi', 'lammen'], ['joukko', 'joukon'], ['puhelin', 'puhelimen'],
    ['laite', 'laitteita'], ['vesi', 'veden'], ['tie', 'teiden'], ['turvallisuus', 'turvallisuutta'],
  ])('%s and %s share a key', (word, inflected) => {
    expect(shares(word, inflected)).toBe(true);
  });

  it.each([
    ['laki', 'lakon'], ['tie', 'tieto'], ['kuu', 'kuusi'], ['kuu', 'kuuden'], ['kunta', 'kunnon'], ['sota', 'sote'],
    ['valo', 'palon'], ['vuosi', 'vuodon'], ['veri', 'veron'], ['tuli', 'tullin'], ['kunta', 'eduskunnan'],
  ])('%s and %s do not', (word, other) => {
    expect(shares(word, other)).toBe(false);
  });

  it('takes no keys from numbers, codes or one-letter stems', () => {
    expect(finnishSearchKeys('2026')).toEqual([]);
    expect(finnishSearchKeys('vn2022')).toEqual([]);
    expect(finnishSearchKeys('ja')).toEqual([]);
  });
});

describe('Swedish search keys', () => {
  it('are the base forms a word may inflect, taking off noun endings only', () => {
    expect(swedishSearchKeys('lagarna')).toContain('lag');
    expect(swedishSearchKeys('kommunernas')).toContain('kommun');
    expect(swedishSearchKeys('välfärdsområdena')).toContain('välfärdsområde');
    expect(swedishSearchKeys('området')).toContain('område');
    expect(swedishSearchKeys('olyckor')).toContain('olycka');
    expect(swedishSearchKeys('hemliga')).not.toContain('hem');
    expect(swedishSearchKeys('stationen')).not.toContain('stat');
  });
});

describe('searchQuery', () => {
  const snowball = createSnowballAnalyzer();
  it('ANDs the words, each an OR of its forms; short words only whole', () => {
    expect(searchQuery('kuu tie', snowball, 'fi')).toBe('("kuu") AND ("tie")');
    expect(searchQuery('pelastuslaki', snowball, 'fi')).toBe('("pelastuslaki"* OR "pelastuslake")');
  });
  it('looks a word up as Finnish and as Swedish when the language is not given', () => {
    // A short Swedish stem is no key of its own (lager's key is lag too): the word as written, and its forms.
    for (const lang of [undefined, 'sv'] as const) {
      expect(searchQuery('lag', snowball, lang)).toMatch(/^\(\{title summary\} : "lag" OR "lagen" OR .*"lagarna"/);
      expect(searchQuery('lag', snowball, lang)).not.toMatch(/"lager"/);
    }
    // A Finnish monosyllable in -n or -t is no base form: as written only (lain is laina's key).
    expect(searchQuery('lain', snowball, 'fi')).toBe('({title summary} : "lain" OR "lae" OR "lake")');
    expect(searchQuery('lupa', snowball)).toBe('("lupa" OR "lup")');
    expect(searchQuery('kommun', snowball, 'sv')).toBe('("kommun"* OR "kommu")');
  });
  it('adds the keys of an inflected word, Finnish and Swedish, and the base forms the index keeps as written', () => {
    expect(searchQuery('muutoksen', snowball, 'fi')).toBe('("muutoksen"* OR "muutos")');
    expect(searchQuery('varautumisen', snowball, 'fi')).toContain('"varautuminen"');
    expect(searchQuery('määräajan', snowball, 'fi')).toContain('"määräaik"');
    expect(searchQuery('räddningsverken', snowball, 'sv')).toBe('("räddningsverken"* OR "räddningsverk" OR "räddningsverke")');
    // The language unknown, a word is looked up both ways.
    expect(searchQuery('lagen', snowball)).toContain('"lag"');
  });
  it('leaves out a form the prefix term already finds, and only those', () => {
    // An analyzer that reads the typed word as the start of a longer base form, and a short word as another word.
    const reading = (parts: string[][]): Analyzer => ({ name: 'snowball', analyze: () => ({ parts, key: '', pieceKeys: [] }) });
    expect(searchQuery('pelastus', reading([['pelastuslaitos'], ['pelasto']]), 'fi')).toBe('("pelastus"* OR "pelasto")');
    expect(searchQuery('tie', reading([['tieto']]), 'fi')).toBe('("tie" OR "tieto")');
  });
  it('returns null for no words and quotes what FTS5 would read as syntax', () => {
    expect(searchQuery(' ,; ', snowball)).toBeNull();
    expect(searchQuery('NOT NEAR', snowball, 'fi')).toBe('({title summary} : "not") AND ("near")');
    // OR in lower case, or alone at either end, is no operator: a word, or nothing.
    expect(searchQuery('tie or', snowball, 'fi')).toBe('("tie") AND ("or")');
    expect(searchQuery('OR tie OR', snowball, 'fi')).toBe('("tie")');
  });

  it('reads OR in capitals between words as alternatives, and a word after a minus as one the item must not have', () => {
    expect(searchQuery('kuu OR tie', snowball, 'fi')).toBe('(("kuu")) OR (("tie"))');
    expect(searchQuery('kuu maa OR tie', snowball, 'fi')).toBe('(("kuu") AND ("maa")) OR (("tie"))');
    expect(searchQuery('kuu -tie', snowball, 'fi')).toBe('(("kuu") NOT ("tie"))');
    expect(searchQuery('kuu maa -tie −palo', snowball, 'fi')).toBe('((("kuu") AND ("maa")) NOT (("tie") OR ("palo")))');
    // A hyphen inside a word is the word's; excluded words alone have nothing to find.
    expect(searchQuery('sote-uudistus', snowball, 'fi')).not.toContain('NOT');
    expect(searchQuery('-tie -kuu', snowball, 'fi')).toBeNull();
  });

  it('reads words in double quotes as a phrase of their stems in title and summary, beside each word found as alone', () => {
    expect(searchQuery('"kunnan talous"', snowball, 'fi')).toBe(
      '(("kunnan"* OR "kuntan" OR "kunt") AND ("talous"*) AND {title summary} : "ku"* + "talou"*)');
    // One quoted word is the word; a quote left open is no quote; a phrase with a minus is left out.
    expect(searchQuery('"kunta"', snowball, 'fi')).toBe(searchQuery('kunta', snowball, 'fi'));
    expect(searchQuery('"kunnan talous', snowball, 'fi')).toBe(searchQuery('kunnan talous', snowball, 'fi'));
    expect(searchQuery('talous -"kunnan talous"', snowball, 'fi')).toMatch(/^\(\("talous"\*\) NOT \(.* \+ "talou"\*\)\)$/);
  });

  it('reads a star after a word as its start, however short (tied* finds tiedote), as Finlex search does', () => {
    expect(searchQuery('tied*', snowball, 'fi')).toBe('("tied"*)');
    expect(searchQuery('lag*', snowball, 'sv')).toMatch(/^\("lag"\*/);
    expect(searchQuery('palo tied*', snowball, 'fi')).toBe('("palo") AND ("tied"*)');
    expect(searchQuery('kuu -tied*', snowball, 'fi')).toBe('(("kuu") NOT ("tied"*))');
    // A star alone, or after one letter, is no start: nothing, or the letter as a word.
    expect(searchQuery('*', snowball, 'fi')).toBeNull();
    expect(searchQuery('t*', snowball, 'fi')).toBe(searchQuery('t', snowball, 'fi'));
  });

  it('does not read a base form as the inflection of a shorter word (kunta is not kun, ajan not aj)', () => {
    expect(searchQuery('kunta', snowball, 'fi')).not.toMatch(/"kun"/);
    expect(searchQuery('ajan', snowball)).not.toMatch(/"aj"/);
  });
});

function recallSuite(name: string, make: () => Analyzer | null, target: number, heldoutTarget: number): void {
  describe(`search recall (${name})`, () => {
    const analyzer = make();
    if (!analyzer) {
      it.todo('Voikko is not installed here: apt-get install libvoikko1 voikko-fi');
      return;
    }
    it.each([
      ['dev', dev, target, 40], ['held-out', heldout, target, 40],
      ['inflected-query dev', inflectedDev, target, 40],
      // Held out: its misses are reported (sairaaloissa, kustannukset; ministeriet), not fixed by a rule for the word.
      ['inflected-query held-out', inflectedHeldout, heldoutTarget, 30],
      // Its misses are the -er plural read apart from the singular (tiden ≠ tider), the price of lagen ≠ lager.
      ['short stems', shortStems, 0.85, 19],
      ['quoted phrases', phrases, 1, 12],
    ] as const)('finds ≥ %s pairs at the target and no negative', (_, pairs, min, count) => {
      const r = searchRecall(pairs, analyzer);
      expect(r.positives).toBeGreaterThanOrEqual(count);
      expect(r.wronglyFound).toEqual([]);
      expect(r.recall, r.missed.join('\n')).toBeGreaterThanOrEqual(min);
    });
  });
}

recallSuite('Snowball', () => createSnowballAnalyzer(), 0.95, 0.9);
recallSuite('Voikko', () => (voikkoForTests('search recall with Voikko') ? createAnalyzer('auto') : null), 0.98, 0.96);

it('the pair sets hold at least 100 positive pairs, 40 of them held out, and negatives', () => {
  const all = [...dev, ...heldout, ...inflectedDev, ...inflectedHeldout, ...shortStems, ...phrases];
  expect(all.filter((p) => p.match).length).toBeGreaterThanOrEqual(100);
  expect(heldout.length).toBeGreaterThanOrEqual(40);
  expect(all.filter((p) => !p.match).length).toBeGreaterThanOrEqual(20);
  expect(new Set(all.map((p) => p.lang))).toEqual(new Set(['fi', 'sv']));
});
