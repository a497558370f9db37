// Round forty-nine's changes to which goal an item is about: vocabulary by kind of wording, Finnish and Swedish alike
// (issue 10; wordings are this test's own, not a set's items).
import { describe } from 'vitest';
import { roundTaggers } from './round-taggers.js';
import { tagCases } from './round-cases.js';

describe.each(roundTaggers('round forty-nine, goals'))('round forty-nine, goals (%s)', (_name, tag) => {
  // The EU civil protection mechanism by its short name (EU-mekanismi, EU-mekanismen): a module sent abroad through it is
  // the mechanism's, the forest fire it fights the occasion. Before, the fire spoke for the services alone.
  tagCases(tag, 'the EU mechanism by its short name: internal security', { relevant: true, primary: 'internal-security' }, [
    ['Pelastuslaitosten moduuli lähtee EU-mekanismin kautta Portugalin maastopaloihin', 'Moduulissa on 40 sammuttajaa.', 'fi'],
    ['Räddningsverkens modul åker via EU-mekanismen till skogsbränderna i Portugal', 'Modulen har 40 brandmän.', 'sv'],
  ] as const, { source: 'sisäministeriö' });
  // Oil-spill response by its act's words (öljyvahinkojen torjunta, bekämpning av oljeskador; the verb too): the rescue
  // services' own task, as öljyntorjunta and oljebekämpning are. Before, preparedness (beredskap) led or nothing did.
  tagCases(tag, 'oil-spill response: services', { relevant: true, primary: 'services' }, [
    ['Valmius torjua öljyvahinkoja saaristossa: ministeriö jakaa rahaa uusiin puomeihin', 'Puomit hankitaan alueen pelastuslaitokselle.', 'fi'],
    ['Beredskapen att bekämpa oljeskador i skärgården: ministeriet delar ut pengar till nya länsor', 'Länsorna skaffas till områdets räddningsverk.', 'sv'],
    ['Laki öljyvahinkojen torjunnasta annetun lain 5 §:n muuttamisesta', '', 'fi'],
    ['Lag om ändring av 5 § i lagen om bekämpning av oljeskador', '', 'sv'],
  ] as const, { source: 'finlex', titleOnly: true });
  // The welfare area's strategies by the welfare areas act's names (palvelustrategia, servicestrategi): its governance,
  // whatever share the rescue services have in them. Before, the rescue services (who) took the item.
  tagCases(tag, 'a service strategy: the reform', { relevant: true, primary: 'welfare-reform' }, [
    ['Aluehallitus esittää palvelustrategiaa: pelastustoimelle omat tavoitteet', 'Tavoitteista raportoidaan valtuustolle.', 'fi'],
    ['Områdesstyrelsen föreslår en servicestrategi: egna mål för räddningsväsendet', 'Fullmäktige får en rapport om målen.', 'sv'],
  ] as const, { source: 'hyvinvointialue' });
  // The areas' shared support-service company (tukipalveluyhtiö, stödtjänstbolag) is their own company as the property
  // company is: what moves into it is the areas' structure. Before, the fire engines it would service led.
  tagCases(tag, 'a support-service company: the reform', { relevant: true, primary: 'welfare-reform' }, [
    ['Kolme aluetta perustaa tukipalveluyhtiön: myös paloautojen korjaamo siirtyy sille', 'Korjaamo toimii nyt pelastuslaitoksen alla.', 'fi'],
    ['Tre områden grundar ett stödtjänstbolag: också verkstaden för brandbilar flyttas dit', 'Verkstaden finns nu under räddningsverket.', 'sv'],
  ] as const, { source: 'hyvinvointialue' });
  // Critical infrastructure (kriittinen infrastruktuuri, kritisk infrastruktur) is the resilience directive's object, as
  // häiriönsieto is: the rescue departments are who acts there. Before, their actor spoke for the services.
  tagCases(tag, 'critical infrastructure: internal security', { relevant: true, primary: 'internal-security' }, [
    ['Direktiivin toimeenpano: pelastuslaitosten tehtävät kriittisen infrastruktuurin suojaamisessa', 'Laki valmistellaan sisäministeriössä.', 'fi'],
    ['Direktivets genomförande: räddningsverkens uppgifter i skyddet av kritisk infrastruktur', 'Lagen bereds vid inrikesministeriet.', 'sv'],
  ] as const, { source: 'sisäministeriö' });
  // An apprenticeship (läroavtal, oppisopimus) is a way of training: in Swedish, where the rescuer (räddare) only says who
  // acts, it keeps the training the rescue services' own. Before, the welfare areas beside the rescuers led.
  tagCases(tag, 'an apprenticeship: services', { relevant: true, primary: 'services' }, [
    ['Välfärdsområdena erbjuder läroavtal till blivande räddare vid Räddningsinstitutet', 'Studierna börjar i mars vid fyra räddningsverk.', 'sv'],
  ] as const, { source: 'sisäministeriö' });
});
