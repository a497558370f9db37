// Round forty-two's changes to which goal(s) an item is about (issue 10; wordings are this test's own, not a set's items).
import { describe } from 'vitest';
import { roundTaggers } from './round-taggers.js';
import { tagCases } from './round-cases.js';

// The authorities' broadband by its full name (mobiililaajakaista, mobilt bredband): the shared network of the safety
// authorities, as the radio network is; the phrase "viranomaisten laajakaista" did not reach the longer compound, so the
// rescue departments it reaches took the item to services alone.
describe.each(roundTaggers('round forty-two, authorities’ mobile broadband'))('round forty-two, the authorities’ mobile broadband (%s)', (_name, tag) => {
  tagCases(tag, 'internal security alone', { relevant: true, primary: 'internal-security', goals: ['internal-security'] }, [
    ['Siirtyminen viranomaisten mobiililaajakaistaan viivästyy kahdessa pelastuslaitoksessa', 'Vanha verkko pidetään käytössä vuoden loppuun.', 'fi'],
    ['Övergången till myndigheternas mobila bredband försenas i två räddningsverk', 'Det gamla nätet hålls i bruk till årets slut.', 'sv'],
  ] as const, { source: 'erillisverkot' });
});

// Social, health and rescue services listed together are the welfare areas' whole remit, so a cost review or a sum
// counted from all three is the reform's money, as "sosiaali- ja terveydenhuollon ja pelastustoimen" already was; the
// rescue services named last took a title that calls the welfare areas "alueet".
describe.each(roundTaggers('round forty-two, the welfare areas’ remit listed'))('round forty-two, the three services as the welfare areas’ remit (%s)', (_name, tag) => {
  tagCases(tag, 'the reform leads', { relevant: true, primary: 'welfare-reform' }, [
    ['Jälkikäteistarkistus valmis: alueille lisää rahaa syksyllä', 'Laskelma perustuu sosiaali-, terveys- ja pelastustoimen toteutuneisiin menoihin.', 'fi'],
    ['Efterhandsjusteringen klar: områdena får mer pengar i höst', 'Kalkylen bygger på de faktiska utgifterna inom social-, hälso- och räddningsväsendet.', 'sv'],
  ] as const, { source: 'vm' });
});
