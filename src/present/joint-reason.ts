// The joint-response reason as a reader sees it. The tag stage stores it in English, as it stores its evidence
// (src/tag/joint.ts: parts joined by "; "); each part it writes is put in the reader's language here, and a part this
// file does not know is shown as stored.
import { word } from './words-web.js';
import type { Lang } from '../model.js';
import { decimal } from '../app/format.js';

/** Names of the stored codes in the reader's language: a goal's, an item kind's. */
interface Names { goal: (goal: string) => string; kind: (kind: string) => string }

const PARTS: [RegExp, (m: RegExpMatchArray, lang: Lang, names: Names) => string][] = [
  [/^(\S+) on (\S+) \(score (-?[\d.]+)\)$/, (m, lang, names) =>
    word(lang, 'joint.about', { kind: m[1] === 'consultation' ? word(lang, 'joint.consultation') : names.kind(m[1]), goal: names.goal(m[2]), score: decimal(m[3]) })],
  [/^sent to (.+) and (\d+) more$/, (m, lang) => word(lang, 'joint.sentToMore', { names: m[1], n: m[2], total: 3 + Number(m[2]) })],
  [/^sent to (.+)$/, (m, lang) => word(lang, 'joint.sentTo', { names: m[1] })],
  [/^every rescue department on the list has already answered$/, (_m, lang) => word(lang, 'joint.allAnswered')],
  [/^(\d+) already answered$/, (m, lang) => word(lang, 'joint.answered', { n: m[1] })],
  [/^deadline unknown$/, (_m, lang) => word(lang, 'joint.noDeadline')],
];

/** `reason` (as assessJoint wrote it) in `lang`. */
export function jointReasonText(reason: string, lang: Lang, names: Names): string {
  return reason.split('; ').map((part) => {
    for (const [re, say] of PARTS) {
      const m = part.match(re);
      if (m) return say(m, lang, names);
    }
    return part;
  }).join('; ');
}
