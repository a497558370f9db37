// Our tree builder against xml2js's, with the options rss-parser gives it: the same tree, key order included, or the
// same first error (sax's message, with its line and column), whatever the chunks the document is written in.
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { XmlTree } from '../../src/parse/xml-tree.js';

const require = createRequire(import.meta.url);
const xml2js = createRequire(require.resolve('rss-parser/lib/parser.js'))('xml2js') as {
  Parser: new (options: object) => { parseString(text: string, done: (error: Error | null, tree: unknown) => void): void };
};

/** xml2js's tree as rss-parser builds it (`new xml2js.Parser({})`), as JSON (key order kept), or its error. */
function theirs(text: string): string {
  let out: string | undefined;
  new xml2js.Parser({}).parseString(text, (error, tree) => {
    out ??= error ? `error: ${error.message}` : JSON.stringify(tree);
  });
  return out!;
}

/** Ours, written in chunks of `chunk` characters, as feed-stream.ts writes it. */
function ours(text: string, chunk: number): string {
  const xml = new XmlTree();
  for (let at = 0; at < text.length && !xml.result && !xml.failure; at += chunk) xml.write(text.slice(at, at + chunk));
  if (!xml.result && !xml.failure) xml.end();
  if (xml.failure) return `error: ${xml.failure.message}`;
  return JSON.stringify(xml.result);
}

const CHUNKS = [1, 2, 7, 64, 333, 1 << 20];

const FIXTURES = fileURLToPath(new URL('../fixtures/', import.meta.url));
const xmlFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? xmlFiles(path.join(dir, e.name)) : e.name.endsWith('.xml') ? [path.join(dir, e.name)] : []);

describe('XmlTree = xml2js with rss-parser\'s options', () => {
  it.each(xmlFiles(FIXTURES).map((f) => [path.relative(FIXTURES, f)]))('fixture %s', (file) => {
    const text = readFileSync(path.join(FIXTURES, file), 'utf8').replace(/^\uFEFF/, '');
    const expected = theirs(text);
    for (const chunk of CHUNKS) expect(ours(text, chunk), `chunk ${chunk}`).toBe(expected);
  });

  const deep = 1000; // JSON.stringify, which compares the trees, recurses
  it.each([
    ['mixed content, text first and last', '<d>a <b>x</b> c<b>y</b><i/>z </d>'],
    ['text beside attributes', '<r><guid isPermaLink="false"> g-1 </guid><t a="1"/><t a="2">  </t></r>'],
    ['empty elements: none, white space, an empty CDATA, a blank CDATA', '<r><e/><e></e><e>\n  </e><e><![CDATA[]]></e><e><![CDATA[ ]]></e></r>'],
    ['CDATA beside text and elements, several sections', '<r><d>x<![CDATA[<p>a]]]]><![CDATA[>b</p>]]>y<b/></d></r>'],
    ['entities in text and attributes', '<r a="&lt;&amp;&#x1F600;&quot;"><t>&amp;amp; &#228;&#xE4; &gt;&apos;&#10;</t></r>'],
    // Each numeric reference sax takes or refuses (refused: 0, controls, surrogates, U+FFFE, past U+10FFFF, digits too
    // many to read exactly), in text and in an attribute.
    ...['&#0;', '&#x0;', '&#000065;', '&#x0000000000000000041;', '&#8;', '&#x1F;', '&#x7F;', '&#x96;', '&#xD7FF;', '&#xD800;', '&#56320;',
      '&#xFFFD;', '&#xFFFE;', '&#xFFFF;', '&#x10FFFF;', '&#x110000;', '&#1114112;', '&#99999999999999999999;', '&#x1FFFFFFFFFFFFF;']
      .map((ref) => [`the numeric reference ${ref}`, `<r a="x${ref}y"><t>x${ref}y</t></r>`]),
    ['a child named _ after the text (the text becomes a string of both)', '<r><p>a<_>b</_>c</p></r>'],
    ['a child named _ before any text', '<r><p><_>b</_>c</p></r>'],
    ['a child named cdata beside a CDATA section', '<r><p><![CDATA[x]]><cdata>y</cdata></p><q><cdata>y</cdata><![CDATA[x]]></q></r>'],
    ['names that are Object.prototype\'s', '<r constructor="c" toString="t"><__proto__ __proto__="p">x</__proto__><constructor/><hasOwnProperty>h</hasOwnProperty><valueOf a="1"/></r>'],
    ['a duplicated attribute (sax keeps the first)', '<r><a x="1" x="2"/></r>'],
    ['namespaced names, kept as written', '<rdf:RDF xmlns:rdf="u" xmlns="v"><dc:creator xml:lang="fi">A</dc:creator><item rdf:about="x"/></rdf:RDF>'],
    ['white space only, between and around elements', '<r>\n\t<a>1</a>\n\t<a>2</a>\n</r>'],
    ['a text root', '<r>only text</r>'],
    ['an empty root', '<r/>'],
    ['a root with white space', '<r>   </r>'],
    ['a prolog, comments, a processing instruction, a doctype', '<?xml version="1.0"?>\n<!-- c --><!DOCTYPE rss PUBLIC "-//x" "y"><?pi x?><r><!-- in --><a>1<!-- mid -->2</a><?p q?></r>'],
    ['a BOM inside text, non-breaking and other Unicode white space', '<r><a k="">\uFEFF</a><b>\u00A0<i/></b><c k="">\u2003\u3000</c><d k="">\u200B</d><e k="">\u0085</e></r>'],
    ['surrogate pairs', '<r><a t="😀">𝔘𝔫𝔦 😀</a></r>'],
    [`nesting ${deep} deep`, `<r>${'<a>'.repeat(deep)}x${'</a>'.repeat(deep)}</r>`],
    [`nesting ${deep} deep, each level with text and attributes`, `<r>${'<a k="v">t'.repeat(deep)}${'</a>'.repeat(deep)}</r>`],
    // sax refuses an attribute over 64 KiB when it is written in pieces (MAX_BUFFER_LENGTH), and a text that long
    // comes in several events.
    ['a 50 kB attribute and a 1 MB text and CDATA section', `<r><a v="${'x&amp;'.repeat(25_000)}">${'y&lt;'.repeat(1 << 18)}<![CDATA[${'z'.repeat(1 << 20)}]]></a></r>`],
    ['20,000 siblings', `<r>${'<i><t>1</t></i>'.repeat(20_000)}</r>`],
    ['elements after the root ends', '<r><a>1</a></r><r><b>2</b></r>'],
    ['an unclosed element', '<r><a>1</r>'],
    ['an unclosed root', '<r><a>1</a>'],
    ['a mismatched end tag', '<r><a>1</b></r>'],
    ['an undeclared entity', '<r><a>&nbsp;</a></r>'],
    ['a bare ampersand', '<r><a>a & b</a></r>'],
    ['an attribute without quotes', '<r><a x=1/></r>'],
    ['text before the root', 'junk<r/>'],
    ['an unterminated CDATA section', '<r><a><![CDATA[x</a></r>'],
  ])('%s', (_name, text) => {
    const expected = theirs(text);
    for (const chunk of CHUNKS) expect(ours(text, chunk), `chunk ${chunk}`).toBe(expected);
  });

  it('takes a BOM as feed.ts leaves it: stripped before the document is read (xml2js strips it itself)', () => {
    const text = '\uFEFF<?xml version="1.0"?><r><a>1</a></r>';
    expect(ours(text.replace(/^\uFEFF/, ''), 3)).toBe(theirs(text));
  });

  it('names line and column in an error, as sax does', () => {
    expect(ours('<r>\n<a>\n  &bad;</a></r>', 2)).toMatch(/^error: Invalid character entity\nLine: 2\nColumn: 7\nChar: ;$/);
  });

  it('hands a closed element to the hook with its parent open, and keeps out what the hook takes', () => {
    const seen: string[] = [];
    const xml: XmlTree = new XmlTree({
      open: (name) => seen.push(`open ${[...xml.names, name].join('/')}`),
      place: (_parent, name, value): boolean => (seen.push(`close ${[...xml.names, name].join('/')} ${JSON.stringify(value)}`), name === 'i'),
    });
    xml.write('<r><i>1</i><j>2</j><i/></r>');
    xml.end();
    expect(seen).toEqual(['open r', 'open r/i', 'close r/i "1"', 'open r/j', 'close r/j "2"', 'open r/i', 'close r/i ""']);
    expect(JSON.stringify(xml.result)).toBe('{"r":{"j":["2"]}}');
  });

  it('reads a typical feed with its own scanner, sax left unloaded for it', () => {
    // Entities named and numeric, CDATA, comments, the XML declaration, namespaced names and both quotes: no hand-over.
    const text = `<?xml version="1.0" encoding="UTF-8"?>\n<!-- made by x -->\n<rss version="2.0" xmlns:dc='http://purl.org/dc/elements/1.1/'>
<channel><title>T &amp; t</title><item><guid isPermaLink="false">a-1</guid><title>Lausunto &#228;&#xE4;</title>
<description>&lt;p&gt;x&lt;/p&gt;</description><content:encoded><![CDATA[<p>y</p>]]></content:encoded><dc:creator>A</dc:creator>
<enclosure url="https://e.fi/a?x=1&amp;y=2" length="1" type="audio/mpeg"/></item></channel></rss>\n`;
    for (const chunk of CHUNKS) {
      const xml = new XmlTree();
      for (let at = 0; at < text.length && !xml.result; at += chunk) xml.write(text.slice(at, at + chunk));
      expect(xml.readBySax, `chunk ${chunk}`).toBe(false);
      expect(JSON.stringify(xml.result)).toBe(theirs(text));
    }
    // What it leaves to sax: a doctype, another entity, a name outside ASCII.
    for (const odd of ['<!DOCTYPE r><r/>', '<r>&nbsp;</r>', '<r><ä/></r>']) {
      const xml = new XmlTree();
      xml.write(odd);
      expect(xml.readBySax, odd).toBe(true);
    }
  });

  it('gives xml2js\'s tree or first error on randomly broken documents written in random pieces', () => {
    // The scanner hands over to sax wherever it meets what it does not read: every cut below must give the same.
    let seed = 44;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    const bases = [
      '<?xml version="1.0"?>\n<!-- c -->\n<rss version="2.0"><channel><title>T &amp; t</title><item a="1" b=\'2\'><title>x &#228; &#x1F600;</title>' +
        '<description>&lt;p&gt;y&lt;/p&gt;</description><c:e><![CDATA[<b>z</b>]]></c:e><e/><f k="v"/></item><!-- m --><?pi x?></channel></rss>\n',
      ...xmlFiles(FIXTURES).slice(0, 12).map((f) => readFileSync(f, 'utf8').replace(/^\uFEFF/, '').slice(0, 3000)),
    ];
    const pieces = ['<', '>', '/', '&', ';', '#', 'x', '"', "'", '=', ' ', '\n', '!', '-', '[', ']', '?', 'ä', '&amp;', '&#0;', '&#65;', '</a>', '<a>', '<!--', '-->', '<![CDATA[', ']]>', '<!DOCTYPE r>', '\uFEFF'];
    for (let round = 0; round < 400; round++) {
      let text = bases[round % bases.length];
      for (let k = 1 + Math.floor(random() * 3); k > 0; k--) {
        const at = Math.floor(random() * text.length);
        const cut = random() < 0.5 ? Math.floor(random() * 4) : 0;
        text = text.slice(0, at) + pieces[Math.floor(random() * pieces.length)] + text.slice(at + cut);
      }
      const chunk = [1, 3, 17, 256, 1 << 20][round % 5];
      // xml2js calls back with the first error and may then throw a later one: the first is the one to compare.
      let expected: string | undefined;
      try {
        new xml2js.Parser({}).parseString(text, (error, tree) => {
          expected ??= error ? `error: ${error.message}` : JSON.stringify(tree);
        });
      } catch (error) {
        expected ??= `error: ${(error as Error).message}`;
      }
      expect(ours(text, chunk), `round ${round}, chunk ${chunk}: ${JSON.stringify(text)}`).toBe(expected);
    }
  });

  it('gives xml2js\'s tree on random documents of what the scanner reads itself, most of them without sax', () => {
    // Names, white space around attributes and in end tags, both quotes, entities in text and values, CDATA, comments
    // and processing instructions anywhere, CR LF: the scanner's own path, checked against xml2js at random chunk sizes.
    let seed = 3;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    const pick = <T,>(list: T[]): T => list[Math.floor(random() * list.length)];
    // Not `_`: xml2js fails on some of its uses with a TypeError of its own (the tests above cover it).
    const names = ['a', 'item', 'dc:creator', 'x.y', 'x-y', '_u', 'A1', 'cdata', 'constructor', '__proto__', 'toString'];
    const space = ['', ' ', '\n', '\r\n', '\t', ' \n '];
    const texts = ['x', ' y ', 'a &amp; b', '&lt;p&gt;', '&#228;&#xE4;&#X41;&#0065;', '&quot;&apos;', 'ä 😀', '>', ']]>', '\u00a0', '', '\n'];
    const values = ['', '1', 'a b', '&amp;&#10;', "it's", 'x"y', '<', 'ä', '\n\t'];
    const element = (depth: number): string => {
      const name = pick(names);
      let out = `<${name}`;
      for (let k = Math.floor(random() * 3); k > 0; k--) {
        const value = pick(values);
        const quote = value.includes('"') ? "'" : value.includes("'") ? '"' : pick(['"', "'"]);
        out += `${pick([' ', '\n', '  '])}${pick(names)}${pick(['', ' '])}=${pick(['', ' '])}${quote}${value}${quote}`;
      }
      out += pick(['', ' ', '\n']);
      if (random() < 0.2) return `${out}/>`;
      out += '>';
      for (let k = depth > 3 ? 0 : Math.floor(random() * 4); k > 0; k--) {
        const r = random();
        out += r < 0.4 ? pick(texts) : r < 0.5 ? `<![CDATA[${pick(texts)}]]>` : r < 0.55 ? `<!--${pick(['', ' c ', 'a-b'])}-->` : r < 0.58 ? '<?pi x?>' : element(depth + 1);
        out += pick(space);
      }
      return `${out}</${name}${pick(['', ' ', '\n'])}>`;
    };
    let scanned = 0;
    for (let round = 0; round < 400; round++) {
      const text = pick(['', '<?xml version="1.0"?>', '<?xml version="1.0"?>\n<!-- c -->\n', ' \n']) + element(0) + pick(['', '\n', '<!-- after -->']);
      const chunk = pick([1, 2, 5, 16, 100, 1 << 20]);
      const xml = new XmlTree();
      for (let at = 0; at < text.length && !xml.result && !xml.failure; at += chunk) xml.write(text.slice(at, at + chunk));
      if (!xml.result && !xml.failure) xml.end();
      const got = xml.failure ? `error: ${xml.failure.message}` : JSON.stringify(xml.result);
      expect(got, `round ${round}, chunk ${chunk}: ${JSON.stringify(text)}`).toBe(theirs(text));
      if (!xml.readBySax) scanned++;
    }
    expect(scanned).toBeGreaterThan(300);
  });
});

