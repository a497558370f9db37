// Round thirty-one's structural change (taxonomy 2026.11): a hazard names no subject of a title. A forest fire
// (maastopalo, metsäpalo, skogsbrand: `occasion: true`) is when or where another matter happens: the defence forces'
// executive assistance, the emergency centres' preparedness, the EU reserve's aircraft, the risk assessment. Round thirty
// kept it from vouching for a further goal; it still made the rescue services lead, as a title's head ("… varautuu
// maastopalokesään") or as the one goal a title names by a term ("… riskiarviossa … laajat metsäpalot"). Now it is
// never a head, a first name or a headline's goal, and not the goal a title names; its points still count, and lead a
// title that names nothing else. Of its 14 runs (7 cases, each with Snowball and Voikko) the first ten fail on the old
// tagger with either analyzer; the last four are guards. Wordings are this test's own, not a set's items.
import { describe, expect, it } from 'vitest';
import { roundTaggers } from './round-taggers.js';

describe.each(roundTaggers('round thirty-one'))('round thirty-one (%s)', (_name, tag) => {
  it.each([
    ['Hätäkeskusten varautuminen maastopalokesään: lisää päivystäjiä heinäkuuksi', 'Lisävuorot ovat käytössä heinäkuussa.', 'intermin', 'fi'],
    ['Puolustusvoimien virka-apu maastopalojen sammuttamisessa: sopimus päivitetään', 'Sopimus koskee helikoptereita ja varusmiehiä.', 'intermin', 'fi'],
    ['rescEU-reservin metsäpalohelikopterit sijoitetaan Välimeren maihin', 'Suomi ei osallistu hankintaan.', 'eu', 'fi'],
    ['rescEU-reservens skogsbrandshelikoptrar stationeras i Medelhavsländerna', 'Finland deltar inte i upphandlingen.', 'eu', 'sv'],
    ['Sisäministeriön riskiarvio: kuivuus ja laajat maastopalot kasvavina uhkina', 'Arviossa tarkastellaan myös kyberuhkia.', 'intermin', 'fi'],
  ] as const)('a forest fire is the occasion of another goal’s matter, never its subject: %s', (title, summary, source, lang) => {
    expect(tag({ title, summary, lang, source })).toMatchObject({ relevant: true, primary: 'internal-security', goals: ['internal-security'] });
  });

  // Guards: where the rescue services' own matter is the subject (equipment, their readiness), it is theirs as before.
  it.each([
    ['Maastopalojen sammutuskalustoa pelastuslaitoksille yhteishankintana', 'Hankinta kattaa pumput ja letkut.', 'pelastustoimi'],
    ['Pelastuslaitoksen maastopalovalmius paranee: uusi maastopaloauto Kittilään', 'Auto sijoitetaan asemalle kesäkuussa.', 'pelastustoimi'],
  ] as const)('a forest fire in the rescue services’ own title stays theirs: %s', (title, summary, source) => {
    expect(tag({ title, summary, lang: 'fi', source })).toMatchObject({ relevant: true, primary: 'services', goals: ['services'] });
  });
});

// A second change (no taxonomy change; stored tags change with it, 2026.11): a forum named before a headline's colon or
// dash (yhteistyöfoorumi, neuvottelukunta, yhteistyöryhmä, strategiapäivä; forum, delegation, samarbetsgrupp, strategidag:
// the part's last word, in Swedish its first too) is who meets, as round thirty's organ's meeting is: the matter after the
// colon is the subject, and the forum's words (pelastustoimi, varautuminen, kumppanuusverkosto) vouch for no goal. Of its
// eight runs the first three cases fail on the old tagger with either analyzer; the last is a guard.
describe.each(roundTaggers('round thirty-one, forums'))('round thirty-one, forums (%s)', (_name, tag) => {
  it.each([
    ['Pelastustoimen ja hätäkeskusten yhteistyöfoorumi: kyberturvallisuuden harjoitus ensi keväänä', 'Foorumissa käsiteltiin myös pelastuslaitosten palvelutasoa.', 'fi', 'internal-security'],
    ['Samarbetsforumet för räddningsväsendet och nödcentralerna: cyberövning nästa vår', 'Forumet behandlade också räddningsverkens servicenivå.', 'sv', 'internal-security'],
    ['Pelastustoimen ja varautumisen yhteistyöryhmä: palotarkastusten yhteinen malli valmis', 'Ryhmässä ovat mukana sisäministeriö ja hyvinvointialueet.', 'fi', 'services'],
  ] as const)('a forum before the colon is who meets, the matter after it the subject: %s', (title, summary, lang, goal) => {
    expect(tag({ title, summary, lang, source: 'intermin' })).toMatchObject({ relevant: true, primary: goal, goals: [goal] });
  });

  it('a title with no forum before its colon keeps both goals it names', () => {
    expect(tag({ title: 'Väestönsuojat: pelastuslaitokset tarkastavat suojien kunnon', summary: 'Tarkastukset tehdään valvonnan yhteydessä.', lang: 'fi', source: 'pelastustoimi' }))
      .toMatchObject({ relevant: true, goals: expect.arrayContaining(['services', 'internal-security']) });
  });
});
