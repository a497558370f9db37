// Numbers in item text (case numbers, years, the emergency number 112): matched only by terms written with digits.
import { describe, expect, it } from 'vitest';
import { createSnowballAnalyzer } from '../../src/tag/analyze.js';
import { compileTerms } from '../../src/tag/match.js';
import type { TermDef } from '../../src/tag/types.js';

const term = (text: string, extra: Partial<TermDef> = {}): TermDef => ({
  text, lang: 'fi', goals: { g: 1 }, rule: 'anchor', exact: false, caseSensitive: false, subtopic: null, line: 1, ...extra,
});
const token = (text: string) => ({ text, lower: text.toLowerCase(), pieces: text.split('-') });
const matched = (terms: TermDef[], text: string): string[] =>
  compileTerms(terms, createSnowballAnalyzer()).matchToken(token(text), 'fi').single.map((m) => m.term.def.text);

describe('numbers', () => {
  it.each([
    ['112', ['112']],
    // The key of an inflected or longer number starts with the term's key.
    ['1120', ['112']],
    // Not inside a number: positions 1 and 2 are no compound boundary.
    ['5112', []],
    ['1234', []],
    ['2022', []],
  ])('%s against the term 112 gives %j', (text, expected) => {
    expect(matched([term('112'), term('pelastus+laki')], text)).toEqual(expected);
  });

  it('an exact digit term matches only the whole number', () => {
    expect(matched([term('112', { exact: true })], '112')).toEqual(['112']);
    expect(matched([term('112', { exact: true })], '1120')).toEqual([]);
  });

  it('a number is matched when it holds any one of several digit terms, not only all of them', () => {
    // 112 is a form of neither 1120 nor 5: each number finds its own term.
    const terms = [term('112'), term('1120'), term('5')];
    expect(matched(terms, '112')).toEqual(['112']);
    expect(matched(terms, '5')).toEqual(['5']);
    expect(matched(terms, '1120')).toEqual(['1120']);
    expect(matched(terms, '2022')).toEqual([]);
  });

  it('a number matches nothing when no term has digits, and gives no learning feature', () => {
    const m = compileTerms([term('pelastus+laki')], createSnowballAnalyzer());
    for (const text of ['112', '2022', '0', '1000000']) {
      const r = m.matchToken(token(text), 'fi');
      expect([r.single, r.phraseWords, r.features]).toEqual([[], [], []]);
    }
  });

  it('a word with digits is still analysed and matched (covid19)', () => {
    expect(matched([term('covid19')], 'covid19')).toEqual(['covid19']);
    expect(matched([term('covid19')], 'covid')).toEqual([]);
  });
});
