// Golden sentences for change events, in Finnish and Swedish, from stored type and values.
import { describe, expect, it } from 'vitest';
import { describeEvent, type EventValues } from '../../src/present/events.js';

const consultation = (distribution: string[], answered: string[]) => JSON.stringify({ distribution, answered });

const golden: [EventValues, string, string][] = [
  [{ type: 'deadline', oldValue: '2023-03-15', newValue: '2023-03-29' },
    'Määräaika muuttui: 15.3.2023 → 29.3.2023', 'Tidsfristen ändrades: 15.3.2023 → 29.3.2023'],
  [{ type: 'deadline', oldValue: null, newValue: '2024-01-05' },
    'Määräaika muuttui: ei määräaikaa → 5.1.2024', 'Tidsfristen ändrades: ingen tidsfrist → 5.1.2024'],
  [{ type: 'deadline', oldValue: '2024-01-05', newValue: null },
    'Määräaika muuttui: 5.1.2024 → ei määräaikaa', 'Tidsfristen ändrades: 5.1.2024 → ingen tidsfrist'],
  [{ type: 'title', oldValue: 'Pelastuslain muutos', newValue: 'Pelastuslain muuttaminen' },
    'Otsikko muuttui: "Pelastuslain muutos" → "Pelastuslain muuttaminen"',
    'Rubriken ändrades: "Pelastuslain muutos" → "Pelastuslain muuttaminen"'],
  [{ type: 'text', oldValue: 'a', newValue: 'b' }, 'Teksti muuttui', 'Texten ändrades'],
  [{ type: 'stage', oldValue: 'Valiokuntakäsittely', newValue: 'Täysistuntokäsittely' },
    'Vaihe muuttui: Valiokuntakäsittely → Täysistuntokäsittely', 'Skedet ändrades: Valiokuntakäsittely → Täysistuntokäsittely'],
  [{ type: 'stage', oldValue: null, newValue: 'LAUSUNTOMENETTELY' },
    'Vaihe muuttui: – → LAUSUNTOMENETTELY', 'Skedet ändrades: – → LAUSUNTOMENETTELY'],
  [{ type: 'consultation', oldValue: consultation(['A', 'B'], ['A']), newValue: consultation(['A', 'B'], ['A', 'Pirkanmaan pelastuslaitos', 'B']) },
    'Uusia lausunnonantajia: Pirkanmaan pelastuslaitos, B', 'Nya utlåtanden från: Pirkanmaan pelastuslaitos, B'],
  [{ type: 'consultation', oldValue: 'null', newValue: consultation(['A'], ['A']) },
    'Uusia lausunnonantajia: A', 'Nya utlåtanden från: A'],
  [{ type: 'consultation', oldValue: consultation(['A'], []), newValue: consultation(['A', 'B'], []) },
    'Jakelulista muuttui', 'Sändlistan ändrades'],
];

describe('present: describeEvent', () => {
  it.each(golden)('%o', (event, fi, sv) => {
    expect(describeEvent(event, 'fi')).toBe(fi);
    expect(describeEvent(event, 'sv')).toBe(sv);
  });
});
