import { describe, expect, it } from 'vitest';
import { cleanText, truncate } from '../../src/normalize/text.js';

describe('cleanText', () => {
  it.each<[string | null | undefined, string]>([
    [null, ''],
    [undefined, ''],
    ['', ''],
    ['  Pelastuslain   muutos \n\t ', 'Pelastuslain muutos'],
    ['<p>Ensimmäinen</p><p>toinen</p>', 'Ensimmäinen toinen'],
    ['rivi<br>rivi<br/>rivi', 'rivi rivi rivi'],
    ['<ul><li>a</li><li>b</li></ul>', 'a b'],
    ['Sisä- &amp; oikeus &auml; &#228; &#xE4; &nbsp;loppu', 'Sisä- & oikeus ä ä ä loppu'],
    ['a &amp;lt; b', 'a &lt; b'], // one decoding pass only
    ['a < b > c', 'a < b > c'],
    ['<script>alert(1)</script>Otsikko', 'Otsikko'],
    ['<img src=x onerror=alert(1)>Otsikko <b>lihavoitu</b>', 'Otsikko lihavoitu'],
    ['&lt;script&gt;alert(1)&lt;/script&gt;Kaksoiskoodattu', 'Kaksoiskoodattu'],
    ['<style>p{color:red}</style>teksti', 'teksti'],
    ['x <!-- kommentti --> y', 'x y'],
    ['ohjaus\u0000merkit\u0007\u009F pois', 'ohjausmerkit pois'],
    ['a\u00a0b\u2009c\u3000d', 'a b c d'],
    ['Pelastus\u200btoimen vapaa\ufeffehtois\u200b\u00adtoiminta', 'Pelastustoimen vapaaehtoistoiminta'], // zero-width space and no-break space join
    ['a \u200b b\u200b \ufeffc', 'a b c'], // beside spaces they leave one
    ['Ja\u0308rjesto\u0308', 'Järjestö'], // NFD → NFC
    ['Vapaa\u00adehtois&shy;toiminta', 'Vapaaehtoistoiminta'], // soft hyphens, raw or as an entity, inside a word
    ['a\u202eb\u202c c\u200fd\u2067e\u2069 f\u2060g', 'ab cde fg'], // bidi controls and the word joiner
    ['palo\u200dkunta 👩\u200d🚒', 'palo\u200dkunta 👩\u200d🚒'], // the zero-width joiner stays (emoji sequences)
    ['javascript:alert(1) tekstinä', 'javascript:alert(1) tekstinä'], // harmless as text
  ])('%j → %j', (input, expected) => {
    expect(cleanText(input)).toBe(expected);
  });

  it.each<[string, number, string]>([
    ['lyhyt teksti', 100, 'lyhyt teksti'],
    ['yksi kaksi kolme neljä viisi', 16, 'yksi kaksi…'],
    ['pitkäsanainenteksti', 10, 'pitkäsana…'],
  ])('cleanText(%j, %i) → %j', (input, max, expected) => {
    expect(cleanText(input, max)).toBe(expected);
    expect(cleanText(input, max).length).toBeLessThanOrEqual(max);
  });

  it.each<[string, string]>([
    // One pass over simple markup: block tags leave a space, inline ones none, entities decode once.
    ['x<br>y<b>z</b>', 'x yz'],
    ['<P>a</P><pre>b</pre>', 'a b'],
    ['<p>a</p><script>x</script>', 'a'],
    ['&lt;p&gt;a&lt;/p&gt;&amp;lt;', 'a <'],
    ['a &#x2013; b &#39;c&#39;', "a – b 'c'"],
    ['vuosina 2019&#150;2020', 'vuosina 2019–2020'], // a windows-1252 en dash, as the parser reads it (not a control)
    // NFC still applies outside Latin-1; any white-space run is one space, and U+200B joins.
    ['é –  a b	c​d', 'é – a b cd'],
  ])('cleanText(%j) → %j', (input, expected) => {
    expect(cleanText(input)).toBe(expected);
  });

  // The fast path (simple markup) and the HTML parser (an attribute sends the text there) read a numeric reference
  // alike: 0 and surrogates are U+FFFD, U+0080–U+009F windows-1252's characters, as the parser reads them.
  it.each([0, 1, 9, 0x41, 0x7f, 0x80, 0x81, 0x96, 0x9f, 0xa0, 0xe4, 0x2013, 0xd7ff, 0xd800, 0xdbff, 0xdc00, 0xdfff, 0xe000, 0xfffd, 0xfffe, 0x1f692, 0xfffff])(
    'a numeric reference to code point %i reads the same with and without the parser', (code) => {
      for (const ref of [`&#${code};`, `&#x${code.toString(16)};`, `&#X${code.toString(16).toUpperCase()};`, `&#00${code};`]) {
        expect(cleanText(`a${ref}b <i>c</i>`)).toBe(cleanText(`a${ref}b <i class="x">c</i>`));
      }
    });

  it.each(['&amp;', '&AMP;', '&Amp;', '&lt;', '&LT;', '&lT;', '&gt;', '&GT;', '&Gt;', '&quot;', '&QUOT;', '&Quot;'])(
    'the named reference %s reads the same with and without the parser', (ref) => {
      expect(cleanText(`a ${ref} b <i>c</i>`)).toBe(cleanText(`a ${ref} b <i class="x">c</i>`));
    });

  it('truncate leaves short text alone', () => {
    expect(truncate('abc', 3)).toBe('abc');
  });
});
