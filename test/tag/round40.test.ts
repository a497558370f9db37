// Round forty's changes to which goal(s) an item is about (issue 10; wordings are this test's own, not a set's items).
import { describe, expect, it } from 'vitest';
import { roundTaggers } from './round-taggers.js';

// The ministry-network scope says it is title-only with its own key (title_only), not by being of factor 1 and by field:
// the ministry and the partnership network both named in the summary are a mention too, not their cooperation structure.
describe.each(roundTaggers('round forty, title-only scope'))('round forty, the ministry and the network in the summary (%s)', (_name, tag) => {
  it.each([
    ['Omavalvonnan ohje valmistui', 'Sisäministeriö ja kumppanuusverkosto esittelivät ohjeen pelastuslaitoksille.', 'fi'],
    ['Anvisningen om egenkontroll är klar', 'Inrikesministeriet och partnerskapsnätverket presenterade anvisningen för räddningsverken.', 'sv'],
  ] as const)('both in the summary name no cooperation: %s', (title, summary, lang) => {
    const r = tag({ title, summary, lang, source: 'pelastustoimi' });
    expect(r).toMatchObject({ relevant: true, primary: 'services', goals: ['services'] });
    expect(r.evidence.some((e) => e.rule === 'scope' && e.term.startsWith('ministry-network'))).toBe(false);
  });
});
