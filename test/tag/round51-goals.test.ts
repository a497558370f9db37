// Round fifty-one's changes to which goal an item is about: vocabulary by kind of wording, Finnish and Swedish alike
// (issue 10; wordings are this test's own, not a set's items).
import { describe } from 'vitest';
import { roundTaggers } from './round-taggers.js';
import { tagCases } from './round-cases.js';

describe.each(roundTaggers('round fifty-one, goals'))('round fifty-one, goals (%s)', (_name, tag) => {
  // A situation centre shared by the rescue services and EMS (yhteinen tilannekeskus, gemensam lägescentral) is a command
  // structure, internal security first (the lead's labelling decision, session 60), whatever partners it joins. Before,
  // EMS (ensihoito, the reform's when the rescue departments produce it), named in title and summary, took the rescue
  // department's actor points with it and led.
  tagCases(tag, 'a shared situation centre of rescue and EMS: internal security first', { relevant: true, primary: 'internal-security' }, [
    ['Kokkolaan yhteinen tilannekeskus pelastustoimelle ja ensihoidolle', 'Keskuksessa päivystävät ympäri vuorokauden pelastuslaitoksen ja ensihoidon kenttäjohtajat.', 'fi'],
    ['Välfärdsområdets akutvård och räddningsverket får en gemensam lägescentral', 'I centralen har akutvårdens fältchefer och räddningsverkets jourhavande brandmästare jour.', 'sv'],
  ] as const, { source: 'pelastustoimi' });
  // Helsinki's separate solution (Helsingin erillisratkaisu, Helsingforslösningen: the city organises social, health and
  // rescue services itself, outside the welfare areas) is the reform's structure by name. Before, the rescue services
  // (pelastustoimi, räddningsväsende) named beside it led.
  tagCases(tag, "Helsinki's separate solution: the reform", { relevant: true, primary: 'welfare-reform' }, [
    ['Helsingin erillisratkaisu: kaupungin pelastustoimen rahoitusta verrataan alueisiin', 'Ministeriön selvitys valmistuu syksyllä.', 'fi'],
    ['Helsingforslösningen: finansieringen av stadens räddningsväsende jämförs med områdenas', 'Ministeriets utredning blir klar i höst.', 'sv'],
  ] as const, { source: 'sisäministeriö' });
});
