// One Finnish word for one thing: an item (a document a source published) is an "asiakirja", as the Swedish words say
// "dokument"; a matter (the items of every source about one piece of legislation) is an "asia" or "asiakokonaisuus", as
// the Swedish say "ärende" / "ärendehelhet". The items list was "Asiat" while the board and the CLI said "asia 12" for a
// matter and "kohde #5" for an item.
import { describe, expect, it } from 'vitest';
import { WORDS } from '../../src/present/words-web.js';
import { WORDS as MAIL_WORDS } from '../../src/mail/words.js';

/** A Finnish word for a matter ("asia" in any case, not "asiakirja" or "asiakokonaisuus") or the old "kohde". */
const NOT_AN_ITEM = /(?<![\p{L}-])(?:asi(?:a|o)(?!kirj|kokonais)\p{L}*|koh(?:de|te|det)\p{L}*)/iu;
const ITEM_SV = /(?<!\p{L})dokument/iu;
const MATTER_SV = /ärende/iu;

const pairs: [string, string, string][] = [
  ...Object.entries(WORDS as Record<string, { fi: string; sv: string }>).map(([k, v]): [string, string, string] => [k, v.fi, v.sv]),
  ...Object.keys(MAIL_WORDS.fi).map((k): [string, string, string] => [`mail.${k}`, String(MAIL_WORDS.fi[k as keyof typeof MAIL_WORDS.fi]), String(MAIL_WORDS.sv[k as keyof typeof MAIL_WORDS.sv])]),
];

describe('the Finnish words for items and matters', () => {
  it('call an item "asiakirja" wherever the Swedish says "dokument" (and not "ärende")', () => {
    const items = pairs.filter(([, , sv]) => ITEM_SV.test(sv) && !MATTER_SV.test(sv));
    expect(items.length).toBeGreaterThan(20);
    expect(items.filter(([, fi]) => NOT_AN_ITEM.test(fi)).map(([key, fi]) => `${key}: ${fi}`)).toEqual([]);
  });

  it('call a matter "asia" where the Swedish says "ärende" (and not "dokument")', () => {
    const matters = pairs.filter(([, , sv]) => MATTER_SV.test(sv) && !ITEM_SV.test(sv));
    expect(matters.filter(([, fi]) => /asiakirj/iu.test(fi) && !/asi(?:a|o)(?!kirj)/iu.test(fi)).map(([key, fi]) => `${key}: ${fi}`)).toEqual([]);
  });
});
