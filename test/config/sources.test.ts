import { describe, expect, it, vi } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { loadSources, parseSourceDef } from '../../src/config/sources.js';
import { defaultFeedsDir } from '../../src/paths.js';

describe('config: source definitions', () => {
  it('loads every shipped definition without errors', () => {
    const { sources, errors } = loadSources(defaultFeedsDir);
    expect(errors).toEqual([]);
    expect(sources.map((s) => s.id)).toEqual(expect.arrayContaining(['lausuntopalvelu', 'eduskunta', 'finlex', 'hankeikkuna', 'pelastustoimi']));
    expect(sources.length).toBeGreaterThanOrEqual(9);
  });

  it('fills defaults for a plain RSS source', () => {
    const def = parseSourceDef('id: x\nname: X\nurl: https://example.fi/rss\nkind: rss\n', 'x.yaml');
    expect(def).toMatchObject({ module: 'rss', schedule: '*/30 * * * *', language: 'fi', itemKind: 'news', mayBeEmpty: false, tags: [] });
  });

  it.each([
    ['name: X\nurl: https://e.fi\nkind: rss', 'field "id" is required'],
    ['id: x\nname: X\nurl: not a url\nkind: rss', 'field "url": "not a url" is not a valid URL'],
    ['id: x\nname: X\nurl: ftp://e.fi\nkind: rss', 'field "url" must be http or https'],
    ['id: x\nname: X\nurl: https://e.fi\nkind: atom', 'field "kind" must be "rss" or "module"'],
    ['id: x\nname: X\nurl: https://e.fi\nkind: module', 'field "module" is required'],
    ['id: x\nname: X\nurl: https://e.fi\nkind: module\nmodule: nope', 'no source module "nope"'],
    ['id: x\nname: X\nurl: https://e.fi\nkind: rss\nschedule: every hour', 'field "schedule"'],
    ['id: x\nname: X\nurl: https://e.fi\nkind: rss\nlanguage: de', 'field "language"'],
    ['id: x\nname: X\nurl: https://e.fi\nkind: rss\nfoo: 1', 'unknown field "foo"'],
    ['id: x\nname: [unclosed\nurl: https://e.fi', 'invalid YAML at line'],
    // Blank is empty: a name of spaces was stored as "" (a source with no name in lists and digests), and an empty
    // nameSv, which may be left out, was said to be required.
    ['id: x\nname: "   "\nurl: https://e.fi\nkind: rss', 'field "name" is required'],
    ['id: x\nname: X\nnameSv: ""\nurl: https://e.fi\nkind: rss', 'field "nameSv" is empty: leave it out to use "name" in Swedish too'],
    ['id: x\nname: X\nnameSv: " "\nurl: https://e.fi\nkind: rss', 'field "nameSv" is empty: leave it out to use "name" in Swedish too'],
  ])('rejects %j with an error naming the field', (yaml, message) => {
    expect(() => parseSourceDef(yaml, 'f.yaml')).toThrow(message);
  });

  it('names the line of the field at fault, and a YAML mistake by line and column without the library\'s dangling colon', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'feeds-'));
    fs.mkdirSync(path.join(dir, 'sources'));
    const files: Record<string, string> = {
      'typo.yaml': '# A comment\nid: typo\nnmae: T\nurl: https://e.fi/rss\nkind: rss\n',
      'lang.yaml': 'id: lang\nname: L\nurl: https://e.fi/rss\nkind: rss\n\nlanguage: en\n',
      'option.yaml': 'id: opt\nname: O\nurl: https://e.fi/x\nkind: module\nmodule: finlex\noptions:\n  maxDocuments: 5\n  maxPage: 3\n',
      'indent.yaml': 'id: ind\nname: I\nurl: https://e.fi/rss\nkind: rss\nlanguage: fi\n  bad: indent\n',
      'missing.yaml': 'id: miss\nname: M\nkind: rss\n',
    };
    for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, 'sources', name), text);
    const byFile = Object.fromEntries(loadSources(dir).errors.map((e) => [path.basename(e.file), e.message]));
    expect(byFile).toEqual({
      'typo.yaml': 'line 3: unknown field "nmae"',
      'lang.yaml': 'line 6: field "language" must be "fi" or "sv"',
      'option.yaml': expect.stringMatching(/^line 8: field "options": unknown option "maxPage" for module finlex/),
      'indent.yaml': expect.stringMatching(/^invalid YAML at line \d+, column \d+: [^:]*[^:\s]$/),
      'missing.yaml': 'field "url" is required',
    });
  });

  // Anchors and aliases are YAML's own, and read; an alias the library will not resolve (one set later or never, or
  // a bomb of aliases of aliases) was named without a line, in a file that may be long.
  it.each([
    ['id: x\nname: *nosuch\nurl: https://e.fi\nkind: rss\n', /^invalid YAML at line 2 \(field "name"\): Unresolved alias \(the anchor must be set before the alias\): nosuch$/],
    ['id: x\nname: X\nurl: https://e.fi\nkind: rss\ntags: *later\norganisation: &later SM\n', /^invalid YAML at line 5 \(field "tags"\): Unresolved alias/],
    [`id: x\nname: X\nurl: https://e.fi\nkind: rss\ntags: &a ["x", "x", "x", "x", "x", "x", "x", "x", "x"]\n${
      ['b', 'c', 'd', 'e', 'f', 'g'].map((k, i) => `${k}: &${k} [${Array(9).fill(`*${'abcdef'[i]}`).join(', ')}]\n`).join('')}`,
    /^invalid YAML at line (7|8|9|10|11) \(field "[c-g]"\): Excessive alias count indicates a resource exhaustion attack$/],
  ])('names the line of an alias the YAML library refuses: %j', (text, message) => {
    expect(() => parseSourceDef(text, 'f.yaml')).toThrow(message);
  });

  it('names the field of an alias the library refuses without parsing the text again for each field', () => {
    // It parsed the text up to each field in turn: 1,000 fields took 18 s (quadratic), and a file may be long.
    const yamlLibrary = createRequire(import.meta.url)('yaml') as typeof import('yaml');
    const parse = vi.spyOn(yamlLibrary, 'parseDocument');
    try {
      const text = `id: x\n${Array.from({ length: 300 }, (_, i) => `f${i}: [v, w]\n`).join('')}last: *nosuch\n`;
      expect(() => parseSourceDef(text, 'f.yaml')).toThrow(/^invalid YAML at line 302 \(field "last"\): Unresolved alias/);
      expect(parse).toHaveBeenCalledTimes(1);
    } finally {
      parse.mockRestore();
    }
  });

  it('reads a definition written with an anchor and its alias', () => {
    const def = parseSourceDef('id: x\nname: &n Sisäministeriö\norganisation: *n\nurl: https://e.fi\nkind: rss\n', 'f.yaml');
    expect(def.organisation).toBe('Sisäministeriö');
  });

  it('reports a broken file by name and keeps the others', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'feeds-'));
    fs.mkdirSync(path.join(dir, 'sources'));
    fs.writeFileSync(path.join(dir, 'sources', 'good.yaml'), 'id: good\nname: G\nurl: https://e.fi/rss\nkind: rss\n');
    fs.writeFileSync(path.join(dir, 'sources', 'bad.yaml'), 'id: bad\nname: B\nkind: rss\n');
    fs.writeFileSync(path.join(dir, 'sources', 'dup.yaml'), 'id: good\nname: D\nurl: https://e.fi/2\nkind: rss\n');
    const { sources, errors } = loadSources(dir);
    expect(sources.map((s) => s.id)).toEqual(['good']);
    expect(errors).toEqual([
      { file: path.join(dir, 'sources', 'bad.yaml'), message: 'field "url" is required' },
      { file: path.join(dir, 'sources', 'good.yaml'), message: expect.stringContaining('already used') },
    ]);
  });

  it('refuses a definition written in Latin-1, naming the line and the byte, rather than storing U+FFFD in its name', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'feeds-'));
    fs.mkdirSync(path.join(dir, 'sources'));
    // Saved by an editor set to Latin-1: "Sisäministeriö" read as UTF-8 was stored and shown as "Sis\uFFFDministeri\uFFFD".
    fs.writeFileSync(path.join(dir, 'sources', 'sm.yaml'), Buffer.from('id: sm\nname: Sisäministeriö\nurl: https://e.fi/rss\nkind: rss\n', 'latin1'));
    fs.writeFileSync(path.join(dir, 'sources', 'ok.yaml'), 'id: ok\nname: Sisäministeriö\nurl: https://e.fi/rss\nkind: rss\n');
    const { sources, errors } = loadSources(dir);
    expect(sources.map((s) => [s.id, s.name])).toEqual([['ok', 'Sisäministeriö']]);
    expect(errors).toEqual([{ file: path.join(dir, 'sources', 'sm.yaml'), message: 'line 2: not UTF-8 (byte 0xe4 at byte 10 of the line); save the file as UTF-8 (iconv -f latin1 -t utf-8)' }]);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('names a folder called *.yaml as a folder, not with node\'s EISDIR', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'feeds-'));
    fs.mkdirSync(path.join(dir, 'sources', 'old.yaml'), { recursive: true });
    expect(loadSources(dir).errors).toEqual([{ file: path.join(dir, 'sources', 'old.yaml'), message: 'is a folder, not a source definition' }]);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('reads a file whose name is not UTF-8, and names it with its odd bytes as \\xNN', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'feeds-'));
    fs.mkdirSync(path.join(dir, 'sources'));
    // Latin-1 names, as a folder copied from an old system has them: "äiti.yaml", "öljy.yaml".
    const latin1 = (name: string) => Buffer.concat([Buffer.from(path.join(dir, 'sources') + path.sep), Buffer.from(name, 'latin1')]);
    fs.writeFileSync(latin1('äiti.yaml'), 'id: aiti\nname: Ä\nurl: https://e.fi/rss\nkind: rss\n');
    fs.writeFileSync(latin1('öljy.yaml'), 'id: oljy\nname: Ö\nurl: https://e.fi/rss\nkind: rss\nnmae: x\n');
    const { sources, errors } = loadSources(dir);
    expect(sources.map((s) => [s.id, s.file])).toEqual([['aiti', path.join(dir, 'sources', '\\xE4iti.yaml')]]);
    expect(errors).toEqual([{ file: path.join(dir, 'sources', '\\xF6ljy.yaml'), message: 'line 5: unknown field "nmae"' }]);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
