// Identifiers in the forms the rules accept that only a text of their own shows (written against `npm run
// test:mutation -- identifiers`): a rule's cheap pre-check must let through every text its pattern matches, so each
// form is tested in a text where it is the only identifier.
import { describe, expect, it } from 'vitest';
import type { Identifier } from '../../src/model.js';
import { extractIdentifiers } from '../../src/parse/identifiers.js';

const id = (type: Identifier['type'], value: string): Identifier => ({ type, value, role: 'mention' });

describe('identifiers alone in a text', () => {
  it.each<[string, Identifier[]]>([
    // EU matters (U and E letters) with a number of several digits, spaced around the slash, or two spaces before vp.
    ['Valtioneuvoston kirjelmä E 12/2023 vp', [id('eu', 'E 12/2023 vp')]],
    ['U 145/2025 vp käsitellään', [id('eu', 'U 145/2025 vp')]],
    ['U 5 / 2023 vp', [id('eu', 'U 5/2023 vp')]],
    ['U 5/ 2023 vp', [id('eu', 'U 5/2023 vp')]],
    ['U 5/2023  vp', [id('eu', 'U 5/2023 vp')]],
    ['U  5/2023 vp', [id('eu', 'U 5/2023 vp')]],
    // A statute named by its number, spaced around the slash.
    ['laki 379 / 2011 muuttamisesta', [id('statute', '379/2011')]],
    ['laki 379 /2011 muuttamisesta', [id('statute', '379/2011')]],
  ])('%s', (text, expected) => {
    expect(extractIdentifiers(text)).toEqual(expected);
  });
});
