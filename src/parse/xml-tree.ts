// The tree xml2js (0.5) gives rss-parser, built by code of our own: the same tree with the options rss-parser leaves at
// xml2js's "0.2" defaults (attributes under `$`, text under `_`, every child in an array, names as written, no
// trimming), in fewer steps. xml2js's handlers (a regular-expression match, two key counts and two deletes on every
// element) took a third of a feed's parse, and sax's tokenizer (the copy xml2js loads) half of the rest: a feed is read
// by a scanner of our own, and by sax from the first thing the scanner does not read as sax would (see XmlTree).
// test/parse/xml-tree.test.ts compares the two trees, key order included, and the first error, on fixtures, hostile
// and randomly broken documents.
import { createRequire } from 'node:module';
import { referencedCodePoint } from './char-ref.js';

export type Tree = Record<string, unknown>;

/** What sax (1.x) hands a handler and what the tree builder sets and calls on it. */
interface SaxParser {
  onopentag(node: { name: string; attributes: Record<string, string> }): void;
  onclosetag(name: string): void;
  ontext(text: string): void;
  oncdata(text: string): void;
  onerror(error: Error): void;
  resume(): void;
  write(text: string): unknown;
  close(): unknown;
}
type Sax = { parser(strict: boolean, options: Record<string, unknown>): SaxParser; MAX_BUFFER_LENGTH: number };

let sax: Sax | null = null;

/** sax as xml2js requires it: loaded with rss-parser, so this is the same module, not a second copy. */
function loadSax(): Sax {
  if (sax) return sax;
  const require = createRequire(import.meta.url);
  const xml2js = createRequire(require.resolve('rss-parser/lib/parser.js')).resolve('xml2js/lib/parser.js');
  sax = createRequire(xml2js)('sax') as Sax;
  // sax refuses a name or attribute value longer than this (64 KiB) once the document reaches it over several writes,
  // as the streamed parse writes it; the whole-document parse, one write, never checks. The document is in memory
  // already, so no buffer can outgrow it: a 100 kB enclosure URL is read as rss-parser's parseString reads it.
  sax.MAX_BUFFER_LENGTH = Infinity;
  return sax;
}

/** Where a closed element goes; `place` returning false leaves it to the tree (its parent's array for its name). */
export interface TreeHooks {
  /** An element opens (`names` holds its ancestors), before its children. */
  open?(name: string, attributes: Record<string, string>): void;
  /** A closed element's value, about to be put in its parent's tree under its name: true when the hook took it. */
  place?(parent: Tree, name: string, value: unknown): boolean;
}

/** xml2js's assignOrPush with explicitArray: every child in an array under its name. */
function assignOrPush(into: Tree, key: string, value: unknown): void {
  const old = into[key];
  if (old === undefined && !(key in into)) into[key] = [value];
  else if (Array.isArray(old)) old.push(value);
  else into[key] = [old, value];
}

const blank = /^\s*$/;

/**
 * An element's tree: an object that inherits nothing, as xml2js's Object.create(null) ones, but made by a constructor,
 * so that V8 gives the trees of like elements one shape (Object.create(null) makes each a hash table).
 */
const Node = function () {} as unknown as new () => Tree;
Node.prototype = Object.create(null);


/**
 * A streaming tree builder: write the document in pieces, then close. `result` is the root's tree, keyed by the
 * root's name (xml2js's explicitRoot), once the root element has ended; `failure` is sax's first error before that
 * (xml2js resumes after errors and reports the first; anything after the root's end is ignored, as there).
 *
 * The document is read by a scanner of our own while it holds only what a feed usually holds (ASCII names, quoted
 * attributes, the five named entities and numeric ones, comments, CDATA sections, processing instructions), each
 * piece read as sax reads it: sax walks every character through a state machine and builds each name a character at
 * a time (half a feed's parse). At the first thing it does not read so (a doctype, another entity, a name outside
 * ASCII, anything sax might call an error) the scanner hands the document over to sax at the start of that text or
 * markup: sax reads what came before without telling the tree (which has it already), so its state, line and column
 * are as if it had read everything, and it reads the rest, errors and all.
 */
export class XmlTree {
  result: Tree | null = null;
  failure: Error | null = null;
  /** sax, once the scanner has handed the document over to it (null while the scanner reads). */
  private sax: SaxParser | null = null;
  /** Whether sax read (part of) the document: the scanner met something it leaves to sax. */
  get readBySax(): boolean {
    return this.sax !== null;
  }
  // Per open element: its name, its tree so far (attributes, children, a CDATA mark) or null while it has none,
  // and its text. xml2js keeps the text under `_` from the start; it is put there, first, when the element ends.
  /** The names of the open elements, the root's first. */
  readonly names: string[] = [];
  private readonly trees: (Tree | null)[] = [];
  private readonly texts: unknown[] = [];
  /**
   * Whether each open element has had CDATA: only then is its tree's `cdata` mark read, so the mark's lookup in close
   * meets the few shapes of such trees, not every element's (a 10,000-item feed's many item shapes made close's
   * optimised code be thrown away, "wrong map", --trace-deopt).
   */
  private readonly hadCdata: boolean[] = [];
  /** What the scanner has been given and not read yet (a piece of text or markup that goes on in the next write). */
  private pending = '';
  /** Every piece written while the scanner reads, for sax to read what came before if it takes over. */
  private readonly written: string[] = [];
  /** Characters of the document the scanner has read (all of them before `pending`). */
  private read = 0;

  constructor(private readonly hooks: TreeHooks = {}) {}

  /** The next piece of the document; an error this throws (a handler's) counts as sax's do. */
  write(text: string): void {
    try {
      if (this.sax) {
        this.sax.write(text);
        return;
      }
      if (this.result || this.failure) return; // a tree handler's error ends the scan
      this.written.push(text);
      const doc = this.pending ? this.pending + text : text;
      const at = this.scan(doc);
      if (at < 0) return this.handOver(-at - 1);
      this.read += at;
      this.pending = at < doc.length ? doc.slice(at) : '';
      // A piece of text or markup still open after many writes is read by sax rather than scanned again at every one.
      if (this.pending.length > Math.max(4096, 64 * text.length)) this.handOver(0);
    } catch (error) {
      this.failure ??= error as Error;
    }
  }

  end(): void {
    try {
      if (!this.sax) {
        if (this.result) return;
        // The document ended inside the root, or in the middle of something: sax says what is wrong with it.
        this.handOver(0);
      }
      this.sax!.close();
    } catch (error) {
      this.failure ??= error as Error;
    }
  }

  /** sax reads the document from `doc[at]` on; what came before it reads without handing it to the tree. */
  private handOver(at: number): void {
    const parser = loadSax().parser(true, { trim: false, normalize: false, xmlns: false });
    this.sax = parser;
    const before = this.read + at;
    const whole = this.written.join('');
    this.written.length = 0;
    this.pending = '';
    if (before > 0) {
      // Read by the scanner as sax reads it, so sax finds no error there; were there one, it is still the first.
      parser.onerror = (error) => {
        parser.resume();
        this.failure ??= error;
      };
      parser.write(whole.slice(0, before));
    }
    parser.onopentag = (node) => this.open(node.name, node.attributes);
    parser.onclosetag = () => this.close();
    parser.ontext = (text) => this.text(text, false);
    parser.oncdata = (text) => this.text(text, true);
    parser.onerror = (error) => {
      parser.resume();
      if (!this.result) this.failure ??= error;
    };
    if (before < whole.length) parser.write(whole.slice(before));
  }

  /**
   * Read `doc` from its start: text and markup handed to the tree as sax would hand them. Returns where the scanner
   * stopped (what follows is not complete yet), or -(i + 1) for sax to take over at `doc[i]`, the start of a text or
   * markup the scanner does not read as sax would (nothing of it has reached the tree).
   */
  private scan(doc: string): number {
    let i = 0;
    const n = doc.length;
    while (i < n && !this.result) {
      const lt = doc.indexOf('<', i);
      if (lt < 0) return i;
      const inRoot = this.names.length > 0;
      // The text before the markup: outside the root only white space (sax's error otherwise).
      let text = '';
      if (lt > i) {
        if (!inRoot) {
          if (!isBlank(doc, i, lt)) return -(i + 1);
        } else {
          text = doc.slice(i, lt);
          if (text.includes('&')) {
            const decoded = decodeEntities(text);
            if (decoded === null) return -(i + 1);
            text = decoded;
          }
        }
      }
      if (lt + 1 >= n) return i;
      const c = doc.charCodeAt(lt + 1);
      if (c === 0x2f) {
        // </name> closing the element that is open, white space allowed before the >.
        const nameEnd = nameEndAt(doc, lt + 2);
        if (nameEnd === lt + 2) return nameEnd < n ? -(i + 1) : i;
        let gt = nameEnd;
        while (gt < n && isSpace(doc.charCodeAt(gt))) gt++;
        if (gt >= n) return i;
        if (doc.charCodeAt(gt) !== 0x3e || !inRoot || doc.slice(lt + 2, nameEnd) !== this.names[this.names.length - 1]) return -(i + 1);
        if (text) this.text(text, false);
        this.close();
        i = gt + 1;
      } else if (c === 0x21) {
        // <!-- comment --> or <![CDATA[ … ]]>; anything else (a doctype) is sax's.
        if (doc.startsWith('<!--', lt)) {
          const dashes = doc.indexOf('--', lt + 4);
          if (dashes < 0 || dashes + 2 >= n) return i;
          if (doc.charCodeAt(dashes + 2) !== 0x3e) return -(i + 1);
          if (text) this.text(text, false);
          i = dashes + 3;
        } else if (doc.startsWith('<![CDATA[', lt) && inRoot) {
          const close = doc.indexOf(']]>', lt + 9);
          if (close < 0) return i;
          if (text) this.text(text, false);
          if (close > lt + 9) this.text(doc.slice(lt + 9, close), true);
          i = close + 3;
        } else {
          const part = doc.slice(lt);
          return part.length < 9 && ('<![CDATA['.startsWith(part) || '<!--'.startsWith(part)) ? i : -(i + 1);
        }
      } else if (c === 0x3f) {
        // A processing instruction (the XML declaration): sax reads it to the first ?> and the tree takes nothing.
        const close = doc.indexOf('?>', lt + 2);
        if (close < 0) return i;
        if (text) this.text(text, false);
        i = close + 2;
      } else {
        const end = this.openTag(doc, lt, text);
        if (end === 0) return i;
        if (end < 0) return -(i + 1);
        i = end;
      }
    }
    return i;
  }

  /**
   * The start tag at `doc[lt]`, handed to the tree (after `text`) when the scanner reads all of it as sax would:
   * where it ends, 0 when it is not complete yet, -1 when sax must read it.
   */
  private openTag(doc: string, lt: number, text: string): number {
    const n = doc.length;
    const nameEnd = nameEndAt(doc, lt + 1);
    if (nameEnd === lt + 1) return -1;
    if (this.result) return -1;
    const name = doc.slice(lt + 1, nameEnd);
    // As sax gives them: a plain object, the first of a repeated attribute kept.
    const attributes: Record<string, string> = {};
    let i = nameEnd;
    for (;;) {
      if (i >= n) return 0;
      let c = doc.charCodeAt(i);
      // After the name or a value: white space, > or />, else sax's error.
      if (c === 0x3e || c === 0x2f) break;
      if (!isSpace(c)) return -1;
      while (i < n && isSpace(doc.charCodeAt(i))) i++;
      if (i >= n) return 0;
      c = doc.charCodeAt(i);
      if (c === 0x3e || c === 0x2f) break;
      const attrEnd = nameEndAt(doc, i);
      if (attrEnd === i) return -1;
      let eq = attrEnd;
      while (eq < n && isSpace(doc.charCodeAt(eq))) eq++;
      if (eq >= n) return 0;
      if (doc.charCodeAt(eq) !== 0x3d) return -1;
      let q = eq + 1;
      while (q < n && isSpace(doc.charCodeAt(q))) q++;
      if (q >= n) return 0;
      const quote = doc.charCodeAt(q);
      if (quote !== 0x22 && quote !== 0x27) return -1;
      const close = doc.indexOf(quote === 0x22 ? '"' : "'", q + 1);
      if (close < 0) return 0;
      let value = doc.slice(q + 1, close);
      if (value.includes('&')) {
        const decoded = decodeEntities(value);
        if (decoded === null) return -1;
        value = decoded;
      }
      const key = doc.slice(i, attrEnd);
      if (!Object.hasOwn(attributes, key)) attributes[key] = value;
      i = close + 1;
    }
    const selfClosing = doc.charCodeAt(i) === 0x2f;
    if (selfClosing) {
      if (i + 1 >= n) return 0;
      if (doc.charCodeAt(i + 1) !== 0x3e) return -1;
      i++;
    }
    if (text) this.text(text, false);
    this.open(name, attributes);
    if (selfClosing) this.close();
    return i + 1;
  }

  private open(name: string, attributes: Record<string, string>): void {
    if (this.result) return;
    let tree: Tree | null = null;
    for (const key in attributes) {
      if (!Object.hasOwn(attributes, key)) continue;
      tree ??= new Node();
      ((tree.$ ??= new Node()) as Tree)[key] = attributes[key];
    }
    this.hooks.open?.(name, attributes);
    this.names.push(name);
    this.trees.push(tree);
    this.texts.push('');
    this.hadCdata.push(false);
  }

  private text(text: string, cdata: boolean): void {
    const top = this.names.length - 1;
    if (top < 0 || this.result) return;
    // xml2js appends to `_` whatever it holds (a child element named `_` makes it an array, and then a string).
    (this.texts[top] as string) += text;
    if (cdata) {
      (this.trees[top] ??= new Node()).cdata = true;
      this.hadCdata[top] = true;
    }
  }

  private child(key: string, value: unknown): void {
    const top = this.names.length - 1;
    if (key === '_') {
      // A child named `_` shares the text's key, as in xml2js.
      const text = this.texts[top];
      if (Array.isArray(text)) text.push(value);
      else this.texts[top] = [text, value];
      return;
    }
    assignOrPush((this.trees[top] ??= new Node()), key, value);
  }

  private close(): void {
    if (this.result) return;
    const name = this.names.pop()!;
    let tree = this.trees.pop()!;
    const text = this.texts.pop();
    let cdata = false;
    if (this.hadCdata.pop() === true && tree && tree.cdata === true) {
      cdata = true;
      delete tree.cdata;
    }
    if (typeof text !== 'string') throw new Error(`an element <_> inside <${name}> where its text belongs`);
    let value: unknown;
    if (!cdata && blank.test(text)) {
      value = tree && hasKeys(tree) ? tree : text; // an empty element is its white space, as in xml2js
    } else if (!tree || !hasKeys(tree)) {
      value = text;
    } else {
      // Text beside attributes or children: `_` first, where xml2js put it when the element opened.
      const withText = new Node();
      withText._ = text;
      for (const key in tree) withText[key] = tree[key];
      value = tree = withText;
    }
    const depth = this.names.length;
    if (depth === 0) {
      if (this.failure) return;
      const root = new Node();
      root[name] = value;
      this.result = root;
      return;
    }
    // The hook sees the element's parent as open (names), and the parent's tree, made now if it had none.
    if (this.hooks.place?.((this.trees[depth - 1] ??= new Node()), name, value)) return;
    this.child(name, value);
  }
}

/** sax's white space: space, tab, line feed, carriage return. */
const isSpace = (c: number): boolean => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;

function isBlank(doc: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (!isSpace(doc.charCodeAt(i))) return false;
  return true;
}

/** Name characters the scanner reads (the ASCII ones of sax's): a letter, _ or : first, then digits, . and - too. */
const NAME = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  const ch = String.fromCharCode(c);
  NAME[c] = /[:_A-Za-z]/.test(ch) ? 2 : /[.\d-]/.test(ch) ? 1 : 0;
}

/** Where the name at doc[start] ends (start itself when there is none there). */
function nameEndAt(doc: string, start: number): number {
  const n = doc.length;
  if (start >= n) return start;
  const first = doc.charCodeAt(start);
  if (first >= 128 || NAME[first] !== 2) return start;
  let i = start + 1;
  for (; i < n; i++) {
    const c = doc.charCodeAt(i);
    if (c >= 128 || NAME[c] === 0) break;
  }
  return i;
}

/** The five entities XML names, as sax's table has them. */
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const ENTITY = /&(?:(amp|lt|gt|quot|apos)|#([0-9]+)|#[xX]([0-9a-fA-F]+));/y;

/**
 * Text or an attribute value with its entity references read as sax reads them (a numeric one checked as its
 * parseEntity checks it), or null when one is not the five named or a numeric reference that sax takes.
 */
function decodeEntities(text: string): string | null {
  let out = '';
  let from = 0;
  for (let amp = text.indexOf('&'); amp >= 0; amp = text.indexOf('&', from)) {
    ENTITY.lastIndex = amp;
    const m = ENTITY.exec(text);
    if (!m) return null;
    let char: string;
    if (m[1]) char = NAMED[m[1]];
    else {
      const num = referencedCodePoint(m[2] ?? m[3], !m[2]);
      // sax: the number must also be an XML character.
      if (num === undefined || !isXmlChar(num)) return null;
      char = String.fromCodePoint(num);
    }
    out += text.slice(from, amp) + char;
    from = ENTITY.lastIndex;
  }
  return out + text.slice(from);
}

/** XML's Char production, as sax checks a character reference. */
function isXmlChar(num: number): boolean {
  return num === 0x9 || num === 0xa || num === 0xd || (num >= 0x20 && num <= 0xd7ff) || (num >= 0xe000 && num <= 0xfffd) || (num >= 0x10000 && num <= 0x10ffff);
}

function hasKeys(tree: Tree): boolean {
  for (const _ in tree) return true;
  return false;
}
