// Round forty-six's relevance classes (issue 10; wordings are this test's own, not a set's items).
import { describe, expect, it } from 'vitest';
import { roundTaggers } from './round-taggers.js';

// The heating season's carbon-monoxide reminder: a damper (pelti, spjäll) closed too early and the poisoning it causes
// (häkämyrkytys, kolmonoxidförgiftning) are the advice scope's own subject, as candles are, whoever publishes it (the
// pelastustoimi.fi meta line names the rescue services on every item). A decree on fireplaces is lifted by its law words.
describe.each(roundTaggers('round forty-six, dampers'))('round forty-six, a damper reminder is advice (%s)', (_name, tag) => {
  it.each([
    ['Pelastajat neuvovat: pelti kiinni vasta hiillosten jälkeen', 'Tiedote sisäministeriö Pelastustoimi, 2.2.2052 8:00. Liian aikaisin suljettu pelti on talven yleisin syy kotien häkävaaraan.', 'fi'],
    ['Pakkasilla lämmitetään paljon: tulisijojen käytössä tarkkana', 'Uutinen sisäministeriö Pelastustoimi, 3.2.2052 9:00. Pelastustoimen mukaan kotona sattuu talvisin useita häkämyrkytyksiä.', 'fi'],
    ['Bastuugnen ska eldas säkert', 'Nyhet inrikesministeriet Räddningsväsendet, 2.2.2052 8:00. Räddningsväsendet råder: stäng inte spjället innan glöden har slocknat.', 'sv'],
    ['Mycket eldning under kylan: var noga med eldstäderna', 'Nyhet inrikesministeriet Räddningsväsendet, 3.2.2052 9:00. Enligt räddningsväsendet inträffar flera kolmonoxidförgiftningar i hemmen varje vinter.', 'sv'],
  ] as const)('not relevant: %s', (title, summary, lang) => {
    expect(tag({ title, summary, lang, source: 'pelastustoimi' }).relevant).toBe(false);
  });

  it.each([
    ['Sisäministeriön asetus tulisijojen pelleistä ja nuohouksesta', 'Asetuksella säädetään, että pelti on tarkastettava nuohouksen yhteydessä.', 'fi'],
    ['Inrikesministeriets förordning om spjäll i eldstäder', 'Förordningen kräver att spjället kontrolleras vid sotningen.', 'sv'],
  ] as const)('still relevant: %s', (title, summary, lang) => {
    expect(tag({ title, summary, lang, source: 'finlex' }).relevant).toBe(true);
  });
});

// An event told by its noun (tapahtuma, evenemang as words of their own: the events scope's own name) is event news as
// a competition is: firefighters' charity climbs and runs whatever rescue words the meta line and the summary carry.
// A public event's rescue plan (yleisötapahtuma, publikevenemang: compounds) is the rescue act's matter still.
describe.each(roundTaggers('round forty-six, events'))('round forty-six, an event by its noun (%s)', (_name, tag) => {
  it.each([
    ['Palomiehet juoksivat maratonin savusukellusvarusteissa', 'Uutinen sisäministeriö Pelastustoimi, 5.5.2052 15:00. Tapahtuman tuotto menee nuorisotyöhön, ja mukana oli 40 pelastajaa.', 'fi'],
    ['Brandmän sprang maraton i rökdykarutrustning', 'Nyhet inrikesministeriet Räddningsväsendet, 5.5.2052 15:00. I evenemanget deltog 40 räddare, och intäkterna går till ungdomsarbete.', 'sv'],
  ] as const)('not relevant: %s', (title, summary, lang) => {
    expect(tag({ title, summary, lang, source: 'pelastustoimi' }).relevant).toBe(false);
  });

  it.each([
    ['Yleisötapahtumien pelastussuunnitelmat: pelastuslaitos tarkastaa suunnitelmat aiempaa aikaisemmin', 'Tapahtuman järjestäjän on toimitettava suunnitelma kolme viikkoa ennen tapahtumaa.', 'fi'],
  ] as const)('still relevant: %s', (title, summary, lang) => {
    expect(tag({ title, summary, lang, source: 'pelastustoimi' }).relevant).toBe(true);
  });
});
