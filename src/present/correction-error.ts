// Why a merge or split was refused, as a reader sees it: the store throws the refusal as data (a code and its
// numbers, src/store/matters.ts) and it is worded here in the reader's language; the CLI shows the store's English.
import type { CorrectionRefusal } from '../store/matters.js';
import type { Lang } from '../model.js';
import { word } from './words-web.js';

/** A CorrectionError's refusal in `lang`. */
export function correctionRefusal(refusal: CorrectionRefusal, lang: Lang): string {
  switch (refusal.code) {
    case 'merge-self': return word(lang, 'refusal.mergeSelf', { id: refusal.matter });
    case 'no-matter': return word(lang, 'refusal.noMatter', { id: refusal.matter });
    case 'no-item': return word(lang, 'refusal.noItem', { item: refusal.item });
    case 'not-in-matter':
      return refusal.actual === null
        ? word(lang, 'refusal.inNoMatter', { item: refusal.item, id: refusal.matter })
        : word(lang, 'refusal.inOtherMatter', { item: refusal.item, id: refusal.matter, other: refusal.actual });
    case 'only-item': return word(lang, 'refusal.onlyItem', { item: refusal.item, id: refusal.matter });
    case 'no-reviewer': return word(lang, 'refusal.noReviewer');
  }
}
