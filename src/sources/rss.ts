// The source module for `kind: rss` definitions: one conditional GET of def.url, then the feed parser.
import type { RawBatches, RawItem, SourceModule } from '../model.js';
import { declaredOptions } from './declared.js';

/** "Aluehallitus 24.11.2026 / …": a meeting date in a title (Dynasty feeds carry no other date). */
const TITLE_DATE = /(?<![\d.])(\d{1,2}\.\d{1,2}\.\d{4})(?![\d.]*\d)/;

/** With `options.dateFromTitle`, an item without a date takes the first date in its title. */
function datedFromTitle(item: RawItem): RawItem {
  if (item.published) return item;
  const date = TITLE_DATE.exec(item.title)?.[1];
  return date ? { ...item, published: date } : item;
}

/** Fetch the feed at def.url; 'not-modified' on a 304, else its items. */
const rss: SourceModule = {
  options: declaredOptions.rss,
  async collect(def, ctx) {
    const result = await ctx.fetch(def.url, { method: 'GET' });
    if (result.notModified || result.status === 304) return 'not-modified';
    // Items are handed on as the feed is read: a big feed's document and item list are never all in memory.
    // The feed parser is loaded when a feed first answers with a body: a crawl of 304s never loads it.
    const batches = (await import('../parse/feed.js')).readFeed(result.body, result.url, (message) => ctx.note(message));
    return def.options.dateFromTitle === true ? datedBatches(batches) : batches;
  },
};

async function* datedBatches(batches: RawBatches): RawBatches {
  for await (const batch of batches) yield batch === 'again' ? batch : batch.map(datedFromTitle);
}

export default rss;
