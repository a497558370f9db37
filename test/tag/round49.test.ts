// Round forty-nine's relevance classes (issue 10; wordings are this test's own, not a set's items).
import { describe, expect, it } from 'vitest';
import { roundTaggers } from './round-taggers.js';
import { tagCases } from './round-cases.js';

// A Swedish adjective in -lig is a word of its own, not the noun or verb it is made from: Snowball strips the suffix, so
// tillgänglig (accessible) keyed as tillgäng and held gäng (a gang, which puts an item under the policing scope). The
// Finnish twins say saatavilla and never met the gang; they are the control.
describe.each(roundTaggers('round forty-nine, -lig adjectives'))('round forty-nine, a Swedish -lig adjective (%s)', (_name, tag) => {
  it.each([
    ['Regeringens proposition om ändring av lagen om välfärdsområden', 'Propositionen föreslår att välfärdsområdenas tjänster ska vara tillgängliga också digitalt.', 'parliament', 'sv'],
    ['Välfärdsområdenas budgetar: investeringarna görs tillgängliga för invånarna', 'Finansministeriet publicerar välfärdsområdenas ekonomiplaner och lånefullmakter.', 'stm', 'sv'],
    ['Hallituksen esitys laiksi hyvinvointialueesta annetun lain muuttamisesta', 'Esityksen mukaan hyvinvointialueen palvelujen olisi oltava saatavilla myös digitaalisesti.', 'parliament', 'fi'],
  ] as const)('relevant: %s', (title, summary, source, lang) => {
    expect(tag({ title, summary, lang, source }).relevant).toBe(true);
  });

  it('still not relevant: the police on gang crime (gängbrottslighet keeps the gang)', () => {
    expect(tag({ title: 'Polisen: gängbrottsligheten bland unga ökar', summary: 'Polisen har fått mer resurser mot gatugängen.', lang: 'sv', source: 'poliisi' }).relevant).toBe(false);
  });
});

// A Swedish compound term is found with a part of its own between its parts, after a linking s: the welfare area's
// borrowing authorisation is lånefullmakt and låneupptagningsfullmakt alike (the Finnish says lainanottovaltuus, the
// control). A derivational suffix between them (styrningsförhandling: -ning) is not a part.
describe.each(roundTaggers('round forty-nine, inserted parts'))('round forty-nine, a Swedish compound with an inserted part (%s)', (_name, tag) => {
  tagCases(tag, 'relevant', true, [
    ['Begäran om utlåtande om förordningsutkastet om välfärdsområdets låneupptagningsfullmakt', 'Förordningen gäller beräkningen av fullmakten.', 'sv'],
    ['Lausuntopyyntö asetusluonnoksesta hyvinvointialueen lainanottovaltuudesta', 'Asetus koskee valtuuden laskentaa.', 'fi'],
  ] as const, { source: 'lausuntopalvelu' });
});
