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
