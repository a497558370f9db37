// The tag stage applied to a batch, on whichever thread tags (the crawl's, or the writer's for a one-off crawl).
import type { Item, TaggedItem } from '../model.js';

/** Tag each item; a tagging failure is noted and the item stored untagged rather than lost. */
export function tagAll(items: Item[], tag: ((item: Item) => TaggedItem) | undefined, notes: string[]): TaggedItem[] {
  // Items are fresh from normalize and shared with no one: extend them in place rather than copy 10,000 of them.
  if (!tag) return items.map((i) => Object.assign(i, { tags: null, searchTerms: '' }));
  return items.map((item) => {
    try {
      return tag(item);
    } catch (err) {
      notes.push(`tag: "${item.title.slice(0, 60)}" could not be tagged: ${(err as Error).message}`);
      return Object.assign(item, { tags: null, searchTerms: '' });
    }
  });
}
