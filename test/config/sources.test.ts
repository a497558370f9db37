import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
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
  ])('rejects %j with an error naming the field', (yaml, message) => {
    expect(() => parseSourceDef(yaml, 'f.yaml')).toThrow(message);
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
});
