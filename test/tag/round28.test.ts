// Round twenty-eight's structural change (taxonomy 2026.7): the doer a title opens with decides no goal. A title that opens
// with actors ending in one not in the genitive ("Pelastuslaitos laati …", "Aluehallitus hyväksyi …") is about what the
// doer acts on: the one goal its other words name with a topic's weight; a word the doer's goal shares is the doer's own
// matter. The welfare area's organs (aluehallitus, aluevaltuusto, områdesstyrelse, välfärdsområdesfullmäktige …) are actors:
// who decides, not what about. Wordings are this test's own, not a set's items.
import { describe, expect, it } from 'vitest';
import { roundTaggers } from './round-taggers.js';
import { tagCases } from './round-cases.js';

describe.each(roundTaggers('round twenty-eight'))('round twenty-eight (%s)', (_name, tag) => {

  tagCases(tag, 'the rescue department as the doer lends the services goal nothing', { relevant: true, primary: 'internal-security', goals: ['internal-security'] }, [
    ['Pelastuslaitos laati kouluille mallin evakuointisuunnitelmaksi', 'Mallissa varaudutaan myös suuronnettomuuteen.', 'fi'],
    ['Räddningsverket övade en storolycka på flygplatsen', 'Polisen och akutvården deltog i övningen.', 'sv'],
  ] as const, { source: 'pelastustoimi' });

  it.each([
    ['Aluehallitus käsitteli valmiussuunnitelman päivitystä', 'Pelastuslaitos esitteli suunnitelman kokouksessa.', 'fi'],
    ['Områdesstyrelsen behandlade uppdateringen av beredskapsplanen', 'Räddningsverket presenterade planen på mötet.', 'sv'],
  ] as const)('a welfare area’s organ as the doer is no reform goal: what it decides on leads, %s', (title, summary, lang) => {
    expect(tag({ title, summary, lang, source: 'hyvinvointialue' })).toMatchObject({ relevant: true, primary: 'internal-security', goals: ['internal-security'] });
  });

  it('an organ fixing the rescue department’s response times decides the service level', () => {
    const r = tag({ title: 'Välfärdsområdesstyrelsen fastställde räddningsverkets insatstider för skärgården', summary: 'Räddningsverket följer upp insatstiderna varje kvartal.', lang: 'sv', source: 'hyvinvointialue' });
    expect(r).toMatchObject({ relevant: true, primary: 'services', goals: ['services'] });
  });

  // Guards: what the doer's goal shares stays its own, and an actor in the genitive still says whose matter follows.
  tagCases(tag, 'a council approving a budget is the welfare area’s money', { relevant: true, primary: 'welfare-reform', goals: ['welfare-reform'] }, [
    ['Aluevaltuusto hyväksyi vuoden 2036 talousarvion', 'Pelastuslaitoksen määrärahat kasvavat kaksi prosenttia.', 'fi'],
    ['Välfärdsområdesfullmäktige godkände budgeten för 2036', 'Räddningsverkets anslag ökar med två procent.', 'sv'],
    ['Välfärdsområdesfullmäktige godkände räddningsverkets budget för 2036', 'Räddningsverket får 40 miljoner euro.', 'sv'],
  ] as const, { source: 'hyvinvointialue' });

  it('an actor in the genitive is whose matter, not who acts', () => {
    expect(tag({ title: 'Pelastuslaitoksen kyberturvallisuusharjoitus paljasti puutteita', summary: '', source: 'pelastustoimi' }))
      .toMatchObject({ relevant: true, primary: 'internal-security', goals: ['internal-security'] });
  });
});
