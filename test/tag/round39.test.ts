// Round thirty-nine's changes to which goal(s) an item is about (issue 10; wordings are this test's own, not a set's items).
import { describe, expect, it } from 'vitest';
import { roundTaggers } from './round-taggers.js';

// Where each word ends in its text is found once per field (tokenEnds), for the title's headline and for every denial:
// a summary with two denials keeps the sentence between them, and each denial ends at its own sentence's end.
describe.each(roundTaggers('round thirty-nine, denials'))('round thirty-nine, two denials in one summary (%s)', (_name, tag) => {
  it('the sentence between two denials still counts, the denied words do not', () => {
    const r = tag({
      title: 'Kuntien tietohallinnon vuosiraportti julkaistiin',
      summary: 'Raportti ei käsittele sairaaloita. Hätäkeskukset ovat mukana. Se ei koske pelastuslaitoksia eikä paloasemia.',
      lang: 'fi',
    });
    expect(r.evidence.some((e) => e.match === 'Hätäkeskukset')).toBe(true);
    expect(r.evidence.some((e) => e.match === 'pelastuslaitoksia' || e.match === 'paloasemia')).toBe(false);
  });

  it('a Swedish denial followed by a word written inside "inte" still ends at its sentence', () => {
    const r = tag({
      title: 'Årsrapporten om kommunernas IT-förvaltning publicerad',
      summary: 'Rapporten påverkar inte i sig räddningsverken. Nödcentralerna ingår i rapporten.',
      lang: 'sv',
    });
    expect(r.evidence.some((e) => e.match === 'räddningsverken')).toBe(false);
    expect(r.evidence.some((e) => e.match === 'Nödcentralerna')).toBe(true);
  });
});

// A comma between two title words lists them: neither modifies the next, so the second is no head naming the title's
// subject. A shared situation-picture system for the emergency centres, EMS and the rescue department is internal security
// alone, not EMS (the reform's word) as well. Each case lists the reform beside it with the rule off, with either analyzer.
describe.each(roundTaggers('round thirty-nine, lists'))('round thirty-nine, a comma lists (%s)', (_name, tag) => {
  it.each([
    ['Hätäkeskukset, ensihoito ja pelastuslaitokset saavat yhteisen tilannekuvajärjestelmän', 'Järjestelmä otetaan käyttöön ensi vuonna.', 'fi'],
    ['Yhteinen tilannekuvajärjestelmä hätäkeskuksen, ensihoidon ja pelastuslaitoksen käyttöön', 'Järjestelmä otetaan käyttöön ensi vuonna.', 'fi'],
    ['Ett gemensamt lägesbildssystem för nödcentralen, akutsjukvården och räddningsverket', 'Systemet tas i bruk nästa år.', 'sv'],
  ] as const)('a shared situation picture whose users are listed is internal security alone: %s', (title, summary, lang) => {
    expect(tag({ title, summary, lang })).toMatchObject({ relevant: true, primary: 'internal-security', goals: ['internal-security'] });
  });
});
