// Actor terms (pelastuslaitos, räddningsverket) say who acts; the item's topic terms say which goal it is about.
import { describe, expect, it } from 'vitest';
import { createSnowballAnalyzer } from '../../src/tag/analyze.js';
import { createTagger } from '../../src/tag/tagger.js';
import { loadTaxonomy } from '../../src/tag/taxonomy.js';

const taxonomy = loadTaxonomy();
const tag = createTagger(taxonomy, { analyzer: createSnowballAnalyzer() });

describe('actor terms', () => {
  it('are marked in the shipped taxonomy for the rescue services as organisations, fi and sv', () => {
    const actors = taxonomy.terms.filter((t) => t.actor).map((t) => t.text);
    expect(actors).toEqual(expect.arrayContaining(['pelastus+laitos', 'pelastus+toimi', 'räddnings+verk', 'räddnings+väsende']));
    // Topics of the rescue services' own goal are not actors.
    expect(actors).not.toContain('pelastus+laki');
    expect(actors).not.toContain('palo+tarkastus');
  });

  it.each([
    ['Cybersäkerheten inom räddningsväsendet stärks', 'Räddningsverken får en gemensam miniminivå för informationssäkerhet.', 'sv'],
    ['Pelastustoimen tilannekuvaa kehitetään', 'Pelastuslaitosten tilannekeskukset yhdistetään valtakunnalliseen järjestelmään.', 'fi'],
    ['Laajamittaisen evakuoinnin suunnitteluohje julkaistiin', 'Ohje on tarkoitettu pelastuslaitoksille ja kunnille.', 'fi'],
  ] as const)('lend their points to the goal the topic names when their own goal has no topic: %s', (title, summary, lang) => {
    const r = tag({ title, summary, lang });
    expect(r).toMatchObject({ relevant: true, primary: 'internal-security', goals: ['internal-security'] });
    const lent = r.evidence.filter((e) => e.rule === 'term' && taxonomy.terms.find((t) => t.text === e.term)?.actor);
    expect(lent.length).toBeGreaterThan(0);
    for (const e of lent) expect(Object.keys(e.goals)).toEqual(['internal-security']);
  });

  it.each([
    ['Virve 2.0 -päätelaitteiden jakelu pelastuslaitoksille alkaa', 'Pelastuslaitokset saavat uudet päätelaitteet. Hankinta rahoitetaan valtion talousarviosta.', 'fi'],
    ['Utdelningen av Virve 2.0-terminaler till räddningsverken börjar', 'Räddningsverken får nya terminaler. Anskaffningen finansieras i statsbudgeten.', 'sv'],
  ] as const)('lend their points when their own goal has less than one topic term’s weight, a context word in the summary: %s', (title, summary, lang) => {
    const r = tag({ title, summary, lang });
    expect(r.evidence.some((e) => e.rule === 'context' && e.field === 'summary' && (e.goals.services ?? 0) > 0)).toBe(true);
    expect(r).toMatchObject({ relevant: true, primary: 'internal-security', goals: ['internal-security'] });
  });

  it('keep their points where the item names a topic of their own goal, or no topic at all', () => {
    // Palotarkastus is the rescue services' own topic: the actor stays with services beside the emergency centre.
    const own = tag({ title: 'Pelastuslaitos tehostaa palotarkastuksia', summary: 'Hätäkeskus välittää tiedot.', lang: 'fi' });
    expect(own.primary).toBe('services');
    expect(own.evidence.find((e) => e.term === 'pelastus+laitos')?.goals).toEqual({ services: 3 });
    // Nothing but the actor: the rescue services themselves.
    const alone = tag({ title: 'Pelastuslaitoksen uusi johtaja aloitti', lang: 'fi' });
    expect(alone).toMatchObject({ relevant: true, primary: 'services' });
  });

  it.each([
    ['Aluevaltuusto hyväksyi ensi vuoden talousarvion', 'Sote-palvelujen menot kasvavat. Pelastuslaitoksen määrärahat pysyvät ennallaan.', 'fi'],
    ['Välfärdsområdesfullmäktige godkände nästa års budget', 'Räddningsverkets anslag förblir oförändrade.', 'sv'],
  ] as const)('named only outside the title leave the lead to the one goal the title names: %s', (title, summary, lang) => {
    // Since round twenty-nine the budget word of a welfare area's budget weighs as the reform's money (round29.test.ts), so
    // the reform no longer leads on fewer points than the actor's goal.
    const r = tag({ title, summary, lang, source: 'hyvinvointialue' });
    expect(r).toMatchObject({ relevant: true, primary: 'welfare-reform', goals: ['welfare-reform'] });
  });

  it('named beside a topic term of their own goal in a welfare area’s budget leave the budget the reform’s money', () => {
    // Before round twenty-nine the scores put services first here; a welfare area's budget is the reform's money whatever
    // its summary says the rescue department does with its share (the README's labelling decisions).
    const title = 'Aluevaltuusto hyväksyi ensi vuoden talousarvion';
    const summary = 'Sote-palvelujen menot kasvavat. Pelastuslaitoksen määrärahat pysyvät ennallaan.';
    expect(tag({ title, summary: `${summary} Palotarkastuksia lisätään.`, lang: 'fi', source: 'hyvinvointialue' }).primary).toBe('welfare-reform');
  });

  it.each([
    ['Räddningsverkens insatsberedskap i skärgården försämras', 'Riksdagsledamoten frågar hur hjälpen når fram i tid.', 'sv'],
    ['Pelastuslaitosten toimintavalmius heikkenee saaristossa', 'Kansanedustaja kysyy, miten apu ehtii perille ajoissa.', 'fi'],
  ] as const)('stay with the rescue services when the topic is response readiness, not preparedness: %s', (title, summary, lang) => {
    expect(tag({ title, summary, lang })).toMatchObject({ relevant: true, primary: 'services', goals: ['services'] });
  });

  it('lend nothing to a goal whose topic is only weak context (sisäministeriö, valtakunnallinen)', () => {
    const r = tag({ title: 'Sisäministeriö ja pelastuslaitokset kokoontuivat', lang: 'fi' });
    expect(r.evidence.find((e) => e.term === 'pelastus+laitos')?.goals).toEqual({ services: 3 });
  });
  it.each([
    ['Hallitus esittää lisärahoitusta pelastustoimelle ja väestönsuojeluun', 'Hyvinvointialueiden pelastustoimelle osoitetaan 12 miljoonaa euroa väestönsuojelun ja varautumisen kehittämiseen.', 'fi'],
    ['Regeringen föreslår tilläggsfinansiering för räddningsväsendet och befolkningsskyddet', 'Räddningsväsendet i välfärdsområdena anvisas 12 miljoner euro för befolkningsskyddet och beredskapen.', 'sv'],
    ['Pelastuslaitoksille lisärahoitusta kyberturvallisuuden parantamiseen', '', 'fi'],
  ] as const)('keep their points where additional funding goes to them, as plain funding does (the funding of rescue services): %s', (title, summary, lang) => {
    const r = tag({ title, summary, lang });
    expect(r.relevant).toBe(true);
    expect(r.goals).toEqual(expect.arrayContaining(['services', 'internal-security']));
    expect(r.goals).not.toContain('welfare-reform');
  });

  it.each([
    ['Valtiovarainvaliokunta: hyvinvointialueiden lisärahoitus', 'Pelastustoimen kustannukset kasvavat.', 'fi'],
    ['Hyvinvointialueille lisärahoitusta: pelastustoimen osuus 12 miljoonaa euroa', '', 'fi'],
    ['Tilläggsfinansiering till välfärdsområdena: räddningsväsendets andel 12 miljoner', '', 'sv'],
  ] as const)('leave the welfare areas’ additional funding to the reform alone: %s', (title, summary, lang) => {
    expect(tag({ title, summary, lang })).toMatchObject({ relevant: true, primary: 'welfare-reform', goals: ['welfare-reform'] });
  });
  it.each([
    ['Hallitus esittää lisärahoitusta hätäkeskusten henkilöstöön', 'Hätäkeskuslaitokseen palkataan uusia päivystäjiä.', 'fi'],
    ['Regeringen föreslår tilläggsfinansiering för nödcentralernas personal', 'Nödcentralsverket anställer nya operatörer.', 'sv'],
  ] as const)('are not needed where the money goes to the emergency centres: their context words stay the centres’ matter: %s', (title, summary, lang) => {
    expect(tag({ title, summary, lang })).toMatchObject({ relevant: true, primary: 'internal-security', goals: ['internal-security'] });
  });
  it.each([
    ['Ensihoidon palvelutasopäätös hyväksyttiin: pelastuslaitos tuottaa ensihoidon jatkossakin', 'fi'],
    ['Servicenivåbeslutet för prehospital akutsjukvård godkändes: räddningsverket sköter akutvården också i fortsättningen', 'sv'],
  ] as const)('producing EMS leave the welfare area’s EMS service-level decision to the reform, in either language: %s', (title, lang) => {
    expect(tag({ title, summary: 'Päätös koskee vuosia 2028–2031.', lang })).toMatchObject({ relevant: true, primary: 'welfare-reform', goals: ['welfare-reform'] });
  });
});
