// The streamed parse against rss-parser's own parseString: the same RawItems or the same error, on every fixture and
// on big generated feeds, whatever the chunk size (chunks cut tags, entities, CDATA and multi-byte characters).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Parser from 'rss-parser';
import { describe, expect, it } from 'vitest';
import type { RawItem } from '../../src/model.js';
import { fromRssParser, type RssParserFeed } from '../../src/parse/feed-map.js';
import { CUSTOM_FIELDS, FEED_BATCH, streamRssParser } from '../../src/parse/feed-stream.js';
import { readFeed } from '../../src/parse/feed.js';

const FIXTURES = fileURLToPath(new URL('../fixtures/', import.meta.url));
const xmlFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? xmlFiles(path.join(dir, e.name)) : e.name.endsWith('.xml') ? [path.join(dir, e.name)] : []);

/** rss-parser's whole-document parse, mapped: the reference. */
async function whole(text: string): Promise<RawItem[] | string> {
  try {
    const feed = (await new Parser({ customFields: CUSTOM_FIELDS }).parseString(text)) as unknown as RssParserFeed & { feedUrl?: string };
    // Atom is told by the root element, as the streamed parse does.
    const atom = /^(?:\s|<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE[^>]*>)*<feed[\s>]/.test(text);
    return fromRssParser(feed, atom);
  } catch (error) {
    return (error as Error).message;
  }
}

/** The streamed parse, batches joined ('again' starts over), and the batch sizes it handed on. */
function streamed(text: string, chunk: number): { items: RawItem[] | string; sizes: (number | 'again')[] } {
  let items: RawItem[] = [];
  const sizes: (number | 'again')[] = [];
  try {
    for (const batch of streamRssParser(Parser, text, chunk)) {
      sizes.push(batch === 'again' ? batch : batch.length);
      items = batch === 'again' ? [] : items.concat(batch);
    }
    return { items, sizes };
  } catch (error) {
    return { items: (error as Error).message, sizes };
  }
}

describe('streamed rss-parser = rss-parser.parseString', () => {
  const files = xmlFiles(FIXTURES);
  it('has fixtures to compare', () => expect(files.length).toBeGreaterThan(20));

  it.each(files.map((f) => [path.relative(FIXTURES, f)]))('%s', async (file) => {
    const text = readFileSync(path.join(FIXTURES, file), 'utf8').replace(/^\uFEFF/, '');
    const expected = await whole(text);
    for (const chunk of [1, 7, 333, 1 << 16]) expect(streamed(text, chunk).items, `chunk ${chunk}`).toEqual(expected);
  });
});

/** An RSS 2.0 feed of n items; `language` where the channel names its language; `after` is put after the items. */
function rss(n: number, { language = 'before', after = '' }: { language?: 'before' | 'after' | 'none'; after?: string } = {}): string {
  const items = Array.from({ length: n }, (_, i) =>
    `<item><guid>g-${i}</guid><title>Lausunto ${i} &amp; muutos – ${'ä'.repeat(i % 5)}</title><link>/asia/${i}</link>` +
    `<description><![CDATA[<p>HE ${i}/2022 vp</p>]]></description>${i % 3 === 0 ? '<dc:language>sv</dc:language>' : ''}</item>`).join('\n');
  const lang = '<language>fi-FI</language>';
  return `<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>T</title>` +
    `${language === 'before' ? lang : ''}\n${items}\n${language === 'after' ? lang : ''}</channel>${after}</rss>\n`;
}

describe('long attribute values and texts streamed', () => {
  // sax refuses a buffered name or attribute value longer than its MAX_BUFFER_LENGTH (64 KiB) when the document
  // reaches it over several writes; the whole-document parse, one write, never checks it. A 100 kB enclosure URL (a
  // data: URI) made the streamed parse fail and the feed fall back to the lenient parser with a note.
  const long = 'x'.repeat(100_000);
  const feed = `<?xml version="1.0"?><rss version="2.0"><channel><title>T</title><language>fi</language>` +
    `<item><guid>a</guid><title>Eka</title><enclosure url="https://example.org/${long}" type="image/png" length="1"/></item>` +
    `<item><guid>b</guid><title>Toka</title><description>${long}</description></item></channel></rss>`;

  it.each([[1 << 10], [16 << 10], [1 << 16]])('chunks of %i characters read it as the whole document does', async (chunk) => {
    const expected = await whole(feed);
    expect(typeof expected).not.toBe('string');
    expect(streamed(feed, chunk).items).toEqual(expected);
  });

  it('readFeed reads it without the lenient parser', async () => {
    const notes: string[] = [];
    const items: RawItem[] = [];
    for await (const batch of readFeed(feed, 'https://example.org/feed', (n) => notes.push(n))) if (batch !== 'again') items.push(...batch);
    expect(items.map((i) => i.title)).toEqual(['Eka', 'Toka']);
    expect(notes).toEqual([]);
  });
});

describe('streamed parse of big feeds', () => {
  // Enough items for the cases below (one is broken at item 900) and several batches.
  const n = FEED_BATCH * 9 + 234;
  /** Sizes of one pass over n items: full batches while reading, then the rest at the document's end. */
  const onePass = (sizes: (number | 'again')[]) => {
    expect(sizes.length).toBeGreaterThan(2);
    expect(sizes.slice(0, -1).every((s) => s === FEED_BATCH)).toBe(true);
    expect((sizes as number[]).reduce((a, b) => a + b, 0)).toBe(n);
  };

  it.each([
    ['RSS 2.0', rss(n)],
    ['RSS 2.0 naming its language after the items', rss(n, { language: 'after' })],
    ['RSS 2.0 without a language', rss(n, { language: 'none' })],
    ['RSS 2.0 with a second channel, whose items rss-parser ignores', rss(n, { after: '<channel><item><title>x</title></item></channel>' })],
    ['RSS 2.0 with junk after the root element', rss(n) + '<junk>&nope;'],
    ['RSS 2.0 broken at item 900', rss(n).replace('<title>Lausunto 900 ', '<title>Lausunto 900 & ')],
    ['RSS 2.0 cut off', rss(n).slice(0, -2000)],
    ['Atom', `<feed xmlns="http://www.w3.org/2005/Atom"><title>A</title>${Array.from({ length: n }, (_, i) =>
      `<entry><id>e-${i}</id><title type="html">&lt;b&gt;${i}&lt;/b&gt;</title><link rel="alternate" href="https://e.fi/${i}"/><updated>2026-01-01T10:00:00</updated></entry>`).join('')}</feed>`],
    ['RSS 1.0 with its channel after the items', `<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/">${Array.from({ length: n }, (_, i) =>
      `<item rdf:about="https://e.fi/${i}"><title>${i}</title><link>https://e.fi/${i}</link></item>`).join('')}<channel><title>R</title></channel></rdf:RDF>`],
    ['RSS 1.0 without a channel', `<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">${'<item><title>t</title></item>'.repeat(n)}</rdf:RDF>`],
  ])('%s', async (_name, text) => {
    const expected = await whole(text);
    for (const chunk of [4093, 1 << 16]) expect(streamed(text, chunk).items, `chunk ${chunk}`).toEqual(expected);
  });

  it('hands items on in batches while reading, never the whole list at once', () => {
    onePass(streamed(rss(n), 1 << 16).sizes);
  });

  it('reads again when the feed names its language only after items were handed on', () => {
    const { items, sizes } = streamed(rss(n, { language: 'after' }), 1 << 16);
    const again = sizes.indexOf('again');
    onePass(sizes.slice(0, again));
    onePass(sizes.slice(again + 1));
    expect((items as RawItem[]).map((i) => i.language).slice(0, 3)).toEqual(['sv', 'fi', 'fi']);
  });

  it('falls back to the lenient parser on an error after batches were handed on, voiding them first', async () => {
    const notes: string[] = [];
    const sizes: (number | 'again')[] = [];
    let items: RawItem[] = [];
    for await (const batch of readFeed(rss(n).replace('<title>Lausunto 900 ', '<title>Lausunto 900 & '), 'https://e.fi/feed', (m) => notes.push(m))) {
      sizes.push(batch === 'again' ? batch : batch.length);
      items = batch === 'again' ? [] : items.concat(batch);
    }
    // The batches read before item 900, then the lenient parser's whole list.
    expect(sizes.slice(-2)).toEqual(['again', n]);
    expect(sizes.length).toBeGreaterThan(2);
    expect(sizes.slice(0, -2).every((s) => s === FEED_BATCH)).toBe(true);
    expect(notes).toEqual([expect.stringMatching(/^parsed with the lenient feed parser: .*\(line \d+, column \d+\)$/)]);
    expect(items[900].title).toBe('Lausunto 900 & & muutos –');
    expect(items[0].url).toBe('https://e.fi/asia/0');
  });
});
