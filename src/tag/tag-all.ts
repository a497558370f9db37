// The tag stage applied to a batch, on whichever thread tags (the crawl's, or the writer's for a one-off crawl).
import type { Item, TaggedItem } from '../model.js';

const untagged = (item: Item): TaggedItem => Object.assign(item, { tags: null, searchTerms: '' });

/**
 * Tag each item; a tagging failure is noted and the item stored untagged rather than lost. An item whose key is in
 * `skip` (stored already with the same content: store/unchanged.ts) is not tagged: the item saver only notes it seen and
 * keeps its stored verdict, so a feed sent again whole (no 304) was tagged in full and the verdicts dropped.
 */
export function tagAll(items: Item[], tag: ((item: Item) => TaggedItem) | undefined, notes: string[], skip?: ReadonlySet<string>): TaggedItem[] {
  // Items are fresh from normalize and shared with no one: extend them in place rather than copy 10,000 of them.
  if (!tag) return items.map(untagged);
  return items.map((item) => {
    if (skip?.has(item.key)) return untagged(item);
    try {
      return tag(item);
    } catch (err) {
      notes.push(`tag: "${item.title.slice(0, 60)}" could not be tagged: ${(err as Error).message}`);
      return untagged(item);
    }
  });
}
