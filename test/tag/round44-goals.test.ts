// Round forty-four's changes to which goal(s) an item is about (issue 10; wordings are this test's own, not a set's items).
import { describe, expect, it } from 'vitest';
import { roundTaggers } from './round-taggers.js';

// A title's head in the Finnish illative named by a context word alone (ohjaukseen, valvontaan) is where a matter goes, not
// what the title is about: the units' dispatch a disruption reaches is no steering of the welfare areas. Without the rule
// "pelastusyksiköiden ohjaukseen" made the title about the reform's steering and dropped the emergency centres' systems.
describe.each(roundTaggers('round forty-four, illative heads'))('round forty-four, a context word in the illative names no subject (%s)', (_name, tag) => {
  it.each([
    ['Kirjallinen kysymys tietoliikennekatkojen vaikutuksista pelastusyksiköiden ohjaukseen', 'Katkon aikana hätäkeskus ei saanut pelastus- ja ensihoitoyksiköiden sijaintia kenttäjohtojärjestelmään.', 'eduskunta'],
    ['Paikannushäiriöt ulottuvat pelastusyksiköiden ohjaukseen', 'Häiriöiden aikana hätäkeskus ei nähnyt ensihoito- ja pelastusyksiköiden sijaintia kenttäjohtojärjestelmässä.', 'intermin'],
    // The rule's guard: a Finnish genitive before another goal word is that word's modifier, no head of the word before
    // it; without it, the welfare area here became the head of preparedness once the illative head no longer spoke last.
    ['Pelastuslaitoksen valmiussuunnitelma uusittiin: varautuminen hyvinvointialueen häiriötilanteisiin', 'Suunnitelma kattaa johtamisen, viestinnän ja tilannekuvan häiriötilanteissa.', 'hyvinvointialue'],
  ] as const)('internal security alone: %s', (title, summary, source) => {
    expect(tag({ title, summary, lang: 'fi', source })).toMatchObject({ relevant: true, primary: 'internal-security', goals: ['internal-security'] });
  });
});

// A reception centre, an asylum seeker, the security police and a prison are the policing scope's negatives in Swedish too
// (förläggning, mottagningscentral, asylsökande, skyddspolis, fängelse), as vastaanottokeskus and vankila are in Finnish: the
// rescue department's fire inspection there is its own matter. Without them the Swedish twin of a Finnish item the rules
// read right kept the policing scope's internal-security points, the Finnish negative's counterweight missing.
describe.each(roundTaggers('round forty-four, Swedish policing negatives'))('round forty-four, the policing scope\'s Swedish negatives (%s)', (_name, tag) => {
  it.each([
    ['Räddningsverket granskar brandsäkerheten vid förläggningarna', 'Utrymningsvägarna och brandvarnarna kontrolleras.', 'migri'],
    ['Brandsyn på mottagningscentralen – räddningsverket kräver nya brandvarnare', 'Utrymningsvägarna var blockerade.', 'migri'],
    ['Brandsyn i fängelset: räddningsverket kräver bättre utrymningsvägar', 'Brandvarnarna fungerade inte i två flyglar.', 'rikosseuraamus'],
  ] as const)('services alone: %s', (title, summary, source) => {
    expect(tag({ title, summary, lang: 'sv', source })).toMatchObject({ relevant: true, primary: 'services', goals: ['services'] });
  });
});
