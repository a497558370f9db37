// Parse + normalize, byte for byte: every feed-like fixture (sources and hostile) and bench:peer's generated feed go
// through readFeed and normalizeItem, and the JSON must equal what the code gave when the golden file was written.
// A speed change in parse/ or normalize/ must not change one stored byte. Rewrite the file (only for an intended
// change of output, said in the commit) with UPDATE_GOLDEN=1 npx vitest run test/normalize/golden.test.ts.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { peerFeed } from '../../bench/feeds.js';
import type { SourceDef } from '../../src/model.js';
import { normalizeItem } from '../../src/normalize/index.js';
import { parseFeed } from '../../src/parse/feed.js';

const fixtures = new URL('../fixtures/', import.meta.url);
const goldenFile = new URL('golden/parse-normalize.json', fixtures);

const def = (id: string, url: string): SourceDef => ({
  id, name: id, url, kind: 'rss', module: 'rss', schedule: '*/30 * * * *', language: 'fi', tags: [],
  itemKind: 'news', mayBeEmpty: false, options: {}, file: `${id}.yaml`,
});

/** What parse and normalize make of one body: each item's Item or its error, and the notes; or the feed's error. */
async function run(body: string, name: string): Promise<unknown> {
  const d = def(name.replace(/\W+/g, '-'), `https://example.fi/feeds/${name}`);
  const notes: string[] = [];
  try {
    const raw = await parseFeed(body, d.url, (m) => notes.push(m));
    const items = raw.map((r) => {
      try {
        return normalizeItem(r, d, (m) => notes.push(m));
      } catch (error) {
        return { error: (error as Error).message };
      }
    });
    return { items, notes };
  } catch (error) {
    return { error: (error as Error).message, notes };
  }
}

/** The XML fixtures (feeds, feed-like and not) under sources/ and hostile/, by relative path. */
function fixtureBodies(): [string, string][] {
  const out: [string, string][] = [];
  for (const folder of ['sources', 'hostile']) {
    for (const file of readdirSync(new URL(folder, fixtures), { recursive: true, encoding: 'utf8' }).sort()) {
      if (!/\.(?:xml|html)$/.test(file)) continue;
      out.push([`${folder}/${file}`, readFileSync(new URL(`${folder}/${file}`, fixtures), 'utf8')]);
    }
  }
  return out;
}

describe('parse + normalize output is what the golden file holds', async () => {
  const got: Record<string, unknown> = {};
  for (const [name, body] of fixtureBodies()) got[name] = await run(body, name);
  got['bench:peer 20 items'] = await run(peerFeed(20, 'golden'), 'golden.xml');
  // The bench's 1,000-item feed (ten streamed batches) by its JSON's SHA-1: it only repeats the shape above.
  const big = JSON.stringify(await run(peerFeed(1000, 'big'), 'big.xml'));
  got['bench:peer 1,000 items (sha1 of the JSON)'] = createHash('sha1').update(big).digest('hex');
  if (process.env.UPDATE_GOLDEN === '1') writeFileSync(goldenFile, `${JSON.stringify(got, null, 1)}\n`);
  const golden = JSON.parse(readFileSync(goldenFile, 'utf8')) as Record<string, unknown>;

  it('covers the same inputs', () => expect(Object.keys(got)).toEqual(Object.keys(golden)));
  it.each(Object.keys(golden))('%s', (name) => expect(got[name]).toEqual(golden[name]));
});
