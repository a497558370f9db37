// indexTerms keeps each word's terms (search keys, then base forms) per analyzer and language: a word another analyzer
// or the other language read first gets its own terms, and a number gets none, however often it comes.
import { expect, it } from 'vitest';
import { createSnowballAnalyzer, type Analyzer, type WordAnalysis } from '../../src/tag/analyze.js';
import { indexTerms } from '../../src/tag/index-terms.js';

/** An analyzer that reads every word as the base forms `bases` (one reading each), counting the words it is asked. */
function fixedAnalyzer(bases: string[]): Analyzer & { asked: string[] } {
  const asked: string[] = [];
  return {
    name: 'voikko',
    asked,
    analyze(lowerWord: string): WordAnalysis {
      asked.push(lowerWord);
      return { parts: bases.map((b) => [b]), key: lowerWord, pieceKeys: [lowerWord] };
    },
  };
}

it('gives each analyzer its own base forms of a word', () => {
  const a = fixedAnalyzer(['alfa']);
  const b = fixedAnalyzer(['beeta', 'gamma']);
  const keys = indexTerms('ruokaa', 'fi', createSnowballAnalyzer());
  expect(indexTerms('ruokaa', 'fi', a)).toBe(`${keys} alfa`.trim());
  expect(indexTerms('ruokaa', 'fi', b)).toBe(`${keys} beeta gamma`.trim());
  expect(indexTerms('ruokaa', 'fi', a)).toBe(`${keys} alfa`.trim());
  // Asked once a word and analyzer, then kept.
  expect(a.asked).toEqual(['ruokaa']);
  expect(b.asked).toEqual(['ruokaa']);
});

it('keeps the languages apart', () => {
  const a = fixedAnalyzer([]);
  const fi = indexTerms('lagarna', 'fi', a);
  const sv = indexTerms('lagarna', 'sv', a);
  expect(sv).not.toBe(fi);
  expect(indexTerms('lagarna', 'fi', a)).toBe(fi);
  expect(a.asked).toEqual(['lagarna', 'lagarna']);
});

it('gives a number no terms and asks no analyzer about it', () => {
  const a = fixedAnalyzer(['alfa']);
  expect(indexTerms('2022 1234 2022', 'fi', a)).toBe('');
  expect(a.asked).toEqual([]);
});
