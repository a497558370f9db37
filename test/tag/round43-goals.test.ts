// Round forty-three's changes to which goal(s) an item is about (issue 10; wordings are this test's own, not a set's items).
import { describe } from 'vitest';
import { roundTaggers } from './round-taggers.js';
import { tagCases } from './round-cases.js';

// The ministry's performance-steering talks with the rescue departments (ohjauskeskustelut, styrningssamtal) named before
// a headline's colon are who meets, as a forum is: the part after the colon says what about. Without it the rescue
// departments named among those who meet, and a service matter the summary lists, took a cyber-security item to services.
describe.each(roundTaggers('round forty-three, steering talks'))('round forty-three, steering talks as who meets (%s)', (_name, tag) => {
  tagCases(tag, 'internal security alone', { relevant: true, primary: 'internal-security', goals: ['internal-security'] }, [
    ['Sisäministeriön ja pelastuslaitosten ohjauskeskustelut: tietojärjestelmien kyberturvallisuus esille', 'Lisäksi puhuttiin valvontasuunnitelmien toteutumisesta.', 'fi'],
    ['Pelastuslaitosten tulosohjauskeskustelut: kyberturvallisuus listan kärjessä', 'Lisäksi käytiin läpi valvontasuunnitelmien ja palvelutasopäätösten toteutumista.', 'fi'],
    ['Resultatstyrningssamtal med räddningsverken: cybersäkerheten först på listan', 'Man gick också igenom hur tillsynsplanerna och servicenivåbesluten har genomförts.', 'sv'],
    ['Styrsamtal med räddningsverken: cybersäkerheten först på listan', 'Man gick också igenom hur tillsynsplanerna och servicenivåbesluten har genomförts.', 'sv'],
  ] as const, { source: 'intermin' });
});

// A backup link (varayhteys, reservförbindelse: by satellite when the phone network fails) is preparedness, as backup power
// is: the fire stations it reaches, or the rescue department building it, took the item to services alone.
describe.each(roundTaggers('round forty-three, backup links'))('round forty-three, backup links as preparedness (%s)', (_name, tag) => {
  tagCases(tag, 'internal security leads', { relevant: true, primary: 'internal-security' }, [
    ['Pelastuslaitos rakentaa paloasemille satelliittivarayhteydet', '', 'fi'],
    ['Räddningsverket bygger reservförbindelser via satellit till brandstationerna', '', 'sv'],
    ['Brandstationerna får reservförbindelser via satellit', 'Larmen går fram även om telefonnätet faller.', 'sv'],
  ] as const, { source: 'pelastustoimi' });
});

// The EU civil protection mechanism's knowledge network (pelastuspalvelujen osaamisverkosto, kunskapsnätverk för
// civilskydd) by its own name, as rescEU: its courses on forest fires are the mechanism's cooperation, the fire its
// occasion; the rescuers and the forest fire took the item to services alone.
describe.each(roundTaggers('round forty-three, the knowledge network'))('round forty-three, the EU knowledge network for civil protection (%s)', (_name, tag) => {
  tagCases(tag, 'internal security alone', { relevant: true, primary: 'internal-security', goals: ['internal-security'] }, [
    ['Pelastuspalvelujen osaamisverkoston kautta suomalaiset kouluttavat metsäpalojen sammuttajia', 'Pelastuslaitosten asiantuntijat opettavat muiden jäsenmaiden pelastajia.', 'fi'],
    ['Kunskapsnätverket för civilskydd: finländska experter håller en kurs om skogsbränder', 'Räddningsverkens experter undervisar räddare i andra medlemsländer.', 'sv'],
    ['Finländska räddare till kurs om terrängbränder via kunskapsnätverket för civilskydd', '', 'sv'],
  ] as const, { source: 'eu' });
});
