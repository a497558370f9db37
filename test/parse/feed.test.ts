import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { RawItem } from '../../src/model.js';
import { describeXmlError, looksLikeHtml, parseFeed } from '../../src/parse/feed.js';

const FEED_URL = 'https://example.fi/feeds/feed.xml';
const fixture = (name: string): string => readFileSync(new URL(`../fixtures/hostile/${name}`, import.meta.url), 'utf8');

/** Parse a body and collect the notes it produced. */
async function parse(body: string): Promise<{ items: RawItem[]; notes: string[] }> {
  const notes: string[] = [];
  const items = await parseFeed(body, FEED_URL, (m) => notes.push(m));
  return { items, notes };
}

describe('parseFeed refuses hostile or non-feed bodies', () => {
  it.each([
    ['billion-laughs.xml', /^parse: the document declares XML entities/],
    ['xxe.xml', /^parse: the document declares XML entities/],
    ['captcha.html', /^parse: the server returned an HTML page where a feed was expected \(a CAPTCHA or error page\?\)$/],
    ['malformed.xml', /^parse: the feed could not be read: Unclosed root tag \(line 11, column 0\)$/],
  ])('%s → %s', async (name, error) => {
    await expect(parseFeed(fixture(name), FEED_URL)).rejects.toThrow(error);
  });

  it.each([
    ['', /^parse: the server returned an empty body/],
    ['  \n\t ', /^parse: the server returned an empty body/],
    ['\uFEFF', /^parse: the server returned an empty body/],
    ['<html><body>Access denied</body></html>', /HTML page where a feed was expected/],
    ['<?xml version="1.0"?>\n<!-- WAF --><html xmlns="http://www.w3.org/1999/xhtml"><body/></html>', /HTML page/],
    ['not xml at all', /^parse: the feed could not be read: /],
    ['<?xml version="1.0"?><catalog><book/></catalog>', /^parse: the feed could not be read: the root element is not/],
    ['{"version":"https://jsonfeed.org/version/1.1","items":[]}', /^parse: the feed could not be read/],
  ])('%j → %s', async (body, error) => {
    await expect(parseFeed(body, FEED_URL)).rejects.toThrow(error);
  });
});

describe('parseFeed maps fixtures to RawItems field by field', () => {
  it.each<[string, RawItem[], string[]]>([
    ['empty-feed.xml', [], []],
    [
      'duplicate-guids.xml',
      [
        { guid: 'tiedote-1', url: 'https://example.fi/tiedote-1', title: 'Tiedote pelastuslaista', published: 'Mon, 15 Jan 2024 12:00:00 +0200', language: 'fi' },
        { guid: 'tiedote-1', url: 'https://example.fi/tiedote-1?utm_source=rss', title: 'Tiedote pelastuslaista (korjattu)', published: 'Mon, 15 Jan 2024 14:00:00 +0200', language: 'fi' },
        { guid: 'tiedote-2', url: 'https://example.fi/tiedote-2', title: 'Toinen tiedote', published: 'Tue, 16 Jan 2024 09:00:00 +0200', language: 'fi' },
      ],
      [],
    ],
    [
      'missing-guid-link.xml',
      [
        { url: 'https://example.fi/ei-guidia#osio', title: 'Ei guidia', published: 'Wed, 17 Jan 2024 10:00:00 GMT' },
        { guid: 'urn:uuid:3f2504e0-4f89-11d3-9a0c-0305e82c3301', title: 'Ei linkkiä' },
        { title: 'Ei kumpaakaan', published: 'Wed, 17 Jan 2024 10:00:00 GMT' },
        { guid: 'https://example.fi/permalink/42', url: 'https://example.fi/permalink/42', title: 'Pysyvä linkki guidissa' },
        { title: '', summary: 'Otsikoton kohde, jonka yhteenveto antaa otsikon sanat' },
        { title: '' },
      ],
      [],
    ],
    [
      'relative-links.xml',
      [
        {
          url: 'https://example.fi/ajankohtaista/tiedote-7',
          title: 'Suhteellinen polku',
          summary: '<p>Katso <a href="liite.pdf">liite</a> ja <a href="/sivu#kohta">sivu</a>.</p>',
        },
        { url: 'https://example.fi/Toinen?utm_medium=feed&id=5', title: 'Protokollasuhteellinen' },
        { url: 'https://example.fi/arkisto/vanha', title: 'Piste-polku' },
      ],
      [],
    ],
    [
      'bare-ampersand.xml',
      [
        {
          guid: 'amp-1',
          url: 'https://example.fi/uutinen?id=1&lang=fi',
          title: 'Pelastustoimi & varautuminen',
          summary: 'Lausunnot & kommentit viimeistään 15.3.2024.',
          published: 'Thu, 01 Feb 2024 08:00:00 +0200',
          organisation: 'sisäministeriö',
          language: 'fi',
        },
      ],
      ['parsed with the lenient feed parser: Invalid character in entity name (line 4, column 19)'],
    ],
    [
      'leading-junk.xml',
      [{ guid: 'junk-1', url: 'https://example.fi/1', title: 'Ensimmäinen', published: 'Fri, 02 Feb 2024 08:00:00 GMT' }],
      ['parsed with the lenient feed parser: the root element is not <rss>, <feed> or <rdf:RDF>'],
    ],
    [
      'atom.xml',
      [
        {
          guid: 'urn:example:entry:1',
          url: 'https://example.fi/sv/-/remiss-1', // rel="alternate", made absolute
          title: 'Remiss om ändring av räddningslagen &amp; förordningen', // type="html": still escaped once
          summary: 'Regeringens proposition RP 12/2024 rd. Remisstiden går ut den 15 april 2024.',
          content: '<p>Lagen (379/2011) ändras. Diarienummer VN/1234/2024.</p>',
          published: '2024-03-01T12:30:00', // raw: offset-less, read as Helsinki time later
          updated: '2024-03-02T09:00:00+02:00',
          organisation: 'Inrikesministeriet',
          language: 'sv', // from xml:lang
        },
        { guid: 'urn:example:entry:2', title: 'Utan länk', published: '2024-01-15T08:00:00Z', updated: '2024-01-15T08:00:00Z', language: 'sv' },
      ],
      [],
    ],
    [
      'rdf.xml',
      [
        {
          guid: 'https://example.fi/asia/1',
          url: 'https://example.fi/asia/1',
          title: 'Pelastuslaitoksen palvelutasopäätös',
          summary: 'Aluehallitus käsittelee asian. Lausunto pyydetään antamaan viimeistään 11.4.2024. HE 184/2022 vp.',
          published: '2024-03-05T09:15:00+02:00',
          organisation: 'Aluehallitus',
          language: 'fi',
        },
      ],
      [],
    ],
  ])('%s', async (name, expected, notes) => {
    const result = await parse(fixture(name));
    expect(result.items).toEqual(expected);
    expect(result.notes).toEqual(notes);
  });

  it('keeps hostile markup in RawItem strings for normalize to clean (xss.xml)', async () => {
    const { items } = await parse(fixture('xss.xml'));
    expect(items.map((i) => [i.guid, i.url, i.title])).toEqual([
      ['xss-1', 'javascript:alert(document.cookie)', '<script>alert(1)</script>Pelastuslain muutos'],
      [undefined, 'https://example.fi/2', '<img src=x onerror=alert(1)>Otsikko <b>lihavoitu</b>'],
      [undefined, 'https://example.fi/3', '&lt;script&gt;alert(1)&lt;/script&gt;Kaksoiskoodattu'],
    ]);
    expect(items[0].summary).toContain('<script>alert(6)</script>');
    expect(items[1].content).toContain('<form action="https://evil.example">');
  });
});

describe('parseFeed on inline feeds', () => {
  const rss = (item: string, channel = ''): string =>
    `<?xml version="1.0"?><rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>T</title>${channel}<item>${item}</item></channel></rss>`;

  it.each<[string, string, RawItem]>([
    ['description and content:encoded', rss('<title>A</title><description>S</description><content:encoded><![CDATA[<p>C</p>]]></content:encoded>'), { title: 'A', summary: 'S', content: '<p>C</p>' }],
    ['dc:date when no pubDate', rss('<title>A</title><dc:date>2024-01-02T10:00:00+02:00</dc:date>'), { title: 'A', published: '2024-01-02T10:00:00+02:00' }],
    ['RSS author with a name in parentheses', rss('<title>A</title><author>noreply@vn.fi (Sisäministeriö)</author>'), { title: 'A', organisation: 'Sisäministeriö' }],
    ['feed language sv-FI', rss('<title>A</title>', '<language>sv-FI</language>'), { title: 'A', language: 'sv' }],
    ['feed language en is ignored', rss('<title>A</title>', '<language>en</language>'), { title: 'A' }],
    ['guid with isPermaLink attribute', rss('<title>A</title><guid isPermaLink="false">x-1</guid>'), { title: 'A', guid: 'x-1' }],
    ['BOM before the prolog', `\uFEFF${rss('<title>A</title>')}`, { title: 'A' }],
  ])('%s', async (_name, body, expected) => {
    expect((await parse(body)).items).toEqual([expected]);
  });

  it('reads a description that holds elements with rss-parser (its XML builder is loaded when first needed)', async () => {
    const body = '<rss version="2.0"><channel><title>c</title><item><title>A</title><description><p>Uusi <b>laki</b></p></description></item></channel></rss>';
    const { items, notes } = await parse(body);
    expect(notes).toEqual([]);
    expect(items).toEqual([{ title: 'A', summary: '<div><p>Uusi <b>laki</b></p></div>' }]);
  });

  it('falls back to feedsmith when rss-parser rejects an Atom date', async () => {
    const body = '<feed xmlns="http://www.w3.org/2005/Atom"><entry><id>1</id><title>T</title><published>eilen</published></entry></feed>';
    const { items, notes } = await parse(body);
    expect(items).toEqual([{ guid: '1', title: 'T', published: 'eilen' }]);
    expect(notes).toEqual(['parsed with the lenient feed parser: Invalid time value']);
  });
});

describe('helpers', () => {
  it.each([
    ['<!DOCTYPE html><html><body/></html>', true],
    ['  <!doctype HTML>', true],
    ['<html lang="fi">', true],
    ['<head><title>Just a moment...</title></head><body>Checking your browser</body>', true],
    ['<div>error</div>', false],
    ['<?xml version="1.0"?><rss version="2.0"></rss>', false],
    ['<!DOCTYPE html><html><body><rss version="2.0"></rss></body></html>', false], // a feed somewhere: let the parsers decide
    ['<feed xmlns="http://www.w3.org/2005/Atom"><content type="html">&lt;html&gt;</content></feed>', false],
  ])('looksLikeHtml(%j) → %s', (body, expected) => {
    expect(looksLikeHtml(body)).toBe(expected);
  });

  it.each([
    [new Error('Unclosed root tag\nLine: 0\nColumn: 42\nChar: '), 'Unclosed root tag (line 1, column 42)'],
    [new Error('Feed not recognized as RSS 1 or 2.'), 'the root element is not <rss>, <feed> or <rdf:RDF>'],
    [new Error('Unable to parse XML.'), 'Unable to parse XML'],
    ['plain string', 'plain string'],
  ])('describeXmlError(%s) → %s', (error, expected) => {
    expect(describeXmlError(error)).toBe(expected);
  });
});
