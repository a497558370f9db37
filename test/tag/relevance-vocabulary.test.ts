// Round thirty-three (issue 10): the rescue authorities' duties under other acts and the means of population warning are
// relevant by their own words, where the rules had none (bench/relevance-sealing.ts lists what sealed sets missed), and
// the words bring in no near miss: a toy recall by the chemicals' supervisor, a storm's sirens, a hospital's sprinklers
// named in a care item stay out.
import { describe, expect, it } from 'vitest';
import { createAnalyzer, createSnowballAnalyzer, type Analyzer } from '../../src/tag/analyze.js';
import { createTagger } from '../../src/tag/tagger.js';
import { loadTaxonomy } from '../../src/tag/taxonomy.js';
import type { TagInput } from '../../src/tag/types.js';
import { voikkoForTests } from './voikko-gate.js';

const taxonomy = loadTaxonomy();

// [why, item, relevant, primary or null]
const cases: [string, TagInput, boolean, string | null][] = [
  ['sprinkler requirements (sprinklaus) are the fire safety of buildings', { title: 'Asetusluonnos: sprinklaus pakolliseksi uusiin palvelutaloihin', summary: 'Ympäristöministeriö pyytää lausuntoja.', source: 'ym' }, true, 'services'],
  ['the same in Swedish (sprinkling)', { title: 'Utkast till förordning: sprinkling obligatorisk i nya servicehus', summary: 'Miljöministeriet begär utlåtanden.', lang: 'sv', source: 'ym' }, true, 'services'],
  ['fire testing (palotestaus) of building products is fire safety', { title: 'Kattomateriaalien palotestaus uudistuu', summary: 'Uudet menetelmät otetaan käyttöön ensi vuonna.', source: 'ym' }, true, 'services'],
  ['the same in Swedish (brandprovning)', { title: 'Brandprovningen av takmaterial förnyas', summary: 'De nya metoderna tas i bruk nästa år.', lang: 'sv', source: 'ym' }, true, 'services'],
  ['population-warning sirens (väestöhälytin) are population warning', { title: 'Väestöhälyttimien kunnossapito siirtyy uudelle toimijalle', summary: 'Sopimus kattaa koko maan.', source: 'intermin' }, true, 'internal-security'],
  ['the same in Swedish (larmsiren)', { title: 'Underhållet av larmsirenerna övergår till en ny aktör', summary: 'Avtalet omfattar hela landet.', lang: 'sv', source: 'intermin' }, true, 'internal-security'],
  ['warnings to mobile phones (matkapuhelinvaroitus) are population warning', { title: 'Matkapuhelinvaroituksia testataan marraskuussa', summary: 'Testiviesti lähetetään kaikkiin puhelimiin.', source: 'traficom' }, true, 'internal-security'],
  ['the security network act by its own name (turvallisuusverkkotoiminta)', { title: 'Hallituksen esitys turvallisuusverkkotoiminnasta annetun lain muuttamisesta', summary: '' }, true, 'internal-security'],
  ['households’ own preparedness (kotitalouksien varautuminen) is civil preparedness', { title: 'Kysely: kotitalouksien varautuminen häiriötilanteisiin on parantunut', summary: 'Yhä useammalla on kotivara.', source: 'spek' }, true, 'internal-security'],
  ['the same in Swedish (hushållens beredskap)', { title: 'Enkät: hushållens beredskap för störningar har förbättrats', summary: 'Allt fler har ett hemförråd.', lang: 'sv', source: 'spek' }, true, 'internal-security'],
  ['a toy recall stays product safety', { title: 'Tukes varoittaa vaarallisista leluista', summary: 'Leluissa havaittiin irtoavia pienosia.', source: 'tukes' }, false, null],
  ['an ambulance’s sirens are no population warning', { title: 'Ambulanssi ajoi sireenit päällä kolariin', summary: 'Kukaan ei loukkaantunut vakavasti.' }, false, null],
];

function suite(name: string, make: () => Analyzer | null): void {
  describe(`relevance vocabulary of round thirty-three (${name})`, () => {
    const analyzer = make();
    if (!analyzer) {
      it.todo('Voikko is not installed here: apt-get install libvoikko1 voikko-fi');
      return;
    }
    const tag = createTagger(taxonomy, { analyzer });
    it.each(cases)('%s', (_why, item, relevant, primary) => {
      const r = tag(item);
      const explained = JSON.stringify(r.evidence);
      expect(r.relevant, explained).toBe(relevant);
      if (primary) expect(r.primary, explained).toBe(primary);
    });
  });
}

suite('Snowball', () => createSnowballAnalyzer());
suite('Voikko', () => (voikkoForTests('relevance vocabulary with Voikko') ? createAnalyzer('auto') : null));
