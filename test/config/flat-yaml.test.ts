// The flat-definition reader against the yaml library: whatever it accepts, it reads exactly as the library does.
import fs from 'node:fs';
import path from 'node:path';
import { parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { readFlatYaml } from '../../src/config/flat-yaml.js';
import { rootDir } from '../../src/paths.js';

/** What the library makes of a text, or 'error'. */
function library(text: string): unknown {
  const doc = parseDocument(text, { prettyErrors: true });
  return doc.errors.length ? 'error' : doc.toJS();
}

describe('readFlatYaml', () => {
  it.each([
    ['id: stm\nname: Sosiaali- ja terveysministeriö, tiedotteet\nurl: https://stm.fi/a/b?x=1&y=2\nkind: rss\nlanguage: fi\n'],
    ['# a comment\n\nid: a\n# another\nmayBeEmpty: true\nverified: False\n'],
    ['schedule: "7,37 * * * *"\nname: \'single, quoted\'\nempty: ""\n'],
    ['tags: [eduskunta, lainsäädäntö]\nnone: []\nspaced: [ a ,b ]\n'],
    ['n: 42\nbig: 123456789012345\nword: null\ntilde: Null\n'],
    ['name: A & B - c! (d) @e %f *g |h >i `j\nurl:   http://x/   \n'],
    ['name: Ääkköset ja – viivat\nkey2: x\n'],
    ['a: b\n\n\n'],
  ])('reads %j as the library does', (text) => {
    const flat = readFlatYaml(text);
    expect(flat).toBeDefined();
    expect(flat).toEqual(library(text));
  });

  it.each([
    ['options:\n  maxPages: 2\n', 'a nested mapping'],
    ['id: a\nid: b\n', 'a duplicate key (the library reports it)'],
    ['id: a # comment\n', 'a trailing comment'],
    ['url: http://x/#frag\n', 'a # anywhere'],
    ['n: 0755\n', 'a number with a leading zero'],
    ['n: 1.5\n', 'a float'],
    ['n: 2026-01-01\n', 'a date-like value'],
    ['n: -3\n', 'a signed number'],
    ['n: 1234567890123456\n', 'a number past 15 digits'],
    ['s: "a\\tb"\n', 'an escape in a double-quoted string'],
    ["s: 'it''s'\n", 'a doubled quote in a single-quoted string'],
    ['s: a: b\n', 'a colon and space inside a value'],
    ['s: a:\n', 'a value ending with a colon'],
    ['tags: [a: b]\n', 'a pair in a list'],
    ['tags: [a, , b]\n', 'an empty list item'],
    ['tags: [1, 2]\n', 'numbers in a list'],
    ['tags: [true]\n', 'a boolean in a list'],
    ['tags: [a, [b]]\n', 'a nested list'],
    ['s: |\n  text\n', 'a block scalar'],
    ['s: >\n  text\n', 'a folded scalar'],
    ['s: &x a\n', 'an anchor'],
    ['s: !!str 1\n', 'a tag'],
    ['s: a\n  continued\n', 'a continuation line'],
    ['  # indented comment\ns: a\n', 'an indented comment'],
    ['---\ns: a\n', 'a document marker'],
    ['%YAML 1.1\n---\ns: yes\n', 'a directive'],
    ['s: a\r\n', 'CRLF line ends'],
    ['s:\ta\n', 'a tab'],
    ['\uFEFFs: a\n', 'a byte-order mark'],
    ['s: a\u0001b\n', 'a control character'],
    ['true: a\n', 'a key that is not a string'],
    ['_x: a\n', 'a key the reader does not take'],
    ['s:\n', 'an empty value'],
    ['# only a comment\n', 'no keys at all'],
    ['', 'an empty file'],
    ['s: a: b: c\n', 'nested pairs on one line'],
    ['- a\n- b\n', 'a list at the top'],
  ])('leaves %j to the library (%s)', (text) => {
    expect(readFlatYaml(text)).toBeUndefined();
  });

  it('reads every source definition in the repository as the library does, or leaves it to the library', () => {
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
        const p = path.join(dir, e.name);
        if (e.isDirectory() && e.name !== 'node_modules' && !e.name.startsWith('.') && e.name !== 'dist') walk(p);
        else if (/\.ya?ml$/.test(e.name)) files.push(p);
      }
    };
    walk(path.join(rootDir, 'feeds'));
    walk(path.join(rootDir, 'test'));
    expect(files.length).toBeGreaterThan(10);
    let flat = 0;
    for (const file of files) {
      const text = fs.readFileSync(file, 'utf8');
      const got = readFlatYaml(text);
      if (got === undefined) continue;
      flat++;
      expect(got, file).toEqual(library(text));
    }
    expect(flat).toBeGreaterThan(0);
  });

  it('agrees with the library on generated lines', () => {
    const keys = ['id', 'name', 'true', 'x1', 'Null'];
    const values = [
      'a', 'A b', 'null', 'TRUE', 'false', 'yes', 'no', 'on', '~', '12', '012', '0x1f', '0o7', '1e3', '.inf', '.5', '1.',
      'a:b', 'a: b', 'a:', 'a #b', 'a#b', '"q"', "'q'", '"a\\"', '[a, b]', '[a,b,]', '[]', '[ ]', '{a: b}', 'é', 'ä-ö',
      '-a', '?a', ':a', 'a - b', 'a,b', 'http://h/p?q=1', '@a', '`a', '"a # b"', "'a: b'", 'a  b', 'NaN', '.NaN', 'Infinity',
    ];
    let seed = 7;
    const pick = <T>(xs: T[]) => xs[(seed = (seed * 1103515245 + 12345) % 2 ** 31) % xs.length];
    let accepted = 0;
    for (let n = 0; n < 3000; n++) {
      const lines = Array.from({ length: 1 + (n % 4) }, () => `${pick(keys)}: ${pick(values)}`);
      const text = lines.join('\n') + '\n';
      const got = readFlatYaml(text);
      if (got === undefined) continue;
      accepted++;
      expect(got, text).toEqual(library(text));
    }
    expect(accepted).toBeGreaterThan(100);
  });
});
