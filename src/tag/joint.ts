// Joint-response candidates: open consultations the rescue departments would answer together.
import { helsinkiDate } from '../parse/dates.js';
import type { JointResult, TagInput, TagResult, Taxonomy } from './types.js';

const OPEN_KINDS = new Set(['statement-request', 'bill']);

/** Decide whether a tagged item is a candidate for a joint statement, and why. */
export function assessJoint(input: TagInput, tagged: Pick<TagResult, 'relevant' | 'primary' | 'scores' | 'kind'>, taxonomy: Taxonomy, now: Date): JointResult {
  const no = (reason: string, score = 0): JointResult => ({ candidate: false, score, reason });
  const consultation = input.consultation ?? null;
  const isConsultation = tagged.kind === 'statement-request' || consultation !== null;
  // A bill or draft decree counts only while it is open for comment (it then has a deadline).
  const openBill = tagged.kind === 'bill' && !!input.deadline;
  if (!isConsultation && !openBill) return no(tagged.kind ? `a ${tagged.kind} is not open for comment` : 'not a consultation');
  if (!tagged.relevant || !tagged.primary) return no('not relevant to the strategy');
  if (input.deadline && input.deadline < helsinkiDate(now)) return no(`the deadline ${input.deadline} has passed`);
  let score = tagged.scores[tagged.primary];
  const reasons = [`${OPEN_KINDS.has(tagged.kind ?? '') ? tagged.kind : 'consultation'} on ${tagged.primary} (score ${score})`];
  const recipients = taxonomy.jointRecipients.map((r) => r.toLowerCase());
  const names = (list: string[]): string[] => list.filter((o) => recipients.some((r) => o.toLowerCase().includes(r)));
  if (consultation) {
    const asked = names(consultation.distribution);
    const answered = names(consultation.answered);
    if (asked.length > 0) {
      score += 3;
      reasons.push(`sent to ${asked.slice(0, 3).join(', ')}${asked.length > 3 ? ` and ${asked.length - 3} more` : ''}`);
    }
    if (asked.length > 0 && answered.length >= asked.length) {
      score -= 3;
      reasons.push('every rescue department on the list has already answered');
    } else if (answered.length > 0) {
      score -= 1;
      reasons.push(`${answered.length} already answered`);
    }
  }
  score = Math.round(score * 100) / 100;
  if (!input.deadline) reasons.push('deadline unknown');
  if (score < taxonomy.thresholds.joint) return no(`score ${score} is below ${taxonomy.thresholds.joint}: ${reasons.join('; ')}`, score);
  return { candidate: true, score, reason: reasons.join('; ') };
}
