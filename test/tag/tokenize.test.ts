// tokenize: each word as written, its lower case and its hyphen pieces. A word is lowercased alone, and its pieces are
// split only when read: both must give what lowercasing the whole text and splitting every word gave.
import { describe, expect, it } from 'vitest';
import { createAnalyzer, createSnowballAnalyzer, tokenize, type Analyzer } from '../../src/tag/analyze.js';
import { compileTerms } from '../../src/tag/match.js';
import type { TermDef } from '../../src/tag/types.js';
import { voikkoForTests } from './voikko-gate.js';

/**
 * Every character tokenize takes as a word character (analyze.ts's WORD class) but İ, whose lower case is two
 * characters: where the text has one, no word's lower case is found at the word's place in the text's.
 */
const WORD_CHARS = [...'0123456789', ...Array.from({ length: 0x250 }, (_, c) => String.fromCharCode(c)).filter((ch) => /[A-Za-zªµºÀ-ÖØ-öø-ɏ]/.test(ch) && ch !== 'İ')];

describe('tokenize', () => {
  it.each([
    ['Sote-uudistus ja ERICA‐hätäkeskus', [['Sote-uudistus', 'sote-uudistus', ['Sote', 'uudistus']], ['ja', 'ja', ['ja']], ['ERICA‐hätäkeskus', 'erica‐hätäkeskus', ['ERICA', 'hätäkeskus']]]],
    ['VN/1234/2022 – KEJOn käyttöönotto', [['VN', 'vn', ['VN']], ['1234', '1234', ['1234']], ['2022', '2022', ['2022']], ['KEJOn', 'kejon', ['KEJOn']], ['käyttöönotto', 'käyttöönotto', ['käyttöönotto']]]],
    ['İSTANBUL Σ Räddningsverket', [['İSTANBUL', 'i̇stanbul', ['İSTANBUL']], ['Räddningsverket', 'räddningsverket', ['Räddningsverket']]]],
    ['…', []],
    // A first part cut short before "and", "or" or a comma keeps its hyphen (it is no word of its own); elsewhere a
    // hyphen or dash after a word is punctuation.
    ['Hälytys- ja johtamisjärjestelmät, brand- och räddnings- eller x', [['Hälytys-', 'hälytys-', ['Hälytys']], ['ja', 'ja', ['ja']], ['johtamisjärjestelmät', 'johtamisjärjestelmät', ['johtamisjärjestelmät']], ['brand-', 'brand-', ['brand']], ['och', 'och', ['och']], ['räddnings-', 'räddnings-', ['räddnings']], ['eller', 'eller', ['eller']], ['x', 'x', ['x']]]],
    ['palo-, pelastus- sekä kriisi - ja hallinto– tai', [['palo-', 'palo-', ['palo']], ['pelastus-', 'pelastus-', ['pelastus']], ['sekä', 'sekä', ['sekä']], ['kriisi', 'kriisi', ['kriisi']], ['ja', 'ja', ['ja']], ['hallinto', 'hallinto', ['hallinto']], ['tai', 'tai', ['tai']]]],
  ])('%s', (text, expected) => {
    expect(tokenize(text).map((t) => [t.text, t.lower, t.pieces])).toEqual(expected);
  });

  it("lowercases each word as lowercasing the whole text does, for every word character beside every other, and Greek sigmas next to it", () => {
    const wrong: string[] = [];
    let words = 0;
    for (const a of WORD_CHARS) {
      const text = WORD_CHARS.map((b) => `${a}${b}Σ ${b}-${a}ΣΑ`).join(' ');
      const lowerAll = text.toLowerCase();
      let at = 0;
      for (const t of tokenize(text)) {
        at = text.indexOf(t.text, at);
        const pieces = t.text.split(/[-‐‑–]/);
        if (t.lower !== lowerAll.slice(at, at + t.text.length) || t.pieces.join('|') !== pieces.join('|') || t.pieces.length !== pieces.length) wrong.push(t.text);
        at += t.text.length;
        words++;
      }
    }
    expect(wrong).toEqual([]);
    expect(words).toBe(2 * WORD_CHARS.length ** 2);
  });
});

// A first part cut short (hälytys- ja …) starts a compound whose head is the next word's: a term that matches only the
// whole word (the incident scope's alarm, hälytys) does not match it, a term that may start a compound does.
describe('a first part cut short', () => {
  const term = (text: string, exact: boolean): TermDef => ({ text, lang: 'fi', goals: { g: 1 }, rule: 'anchor', exact, caseSensitive: false, subtopic: null, line: 1 });
  const analyzers: [string, () => Analyzer | null][] = [
    ['Snowball', () => createSnowballAnalyzer()],
    ['Voikko', () => (voikkoForTests('a first part cut short with Voikko') ? createAnalyzer('auto') : null)],
  ];
  it.each(analyzers)('is no whole word (%s)', (_name, make) => {
    const analyzer = make();
    if (!analyzer) return;
    const m = compileTerms([term('hälytys', true), term('hälytys+järjestelmä', false), term('hälytys', false)], analyzer);
    const matched = (text: string): string[][] => tokenize(text).map((t) => m.matchToken(t, 'fi').single.map((x) => `${x.term.def.text}${x.term.def.exact ? '!' : ''}`));
    expect(matched('hälytys- ja johtamisjärjestelmät')).toEqual([['hälytys'], [], []]);
    expect(matched('hälytys ja johtamisjärjestelmät')[0].sort()).toEqual(['hälytys', 'hälytys!']);
    expect(matched('hälytysjärjestelmät')).toEqual([['hälytys+järjestelmä']]);
  });
});
