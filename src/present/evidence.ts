// The tagger's stored evidence, read safely: what the item page and the digest show of why an item was tagged.
import type { Evidence } from '../tag/types.js';

/** The well-formed evidence entries of a stored list (older or damaged rows are skipped). */
export function evidenceList(stored: unknown[]): Evidence[] {
  return stored.filter((e): e is Evidence => !!e && typeof e === 'object' && typeof (e as Evidence).rule === 'string');
}

/** Entries that matched words in the text and added points to a goal: what made the item relevant. */
export function positiveMatches(evidence: Evidence[], field?: Evidence['field']): (Evidence & { match: string })[] {
  return evidence.filter((e): e is Evidence & { match: string } =>
    !!e.match && (field === undefined || e.field === field) && !!e.goals && Object.values(e.goals).some((n) => n > 0));
}
