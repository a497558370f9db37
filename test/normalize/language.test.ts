import { describe, expect, it } from 'vitest';
import type { Lang } from '../../src/model.js';
import { detectLanguage } from '../../src/normalize/language.js';

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
