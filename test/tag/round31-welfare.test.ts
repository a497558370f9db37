// Round thirty-one, the welfare area's side (taxonomy 2026.11): the welfare area's property is its money. A rent, a sale,
// an ownership, a price, an appropriation, a property deal or a premises programme in a title, of the welfare area the
// item names, is a budget word (`budget: true`, round twenty-nine's rule): the fire station it rents, sells or repairs is
// what the property holds, so the item is the reform's alone, not the rescue services' beside it or before it. Of the
// sixteen runs of the first eight cases (each with Snowball and Voikko) every one fails on the old taxonomy; the rest are
// guards. Wordings are this test's own, not a set's items.
import { describe, expect, it } from 'vitest';
import { roundTaggers } from './round-taggers.js';
import { tagCases } from './round-cases.js';

describe.each(roundTaggers('round thirty-one (welfare)'))('round thirty-one, the welfare area (%s)', (_name, tag) => {
  tagCases(tag, 'a fire station in the welfare area’s property is the reform’s alone', { relevant: true, primary: 'welfare-reform', goals: ['welfare-reform'] }, [
    ['Hyvinvointialue irtisanoo kaksi vuokrattua paloasemaa ja rakentaa uuden yhteisaseman', 'Uudelle asemalle sijoittuvat pelastuslaitos ja ensihoito.', 'fi', 'hyvinvointialue'],
    ['Välfärdsområdet säger upp två hyrda brandstationer och bygger en ny gemensam station', 'Räddningsverket och akutvården flyttar in i den nya stationen.', 'sv', 'hyvinvointialue'],
    ['Hyvinvointialueen toimitilaohjelma: kolmen paloaseman peruskorjaus alkaa', 'Ohjelma kattaa myös kaksi terveysasemaa.', 'fi', 'hyvinvointialue'],
    ['Välfärdsområdets lokalprogram: tre brandstationer renoveras', 'Programmet omfattar också två hälsostationer.', 'sv', 'hyvinvointialue'],
    ['Aluevaltuuston lisämääräraha kattaa Pohjoiskylän paloaseman kattoremontin', 'Lisämääräraha otetaan sairaalan remontista.', 'fi', 'hyvinvointialue'],
    ['Välfärdsområdesfullmäktiges tilläggsanslag täcker takrenoveringen av brandstationen i Norrby', 'Tilläggsanslaget tas från sjukhusets renovering.', 'sv', 'hyvinvointialue'],
    ['Kuntien ja hyvinvointialueen kiinteistöjärjestelyt: kolme paloasemaa siirtyy alueelle', 'Selvitys kokoaa kunnilta ostetut kiinteistöt.', 'fi', 'kuntaliitto'],
    ['Fastighetsarrangemangen mellan kommunerna och välfärdsområdet: tre brandstationer överförs', 'Utredningen samlar fastigheterna som köpts av kommunerna.', 'sv', 'kuntaliitto'],
  ] as const);

  // Guards: the rescue department's own money ("whose": an actor in the genitive), the rescue act's building owner
  // (kiinteistönomistaja, fastighetsägare: not a property deal), and another authority's premises programme.
  tagCases(tag, 'the rescue services’ own matter stays theirs', { relevant: true, primary: 'services', goals: ['services'] }, [
    ['Pelastuslaitoksen määrärahat eivät riitä palotarkastuksiin', 'Tarkastajia on liian vähän.', 'fi'],
    ['Kiinteistönomistajat vastaavat nuohouksesta: hyvinvointialueen pelastuslaitos muistuttaa', 'Nuohous on tehtävä määrävälein.', 'fi'],
    ['Fastighetsägarna ansvarar för sotningen: välfärdsområdets räddningsverk påminner', 'Sotningen ska göras regelbundet.', 'sv'],
  ] as const, { source: 'hyvinvointialue' });

  it('another authority’s premises programme is no rescue matter', () => {
    expect(tag({ title: 'Poliisin toimitilaohjelma: kuusi poliisiasemaa suljetaan', summary: 'Säästöt ovat kaksi miljoonaa euroa.', lang: 'fi', source: 'intermin' }))
      .toMatchObject({ relevant: false });
  });
});
