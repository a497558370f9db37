// Module options are declared by each module and checked when definitions load; `verified` marks unevidenced URLs.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSources, parseSourceDef } from '../../src/config/sources.js';
import { moduleNames, moduleOptions, sourceModule } from '../../src/sources/index.js';
import { loadDef } from './yaml-def.js';

const base = 'id: x\nname: X\nurl: https://e.fi/\n';
const withOptions = (module: string, options: string) =>
  `${base}${module === 'rss' ? 'kind: rss\n' : `kind: module\nmodule: ${module}\n`}options:\n${options}`;

describe('module options', () => {
  it('every module declares its options with a type and a description', () => {
    for (const name of moduleNames) {
      for (const [option, spec] of Object.entries(moduleOptions(name))) {
        expect(spec.description, `${name}.${option}`).toBeTruthy();
        expect(['string', 'integer', 'boolean', 'string-list', 'mapping', 'mapping-list']).toContain(spec.type);
      }
    }
    expect(Object.keys(moduleOptions('rss'))).toEqual(['dateFromTitle']);
  });

  it("a module's code, loaded when a source of its kind runs, reads the options that were checked", async () => {
    for (const name of moduleNames) expect((await sourceModule(name)).options, name).toBe(moduleOptions(name));
    await expect(sourceModule('toString')).rejects.toThrow('config: no source module "toString"');
    expect(() => moduleOptions('constructor')).toThrow('config: no source module "constructor"');
  });

  it.each([
    ['lausuntopalvelu', '  maxPage: 3\n', 'field "options": unknown option "maxPage" for module lausuntopalvelu (known: maxPages, maxDetailPages)'],
    ['rss', '  dateFormTitle: true\n', 'unknown option "dateFormTitle" for module rss (known: dateFromTitle)'],
    ['rss', '  dateFromTitle: yes please\n', 'option "dateFromTitle" must be true or false, not "yes please"'],
    ['lausuntopalvelu', '  maxPages: three\n', 'option "maxPages" must be a whole number ≥ 1, not "three"'],
    ['finlex', '  maxPages: 0\n', 'option "maxPages" must be a whole number ≥ 1, not 0'],
    ['eduskunta', '  maxResults: 500\n', 'option "maxResults" must be a whole number ≥ 1 and ≤ 100, not 500'],
    ['eduskunta', '  committees: HaV\n', 'option "committees" must be a list of strings, not "HaV"'],
    ['hankeikkuna', '  query: [1, 2]\n', 'option "query" must be a mapping, not [1,2]'],
    ['pelastustoimi', '  instance: ""\n', 'option "instance" must be a non-empty string, not ""'],
  ])('%s: %j is refused', (module, options, message) => {
    expect(() => parseSourceDef(withOptions(module, options), 'x.yaml')).toThrow(message);
  });

  it('names the file of a definition with a mistyped option and keeps loading the others', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'feeds-'));
    fs.mkdirSync(path.join(dir, 'sources'));
    fs.writeFileSync(path.join(dir, 'sources', 'good.yaml'), withOptions('rss', '  dateFromTitle: true\n').replace('id: x', 'id: good'));
    const bad = path.join(dir, 'sources', 'lp.yaml');
    fs.writeFileSync(bad, withOptions('lausuntopalvelu', '  maxPage: 3\n').replace('id: x', 'id: lp'));
    const { sources, errors } = loadSources(dir);
    expect(sources.map((s) => s.id)).toEqual(['good']);
    expect(errors).toEqual([{ file: bad, message: expect.stringContaining('unknown option "maxPage"') }]);
  });

  it('fills the declared defaults for options a definition leaves out', () => {
    const def = parseSourceDef(withOptions('finlex', '  maxDocuments: 5\n'), 'x.yaml');
    expect(def.options).toEqual({ maxDocuments: 5, maxPages: 20, firstRunDays: 14, overlapHours: 2 });
    expect(parseSourceDef(`${base}kind: rss\n`, 'x.yaml').options).toEqual({ dateFromTitle: false });
  });
});

describe('verified', () => {
  it('defaults to true and is false for the remembered intermin.fi feed', () => {
    expect(parseSourceDef(`${base}kind: rss\n`, 'x.yaml').verified).toBe(true);
    expect(loadDef('sisaministerio').verified).toBe(false);
    expect(loadDef('valtioneuvosto').verified).toBe(true);
  });

  it('must be true or false', () => {
    expect(() => parseSourceDef(`${base}kind: rss\nverified: maybe\n`, 'x.yaml')).toThrow('field "verified" must be true or false');
  });
});
