// Refuse XML that declares entities before any parser sees it (no expansion, no external entities), and drop
// references to entities nobody declared, so neither parser can store one as literal text.
import { load } from './cheerio.js';
import { parseError } from '../errors.js';

const refused = () =>
  parseError('the document declares XML entities (possible entity-expansion or external-entity attack); refused');

/**
 * Throw a parse error if the document declares entities (billion laughs, XXE): an `<!ENTITY`, or a DOCTYPE
 * with an internal subset or a SYSTEM identifier, anywhere outside comments and CDATA sections. The whole
 * body is read, not a head of it: padding (white space, comments, processing instructions, junk before the
 * root) can push the prolog any distance, and a lenient parser decides for itself where it ends. One pass:
 * every search starts where the previous one ended.
 */
export function assertNoEntities(body: string): void {
  const skip = sectionSkipper(body);
  let i = 0;
  for (;;) {
    const at = body.indexOf('<!', i);
    if (at < 0) return;
    const after = skip(at);
    if (after !== null) {
      i = after;
      continue;
    }
    const keyword = body.slice(at + 2, at + 9).toUpperCase();
    if (keyword.startsWith('ENTITY')) throw refused();
    if (keyword === 'DOCTYPE') {
      const end = body.indexOf('>', at);
      if (end < 0) return; // no declaration after this point can be closed
      // An internal subset ("["), a markup declaration inside ("<") or an external DTD (SYSTEM) is refused;
      // a PUBLIC identifier alone (RSS 0.91 feeds) is not fetched by either parser and is fine.
      const decl = body.slice(at + 9, end);
      if (decl.includes('[') || decl.includes('<') || /\bSYSTEM\b/i.test(decl)) throw refused();
      i = end + 1;
      continue;
    }
    i = at + 2;
  }
}

/**
 * For a position: where the comment or CDATA section opening there ends, or null when none opens there.
 * CDATA counts only after the first tag (a prolog cannot hold it, so no parser should skip one there).
 * An unterminated one is read on inside (its opener skipped) rather than trusting every parser to see a
 * section there too. Once a closer is known to be missing, it is not searched for again (no quadratic scans).
 */
function sectionSkipper(body: string): (at: number) => number | null {
  const missing = new Set<string>();
  const firstTag = body.search(/<[A-Za-z_:]/);
  return (at) => {
    const cdata = firstTag >= 0 && at > firstTag && body.startsWith('<![CDATA[', at);
    const open = body.startsWith('<!--', at) ? '<!--' : cdata ? '<![CDATA[' : null;
    if (!open) return null;
    const close = open === '<!--' ? '-->' : ']]>';
    const end = missing.has(close) ? -1 : body.indexOf(close, at + open.length);
    if (end < 0) {
      missing.add(close);
      return at + open.length;
    }
    return end + close.length;
  };
}

/**
 * A named reference other than the five XML itself defines (with declarations refused, every other one is
 * undeclared), or the start of a section whose text holds no references. XML's own are passed over inside the
 * regex: a feed's escaped HTML holds thousands of &lt; and &gt;.
 */
const REFERENCE = /<!\[CDATA\[|<!--|&(?!(?:amp|lt|gt|quot|apos);)([A-Za-z_:][\w.:-]{0,99});/g;

/** The names among these that HTML defines (feeds use &auml; and &nbsp;, which the lenient parser decodes). */
function htmlEntityNames(names: string[]): Set<string> {
  // One parse for all names: each reference on its own line, decoded or left as it was.
  const decoded = load(names.map((n) => `&${n};`).join('\n'), null, false).text().split('\n');
  return new Set(names.filter((n, i) => decoded[i] !== `&${n};`));
}

/**
 * Remove named references that neither XML nor HTML defines (`&lol7;`), outside comments and CDATA. The strict
 * parser refuses them and the lenient one keeps them as literal text, which would then be stored; dropping them
 * gives both parsers the same, clean input. Returns the text and the distinct names dropped.
 */
export function dropUndeclaredEntities(body: string): { text: string; dropped: string[] } {
  const found = new Set<string>();
  for (const m of scanReferences(body)) found.add(m.name);
  if (found.size === 0) return { text: body, dropped: [] };
  const html = htmlEntityNames([...found]);
  const unknown = [...found].filter((n) => !html.has(n));
  if (unknown.length === 0) return { text: body, dropped: [] };
  const drop = new Set(unknown);
  let text = '';
  let last = 0;
  for (const m of scanReferences(body)) {
    if (!drop.has(m.name)) continue;
    text += body.slice(last, m.index);
    last = m.index + m.name.length + 2;
  }
  return { text: text + body.slice(last), dropped: unknown };
}

/** Named references outside comments and CDATA sections, other than XML's own five. */
function* scanReferences(body: string): Generator<{ index: number; name: string }> {
  const re = new RegExp(REFERENCE.source, 'g');
  const skip = sectionSkipper(body);
  for (let m = re.exec(body); m; m = re.exec(body)) {
    // A CDATA opener that is no section (in the prolog) leaves the scan where the regex put it.
    if (m[1] === undefined) re.lastIndex = skip(m.index) ?? re.lastIndex;
    else yield { index: m.index, name: m[1] };
  }
}
