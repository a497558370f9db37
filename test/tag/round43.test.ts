// Round forty-three's relevance classes (issue 10; wordings are this test's own, not a set's items).
import { describe, expect, it } from 'vitest';
import { roundTaggers } from './round-taggers.js';

// Executive assistance (virka-apu, handräckning) as an item's subject is the authorities' cooperation, internal security,
// whatever forest fire it is given at: a guideline on the conscripts' assistance went to the fire (services) or, in
// Swedish, to nothing. One rescue department's call for it at one fire stays incident news.
describe.each(roundTaggers('round forty-three, executive assistance'))('round forty-three, executive assistance (%s)', (_name, tag) => {
  it.each([
    ['Puolustusministeriö laatii ohjeen varusmiesten virka-avusta suurissa metsäpaloissa', 'Ohjeessa kuvataan kaluston ja henkilöstön käyttö.', 'fi'],
    ['Försvarsministeriet utarbetar en anvisning om beväringarnas handräckning vid stora skogsbränder', 'Anvisningen beskriver användningen av materiel och personal.', 'sv'],
    ['Virka-avun pyytäminen maastopaloissa: puolustusministeriö päivittää ohjeistuksen', 'Ohjeistus koskee helikoptereiden ja varusmiesten käyttöä.', 'fi'],
    ['Begäran om handräckning vid terrängbränder: försvarsministeriet uppdaterar sina anvisningar', 'Anvisningarna gäller helikoptrar och beväringar.', 'sv'],
  ] as const)('internal security: %s', (title, summary, lang) => {
    expect(tag({ title, summary, lang, source: 'defmin' })).toMatchObject({ relevant: true, primary: 'internal-security' });
  });

  it.each([
    ['Pelastuslaitos sai virka-apua puolustusvoimilta metsäpalon sammuttamiseen Kainuussa', 'Paikalla oli helikopteri ja 30 varusmiestä.', 'fi'],
    ['Räddningsverket fick handräckning av försvarsmakten för att släcka en skogsbrand i Kajanaland', 'På plats fanns en helikopter och 30 beväringar.', 'sv'],
  ] as const)('one fire stays incident news: %s', (title, summary, lang) => {
    expect(tag({ title, summary, lang, source: 'pelastustoimi' }).relevant).toBe(false);
  });
});
