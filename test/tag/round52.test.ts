// Round fifty-two's relevance classes (issue 10; wordings are this test's own, not a set's items).
import { describe } from 'vitest';
import { tagCases } from './round-cases.js';
import { roundTaggers } from './round-taggers.js';

// A statute's title that is all the item says (a Finlex title as the crawl stores it) names its subject: a preparedness
// word there (evacuation, preparedness) is the state's preparedness law and counts without a rescue word. The same title
// with a summary, and a title-only statute whose context word is another subtopic's (renting, self-monitoring), are the
// controls: they stay as they were.
describe.each(roundTaggers('round fifty-two, title-only statutes'))('round fifty-two, a title-only statute names its subject (%s)', (_name, tag) => {
  tagCases(tag, 'relevant', { relevant: true, goals: ['internal-security'] }, [
    ['Valtioneuvoston asetus evakuoitujen henkilöiden majoittamisesta', '', 'fi'],
    ['Statsrådets förordning om inkvartering av evakuerade personer', '', 'sv'],
    ['Valtioneuvoston asetus kuntien varautumisen alueellisesta yhteistyöstä', '', 'fi'],
    ['Statsrådets förordning om regionalt samarbete kring kommunernas beredskap', '', 'sv'],
  ] as const, { source: 'finlex', titleOnly: true });

  tagCases(tag, 'not relevant (no title-only mark)', false, [
    ['Valtioneuvoston asetus evakuoitujen henkilöiden majoittamisesta', '', 'fi'],
    ['Statsrådets förordning om inkvartering av evakuerade personer', '', 'sv'],
  ] as const, { source: 'finlex' });

  tagCases(tag, 'not relevant (another subtopic\'s context word)', false, [
    ['Laki liikehuoneiston vuokrauksesta annetun lain 5 §:n muuttamisesta', '', 'fi'],
    ['Lag om ändring av 5 § i lagen om hyra av affärslokal', '', 'sv'],
  ] as const, { source: 'finlex', titleOnly: true });
});

// The joint systems the rescue services share with the police (Virve, KEJO, ERICA, TUVE) lift the policing scope in
// Swedish as in Finnish: the Swedish unless list lacked them and the Finnish list's other twins. The Virve network written
// solid (Virvenätet, Virveverkko) is Virve, which alone matches only as a whole word. The Finnish twin is the control: it
// was relevant before.
describe.each(roundTaggers('round fifty-two, policing scope'))('round fifty-two, shared systems lift the policing scope in Swedish (%s)', (_name, tag) => {
  tagCases(tag, 'relevant', { relevant: true, goals: ['internal-security'] }, [
    ['Täckningen för Virve förbättras i järnvägstunnlarna', 'Polispatrullernas terminaler ska fungera även inne i tunnlarna.', 'sv'],
    ['Virvenätets täckning förbättras i järnvägstunnlarna', 'Polispatrullernas terminaler ska fungera även inne i tunnlarna.', 'sv'],
    ['KEJO tas i bruk hos polisen och tullen', 'Polisens fältenheter övergår till det nya ledningssystemet i vår.', 'sv'],
    ['Virve-verkon kuuluvuus paranee rautatietunneleissa', 'Poliisipartioiden päätelaitteiden on määrä toimia myös tunneleiden sisällä.', 'fi', 'yle'],
  ] as const, { source: 'yle-sv' });
});

// Population warnings by the Finnish compound (väestövaroitus), befolknings+varning's twin: Finnish had only the phrase
// (väestön varoittaminen). The Swedish twin is the control.
describe.each(roundTaggers('round fifty-two, population warnings'))('round fifty-two, väestövaroitus (%s)', (_name, tag) => {
  tagCases(tag, 'relevant', { relevant: true, goals: ['internal-security'] }, [
    ['Väestövaroitukset halutaan kaikkiin matkapuhelimiin myös ulkomaisilla liittymillä', 'Ministeriö selvittää, miten varoitus tavoittaisi myös matkailijat.', 'fi'],
    ['Befolkningsvarningar ska nå alla mobiltelefoner även med utländska abonnemang', 'Ministeriet utreder hur varningen också kunde nå turister.', 'sv', 'yle-sv'],
  ] as const, { source: 'yle' });
});
