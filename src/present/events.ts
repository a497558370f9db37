// Change events in words people read: Finnish, or Swedish for Swedish pages and digests.
import type { Consultation, Lang } from '../model.js';
import { finnishDate } from '../parse/dates.js';
import { newlyAnswered } from '../store/changes.js';
import type { ItemEvent } from '../store/items.js';

/** What describeEvent reads of a stored event. */
export type EventValues = Pick<ItemEvent, 'type' | 'oldValue' | 'newValue'>;

const WORDS = {
  fi: {
    title: 'Otsikko muuttui',
    text: 'Teksti muuttui',
    deadline: 'Määräaika muuttui',
    noDeadline: 'ei määräaikaa',
    stage: 'Vaihe muuttui',
    answered: 'Uusia lausunnonantajia',
    distribution: 'Jakelulista muuttui',
  },
  sv: {
    title: 'Rubriken ändrades',
    text: 'Texten ändrades',
    deadline: 'Tidsfristen ändrades',
    noDeadline: 'ingen tidsfrist',
    stage: 'Skedet ändrades',
    answered: 'Nya utlåtanden från',
    distribution: 'Sändlistan ändrades',
  },
} as const;

const consultation = (json: string | null): Consultation | null => (json ? (JSON.parse(json) as Consultation | null) : null);

/** One sentence saying what changed, e.g. "Määräaika muuttui: 15.3.2023 → 29.3.2023". */
export function describeEvent(event: EventValues, lang: Lang): string {
  const w = WORDS[lang];
  const { oldValue: before, newValue: after } = event;
  switch (event.type) {
    case 'title':
      return `${w.title}: "${before ?? ''}" → "${after ?? ''}"`;
    case 'text':
      return w.text;
    case 'deadline': {
      // Dates are written d.m.yyyy in both languages (Finland-Swedish usage).
      const date = (iso: string | null) => finnishDate(iso) ?? w.noDeadline;
      return `${w.deadline}: ${date(before)} → ${date(after)}`;
    }
    case 'stage':
      return `${w.stage}: ${before ?? '–'} → ${after ?? '–'}`;
    case 'consultation': {
      const answered = newlyAnswered(consultation(before), consultation(after));
      return answered.length ? `${w.answered}: ${answered.join(', ')}` : w.distribution;
    }
  }
}
