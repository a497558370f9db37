// Round fifty's relevance classes (issue 10; wordings are this test's own, not a set's items).
import { describe, expect, it } from 'vitest';
import { roundTaggers } from './round-taggers.js';

// A Finnish noun in -e keeps its e in every form and compound (ohjeen, ohjeita, ohjekirja; with gradation hankkeen):
// Snowball keys ohje as ohj, which began ohjaamo (a cab) and ohjaus (steering) too, so an advice word lifted the incident
// scope off a machine fire. The item with the advice itself (ohjeet) is the control.
describe.each(roundTaggers('round fifty, -e nouns'))('round fifty, a Finnish -e noun (%s)', (_name, tag) => {
  it('not relevant: a tractor fire that spread to the cab (ohjaamo is no ohje)', () => {
    const summary = 'Uutinen sisäministeriö Pelastustoimi, 3.6.2056 14:20. Kuljettaja ehti ulos ennen kuin palo levisi ohjaamoon.';
    expect(tag({ title: 'Traktori syttyi palamaan pellolla Pohjois-Savossa', summary, lang: 'fi', source: 'pelastustoimi' }).relevant).toBe(false);
  });

  it('still relevant: the rescue department\'s advice after a fire', () => {
    const summary = 'Uutinen sisäministeriö Pelastustoimi, 9.2.2056 5:10. Palo syttyi kellarissa yöllä.';
    expect(tag({ title: 'Pelastuslaitos: kerrostalopalo, ohjeet asukkaille', summary, lang: 'fi', source: 'pelastustoimi' }).relevant).toBe(true);
  });
});

// A Swedish neuter noun in unstressed -er (lager, fönster, nummer) writes its other forms without the e (lagret, lagren):
// the -er is its own, not the plural ending Snowball strips, so lager (a store) is not lag (the act), which lifted the
// incident scope off a warehouse fire. The Finnish twin says varasto and is the control, as is an act named beside it.
describe.each(roundTaggers('round fifty, -er neuters'))('round fifty, a Swedish -er neuter (%s)', (_name, tag) => {
  it.each([
    ['Brand i en fabrikshall i Björneborg: röken spreds till ett bostadsområde', 'Nyhet inrikesministeriet Räddningsväsendet, 9.2.2056 5:10. Branden började på natten i ett lager med plastförpackningar.', 'sv'],
    ['Tehdashallin palo Porissa: savu levisi asuinalueelle', 'Uutinen sisäministeriö Pelastustoimi, 9.2.2056 5:10. Palo syttyi yöllä varastossa, jossa oli muovipakkauksia.', 'fi'],
  ] as const)('not relevant: %s', (title, summary, lang) => {
    expect(tag({ title, summary, lang, source: 'pelastustoimi' }).relevant).toBe(false);
  });

  it('still relevant: a warehouse fire with the act that now requires sprinklers', () => {
    const title = 'Räddningsverket: brand i ett lager – lagen kräver nu sprinkler i stora lagerhallar';
    expect(tag({ title, summary: 'Branden började på natten.', lang: 'sv', source: 'pelastustoimi' }).relevant).toBe(true);
  });
});
