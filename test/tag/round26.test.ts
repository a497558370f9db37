// Round twenty-six's rules (taxonomy 2026.6, not raised again): compensation for the property moved to the welfare areas
// (hyvitys, gottgörelse) is the reform's money as a rent is; a welfare area's service network (palveluverkko, servicenät)
// is its structure; an organ of the welfare area (toimielin) is governance; "hyvinvointialueen pelastuslaitos" names the
// rescue department's owner, not the reform. Wordings are this test's own, not a set's items.
import { describe, expect, it } from 'vitest';
import { roundTaggers } from './round-taggers.js';
import { tagCases } from './round-cases.js';

describe.each(roundTaggers('round twenty-six'))('round twenty-six (%s)', (_name, tag) => {

  tagCases(tag, 'compensation for property moved to the welfare area is the reform’s, whatever fire stations it names', { relevant: true, primary: 'welfare-reform', goals: ['welfare-reform'] }, [
    ['Kaupunki hakee hyvitystä hyvinvointialueelle siirretyistä paloasemista', 'Erimielisyys koskee kolmen kiinteistön arvoa.', 'fi'],
    ['Staden kräver gottgörelse för brandstationerna som överförts till välfärdsområdet', 'Oenigheten gäller värdet av tre fastigheter.', 'sv'],
  ] as const, { source: 'kunta' });

  tagCases(tag, 'a welfare area’s service network is its structure, the reform’s', { relevant: true, primary: 'welfare-reform', goals: ['welfare-reform'] }, [
    ['Hyvinvointialueen palveluverkko uudistuu: paloasemat ja sosiaalitoimistot samoihin kiinteistöihin', 'Aluehallitus esittää muutosta valtuustolle.', 'fi'],
    ['Välfärdsområdets servicenät förnyas: brandstationer och socialbyråer i samma fastigheter', 'Områdesstyrelsen föreslår ändringen för fullmäktige.', 'sv'],
  ] as const, { source: 'hyvinvointialue' });

  it('a new organ for the rescue services’ matters in the welfare area is governance', () => {
    const r = tag({ title: 'Valvontalautakunta aloittaa: pelastustoimen asiat uuteen toimielimeen', summary: 'Aluevaltuusto valitsi jäsenet. Lautakunta seuraa pelastuslaitoksen taloutta.', lang: 'fi', source: 'hyvinvointialue' });
    expect(r).toMatchObject({ relevant: true, primary: 'welfare-reform', goals: ['welfare-reform'] });
  });

  tagCases(tag, 'the welfare area as the rescue department’s owner adds no reform goal', { relevant: true, primary: 'internal-security', goals: ['internal-security'] }, [
    ['Hyvinvointialueen pelastuslaitos päivitti valmiussuunnitelmansa', 'Suunnitelma kattaa varavoiman, polttoaineen ja väestön varoittamisen.', 'fi'],
    ['Välfärdsområdets räddningsverk uppdaterade sin beredskapsplan', 'Planen omfattar reservkraft, bränsle och varning av befolkningen.', 'sv'],
  ] as const, { source: 'hyvinvointialue' });

  it('a rescue department’s service level is not a service network', () => {
    expect(tag({ title: 'Skriftligt spörsmål om räddningsväsendets servicenivå i skärgården', summary: 'Frågeställaren hänvisar till välfärdsområdenas sparkrav.', lang: 'sv' }))
      .toMatchObject({ relevant: true, primary: 'services', goals: ['services'] });
  });
});
