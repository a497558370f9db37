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
