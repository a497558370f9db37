// Compare a stored item with its new upstream version: what changed, in words users read (Finnish).
import type { Consultation } from '../model.js';
import { finnishDate } from '../parse/dates.js';

/** The fields of an item that are watched for upstream changes. */
export interface Tracked {
  title: string;
  summary: string;
  contentHtml: string;
  deadline: string | null;
  stage: string | null;
  consultation: Consultation | null;
}

export type ChangeType = 'title' | 'text' | 'deadline' | 'stage' | 'consultation';

export interface Change {
  type: ChangeType;
  oldValue: string | null;
  newValue: string | null;
  message: string;
}

const dateOrNone = (iso: string | null): string => finnishDate(iso) ?? 'ei määräaikaa';

/** The list of changes from `before` to `after`, empty when nothing watched changed. */
export function diffItem(before: Tracked, after: Tracked): Change[] {
  const changes: Change[] = [];
  if (before.title !== after.title)
    changes.push({ type: 'title', oldValue: before.title, newValue: after.title, message: `Otsikko muuttui: "${before.title}" → "${after.title}"` });
  if (before.summary !== after.summary || before.contentHtml !== after.contentHtml)
    changes.push({ type: 'text', oldValue: before.summary, newValue: after.summary, message: 'Teksti muuttui' });
  if (before.deadline !== after.deadline)
    changes.push({
      type: 'deadline', oldValue: before.deadline, newValue: after.deadline,
      message: `Määräaika muuttui: ${dateOrNone(before.deadline)} → ${dateOrNone(after.deadline)}`,
    });
  if (before.stage !== after.stage)
    changes.push({
      type: 'stage', oldValue: before.stage, newValue: after.stage,
      message: `Vaihe muuttui: ${before.stage ?? '–'} → ${after.stage ?? '–'}`,
    });
  const answeredBefore = new Set(before.consultation?.answered ?? []);
  const newlyAnswered = (after.consultation?.answered ?? []).filter((o) => !answeredBefore.has(o));
  const distChanged =
    JSON.stringify(before.consultation?.distribution ?? []) !== JSON.stringify(after.consultation?.distribution ?? []);
  if (newlyAnswered.length || distChanged)
    changes.push({
      type: 'consultation',
      oldValue: JSON.stringify(before.consultation),
      newValue: JSON.stringify(after.consultation),
      message: newlyAnswered.length ? `Uusia lausunnonantajia: ${newlyAnswered.join(', ')}` : 'Jakelulista muuttui',
    });
  return changes;
}
