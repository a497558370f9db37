// rss-parser, streamed: the tree its xml2js would build is built from the document in chunks (xml-tree.ts), each
// item is taken out of the tree as it closes, and rss-parser's own build functions map the items a batch at a time.
// The result is what
// rss-parser's parseString gives (test/parse/feed-stream.test.ts compares them), without ever holding the
// document's whole tree and item list: on a 10,000-item feed those were most of a crawl's memory.
import { createRequire } from 'node:module';
import type Parser from 'rss-parser';
import type { RawItem } from '../model.js';
import { feedLanguage, fromRssParser, type RssParserFeed } from './feed-map.js';
import { type Tree, XmlTree } from './xml-tree.js';

/**
 * Items mapped and handed on at a time. The tokenizer's item trees wait here until a batch is full, and the mapped
 * items until the pipeline has handed all of them on: small, so that both die in the young generation.
 */
export const FEED_BATCH = 100;
/** Characters written to the tokenizer at a time (some 35 items of a typical feed). */
const CHUNK = 16 * 1024;

/** The parts of rss-parser that a streamed parse drives (rss-parser 3.13). */
interface RssParserInside {
  buildAtomFeed(tree: Tree): RssParserFeed;
  buildRSS2(tree: Tree): RssParserFeed;
  buildRSS1(tree: Tree): RssParserFeed;
  buildRSS0_9(tree: Tree): RssParserFeed;
  parseItemRss(item: Tree, fields: unknown[]): Tree;
}

/** The helpers rss-parser 3.13 maps items with (lib/utils.js). */
interface RssParserUtils {
  copyFromXML(xml: Tree, dest: Tree, fields: unknown[]): void;
  getContent(content: unknown): unknown;
}

type Format = 'atom' | 'rss2' | 'rss1' | 'rss0.9';

/** The format rss-parser's parseString picks for the root element's tree, in its order; null: it refuses the feed. */
function formatOf(root: string, tree: unknown): Format | null {
  const version = tree && typeof tree === 'object' ? ((tree as Tree).$ as Record<string, string> | undefined)?.version : undefined;
  if (root === 'feed' && tree) return 'atom';
  if (root === 'rss' && version && /^2/.test(version)) return 'rss2';
  if (root === 'rdf:RDF' && tree) return 'rss1';
  if (root === 'rss' && version && /0\.9/.test(version)) return 'rss0.9';
  return null;
}

/** Where a format's items are: the element path of each, and under which key its parent holds them. */
const ITEMS: Record<Format, { path: string; key: string }> = {
  atom: { path: 'feed/entry', key: 'entry' },
  rss2: { path: 'rss/channel/item', key: 'item' },
  'rss0.9': { path: 'rss/channel/item', key: 'item' },
  rss1: { path: 'rdf:RDF/item', key: 'item' },
};

type FeedLang = ReturnType<typeof feedLanguage>;

/**
 * Parse a checked, decoded feed with rss-parser's parts and yield RawItem batches as the document is read; 'again'
 * means the batches so far are void and the whole list follows (the feed named its language only after items
 * already handed on). Throws what rss-parser would: the tokenizer's first error, or an unrecognized root.
 */
export function* streamRssParser(RssParser: typeof Parser, text: string, chunk = CHUNK): Generator<RawItem[] | 'again'> {
  let firstLang: FeedLang | undefined;
  let finalLang: FeedLang = null;
  for (const batch of batches(RssParser, text, chunk)) {
    if (batch.final) finalLang = batch.lang;
    else {
      if (firstLang === undefined) firstLang = batch.lang;
      yield batch.items;
    }
  }
  // Rare: a feed-level language after the first items. Read again, every item with the feed's final language.
  if (firstLang !== undefined && finalLang !== firstLang) {
    yield 'again';
    for (const batch of batches(RssParser, text, chunk, finalLang)) if (!batch.final) yield batch.items;
  }
}

type ItemBatch = { final: false; items: RawItem[]; lang: FeedLang };
type Batch = ItemBatch | { final: true; lang: FeedLang };

/** The item fields rss-parser copies besides its own (raw dates: parse/dates reads offset-less times as Helsinki time). */
export const CUSTOM_FIELDS = {
  feed: ['dc:language'],
  item: ['dc:creator', 'dc:date', 'dc:language', 'description', 'published', 'updated'],
};

/**
 * The item fields fromRssParser reads, in the order rss-parser copies them (fields.item, then CUSTOM_FIELDS.item):
 * a later field of the same name wins, as there. `content:encoded` without its snippet.
 */
const READ_FIELDS = [['author', 'creator'], ['dc:creator', 'creator'], ['dc:title', 'title'], 'title', 'link', 'pubDate',
  'author', 'summary', 'content:encoded', 'dc:creator', 'dc:date', ...CUSTOM_FIELDS.item];

let rssUtils: RssParserUtils | null = null;

/**
 * rss-parser's parseItemRss for what fromRssParser reads, with rss-parser's own helpers: the same fields the same
 * way, without the plain-text snippets of the description and content (each stripped and entity-decoded again),
 * the isoDate (parse/dates reads the raw dates), enclosures and categories, none of which is read.
 */
function leanItemRss(xmlItem: Tree): Tree {
  // Loaded with the first feed (rss-parser itself is loaded by then: this is its module, not a second copy).
  const utils = (rssUtils ??= createRequire(import.meta.url)('rss-parser/lib/utils.js') as RssParserUtils);
  const item: Tree = {};
  utils.copyFromXML(xmlItem, item, READ_FIELDS);
  const description = xmlItem.description as unknown[] | undefined;
  if (description) item.content = utils.getContent(description[0]);
  const guid = xmlItem.guid as unknown[] | undefined;
  if (guid) {
    item.guid = guid[0];
    if ((item.guid as Tree)._) item.guid = (item.guid as Tree)._;
  }
  const attributes = xmlItem.$ as Record<string, string> | undefined;
  if (attributes && attributes['rdf:about']) item['rdf:about'] = attributes['rdf:about'];
  return item;
}

/**
 * rss-parser's build functions, one instance for every feed: they keep nothing between calls, and an instance makes
 * an xml2js parser and its sax parser, which the streamed parse does not use.
 */
const builders = new WeakMap<typeof Parser, RssParserInside>();

function buildersOf(RssParser: typeof Parser): RssParserInside {
  let parser = builders.get(RssParser);
  if (!parser) {
    parser = new RssParser({ customFields: CUSTOM_FIELDS }) as unknown as RssParserInside;
    // RSS items (2.0, 1.0, 0.9) are mapped for the fields read only; Atom entries as rss-parser maps them (it may
    // throw on an invalid date there, which sends the feed to the lenient parser).
    parser.parseItemRss = leanItemRss;
    builders.set(RssParser, parser);
  }
  return parser;
}

/** One pass over the document: item batches, then (final) the feed's language once the document has ended. */
function* batches(RssParser: typeof Parser, text: string, chunk: number, lang?: FeedLang): Generator<Batch> {
  const parser = buildersOf(RssParser);

  let format: Format | null = null;
  let rootAttributes: Record<string, string> = {};
  let channels = 0;
  let parent: Tree | null = null;
  // Made holding objects from the start: a `[]` holds small integers until its first push, and that push, inlined into
  // the scanner's optimised code, threw the scanner's and close's code away once a crawl ("not a Smi"), and TurboFan
  // compiled them again (--trace-deopt; 10 MB of its zone).
  const pending: unknown[] = [null];
  pending.length = 0;
  const xml = new XmlTree({
    open(name, attributes) {
      if (xml.names.length === 0) {
        rootAttributes = attributes;
        format = formatOf(name, { $: attributes });
      } else if (xml.names.length === 1 && name === 'channel') channels++;
    },
    place(into, key, value) {
      // rss-parser reads the items of the first <channel> only; the others stay in the tree, as there.
      const item = format && key === ITEMS[format].key && `${xml.names.join('/')}/${key}` === ITEMS[format].path && (format === 'atom' || format === 'rss1' || channels === 1);
      if (!item) return false;
      parent = into;
      pending.push(value);
      return true;
    },
  });

  /** rss-parser's own build function for the format, on the root's tree (its item list as given). */
  const build = (f: Format, root: Tree): RssParserFeed =>
    f === 'atom' ? parser.buildAtomFeed(root) : f === 'rss1' ? parser.buildRSS1(root) : f === 'rss2' ? parser.buildRSS2(root) : parser.buildRSS0_9(root);
  /** The pending items with the feed's fields as read so far. */
  const take = (items: unknown[]): ItemBatch => {
    const f = format!;
    const tree = parent!;
    tree[ITEMS[f].key] = items;
    try {
      const root = f === 'atom' ? { feed: tree } : f === 'rss1' ? { 'rdf:RDF': tree } : { rss: { $: rootAttributes, channel: [tree] } };
      const feed = build(f, root);
      return { final: false, items: fromRssParser(feed, f === 'atom', lang === undefined ? feedLanguage(feed) : lang), lang: feedLanguage(feed) };
    } finally {
      delete tree[ITEMS[f].key];
    }
  };
  // RSS 1.0 may put its <channel> after the items: they wait until it is there.
  const ready = () => format !== 'rss1' || Array.isArray(parent?.channel);

  for (let at = 0; at < text.length && !xml.result; ) {
    let end = Math.min(at + chunk, text.length);
    if (end < text.length) {
      // End the piece after its last '>': the scanner then rarely meets markup cut in two, whose paths, met for the
      // first time in optimised code, threw that code away (a 10,000-item feed's scan and close, --trace-deopt), and it
      // keeps nothing back to join to the next piece. Any split reads the same (test/parse/feed-stream.test.ts).
      const gt = text.lastIndexOf('>', end - 1);
      if (gt >= at) end = gt + 1;
      // Never split a surrogate pair between two writes.
      else if (/[\uD800-\uDBFF]/.test(text[end - 1])) end++;
    }
    xml.write(text.slice(at, end));
    at = end;
    if (xml.failure) throw xml.failure;
    while (pending.length >= FEED_BATCH && ready() && !xml.result) yield take(pending.splice(0, FEED_BATCH));
  }
  if (!xml.result) xml.end();
  if (xml.failure) throw xml.failure;
  const result = xml.result;
  if (!result) throw new Error('Unable to parse XML.');
  if (parent) {
    // Items were taken out of the tree: the rest go through the same build (which fails where rss-parser's would).
    const last = take(pending);
    if (last.items.length) yield last;
    yield { final: true, lang: last.lang };
    return;
  }
  // No item was taken out: the whole tree is rss-parser's, and so is the decision on its format.
  const root = Object.keys(result)[0];
  const f = formatOf(root, result[root]);
  if (!f) throw new Error('Feed not recognized as RSS 1 or 2.');
  const feed = build(f, result);
  const items = fromRssParser(feed, f === 'atom', lang === undefined ? feedLanguage(feed) : lang);
  if (items.length) yield { final: false, items, lang: feedLanguage(feed) };
  yield { final: true, lang: feedLanguage(feed) };
}
