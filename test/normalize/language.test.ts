import { describe, expect, it } from 'vitest';
import type { Lang } from '../../src/model.js';
import fs from 'node:fs';
import path from 'node:path';
import { detectLanguage } from '../../src/normalize/language.js';
import { fixturesDir } from '../../src/paths.js';
import { parseSet } from '../../bench/labelled-sets.js';

describe('detectLanguage', () => {
  it.each<[string, Lang, Lang]>([
    ['Hallituksen esitys eduskunnalle laiksi pelastuslain muuttamisesta ja siihen liittyviksi laeiksi', 'sv', 'fi'],
    ['Lausuntopyyntö: ministeriö pyytää lausuntoa, joka koskee lakia', 'sv', 'fi'],
    ['Regeringens proposition till riksdagen med förslag till lag om ändring av räddningslagen', 'fi', 'sv'],
    ['Remiss om utkast till förordning som gäller räddningsväsendet', 'fi', 'sv'],
    ['Pelastustoimi 2024', 'sv', 'sv'], // no stopwords: fallback
    ['', 'fi', 'fi'],
    ['ja och', 'sv', 'sv'], // a tie: fallback
  ])('%j (fallback %s) → %s', (text, fallback, expected) => {
    expect(detectLanguage(text, fallback)).toBe(expected);
  });
});

describe('detectLanguage on short feed items, whichever language the source declares', () => {
  it.each<[string, Lang]>([
    ['Räddningsverket i Västra Nyland inför nya kontrollbesök i skolor. Brandsäkerheten i skolbyggnader kontrolleras vartannat år.', 'sv'],
    ['Bil brann i parkeringshus. Räddningsverket släckte branden.', 'sv'],
    ['Regionförvaltningsverket: räddningsverkens egenkontroll varierar. Bedömningen gällde alla räddningsverk.', 'sv'],
    ['Domstolarnas handläggningstider förlängs', 'sv'],
    ['Käräjäoikeuksien käsittelyajat pitenevät', 'fi'],
    ['Pelastuslaitokset ottavat käyttöön uuden kenttäjohtojärjestelmän', 'fi'],
    ['Hätäkeskuslaitoksen vasteajat paranivat', 'fi'],
  ])('%j', (text, expected) => {
    expect([detectLanguage(text, 'fi'), detectLanguage(text, 'sv')]).toEqual([expected, expected]);
  });

  // The labelled tagging sets say each item's language (written by people). Sealed sets are not read here.
  const sets = ['dev', 'heldout', 'unseen', 'fresh', 'hard-dev', 'round3-dev', 'round4-dev', 'eval-2027-01', 'eval-2027-02', 'eval-2027-03',
    'eval-2027-04', 'eval-2027-05', 'eval-2027-06', 'eval-2027-07', 'eval-2027-08', 'eval-2027-09'];
  it.each(sets)('every item of %s: its language from its title and summary, with either fallback', (name) => {
    const items = parseSet(fs.readFileSync(path.join(fixturesDir, 'tag', `${name}.jsonl`), 'utf8')).filter((i) => i.lang);
    expect(items.length).toBeGreaterThan(20);
    const wrong = items.flatMap((i) => (['fi', 'sv'] as const)
      .filter((fallback) => detectLanguage(`${i.title} ${i.summary ?? ''}`, fallback) !== i.lang).map((fallback) => `${i.id} (${fallback}): ${i.title}`));
    expect(wrong).toEqual([]);
  });
});
