// tokenize: each word as written, its lower case and its hyphen pieces. A word is lowercased alone, and its pieces are
// split only when read: both must give what lowercasing the whole text and splitting every word gave.
import { describe, expect, it } from 'vitest';
import { tokenize } from '../../src/tag/analyze.js';

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
