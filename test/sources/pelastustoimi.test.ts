import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pelastustoimi, { parseListing, portletRss, PUBLIC_PAGE } from '../../src/sources/pelastustoimi.js';
import { readMeta } from '../../src/sources/pelastustoimi-page.js';
import { reply, startServer } from '../helpers/server.js';
import { startMirror, mirrorUrl, type Mirror } from '../../src/demo/mirror.js';
import type { RawItem } from '../../src/model.js';
import { testContext } from '../helpers/source.js';
import { FIXTURES_DIR, loadDef } from './yaml-def.js';

const dir = path.join(FIXTURES_DIR, 'pelastustoimi');
const PAGE = 'https://pelastustoimi.fi/ajankohtaista';

describe('pelastustoimi source', () => {
  let mirror: Mirror;
  let items: RawItem[];
  let notes: string[];

  beforeAll(async () => {
    mirror = await startMirror(dir);
    const ctx = testContext();
    notes = ctx.notes;
    const result = await pelastustoimi.collect(loadDef('pelastustoimi', mirrorUrl(PAGE, mirror.origin)), ctx);
    if (result === 'not-modified') throw new Error('unexpected not-modified');
    items = result as RawItem[];
  });
  afterAll(() => mirror.close());

  it('takes the eight entries of "Uutiset ja tiedotteet" and none of the regional side column', () => {
    expect(items.map((i) => i.title)).toEqual([
      'Pelastustoimen rahoitusta arvioinut työryhmä esittää rahoituksen vahvistamista',
      'Paloturvallisuusviikko muistuttaa palovaroittimen testaamisesta',
      'Pelastustoimi jatkaa julkishallinnon luotetuimpien organisaatioiden joukossa',
      'Virve 2.0 -palveluun siirtyminen etenee pelastuslaitoksissa',
      'Opas väestönsuojien käyttöönotosta julkaistu',
      'Hallitus esittää muutoksia pelastuslakiin',
      'Sisäministeriön johtajavirkojen hakuajat päättyivät',
      'Suomi antaa Ukrainan pelastustoimelle materiaaliapua',
    ]);
  });

  it('maps a release field by field, its relative link made absolute against the public page, not the mirror', () => {
    expect(items[0]).toEqual({
      guid: null,
      url: 'https://pelastustoimi.fi/-/10616/pelastustoimen-rahoitusta-arvioinut-tyoryhma-esittaa-rahoituksen-vahvistamista',
      title: 'Pelastustoimen rahoitusta arvioinut työryhmä esittää rahoituksen vahvistamista',
      summary:
        'Sisäministeriön asettama työryhmä on arvioinut hyvinvointialueiden pelastustoimen rahoituksen riittävyyttä. ' +
        'Työryhmän mukaan pelastustoimen rahoitusta tulisi vahvistaa erityisesti väestönsuojelun ja varautumisen tehtävissä. ' +
        'Raportti on lausuntokierroksella 15.1.2027 asti.',
      published: '27.11.2026 10:00',
      language: 'fi',
      organisation: 'sisäministeriö',
      kind: 'press-release',
    });
  });

  it('maps the entry type to a kind and keeps unpadded dates as given', () => {
    expect(items.map((i) => i.kind)).toEqual([
      'press-release', 'news', 'press-release', 'news', 'press-release', 'press-release', 'press-release', 'news',
    ]);
    expect(items[1].published).toBe('24.11.2026 9:00');
    expect(items[7].published).toBe('9.10.2026 12:34');
  });

  it('keeps absolute links, joins several publishers and tolerates a missing teaser', () => {
    expect(items[2].url).toBe('https://phpela.fi/-/pelastustoimi-jatkaa-luotetuimpien-joukossa');
    expect(items[2].organisation).toBe('Päijät-Häme');
    expect(items[2].summary).toBe('Pelastustoimi säilytti mitalisijan Julkishallinnon Luottamus&Maine 2026 -tutkimuksessa.');
    // A plain meta line with the publishers run together: "Tiedote Pelastusopistosisäministeriö Pelastustoimi, 12.11.2026 12:48".
    expect(items[4]).toMatchObject({ organisation: 'Pelastusopisto, sisäministeriö', published: '12.11.2026 12:48', kind: 'press-release' });
    expect(items[4].summary).toBe('Opas tukee kiinteistöjen omistajia ja pelastuslaitoksia väestönsuojan käyttöönoton ja käytön suunnittelussa.');
    // Liferay's own "view in context" link of the portlet.
    expect(items[5].url).toBe(
      'https://pelastustoimi.fi/ajankohtaista/-/asset_publisher/OhmjWcEECQFH/content/hallitus-esittaa-muutoksia-pelastuslakiin?redirect=%2Fajankohtaista',
    );
    expect(items[6].summary).toBeNull();
    expect(items[6].organisation).toBe('sisäministeriö');
  });

  it('tried the portlet RSS first and said why it read the page', () => {
    expect(notes).toEqual([expect.stringMatching(/^pelastustoimi: the portlet's RSS http:\/\/127\.0\.0\.1:\d+\/ajankohtaista\/-\/asset_publisher\/OhmjWcEECQFH\/rss gave .*404.*; read the page instead$/)]);
  });

  it('reads the configured portlet instance', () => {
    const html = fs.readFileSync(path.join(dir, 'ajankohtaista.html'), 'utf8');
    const regional = parseListing(html, PAGE, '7nreAG1n6rO3', loadDef('pelastustoimi'));
    expect(regional.map((i) => [i.title, i.organisation, i.published])).toEqual([
      ['Erheellisten paloilmoitusten maksuja korotetaan 1.1.2027 alkaen', 'Itä-Uusimaa', '26.11.2026 8:30'],
      ['Eloisa mukana joulunajan turvallisuuskampanjassa', 'Etelä-Savo', '25.11.2026 14:00'],
    ]);
  });

  it('does not depend on class names: the same entries marked up as cards read the same', () => {
    const html = fs.readFileSync(path.join(dir, 'ajankohtaista-changed.html'), 'utf8');
    const cards = parseListing(html, PAGE, 'OhmjWcEECQFH', loadDef('pelastustoimi'));
    expect(cards.map((i) => [i.title, i.published, i.kind])).toEqual(items.map((i) => [i.title, i.published, i.kind]));
    expect(cards[0]).toEqual(items[0]);
  });

  it('returns [] without the portlet or without dated entries, so the pipeline can report a layout change', () => {
    const def = loadDef('pelastustoimi');
    expect(parseListing('<html><body><p>Huoltokatko</p></body></html>', PAGE, 'OhmjWcEECQFH', def)).toEqual([]);
    const undated = '<div id="p_p_id_x_INSTANCE_OhmjWcEECQFH_"><ul><li><a href="/-/a">Otsikko</a></li></ul></div>';
    expect(parseListing(undated, PAGE, 'OhmjWcEECQFH', def)).toEqual([]);
  });

  it.each<[string[], ReturnType<typeof readMeta>]>([
    [['Tiedote sisäministeriö Pelastustoimi, 12.6.2025 12:48'], { type: 'Tiedote', publishers: ['sisäministeriö'], date: '12.6.2025 12:48' }],
    [['Tiedote Pelastusopistosisäministeriö Pelastustoimi, 12.6.2025 12:48'], { type: 'Tiedote', publishers: ['Pelastusopisto', 'sisäministeriö'], date: '12.6.2025 12:48' }],
    [['Uutinen', 'Länsi-Uudenmaan pelastuslaitos', 'Pelastustoimi', ',', '1.2.2026 9.05'], { type: 'Uutinen', publishers: ['Länsi-Uudenmaan pelastuslaitos'], date: '1.2.2026 9:05' }],
    [['Kolumni Pelastustoimi, 3.3.2026 10:00'], { type: 'Kolumni', publishers: [], date: '3.3.2026 10:00' }],
  ])('reads the meta line %j', (tokens, expected) => {
    expect(readMeta(tokens)).toEqual(expected);
  });
});

describe('pelastustoimi: the portlet RSS first', () => {
  const rss = `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel>
<title>Uutiset ja tiedotteet</title><link>https://pelastustoimi.fi/ajankohtaista</link><description/>
<item><title>Hallitus esittää muutoksia pelastuslakiin</title><link>/-/10616/hallitus-esittaa-muutoksia-pelastuslakiin</link>
<description>Hallitus antoi eduskunnalle esityksen (HE 12/2026 vp).</description><pubDate>Thu, 05 Nov 2026 11:15:00 GMT</pubDate>
<dc:creator>sisäministeriö</dc:creator><guid>https://pelastustoimi.fi/-/10616/hallitus-esittaa-muutoksia-pelastuslakiin</guid></item>
</channel></rss>`;
  const page = fs.readFileSync(path.join(dir, 'ajankohtaista.html'), 'utf8');
  const RSS = '/ajankohtaista/-/asset_publisher/OhmjWcEECQFH/rss';

  it("builds Liferay's RSS address of the portlet", () => {
    expect(portletRss(PUBLIC_PAGE, 'OhmjWcEECQFH')).toBe('https://pelastustoimi.fi/ajankohtaista/-/asset_publisher/OhmjWcEECQFH/rss');
  });

  it('uses the feed when the portlet answers with one, and does not read the page', async () => {
    const server = await startServer({ [RSS]: reply(rss, { 'content-type': 'application/rss+xml' }), '/ajankohtaista': reply(page, { 'content-type': 'text/html' }) });
    try {
      const ctx = testContext();
      const items = (await pelastustoimi.collect(loadDef('pelastustoimi', `${server.url}/ajankohtaista`), ctx)) as RawItem[];
      expect(items.map((i) => [i.title, i.url, i.organisation])).toEqual([
        ['Hallitus esittää muutoksia pelastuslakiin', 'https://pelastustoimi.fi/-/10616/hallitus-esittaa-muutoksia-pelastuslakiin', 'sisäministeriö'],
      ]);
      expect(server.requests.map((r) => r.path)).toEqual([RSS]);
      expect(ctx.notes).toEqual([]);
    } finally {
      await server.close();
    }
  });

  it('falls back to the page when the RSS address answers with an HTML page, and when rss: false', async () => {
    const server = await startServer({ [RSS]: reply(page, { 'content-type': 'text/html' }), '/ajankohtaista': reply(page, { 'content-type': 'text/html' }) });
    try {
      const ctx = testContext();
      const items = (await pelastustoimi.collect(loadDef('pelastustoimi', `${server.url}/ajankohtaista`), ctx)) as RawItem[];
      expect(items).toHaveLength(8);
      expect(ctx.notes).toEqual([expect.stringContaining('gave an HTML page, not a feed; read the page instead')]);
      server.requests.length = 0;
      await pelastustoimi.collect(loadDef('pelastustoimi', `${server.url}/ajankohtaista`, { rss: false }), testContext());
      expect(server.requests.map((r) => r.path)).toEqual(['/ajankohtaista']);
    } finally {
      await server.close();
    }
  });
});
