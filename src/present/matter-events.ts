// A matter's change events in words people read: Finnish, or Swedish for Swedish pages and digests.
import { finnishDate } from '../parse/dates.js';
import type { Lang } from '../model.js';
import { MATTER_STAGES, type MatterStage } from '../link/stage.js';
import { STAGE_NAMES } from './stage-names.js';
import type { MatterChange } from '../link/events.js';

/** What describeMatterEvent reads of a stored event. */
export type MatterEventValues = Pick<MatterChange, 'type' | 'old' | 'new'>;

const WORDS = {
  fi: {
    stages: STAGE_NAMES.fi,
    stage: 'Vaihe eteni',
    stageBack: 'Vaihe palasi',
    stageNone: 'ei vaihetta',
    deadline: 'Lausuntojen määräaika muuttui',
    deadlineSet: 'Lausuntojen määräaika asetettiin',
    deadlineGone: 'Lausuntojen määräaika poistui, oli',
    title: 'Asian otsikko muuttui',
    item: 'Uusi asiakirja asiassa',
    itemGone: 'Asiakirja erotettiin asiasta',
  },
  sv: {
    stages: STAGE_NAMES.sv,
    stage: 'Skedet gick vidare',
    stageBack: 'Skedet gick tillbaka',
    stageNone: 'inget skede',
    deadline: 'Remisstiden ändrades',
    deadlineSet: 'Remisstid satt',
    deadlineGone: 'Remisstiden togs bort, var',
    title: 'Ärendets rubrik ändrades',
    item: 'Nytt dokument i ärendet',
    itemGone: 'Dokumentet bröts ut ur ärendet',
  },
} as const;

const rank = (s: string | null): number => (s === null ? -1 : MATTER_STAGES.indexOf(s as MatterStage));

/** One sentence saying what happened to a matter, e.g. "Lausuntojen määräaika muuttui: 15.3.2026 → 29.3.2026". */
export function describeMatterEvent(event: MatterEventValues, lang: Lang): string {
  const w = WORDS[lang];
  const { old: before, new: after } = event;
  switch (event.type) {
    case 'item':
      return after === null ? `${w.itemGone}: "${before ?? ''}"` : `${w.item}: "${after}"`;
    case 'stage': {
      const name = (s: string | null) => (s === null ? w.stageNone : (w.stages[s as MatterStage] ?? s));
      const verb = rank(after) < rank(before) ? w.stageBack : w.stage;
      return before === null ? `${verb}: ${name(after)}` : `${verb}: ${name(before)} → ${name(after)}`;
    }
    case 'deadline': {
      // Dates are written d.m.yyyy in both languages (Finland-Swedish usage).
      const date = (iso: string | null) => finnishDate(iso) ?? iso ?? '';
      if (before === null) return `${w.deadlineSet}: ${date(after)}`;
      if (after === null) return `${w.deadlineGone} ${date(before)}`;
      return `${w.deadline}: ${date(before)} → ${date(after)}`;
    }
    case 'title':
      return `${w.title}: "${before ?? ''}" → "${after ?? ''}"`;
  }
}
