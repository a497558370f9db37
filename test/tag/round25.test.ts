// Round twenty-five's rules (taxonomy 2026.6): staff change negotiations are an employer's HR unless the rescue services
// hold them; the acts' words for evacuation and protecting the population, the resilience directive and preparedness
// planners are internal security; a size or time limit (storleksgräns, tidsgräns) is no border; a fire contained is
// incident news; fire resistance is fire safety. Wordings are this test's own, not a set's items.
import { describe, expect, it } from 'vitest';
import { roundTaggers } from './round-taggers.js';
import { tagCases } from './round-cases.js';

describe.each(roundTaggers('round twenty-five'))('round twenty-five (%s)', (_name, tag) => {

  tagCases(tag, 'a welfare area’s staff negotiations are HR, even when the summary names the rescue department', false, [
    ['Hyvinvointialue aloittaa muutosneuvottelut tukipalveluissa', 'Vähennystarve on 90 tehtävää. Pelastuslaitos jää neuvottelujen ulkopuolelle.', 'fi'],
    ['Välfärdsområdet inleder omställningsförhandlingar inom stödtjänsterna', 'Minskningsbehovet är 90 uppgifter. Räddningsverket lämnas utanför förhandlingarna.', 'sv'],
  ] as const, { source: 'hyvinvointialue' });

  tagCases(tag, 'the rescue department’s own negotiations are its staffing', { relevant: true, primary: 'services' }, [
    ['Pelastuslaitoksen muutosneuvottelut: kaksi paloasemaa muuttuu sopimuspalokunnan asemaksi', 'Neuvottelut koskevat 30 pelastajaa.', 'fi'],
    ['Räddningsverkets omställningsförhandlingar: två brandstationer blir avtalsbrandkårens stationer', 'Förhandlingarna gäller 30 räddare.', 'sv'],
  ] as const);

  tagCases(tag, 'moving the population (the acts’ word for evacuation) is civil protection, the actor lending its points', { relevant: true, primary: 'internal-security', goals: ['internal-security'] }, [
    ['Pelastuslaitos ja kunnat harjoittelivat väestön siirtämistä tulvan uhatessa', 'Harjoituksessa testattiin kuljetuksia ja majoitusta.', 'fi'],
    ['Räddningsverket och kommunerna övade förflyttning av befolkningen vid översvämningshot', 'I övningen testades transporter och inkvartering.', 'sv'],
  ] as const);

  tagCases(tag, 'preparedness planners and protecting the population are internal security', { relevant: true, primary: 'internal-security' }, [
    ['Kuntien valmiussuunnittelijat koolle Kuopioon', 'Päivien aiheena on väestön suojaaminen pitkissä häiriöissä.', 'fi'],
    ['Kommunernas beredskapsplanerare samlas i Kuopio', 'Dagarnas tema är skydd av befolkningen vid långa störningar.', 'sv'],
  ] as const);

  tagCases(tag, 'municipalities’ preparedness staff are preparedness, not the rescue department’s staffing', { relevant: true, primary: 'internal-security', goals: ['internal-security'] }, [
    ['Pelastuslaitos perehdyttää kuntien valmiushenkilöstön', 'Perehdytys käsittelee väestön varoittamista ja varautumista.', 'fi'],
    ['Räddningsverket introducerar kommunernas beredskapspersonal', 'Introduktionen gäller varning av befolkningen och beredskap.', 'sv'],
  ] as const);

  it.each([
    ['Häiriönsietodirektiivi: pelastustoimen tehtävät kansallisessa toimeenpanossa', 'Laki valmistellaan sisäministeriössä.', 'fi', true],
    ['Motståndskraftsdirektivet: räddningsväsendets uppgifter i det nationella genomförandet', 'Lagen bereds vid inrikesministeriet.', 'sv', true],
    ['Häiriönsietodirektiivi velvoittaa vesihuoltolaitokset', 'Laitosten on laadittava riskiarvio.', 'fi', false],
  ] as const)('the resilience directive is internal security where the rescue services take part, nothing without them: %s', (title, summary, lang, relevant) => {
    const r = tag({ title, summary, lang });
    expect(r.relevant).toBe(relevant);
    if (relevant) expect(r.primary).toBe('internal-security');
  });

  it('a size limit for shelters is no border: the policing scope stays off', () => {
    const r = tag({ title: 'Förordningen om skyddsrum ändras', summary: 'Storleksgränsen och tidsgränsen för besiktningen ses över.', lang: 'sv', source: 'intermin' });
    expect(r).toMatchObject({ relevant: true });
    expect(r.goals).toContain('services');
  });

  it.each([
    ['Gränsbevakningsväsendet förstärker kontrollerna vid gränsen', 'sv'],
    ['Nya kameror vid östgränsen', 'sv'],
  ] as const)('border items stay out: %s', (title, lang) => {
    expect(tag({ title, summary: '', lang }).relevant).toBe(false);
  });

  it('a forest fire contained is incident news', () => {
    expect(tag({ title: 'Metsäpalo saatiin rajattua Kuusamossa', summary: 'Tiedote Pelastuslaitos, 4.6.2030 18:00. Jälkisammutus jatkuu yön yli.', lang: 'fi', source: 'pelastustoimi' }).relevant).toBe(false);
  });

  it('a reminder in Swedish (kom ihåg) is advice, as påminner is', () => {
    expect(tag({ title: 'Kom ihåg att byta batteri i brandvarnaren', summary: 'Meddelande Räddningsverket, 2.5.2030 09:00. Ett tomt batteri är den vanligaste orsaken till att larmet tiger.', lang: 'sv', source: 'pelastustoimi' }).relevant).toBe(false);
  });

  it.each([
    ['EU yhtenäistää rakennustuotteiden palonkestävyyden testauksen', 'Muutos koskee myös rakennusten paloturvallisuutta.', 'fi'],
    ['EU förenhetligar provningen av byggprodukters brandmotstånd', 'Ändringen gäller också byggnaders brandsäkerhet.', 'sv'],
  ] as const)('fire resistance is the fire safety of buildings, named in the evidence: %s', (title, summary, lang) => {
    const r = tag({ title, summary, lang });
    expect(r).toMatchObject({ relevant: true, primary: 'services', goals: ['services'] });
    expect(r.evidence.filter((e) => e.field === 'title').map((e) => e.term)).toContain(lang === 'fi' ? 'palon+kestävyys' : 'brand+motstånd');
  });
});
