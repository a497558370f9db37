// The title-only mark: an item whose source's definition says its items are their title alone (Finlex's statutes).
import type { TagInput } from './types.js';

/**
 * Mark `input` as its title alone when its source is one of `titleOnly` (config's titleOnlySources) and it does not say
 * itself: as the crawl, `tag --jsonl` and the labelled sets' evaluation mark it. Returns `input`.
 */
export function markTitleOnly<T extends Pick<TagInput, 'source' | 'titleOnly'>>(input: T, titleOnly: ReadonlySet<string>): T {
  if (input.titleOnly === undefined && input.source != null && titleOnly.has(input.source)) input.titleOnly = true;
  return input;
}
