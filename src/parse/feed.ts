// RSS 2.0, Atom and RDF → RawItem[]: rss-parser first (streamed), feedsmith's lenient parser as the fallback.
import Module, { createRequire } from 'node:module';
import type Parser from 'rss-parser';
import { parseError } from '../errors.js';
import type { RawBatches, RawItem } from '../model.js';
import { isCanonicalHttp } from './canonical-url.js';
import { fromFeedsmith, isHttp, lang } from './feed-map.js';
import { streamRssParser } from './feed-stream.js';
import { assertNoEntities, dropUndeclaredEntities } from './xml-guard.js';

/** True when the body is an HTML page (a CAPTCHA, WAF or error page) rather than a feed. */
export function looksLikeHtml(body: string): boolean {
  const head = body.slice(0, 64 * 1024);
  if (/<(?:rss|feed|rdf:RDF)[\s>]/i.test(head)) return false;
  const start = body.slice(0, 4096).trimStart();
  // Error pages do not always start cleanly: a bare <head> or <body> near the top gives them away too.
  return /^(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*(?:<!doctype\s+html|<html[\s>])/i.test(start) || /<(?:head|body)[\s>]/i.test(start);
}

/** An XML parser's error as one readable line, with line/column when it gave them. */
export function describeXmlError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const [first, ...rest] = message.split('\n');
  const line = /Line:\s*(\d+)/.exec(rest.join('\n'));
  const column = /Column:\s*(\d+)/.exec(rest.join('\n'));
  const text = first.trim().replace(/\.$/, '');
  if (/not recognized as RSS/i.test(text)) return 'the root element is not <rss>, <feed> or <rdf:RDF>';
  // sax counts lines from 0.
  return line && column ? `${text} (line ${Number(line[1]) + 1}, column ${column[1]})` : text;
}

// Both parsers are loaded when the first feed is parsed, not at start-up: commands that only read the database,
// and crawls answered 304, never need them (feedsmith only when rss-parser refuses a feed).

let rssParser: typeof Parser | null = null;

/** Where a module rss-parser loads is (`from`: the file that requires it), or null when a future layout hides it. */
function pathFrom(require: NodeJS.Require, from: string, request: string): string | null {
  try {
    return createRequire(require.resolve(from)).resolve(request);
  } catch {
    return null;
  }
}

/**
 * Put a stand-in for the CommonJS module at `path` where require finds it: what requires the module gets `make(real)`'s
 * exports, and `real()` loads the real module, once, when the stand-in is first used (later requires get it too).
 */
function standIn<T>(require: NodeJS.Require, path: string | null, make: (real: () => T) => object): void {
  if (path === null || require.cache[path]) return;
  let loaded: T | null = null;
  const real = (): T => {
    if (!loaded) {
      delete require.cache[path];
      loaded = require(path) as T;
    }
    return loaded;
  };
  const module = new Module(path);
  module.filename = path;
  module.loaded = true;
  module.exports = make(real);
  require.cache[path] = module;
}

/**
 * rss-parser (3.13), required, with two of the modules it loads at start loaded only when first used: xml2js's XML
 * builder (0.5), and with it xmlbuilder's 31 modules (some 17 ms of a crawl's main thread), which rss-parser uses only
 * for a description or content that holds elements rather than text; and its HTML entity decoder (entities 2.2, which
 * builds its tables as it loads: 12–17 ms), which it uses only for the plain-text snippets of Atom entries' content,
 * as the streamed parse maps RSS items without snippets (see leanItemRss). Required rather than imported, too: importing
 * CommonJS from ES modules loads node's CommonJS lexer to read the exports.
 */
function loadRssParser(): typeof Parser {
  if (rssParser) return rssParser;
  const require = createRequire(import.meta.url);
  // xml2js takes the Builder from its module as it loads: the first one made loads the real module and is made by it.
  type Builder = new (...args: unknown[]) => object;
  standIn<{ Builder: Builder }>(require, pathFrom(require, 'rss-parser/lib/parser.js', 'xml2js/lib/builder.js'), (real) => ({
    Builder: class {
      constructor(...args: unknown[]) {
        return new (real().Builder)(...args);
      }
    },
  }));
  // rss-parser's utils read the decoder's functions when they call them.
  standIn<Record<string | symbol, unknown>>(require, pathFrom(require, 'rss-parser/lib/utils.js', 'entities'), (real) =>
    new Proxy({}, { get: (_, name) => real()[name] }));
  return (rssParser = require('rss-parser') as typeof Parser);
}

/**
 * Parse an already-decoded feed body into RawItems, in batches as the document is read (see feed-stream.ts);
 * 'again' voids the batches before it (the strict parser failed after handing some on: the lenient parser's
 * whole list follows). Throws a parse-stage error when the body is not a usable feed.
 */
export async function* readFeed(body: string, feedUrl: string, note?: (m: string) => void): AsyncGenerator<RawItem[] | 'again'> {
  const text = checkedText(body, note);
  // Atom says its language in xml:lang on the root, which neither parser reports.
  const rootLang = lang(/<feed\b[^>]*\bxml:lang\s*=\s*["']([\w-]+)/i.exec(text.slice(0, 4096))?.[1]);
  // An invalid feed URL leaves every link as it is (resolving against it throws), so it is checked once.
  const base = URL.canParse(feedUrl) ? feedUrl : null;
  // The mappers built these objects just now, so they are completed in place rather than copied.
  const complete = (items: RawItem[]): RawItem[] => {
    for (const item of items) {
      if (rootLang && !item.language) item.language = rootLang;
      if (item.url && base) item.url = resolveLink(item.url, base);
    }
    return items;
  };
  let handedOn = false;
  const strict = streamRssParser(loadRssParser(), text);
  for (;;) {
    let next: IteratorResult<RawItem[] | 'again'>;
    try {
      next = strict.next();
    } catch (strictError) {
      const problem = describeXmlError(strictError);
      const { parseFeed: lenientParse } = await import('feedsmith');
      let items: RawItem[];
      try {
        items = fromFeedsmith(lenientParse(text));
      } catch {
        throw parseError(`the feed could not be read: ${problem}`);
      }
      note?.(`parsed with the lenient feed parser: ${problem}`);
      if (handedOn) yield 'again';
      yield complete(items);
      return;
    }
    if (next.done) return;
    handedOn = true;
    yield next.value === 'again' ? 'again' : complete(next.value);
  }
}

/** Parse an already-decoded feed body into RawItems; throws a parse-stage error when it is not a usable feed. */
export function parseFeed(body: string, feedUrl: string, note?: (m: string) => void): Promise<RawItem[]> {
  return readAll(readFeed(body, feedUrl, note));
}

/** Every item of a batched read in one list, as the pipeline takes them ('again' starts the list over). */
export async function readAll(found: RawItem[] | RawBatches): Promise<RawItem[]> {
  let items: RawItem[] = [];
  for await (const batch of Array.isArray(found) ? [found] : found) items = batch === 'again' ? [] : items.concat(batch);
  return items;
}

/** The body with a BOM and undeclared entity references removed; throws when it is hostile, empty or HTML. */
function checkedText(body: string, note?: (m: string) => void): string {
  const unchecked = body.replace(/^\uFEFF/, '');
  if (!unchecked.trim()) throw parseError('the server returned an empty body where a feed was expected');
  assertNoEntities(unchecked);
  const { text, dropped } = dropUndeclaredEntities(unchecked);
  if (dropped.length) {
    const names = dropped.slice(0, 5).map((n) => `&${n};`).join(', ');
    note?.(`references to undeclared entities were dropped: ${names}${dropped.length > 5 ? ` and ${dropped.length - 5} more` : ''}`);
  }
  if (looksLikeHtml(text))
    throw parseError('the server returned an HTML page where a feed was expected (a CAPTCHA or error page?)');
  return text;
}

/** Make a relative item link absolute against the feed's URL (the base a reader would use); as is if invalid. */
function resolveLink(url: string, base: string): string {
  if (isCanonicalHttp(url)) return url; // what URL would give back
  try {
    // An http(s) link with "//" resolves the same against any base: skip parsing the base.
    return (isHttp(url) ? new URL(url) : new URL(url, base)).toString();
  } catch {
    return url;
  }
}
