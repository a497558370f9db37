// `npm run bench:learning-process`: the learning test as people run it, every step a process. A labelled set is
// served as an RSS feed on 127.0.0.1 and crawled by `lakivahti crawl`; every second item is corrected with
// `lakivahti review` (the labels as a reviewer gives them), `lakivahti retag` runs, and the items nobody reviewed are
// scored from `lakivahti items --json` before and after. bench:tagging's cross-validation measures the same in
// process, fold by fold; this one checks that the CLI's path (the stored decisions, retag's learning) gives what it
// promises. Dev sets only (never a sealed one). Options: --set FILE (a file under test/fixtures/tag, repeatable).
import { execFile, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { parseArgs } from 'node:util';
import { evaluate, type LabelledItem, type Prediction, type Quality } from '../src/tag/evaluate.js';
import { fixturesDir, rootDir } from '../src/paths.js';
import { voikkoAvailable } from '../src/tag/analyze.js';
import { loadAverage } from './stats.js';
import { parseSet } from './labelled-sets.js';

const BIN = path.join(rootDir, 'bin', 'lakivahti.js');
const DEFAULT_SETS = ['eval-2027-07.jsonl', 'eval-2027-08.jsonl', 'eval-2027-09.jsonl'];
const { values: opts } = parseArgs({ options: { set: { type: 'string', multiple: true } } });
const sets = opts.set ?? DEFAULT_SETS;

const xml = (s: string | null | undefined): string => (s ?? '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function rss(items: LabelledItem[]): string {
  const start = Date.UTC(2026, 10, 1);
  return `<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel><title>eval</title><link>https://example.fi/</link><description>eval</description>\n${items
    .map((it, i) => `<item><guid isPermaLink="false">${xml(it.id)}</guid><title>${xml(it.title)}</title><link>https://example.fi/item/${encodeURIComponent(it.id)}</link>` +
      `<pubDate>${new Date(start + i * 3_600_000).toUTCString()}</pubDate><description>${xml(it.summary)}</description></item>`)
    .join('\n')}\n</channel></rss>\n`;
}

interface Stored extends Prediction {
  id: number;
  url: string;
}

async function runSet(file: string, analyzer: 'voikko' | 'snowball'): Promise<{ before: Quality; after: Quality; reviewed: number; changed: string }> {
  const items = parseSet(fs.readFileSync(path.join(fixturesDir, 'tag', file), 'utf8'));
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lakivahti-learning-'));
  const body = rss(items);
  const server = http.createServer((_req, res) => res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' }).end(body));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const feeds = path.join(dir, 'feeds');
  fs.mkdirSync(path.join(feeds, 'sources'), { recursive: true });
  fs.copyFileSync(path.join(rootDir, 'feeds', 'taxonomy.yaml'), path.join(feeds, 'taxonomy.yaml'));
  fs.writeFileSync(path.join(feeds, 'sources', 'eval.yaml'),
    `id: eval\nname: Labelled set\nurl: http://127.0.0.1:${(server.address() as AddressInfo).port}/feed.xml\nkind: rss\nschedule: "0 * * * *"\nlanguage: fi\n`);
  const env = { ...process.env, LAKIVAHTI_ALLOW_PRIVATE_NETWORKS: '1', ...(analyzer === 'snowball' ? { LAKIVAHTI_NO_VOIKKO: '1' } : {}) };
  const where = ['--db', path.join(dir, 'db.sqlite'), '--feeds', feeds];
  try {
    // The crawl runs while this process serves its feed, so it cannot be a synchronous child.
    await new Promise<void>((resolve, reject) =>
      execFile('node', [BIN, 'crawl', ...where], { env }, (err, _out, stderr) => (err ? reject(new Error(`crawl failed: ${stderr}`)) : resolve())));
    server.close();
    const cli = (...args: string[]): string => execFileSync('node', [BIN, ...args, ...where], { env, encoding: 'utf8', maxBuffer: 1 << 28 });
    const stored = (): Map<string, Stored> => new Map(cli('items', '--json', '--limit', '100000').split('\n').filter(Boolean)
      .map((line) => JSON.parse(line) as Stored).map((s) => [decodeURIComponent(s.url.split('/').pop()!), s]));
    const before = stored();
    const missing = items.filter((it) => !before.has(it.id));
    if (missing.length) throw new Error(`${file}: ${missing.length} items were not stored (first: ${missing[0].id})`);
    const reviewed = items.filter((_, i) => i % 2 === 0);
    for (const it of reviewed) {
      const id = String(before.get(it.id)!.id);
      if (!it.relevant) cli('review', id, '--reviewer', 'bench', '--not-relevant');
      else cli('review', id, '--reviewer', 'bench', '--goals', [it.primary!, ...(it.goals ?? []).filter((g) => g !== it.primary)].join(','));
    }
    const changed = cli('retag').trim().split('\n').pop() ?? '';
    const after = stored();
    const unreviewed = items.filter((_, i) => i % 2 === 1);
    return {
      before: evaluate(unreviewed, (it) => before.get(it.id)!), after: evaluate(unreviewed, (it) => after.get(it.id)!), reviewed: reviewed.length, changed,
    };
  } finally {
    server.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const pct = (x: number): string => `${(100 * x).toFixed(1)} %`;
const analyzers: ('voikko' | 'snowball')[] = voikkoAvailable() ? ['snowball', 'voikko'] : ['snowball'];
if (!voikkoAvailable()) console.log('Voikko is not installed: only Snowball is measured (apt-get install libvoikko1 voikko-fi for both).');
console.log(`learning as processes: crawl, review every second item, retag; the other half scored (load average ${loadAverage()})`);
for (const file of sets) {
  for (const analyzer of analyzers) {
    const t0 = Date.now();
    const { before, after, reviewed, changed } = await runSet(file, analyzer);
    console.log(`  ${file} ${analyzer}: ${reviewed} reviewed, ${before.n} not; F1 ${before.f1.toFixed(3)} → ${after.f1.toFixed(3)}, ` +
      `primary ${pct(before.primaryHit)} → ${pct(after.primaryHit)}, goal precision ${pct(before.goalPrecision)} → ${pct(after.goalPrecision)} ` +
      `(${((Date.now() - t0) / 1000).toFixed(0)} s; retag: ${changed})`);
  }
}
