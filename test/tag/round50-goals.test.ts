// Round fifty's changes to which goal an item is about: vocabulary by kind of wording, Finnish and Swedish alike
// (issue 10; wordings are this test's own, not a set's items).
import { describe } from 'vitest';
import { roundTaggers } from './round-taggers.js';
import { tagCases } from './round-cases.js';

describe.each(roundTaggers('round fifty, goals'))('round fifty, goals (%s)', (_name, tag) => {
  // A notification the rescue act requires to the rescue authority (ilmoitus pelastusviranomaiselle, anmälan till
  // räddningsmyndigheten) is the authority's supervision, whatever is notified: renting flats out is no welfare area's rent.
  // Before, the rent word (vuokra, hyra) gave the item to the reform's property and the authority (who) followed it.
  tagCases(tag, 'a notification to the rescue authority: services', { relevant: true, primary: 'services' }, [
    ['Vuokrattavista loma-asunnoista ilmoitus pelastusviranomaiselle, ehdottaa ministeriö', 'Velvollisuus koskisi asuntoja, joita vuokrataan yli 60 yötä.', 'fi'],
    ['Fritidsbostäder som hyrs ut ska anmälas till räddningsmyndigheten, föreslår ministeriet', 'Plikten skulle gälla bostäder som hyrs ut mer än 60 nätter.', 'sv'],
  ] as const, { source: 'lausuntopalvelu' });
  // What moved to the welfare areas in the reform (hyvinvointialueille siirtyneet, som övergått till välfärdsområdena) is
  // the reform's transfer, as the compensation for it is: the fire stations named are what moved. Before, the fire
  // stations spoke for the services and the health stations' negative took the area's points.
  tagCases(tag, 'what moved to the welfare areas: the reform', { relevant: true, primary: 'welfare-reform' }, [
    ['Kunnat odottavat yhä korvauksia hyvinvointialueille siirtyneistä paloasemista ja terveysasemista', 'Päätökset tehdään ensi vuonna.', 'fi'],
    ['Kommunförbundet: ersättningen för brandstationer och hälsostationer som övergått till välfärdsområdena försenas', 'Besluten fattas nästa år.', 'sv'],
  ] as const, { source: 'kuntaliitto' });
  // A cooperation advisory board (yhteistyöneuvottelukunta, samarbetsdelegation) is the ministry's and the rescue
  // departments' cooperation structure, as its groups are. Before, the negotiation inside the word (neuvottelu) or the
  // steering it handles led.
  tagCases(tag, 'a cooperation advisory board: internal security', { relevant: true, primary: 'internal-security' }, [
    ['Sisäministeriö ja pelastuslaitokset sopivat yhteistyöneuvottelukunnan kokoonpanosta', 'Neuvottelukunta käsittelee pelastustoimen ohjausta.', 'fi'],
    ['Inrikesministeriet och räddningsverken kom överens om samarbetsdelegationens sammansättning', 'Delegationen behandlar styrningen av räddningsväsendet.', 'sv'],
  ] as const, { source: 'sisäministeriö' });
  // A short-term rental (lyhytvuokra-asunto, korttidsuthyrning) is a flat let to tourists, whose fire safety the rescue
  // authority supervises: the rent inside the word is no welfare area's rent. Before, it gave the reform a goal or the lead.
  tagCases(tag, 'a short-term rental: services alone', { relevant: true, goals: ['services'], primary: 'services' }, [
    ['Lyhytvuokra-asuntojen valvonta alkaa Levillä: pelastuslaitos käy läpi mökit', 'Käynneillä tarkistetaan palovaroittimet ja poistumistiet.', 'fi'],
    ['Räddningsverket inleder tillsyn av korttidsuthyrningen av stugor i Levi', 'Besöken gäller brandvarnare.', 'sv'],
  ] as const, { source: 'pelastuslaitos' });
});
