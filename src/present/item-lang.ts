// An item's language as the outputs mark it: Finnish or Swedish as stored, anything else (a source that states none,
// a code we do not write in) read as the language of what carries it. The Atom feed, the JSON Feed, the iCalendar
// feed and the digest all mark their items with this one rule.
import type { Lang } from '../model.js';

/** `language` where it is Finnish or Swedish, else `carrier`'s (the feed's, the calendar's, the message's). */
export const itemLang = (language: string | null | undefined, carrier: Lang): Lang =>
  (language === 'fi' || language === 'sv' ? language : carrier);
