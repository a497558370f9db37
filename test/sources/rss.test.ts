import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { FetchOptions, FetchResult, SourceContext, SourceDef } from '../../src/model.js';
import rss from '../../src/sources/rss.js';
import { allItems } from '../helpers/source.js';

const def: SourceDef = {
  id: 'vn-tiedotteet', name: 'Valtioneuvosto', url: 'https://example.fi/feed.rss', kind: 'rss', schedule: '*/30 * * * *',
  language: 'fi', tags: [], itemKind: 'press-release', mayBeEmpty: false, options: {}, file: 'feeds/sources/vn.yaml',
};
const fixture = (name: string): string => readFileSync(new URL(`../fixtures/hostile/${name}`, import.meta.url), 'utf8');

/** A context whose fetch answers with `answer` and records the calls. */
function context(answer: Partial<FetchResult>): SourceContext & { notes: string[]; calls: [string, FetchOptions | undefined][] } {
  const notes: string[] = [];
  const calls: [string, FetchOptions | undefined][] = [];
  const fetch = async (url: string, options?: FetchOptions): Promise<FetchResult> => {
    calls.push([url, options]);
    return {
      url, status: 200, notModified: false, body: '', contentType: 'application/rss+xml', charset: 'utf-8', bytes: 0,
      etag: null, lastModified: null, ...answer,
    };
  };
  return { fetch, note: (m) => void notes.push(m), now: new Date('2026-01-01T00:00:00Z'), notes, calls };
}

describe('rss source module', () => {
  it('GETs def.url and parses the feed, resolving links against the final URL', async () => {
    const ctx = context({ url: 'https://example.fi/redirected/feed.rss', body: fixture('relative-links.xml') });
    const items = await allItems(rss.collect(def, ctx));
    expect(ctx.calls).toEqual([['https://example.fi/feed.rss', { method: 'GET' }]]);
    expect(items).not.toBe('not-modified');
    expect((items as { url?: string | null }[]).map((i) => i.url)).toEqual([
      'https://example.fi/ajankohtaista/tiedote-7',
      'https://example.fi/Toinen?utm_medium=feed&id=5',
      'https://example.fi/arkisto/vanha',
    ]);
  });

  it.each<[string, Partial<FetchResult>]>([
    ['notModified', { status: 304, notModified: true }],
    ['a bare 304', { status: 304 }],
  ])('returns not-modified on %s', async (_name, answer) => {
    expect(await allItems(rss.collect(def, context(answer)))).toBe('not-modified');
  });

  it('passes lenient-parser notes to the run record', async () => {
    const ctx = context({ body: fixture('bare-ampersand.xml') });
    const items = await allItems(rss.collect(def, ctx));
    expect(items).toHaveLength(1);
    expect(ctx.notes).toEqual(['parsed with the lenient feed parser: Invalid character in entity name (line 4, column 19)']);
  });

  it.each([
    ['captcha.html', /^parse: the server returned an HTML page/],
    ['xxe.xml', /^parse: the document declares XML entities/],
    ['malformed.xml', /^parse: the feed could not be read/],
  ])('rejects %s with a parse error', async (name, error) => {
    await expect(allItems(rss.collect(def, context({ body: fixture(name) })))).rejects.toThrow(error);
  });

  it('returns [] for an empty but valid feed', async () => {
    expect(await allItems(rss.collect(def, context({ body: fixture('empty-feed.xml') })))).toEqual([]);
  });

  it('lets fetch errors through untouched', async () => {
    const ctx = context({});
    ctx.fetch = async () => {
      throw new Error('fetch: the server did not answer within 30 s');
    };
    await expect(allItems(rss.collect(def, ctx))).rejects.toThrow('fetch: the server did not answer within 30 s');
  });

  it('dates undated items from their titles only when the definition asks for it', async () => {
    const feed = `<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>
      <item><title>Aluehallitus 24.11.2026 / Pelastustoimen palvelutasopäätös</title><link>https://e.fi/1</link></item>
      <item><title>Aluevaltuusto / Talousarvio 2027</title><link>https://e.fi/2</link></item>
      <item><title>Hallitus 1.2.2026</title><pubDate>Mon, 02 Feb 2026 10:00:00 +0200</pubDate><link>https://e.fi/3</link></item>
    </channel></rss>`;
    const plain = (await allItems(rss.collect(def, context({ body: feed })))) as { published?: unknown }[];
    expect(plain.map((i) => i.published ?? null)).toEqual([null, null, 'Mon, 02 Feb 2026 10:00:00 +0200']);
    const dated = (await allItems(rss.collect({ ...def, options: { dateFromTitle: true } }, context({ body: feed })))) as { published?: unknown }[];
    expect(dated.map((i) => i.published ?? null)).toEqual(['24.11.2026', null, 'Mon, 02 Feb 2026 10:00:00 +0200']);
  });
});
