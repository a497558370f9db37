// The source module for `kind: rss` definitions: one conditional GET of def.url, then the feed parser.
import type { SourceModule } from '../model.js';
import { parseFeed } from '../parse/feed.js';

/** Fetch the feed at def.url; 'not-modified' on a 304, else its items. */
const rss: SourceModule = {
  async collect(def, ctx) {
    const result = await ctx.fetch(def.url, { method: 'GET' });
    if (result.notModified || result.status === 304) return 'not-modified';
    return parseFeed(result.body, result.url, (message) => ctx.note(message));
  },
};

export default rss;
