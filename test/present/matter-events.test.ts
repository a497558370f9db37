// Golden sentences for matter change events, in Finnish and Swedish, from stored type and values.
import { describe, expect, it } from 'vitest';
import { describeMatterEvent, type MatterEventValues } from '../../src/present/matter-events.js';

const golden: [MatterEventValues, string, string][] = [
  [{ type: 'deadline', old: '2026-03-15', new: '2026-03-29' },
    'Lausuntojen määräaika muuttui: 15.3.2026 → 29.3.2026', 'Remisstiden ändrades: 15.3.2026 → 29.3.2026'],
  [{ type: 'deadline', old: null, new: '2026-04-15' },
    'Lausuntojen määräaika asetettiin: 15.4.2026', 'Remisstid satt: 15.4.2026'],
  [{ type: 'deadline', old: '2026-04-15', new: null },
    'Lausuntojen määräaika poistui, oli 15.4.2026', 'Remisstiden togs bort, var 15.4.2026'],
  [{ type: 'stage', old: 'government-proposal', new: 'committee' },
    'Vaihe eteni: hallituksen esitys → valiokuntakäsittely', 'Skedet gick vidare: regeringens proposition → utskottsbehandling'],
  [{ type: 'stage', old: 'statute-published', new: 'committee' },
    'Vaihe palasi: säädös julkaistu → valiokuntakäsittely', 'Skedet gick tillbaka: författningen publicerad → utskottsbehandling'],
  [{ type: 'stage', old: null, new: 'preparation' }, 'Vaihe eteni: valmistelu', 'Skedet gick vidare: beredning'],
  [{ type: 'title', old: 'Pelastuslain muuttaminen', new: 'HE 184/2026 vp Hallituksen esitys' },
    'Asian otsikko muuttui: "Pelastuslain muuttaminen" → "HE 184/2026 vp Hallituksen esitys"',
    'Ärendets rubrik ändrades: "Pelastuslain muuttaminen" → "HE 184/2026 vp Hallituksen esitys"'],
  [{ type: 'item', old: null, new: 'Hallintovaliokunnan mietintö HaVM 41/2026 vp' },
    'Uusi asiakirja asiassa: "Hallintovaliokunnan mietintö HaVM 41/2026 vp"', 'Nytt dokument i ärendet: "Hallintovaliokunnan mietintö HaVM 41/2026 vp"'],
  [{ type: 'item', old: 'Tiedote pelastuslaista', new: null },
    'Asiakirja erotettiin asiasta: "Tiedote pelastuslaista"', 'Dokumentet bröts ut ur ärendet: "Tiedote pelastuslaista"'],
  [{ type: 'stage', old: 'statute-published', new: 'in-force' }, 'Vaihe eteni: säädös julkaistu → voimassa', 'Skedet gick vidare: författningen publicerad → i kraft'],
];

describe('present: describeMatterEvent', () => {
  it.each(golden)('%o', (event, fi, sv) => {
    expect(describeMatterEvent(event, 'fi')).toBe(fi);
    expect(describeMatterEvent(event, 'sv')).toBe(sv);
  });
});
