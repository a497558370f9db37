import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pelastustoimi, { parseListing } from '../../src/sources/pelastustoimi.js';
import { startMirror, mirrorUrl, type Mirror } from '../../src/demo/mirror.js';
import type { RawItem } from '../../src/model.js';
import { testContext } from '../helpers/source.js';
import { FIXTURES_DIR, loadDef } from './yaml-def.js';

const dir = path.join(FIXTURES_DIR, 'pelastustoimi');
const PAGE = 'https://pelastustoimi.fi/ajankohtaista';

describe('pelastustoimi source', () => {
  let mirror: Mirror;
  let items: RawItem[];

  beforeAll(async () => {
    mirror = await startMirror(dir);
    const result = await pelastustoimi.collect(loadDef('pelastustoimi', mirrorUrl(PAGE, mirror.origin)), testContext());
    if (result === 'not-modified') throw new Error('unexpected not-modified');
    items = result;
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

  it('maps a release field by field, making its relative link absolute against the response URL', () => {
    expect(items[0]).toEqual({
      guid: null,
      url: `${mirror.origin}/-/10616/pelastustoimen-rahoitusta-arvioinut-tyoryhma-esittaa-rahoituksen-vahvistamista`,
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
    expect(items[4].organisation).toBe('Pelastusopisto, sisäministeriö');
    expect(items[6].summary).toBeNull();
    expect(items[6].organisation).toBe('sisäministeriö');
  });

  it('resolves links against the real page URL outside the mirror', () => {
    const html = fs.readFileSync(path.join(dir, 'ajankohtaista.html'), 'utf8');
    const [first] = parseListing(html, PAGE, loadDef('pelastustoimi'));
    expect(first.url).toBe(
      'https://pelastustoimi.fi/-/10616/pelastustoimen-rahoitusta-arvioinut-tyoryhma-esittaa-rahoituksen-vahvistamista',
    );
  });

  it('reads the configured portlet instance', () => {
    const html = fs.readFileSync(path.join(dir, 'ajankohtaista.html'), 'utf8');
    const def = { ...loadDef('pelastustoimi'), options: { instance: '7nreAG1n6rO3' } };
    const regional = parseListing(html, PAGE, def);
    expect(regional.map((i) => [i.title, i.organisation, i.published])).toEqual([
      ['Erheellisten paloilmoitusten maksuja korotetaan 1.1.2027 alkaen', 'Itä-Uusimaa', '26.11.2026 8:30'],
      ['Eloisa mukana joulunajan turvallisuuskampanjassa', 'Etelä-Savo', '25.11.2026 14:00'],
    ]);
  });

  it('returns [] when the layout has changed, so the pipeline can report it', () => {
    const html = fs.readFileSync(path.join(dir, 'ajankohtaista-changed.html'), 'utf8');
    expect(parseListing(html, PAGE, loadDef('pelastustoimi'))).toEqual([]);
    expect(parseListing('<html><body><p>Huoltokatko</p></body></html>', PAGE, loadDef('pelastustoimi'))).toEqual([]);
  });
});
