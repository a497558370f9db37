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
