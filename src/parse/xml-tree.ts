// The tree xml2js (0.5) gives rss-parser, built by handlers of our own on sax's events: the same tokenizer (the copy
// xml2js loads) and the same tree with the options rss-parser leaves at xml2js's "0.2" defaults (attributes under `$`,
// text under `_`, every child in an array, names as written, no trimming), in fewer steps: xml2js's handlers (a
// regular-expression match, two key counts and two deletes on every element) took a third of a feed's parse.
// test/parse/xml-tree.test.ts compares the two trees, key order included, on fixtures and hostile documents.
import { createRequire } from 'node:module';

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
 */
export class XmlTree {
  result: Tree | null = null;
  failure: Error | null = null;
  private readonly sax: SaxParser;
  // Per open element: its name, its tree so far (attributes, children, a CDATA mark) or null while it has none,
  // and its text. xml2js keeps the text under `_` from the start; it is put there, first, when the element ends.
  /** The names of the open elements, the root's first. */
  readonly names: string[] = [];
  private readonly trees: (Tree | null)[] = [];
  private readonly texts: unknown[] = [];

  constructor(private readonly hooks: TreeHooks = {}) {
    const parser = loadSax().parser(true, { trim: false, normalize: false, xmlns: false });
    parser.onopentag = (node) => this.open(node.name, node.attributes);
    parser.onclosetag = () => this.close();
    parser.ontext = (text) => this.text(text, false);
    parser.oncdata = (text) => this.text(text, true);
    parser.onerror = (error) => {
      parser.resume();
      if (!this.result) this.failure ??= error;
    };
    this.sax = parser;
  }

  /** The next piece of the document; an error this throws (a handler's) counts as sax's do. */
  write(text: string): void {
    try {
      this.sax.write(text);
    } catch (error) {
      this.failure ??= error as Error;
    }
  }

  end(): void {
    try {
      this.sax.close();
    } catch (error) {
      this.failure ??= error as Error;
    }
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
  }

  private text(text: string, cdata: boolean): void {
    const top = this.names.length - 1;
    if (top < 0 || this.result) return;
    // xml2js appends to `_` whatever it holds (a child element named `_` makes it an array, and then a string).
    (this.texts[top] as string) += text;
    if (cdata) (this.trees[top] ??= new Node()).cdata = true;
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
    if (tree && tree.cdata === true) {
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

function hasKeys(tree: Tree): boolean {
  for (const _ in tree) return true;
  return false;
}
