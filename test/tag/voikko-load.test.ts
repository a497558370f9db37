// Opening Voikko loads koffi's native module only: koffi's own entry loads its installer's tools, and with them node's
// https, tls, zlib and crypto, at every start of a crawl's writer thread (see loadKoffi in src/tag/voikko.ts).
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { rootDir } from '../../src/paths.js';
import { voikkoForTests } from './voikko-gate.js';

/** Open Voikko in a fresh node (the built code) and report what it read and which of node's modules it loaded. */
function openInFreshNode(): { opened: boolean; readings: unknown; loaded: string[] } {
  const script = `
    const before = new Set(process.moduleLoadList);
    const { openVoikko } = await import(${JSON.stringify(path.join(rootDir, 'dist', 'src', 'tag', 'voikko.js'))});
    const v = openVoikko();
    const readings = v && v.analyze('paloasemalle');
    v?.terminate();
    console.log(JSON.stringify({ opened: v !== null, readings, loaded: process.moduleLoadList.filter((m) => !before.has(m)) }));`;
  return JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' })) as
    { opened: boolean; readings: unknown; loaded: string[] };
}

describe.skipIf(!voikkoForTests('loading Voikko without koffi\'s entry'))('loading Voikko', () => {
  it('opens and reads through koffi without loading node\'s https, tls, zlib or crypto', () => {
    const { opened, readings, loaded } = openInFreshNode();
    expect(opened).toBe(true);
    expect(readings).toEqual([{ baseform: 'paloasema', parts: ['palo', 'asema'], possessive: false }]);
    expect(loaded.filter((m) => /^NativeModule (https|tls|_tls_wrap|zlib|crypto)$/.test(m))).toEqual([]);
  });
});
