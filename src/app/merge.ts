// A reviewer's merge of two matters, as the web and `lakivahti matter merge` make it: the store's merge, and the
// subscriptions that followed the matter that is gone follow the one that stays (else they fell silent).
import { mergeMatters, type CorrectionBy, type Db } from '../store/index.js';
import { followMergedMatter } from '../store/subscriptions.js';

/** Merge matter `b` into matter `a` (see mergeMatters); subscriptions following `b` follow the merged matter. */
export function mergeFollowed(db: Db, a: number, b: number, by: CorrectionBy): ReturnType<typeof mergeMatters> & { followers: number } {
  return db.transaction(() => {
    const r = mergeMatters(db, a, b, by);
    return { ...r, followers: followMergedMatter(db, b, r.matter) };
  })();
}
