import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Item, RawItem, SourceDef } from '../../src/model.js';
import { contentHash, normalizeItem } from '../../src/normalize/index.js';
import { parseFeed } from '../../src/parse/feed.js';

const FEED_URL = 'https://example.fi/feeds/feed.xml';
const def: SourceDef = {
  id: 'test-source',
  name: 'Test source',
  url: FEED_URL,
  kind: 'rss',
  schedule: '*/30 * * * *',
  language: 'fi',
  organisation: 'Sisäministeriö',
  tags: [],
  itemKind: 'press-release',
  mayBeEmpty: false,
  options: {},
  file: 'feeds/sources/test.yaml',
};
const sha1 = (s: string): string => createHash('sha1').update(s).digest('hex');

/** Parse a hostile fixture and normalize every item. */
async function items(name: string): Promise<Item[]> {
  const body = readFileSync(new URL(`../fixtures/hostile/${name}`, import.meta.url), 'utf8');
  return (await parseFeed(body, FEED_URL)).map((raw) => normalizeItem(raw, def));
}

/** An Item with defaults for the fields a case does not care about. */
const item = (fields: Partial<Item>): Item => {
  const i: Omit<Item, 'hash'> = {
  sourceId: 'test-source', key: '', guid: null, url: null, title: '', summary: '', contentHtml: '', published: null,
  updated: null, deadline: null, language: 'fi', organisation: 'Sisäministeriö', kind: 'press-release', stage: null,
  identifiers: [], consultation: null, ...fields,
  };
  // A press release's key among copies: its link, as the test source names no article store's hosts.
  if (i.kind === 'press-release') i.releaseKey = i.url;
  return { ...i, hash: contentHash(i) };
};

describe('normalizeItem on fixtures, field by field', () => {
  it('duplicate-guids.xml: the same guid gives the same key', async () => {
    const [a, b, c] = await items('duplicate-guids.xml');
    expect(a).toEqual(item({ key: 'guid:tiedote-1', guid: 'tiedote-1', url: 'https://example.fi/tiedote-1', title: 'Tiedote pelastuslaista', published: '2024-01-15T10:00:00.000Z' }));
    expect(b.key).toBe(a.key);
    expect(b.url).toBe('https://example.fi/tiedote-1'); // utm_source dropped
    expect(c.key).toBe('guid:tiedote-2');
  });

  it('missing-guid-link.xml: keys fall back to URL, then title + date; titles from summaries', async () => {
    const list = await readFixtureAllowingErrors('missing-guid-link.xml');
    expect(list).toEqual([
      item({ key: 'url:https://example.fi/ei-guidia', url: 'https://example.fi/ei-guidia', title: 'Ei guidia', published: '2024-01-17T10:00:00.000Z' }),
      item({ key: 'guid:urn:uuid:3f2504e0-4f89-11d3-9a0c-0305e82c3301', guid: 'urn:uuid:3f2504e0-4f89-11d3-9a0c-0305e82c3301', title: 'Ei linkkiä' }),
      item({ key: `title:${sha1('ei kumpaakaan\n2024-01-17')}`, title: 'Ei kumpaakaan', published: '2024-01-17T10:00:00.000Z' }),
      item({ key: 'guid:https://example.fi/permalink/42', guid: 'https://example.fi/permalink/42', url: 'https://example.fi/permalink/42', title: 'Pysyvä linkki guidissa' }),
      item({
        key: `title:${sha1('otsikoton kohde, jonka yhteenveto antaa otsikon sanat\n')}`,
        title: 'Otsikoton kohde, jonka yhteenveto antaa otsikon sanat',
        summary: 'Otsikoton kohde, jonka yhteenveto antaa otsikon sanat',
        contentHtml: 'Otsikoton kohde, jonka yhteenveto antaa otsikon sanat',
      }),
      'normalize: item has no title',
    ]);
  });

  it('relative-links.xml: item and content links are absolute', async () => {
    const [a, b, c] = await items('relative-links.xml');
    expect(a.url).toBe('https://example.fi/ajankohtaista/tiedote-7');
    expect(a.summary).toBe('Katso liite ja sivu.');
    expect(a.contentHtml).toBe(
      '<p>Katso <a rel="noopener nofollow" href="https://example.fi/ajankohtaista/liite.pdf">liite</a> ja <a rel="noopener nofollow" href="https://example.fi/sivu#kohta">sivu</a>.</p>',
    );
    expect(b.url).toBe('https://example.fi/Toinen?id=5');
    expect(c.url).toBe('https://example.fi/arkisto/vanha');
  });

  it('xss.xml: titles are clean text and contentHtml holds nothing executable', async () => {
    const list = await items('xss.xml');
    expect(list.map((i) => [i.title, i.url])).toEqual([
      ['Pelastuslain muutos', null],
      ['Otsikko lihavoitu', 'https://example.fi/2'],
      ['Kaksoiskoodattu', 'https://example.fi/3'],
    ]);
    expect(list[0].contentHtml).toBe(
      '<p>Teksti  <a rel="noopener nofollow">linkki</a> <a rel="noopener nofollow">toinen</a> <a rel="noopener nofollow">kolmas</a></p>',
    );
    expect(list[0].summary).toBe('Teksti linkki toinen kolmas');
    expect(list[1].contentHtml).toBe('<h2>Otsikko</h2><table><tr><td colspan="2">solu</td></tr></table>');
    expect(list[1].summary).toBe('data ok posti');
    expect(list[2].summary).toBe('javascript:alert(1) onerror=alert(1) tekstinä'); // text, never markup
    // As text inside an element, "javascript:" and "onerror=" execute nothing; they are never attributes.
    expect(list[2].contentHtml).toBe('javascript:alert(1) onerror=alert(1) tekstinä');
    for (const i of list) {
      expect(i.title).not.toMatch(/[<>]/);
      expect(i.contentHtml).not.toMatch(/<(script|img|svg|iframe|form|style|input)\b|<[^>]*\son\w+\s*=|<[^>]*=\s*"?\s*(javascript|data|vbscript):/i);
      for (const [, href] of i.contentHtml.matchAll(/href="([^"]*)"/g)) expect(href).toMatch(/^(https?|mailto):/);
    }
  });

  it('bare-ampersand.xml: entities, organisation, deadline', async () => {
    const [a] = await items('bare-ampersand.xml');
    expect(a).toEqual(
      item({
        key: 'guid:amp-1',
        guid: 'amp-1',
        url: 'https://example.fi/uutinen?id=1&lang=fi',
        title: 'Pelastustoimi & varautuminen',
        summary: 'Lausunnot & kommentit viimeistään 15.3.2024.',
        contentHtml: 'Lausunnot &amp; kommentit viimeistään 15.3.2024.',
        published: '2024-02-01T06:00:00.000Z',
        deadline: '2024-03-15',
        organisation: 'sisäministeriö',
      }),
    );
  });

  it('atom.xml: Swedish entry with identifiers, deadline and a Helsinki-time date', async () => {
    const [a, b] = await items('atom.xml');
    expect(a).toEqual(
      item({
        key: 'guid:urn:example:entry:1',
        guid: 'urn:example:entry:1',
        url: 'https://example.fi/sv/-/remiss-1',
        title: 'Remiss om ändring av räddningslagen & förordningen',
        summary: 'Regeringens proposition RP 12/2024 rd. Remisstiden går ut den 15 april 2024.',
        contentHtml: '<p>Lagen (379/2011) ändras. Diarienummer VN/1234/2024.</p>',
        published: '2024-03-01T10:30:00.000Z',
        updated: '2024-03-02T07:00:00.000Z',
        deadline: '2024-04-15',
        language: 'sv',
        organisation: 'Inrikesministeriet',
        identifiers: [
          { type: 'he', value: 'HE 12/2024 vp', role: 'mention' },
          { type: 'diary', value: 'VN/1234/2024', role: 'mention' },
          { type: 'statute', value: '379/2011', role: 'mention' },
        ],
      }),
    );
    expect(b).toMatchObject({ title: 'Utan länk', url: null, published: '2024-01-15T08:00:00.000Z', language: 'sv' });
  });

  it('rdf.xml: deadline and HE number from the description', async () => {
    const [a] = await items('rdf.xml');
    expect(a).toMatchObject({
      key: 'guid:https://example.fi/asia/1',
      published: '2024-03-05T07:15:00.000Z',
      deadline: '2024-04-11',
      organisation: 'Aluehallitus',
      identifiers: [{ type: 'he', value: 'HE 184/2022 vp' }],
    });
  });
});

/** Normalize a fixture's items, putting each error message where its item would be. */
async function readFixtureAllowingErrors(name: string): Promise<(Item | string)[]> {
  const body = readFileSync(new URL(`../fixtures/hostile/${name}`, import.meta.url), 'utf8');
  return (await parseFeed(body, FEED_URL)).map((raw) => {
    try {
      return normalizeItem(raw, def);
    } catch (e) {
      return (e as Error).message;
    }
  });
}

describe('normalizeItem rules', () => {
  it.each<[string, RawItem, Partial<Item>]>([
    ['explicit deadline wins over text', { title: 'T', deadline: '2026-05-31T00:00:00', summary: 'viimeistään 1.5.2026' }, { deadline: '2026-05-31' }],
    ['Date deadline', { title: 'T', deadline: new Date('2026-05-30T21:30:00Z') }, { deadline: '2026-05-31' }],
    ['unparsable deadline falls back to text', { title: 'T', deadline: 'pian', summary: 'Lausuntoaika päättyy 1.5.2026' }, { deadline: '2026-05-01' }],
    ['deadline from content text', { title: 'T', content: '<p>Lausuntokierros on 8.4.–20.5.2022.</p>' }, { deadline: '2022-05-20', summary: 'Lausuntokierros on 8.4.–20.5.2022.' }],
    ['explicit identifiers first', { title: 'HE 12/2026 vp', identifiers: ['VN/18775/2022', 'lausuntopalvelu:0f8fad5b-d9cb-469f-a165-70867728950e'] },
      { identifiers: [{ type: 'diary', value: 'VN/18775/2022' }, { type: 'lausuntopalvelu', value: '0f8fad5b-d9cb-469f-a165-70867728950e' }, { type: 'he', value: 'HE 12/2026 vp' }] }],
    ['identifiers from the URL', { title: 'Laki', url: 'https://opendata.finlex.fi/finlex/avoindata/v1/akn/fi/act/statute/2024/123/fin@' }, { identifiers: [{ type: 'statute', value: '123/2024' }] }],
    ['a committee report is about the bill its title names, and mentions the rest',
      { title: 'Hallintovaliokunnan mietintö HaVM 41/2026 vp (HE 184/2026 vp)', kind: 'committee-report', identifiers: ['HaVM 41/2026 vp'], summary: 'Vrt. HE 12/2026 vp.' },
      { identifiers: [{ type: 'committee', value: 'HaVM 41/2026 vp', role: 'self' }, { type: 'he', value: 'HE 184/2026 vp', role: 'about' }, { type: 'he', value: 'HE 12/2026 vp', role: 'mention' }] }],
    ['a press release naming a bill in its title only mentions it', { title: 'HE 184/2026 vp annettiin' },
      { identifiers: [{ type: 'he', value: 'HE 184/2026 vp', role: 'mention' }] }],
    ['identifiers from the guid', { title: 'Regulation', guid: 'CELEX:32026R2001' }, { identifiers: [{ type: 'celex', value: '32026R2001' }] }],
    ['kind, stage, consultation pass through', { title: 'T', kind: 'bill', stage: ' Valiokuntakäsittely ', consultation: { distribution: ['Pelastusopisto'], answered: [] } },
      { kind: 'bill', stage: 'Valiokuntakäsittely', consultation: { distribution: ['Pelastusopisto'], answered: [] } }],
    ['language given by the source wins', { title: 'och för som', language: 'fi' }, { language: 'fi' }],
    ['language detected from text', { title: 'Remiss om ändring av lagen', summary: 'Utlåtanden ska lämnas till ministeriet' }, { language: 'sv' }],
    ['organisation from the definition', { title: 'T', organisation: '  ' }, { organisation: 'Sisäministeriö' }],
    ['summary from content when summary is blank', { title: 'T', summary: ' ', content: '<p>Runko</p>' }, { summary: 'Runko', contentHtml: '<p>Runko</p>' }],
    ['contentHtml from summary when there is no content', { title: 'T', summary: '<p>Yhteenveto</p>' }, { contentHtml: '<p>Yhteenveto</p>' }],
    ['Finnish date formats', { title: 'T', published: 'Julkaisuajankohta 16.12.2020 11.00', updated: 'roskaa' }, { published: '2020-12-16T09:00:00.000Z', updated: null }],
    ['guid trimmed', { title: 'T', guid: '  g-1 ' }, { guid: 'g-1', key: 'guid:g-1' }],
    // A text deadline must fall within three years from publication …
    ['text deadline before publication', { title: 'T', summary: 'Lausuntoaika päättyy 15.3.2023.', published: '2023-04-01' }, { deadline: null }],
    // … a publication date outside 1900–2200 (a Date or /Date(…)/ can be any) sets no such window.
    ['publication before 1900', { title: 'T', summary: 'Lausuntoaika päättyy 15.3.2023.', published: new Date('1899-12-31T12:00:00Z') }, { deadline: '2023-03-15' }],
    ['/Date()/ before 1900', { title: 'T', summary: 'Lausuntoaika päättyy 15.3.2023.', published: '/Date(-2208988800001)/' }, { deadline: '2023-03-15' }],
  ])('%s', (_name, raw, expected) => {
    expect(normalizeItem(raw, def)).toMatchObject(expected);
  });

  it('caps title and summary lengths', () => {
    const n = normalizeItem({ title: 'sana '.repeat(200), summary: 'sana '.repeat(2000) }, def);
    expect(n.title.length).toBeLessThanOrEqual(500);
    expect(n.summary.length).toBeLessThanOrEqual(4000);
    expect(n.title.endsWith('…')).toBe(true);
  });

  it.each<[string, RawItem]>([
    ['empty', { title: '' }],
    ['only markup', { title: '<script>alert(1)</script>', summary: '<img src=x onerror=alert(1)>' }],
  ])('throws "normalize: item has no title" when %s', (_name, raw) => {
    expect(() => normalizeItem(raw, def)).toThrow(/^normalize: item has no title$/);
  });
});
