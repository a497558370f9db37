// Compare a stored item with its new upstream version: which watched fields changed, with old and new values.
// This decides what is recorded; the words people read are chosen when an event is shown (src/present/events.ts).
import type { Consultation } from '../model.js';
import { INVISIBLE_IN_WORDS } from '../parse/nfc.js';

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

/** One recorded change; a consultation's values are its JSON (or null), the others the field's text. */
export interface Change {
  type: ChangeType;
  oldValue: string | null;
  newValue: string | null;
}

/** Organisations that have answered in `after` but had not in `before`, in `after`'s order. */
export function newlyAnswered(before: Consultation | null, after: Consultation | null): string[] {
  const answeredBefore = new Set(before?.answered ?? []);
  return (after?.answered ?? []).filter((o) => !answeredBefore.has(o));
}

/**
 * Text as it reads: without white space and the invisible characters text clean-up drops (soft hyphen, zero-width
 * space, word joiner, bidi marks). Two texts that read the same differ only where clean-up changed (a zero-width
 * space once stored as a space, a soft hyphen once kept): the item is stored again, but nobody is told it changed.
 */
const NOT_READ = new RegExp(`[\\s${INVISIBLE_IN_WORDS}]+`, 'g');
const reads = (text: string): string => text.replace(NOT_READ, '');
const readsAlike = (a: string, b: string): boolean => a === b || reads(a) === reads(b);

/** The list of changes from `before` to `after`, empty when nothing watched changed (or only how a text is spaced). */
export function diffItem(before: Tracked, after: Tracked): Change[] {
  const changes: Change[] = [];
  if (!readsAlike(before.title, after.title)) changes.push({ type: 'title', oldValue: before.title, newValue: after.title });
  if (!readsAlike(before.summary, after.summary) || before.contentHtml !== after.contentHtml)
    changes.push({ type: 'text', oldValue: before.summary, newValue: after.summary });
  if (before.deadline !== after.deadline) changes.push({ type: 'deadline', oldValue: before.deadline, newValue: after.deadline });
  if (before.stage !== after.stage) changes.push({ type: 'stage', oldValue: before.stage, newValue: after.stage });
  const distChanged =
    JSON.stringify(before.consultation?.distribution ?? []) !== JSON.stringify(after.consultation?.distribution ?? []);
  if (newlyAnswered(before.consultation, after.consultation).length || distChanged)
    changes.push({ type: 'consultation', oldValue: JSON.stringify(before.consultation), newValue: JSON.stringify(after.consultation) });
  return changes;
}
