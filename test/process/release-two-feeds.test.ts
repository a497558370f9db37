// One ministry release reached through two feeds: the ministry's own (stm) and valtioneuvosto's, in the same language with
// the same link. The store keeps an item per source (items_by_key is per source and key); a reviewer and the digest saw
// the release twice, a review of one copy left the other unreviewed, and learning counted the release twice.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { Database } from '../../src/store/db.js';
import { listLatestReviews } from '../../src/store/reviews.js';
import { run } from '../helpers/process.js';
import { crawlReleaseFeeds, OTHER_LINK, RELEASE_TITLE as TITLE, type ReleaseFeeds } from '../helpers/release-feeds.js';

const LINK = 'https://valtioneuvosto.fi/-/1410877/ensihoidon-kenttajohtamisen-asetusluonnos-lausunnoille';

let site: ReleaseFeeds;
let dir: string;
let db: string;

beforeAll(async () => {
  // Both feeds link the release alike, so no article store is needed to join them.
  site = await crawlReleaseFeeds('release-two-feeds-', LINK, LINK, false);
  ({ dir, db } = site);
  const added = await run(['subscriptions', 'add', 'a@example.fi', '--source', 'stm', '--source', 'valtioneuvosto', '--every', 'daily', '--db', db, '--feeds', site.feeds]);
  expect(added.code, added.err).toBe(0);
}, 180_000);

afterAll(() => site?.close());

interface ItemJson { id: number; source: string; url: string; sources?: string[]; sameAs?: number | null }
const listed = async (...args: string[]): Promise<ItemJson[]> => {
  const out = await run(['items', '--json', '--db', db, ...args]);
  expect(out.code, out.err).toBe(0);
  return out.out.trim().split('\n').filter(Boolean).map((l) => JSON.parse(l) as ItemJson);
};

describe('one release reached through two feeds', { timeout: 180_000 }, () => {
  it('items lists the release once, naming both sources', async () => {
    const all = await listed();
    expect(all.map((i) => i.url).sort()).toEqual([OTHER_LINK, LINK]);
    const one = all.find((i) => i.url === LINK)!;
    expect(one.source).toBe('valtioneuvosto');
    expect(one.sources).toEqual(['valtioneuvosto', 'stm']);
    // Asked for by the source that stored it second, the release is still there, once.
    const stm = await listed('--source', 'stm');
    expect(stm.map((i) => [i.url, i.sameAs, i.sources])).toEqual([[LINK, one.id, ['valtioneuvosto', 'stm']]]);
  });

  it('the digest shows the release once', async () => {
    const out = path.join(dir, 'preview');
    const preview = await run(['digest', '--preview', '--out', out, '--db', db]);
    expect(preview.code, preview.err).toBe(0);
    const text = fs.readFileSync(path.join(out, fs.readdirSync(out).find((f) => f.endsWith('.txt'))!), 'utf8');
    expect(text.split(TITLE).length - 1).toBe(1);
    expect(text).toContain('Valtioneuvosto – tiedotteet, Sosiaali- ja terveysministeriö – tiedotteet');
  });

  it('a review of either copy counts for both, and learning counts the release once', async () => {
    const byUrl = (await run(['items', '--json', '--source', 'stm', '--db', db])).out;
    const stmCopy = JSON.parse(byUrl.trim().split('\n')[0]!) as ItemJson;
    const reviewed = await run(['review', String(stmCopy.id), '--reviewer', 'Liisa', '--not-relevant', '--db', db]);
    expect(reviewed.code, reviewed.err).toBe(0);
    const conn = new Database(db);
    try {
      const copies = conn.prepare('SELECT id, latest_review_id FROM items WHERE url = ? ORDER BY id').all(LINK) as { id: number; latest_review_id: number | null }[];
      expect(copies).toHaveLength(2);
      expect(copies.every((c) => c.latest_review_id !== null)).toBe(true);
      expect(listLatestReviews(conn).filter((r) => r.title === TITLE)).toHaveLength(1);
    } finally {
      conn.close();
    }
  });
});
