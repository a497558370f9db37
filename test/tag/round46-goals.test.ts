// Round forty-six's changes to which goal(s) an item is about (issue 10; wordings are this test's own, not a set's items).
import { describe, expect, it } from 'vitest';
import { roundTaggers } from './round-taggers.js';
import { tagCases } from './round-cases.js';

// One reading of "named as where" for the title's place terms and the summary's topic words (namedAsWhere): a Finnish
// word in a place case or the illative, a Swedish word with i, vid, på, till, från or med up to three words before it.
// Before, the summary had a narrower reading of its own (only -ssa/-lla; only i, på or vid just before the word or its
// list) and the title another (no i): each case below failed with one of the two.
describe.each(roundTaggers('round forty-six, one reading of where'))('round forty-six, one reading of where (%s)', (_name, tag) => {
  // The summary: a shelter the rescue departments' storage rule names as where to (the illative; Swedish till) is the
  // place the rule covers, not a topic to lend their points to: their fire-safety matter, services alone.
  tagCases(tag, 'a shelter in the summary named where to: services alone', { relevant: true, primary: 'services', goals: ['services'] }, [
    ['Pelastuslaitokset ja Tukes ohjeistivat taloyhtiöitä sähköpyörien akuista', 'Ohjeen mukaan akkuja ei saa viedä porraskäytäviin eikä väestönsuojiin, ja pelastuslaitos valvoo ohjeen noudattamista.', 'fi'],
    ['Räddningsverken och Tukes gav bostadsbolagen råd om elcykelbatterier', 'Enligt råden får batterierna inte tas med till trapphus eller skyddsrum, och räddningsverket övervakar att råden följs.', 'sv'],
  ] as const, { source: 'tukes' });
  // The title: a fire station after a Swedish i is where the EMS base goes, as the Finnish twin's -lle says: the reform's
  // EMS alone, the fire station naming no services subject.
  tagCases(tag, 'a fire station in the title named where: the reform alone', { relevant: true, primary: 'welfare-reform', goals: ['welfare-reform'] }, [
    ['Prehospitala akutvårdens bas placeras i den nya brandstationen i Kaukola', 'Välfärdsområdet flyttar ambulansen till stationen i augusti.', 'sv'],
    ['Ensihoidon tukikohta sijoitetaan Kaukolan uudelle paloasemalle', 'Hyvinvointialue siirtää ambulanssin asemalle elokuussa.', 'fi'],
  ] as const, { source: 'hyvinvointialue' });
});

// The rescue services' shared ICT service centre by its Swedish name with the English abbreviation (ICT-servicecentret),
// as IKT-servicecentral and the Finnish ICT-palvelukeskus are already: their information systems, internal security, the
// welfare areas that pay for it no goal of their own. Without the terms only the context word ICT (2) spoke for it, and the
// welfare areas named after the colon led or were listed.
describe.each(roundTaggers('round forty-six, the ICT service centre'))('round forty-six, ICT-servicecentret (%s)', (_name, tag) => {
  it('internal security alone: the centre\'s fee shared by the welfare areas', () => {
    const r = tag({ title: 'Avgiften för ICT-servicecentret: välfärdsområdena delar kostnaderna efter antalet användare', summary: 'Inrikesministeriet och räddningsverken kom överens om fördelningen.', lang: 'sv', source: 'intermin' });
    expect(r).toMatchObject({ relevant: true, primary: 'internal-security', goals: ['internal-security'] });
  });
  it('internal security first: the centre\'s funding model', () => {
    const r = tag({ title: 'ICT-servicecentrets nya finansieringsmodell: välfärdsområdena betalar enligt användning', summary: 'Modellen gäller från början av nästa år.', lang: 'sv', source: 'intermin' });
    expect(r).toMatchObject({ relevant: true, primary: 'internal-security' });
  });
});
