// The item saver's add stays optimised when the items' goal lists and identifier lists come as arrays of another kind
// than those it was optimised for (an empty list, a list built by filter or sort): V8 threw away the whole of add and
// compiled it again whenever code inlined into it (the goal writer's forEach, linkSignature's filter/map/sort) met such
// an array, some 0.1-0.4 s of compiling a cold crawl of 200 feeds. Run as a process with V8's tracing, on the build.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { rootDir } from '../../src/paths.js';

const dist = (file: string) => pathToFileURL(path.join(rootDir, 'dist', 'src', file)).href;

/** Optimise add on items of one kind, then give it items whose lists are arrays of other kinds. */
const script = `
import { openDb } from '${dist('store/db.js')}';
import { syncSources } from '${dist('store/sources.js')}';
import { createItemSaver } from '${dist('store/item-saver.js')}';
import { insertRun } from '${dist('store/run-row.js')}';
import { toStore } from '${dist('store/tags.js')}';
const db = openDb(':memory:');
syncSources(db, [{ id: 's', name: 's', url: 'https://s.example.fi/', kind: 'rss', schedule: '*/30 * * * *', language: 'fi',
  tags: [], itemKind: 'news', mayBeEmpty: true, options: {}, file: 's.yaml' }]);
db.exec('BEGIN');
const saver = createItemSaver(db, 's', insertRun(db, 's', new Date().toISOString()));
let n = 0;
const item = (goals, identifiers) => {
  n++;
  return toStore({ sourceId: 's', key: 'k' + n, guid: 'g' + n, url: 'https://s.example.fi/' + n, title: 'Otsikko ' + n,
    summary: 'Tiivistelmä', contentHtml: '', published: '2026-12-01T08:00:00.000Z', updated: null, deadline: null,
    language: 'fi', organisation: null, kind: 'news', stage: null, identifiers, consultation: null, hash: 'h' + n,
    tags: { relevant: goals.length > 0, goals, primary: goals[0]?.goal ?? null, scores: {}, evidence: [], joint: false,
      jointReason: '', taxonomyVersion: 't' }, searchTerms: 'otsikko' });
};
const goals = () => [{ goal: 'services', score: 2.5 }, { goal: 'welfare-reform', score: 1.25 }];
const ids = () => [{ type: 'diary', value: 'VN/' + n + '/2026', role: 'mention' }, { type: 'he', value: 'HE ' + n + '/2026 vp', role: 'mention' }];
const batch = (make) => Array.from({ length: 20 }, make);
%PrepareFunctionForOptimization(saver.add);
for (let i = 0; i < 5; i++) saver.add(batch(() => item(goals(), ids())), new Date().toISOString());
%OptimizeFunctionOnNextCall(saver.add);
saver.add(batch(() => item(goals(), ids())), new Date().toISOString());
console.log('optimised');
// An irrelevant item (no goals), a list filtered or sorted, an item stating no identifiers.
saver.add(batch(() => item([], ids())), new Date().toISOString());
saver.add(batch(() => item(goals().filter((g) => g.score > 2), ids())), new Date().toISOString());
saver.add(batch(() => item(goals().sort((a, b) => b.score - a.score), ids().filter((i) => i.type === 'he'))), new Date().toISOString());
saver.add(batch(() => item(goals(), [])), new Date().toISOString());
db.exec('COMMIT');
console.log('goals', db.prepare('SELECT count(*) FROM item_goals').pluck().get());
`;

describe("the item saver's add", () => {
  it('is not deoptimised by lists of another array kind', () => {
    const out = spawnSync(process.execPath, ['--allow-natives-syntax', '--trace-deopt-verbose', '--input-type=module', '-e', script],
      { encoding: 'utf8', cwd: rootDir });
    expect(out.stderr).toBe('');
    expect(out.stdout).toContain('optimised');
    // 8 batches of 20 items with two goals, one with one goal, one with none.
    expect(out.stdout).toContain(`goals ${(8 * 2 + 1) * 20}`);
    // Where add was deoptimised: in its own code or in code inlined into it (toStore, run by the script, may be).
    const inAdd = out.stdout.split('\n').filter((l) => /deoptimize at .*\/dist\/src\/store\/item-saver\.js/.test(l));
    expect(inAdd).toEqual([]);
  });
});
