// A press release whose second copy arrives after its first went out in a digest is not sent again: the copy (another
// source's item, items.same_as) is new to the digest's range, the release is not, for a recipient who followed the first.
import { describe, expect, it } from 'vitest';
import { buildDigest, sliceData } from '../../src/digest/build.js';
import { listDigestItems, type DigestRange } from '../../src/store/digests.js';
import { openDb } from '../../src/store/index.js';
import type { Follows } from '../../src/store/subscriptions.js';

const period = { periodStart: '2026-11-30T06:00:00Z', periodEnd: '2026-12-07T06:00:00Z' };
const labels = { services: 'Pelastustoimi' };
const follows = (f: Partial<Follows>): Follows => ({ goals: [], sources: [], organisations: [], matters: [], search: null, ...f });

function store() {
  const db = openDb(':memory:');
  db.exec(`
    INSERT INTO sources (id, name, url, created_at) VALUES ('valtioneuvosto', 'V', 'https://example.fi', 'a'), ('stm', 'S', 'https://example.fi/s', 'a');
    INSERT INTO items (id, source_id, key, url, title, summary, language, kind, hash, first_seen_at, last_seen_at, changed_at, relevant, primary_goal) VALUES
      (1, 'valtioneuvosto', 'k1', 'https://valtioneuvosto.fi/-/1/a', 'Pelastuslaki', '', 'fi', 'press-release', 'h', '2026-11-25T08:00:00.000Z', 'a', 'a', 1, 'services'),
      (2, 'stm', 'k2', 'https://stm.fi/-/a', 'Pelastuslaki', '', 'fi', 'press-release', 'h', '2026-12-02T08:00:00.000Z', 'a', 'a', 1, 'services');
    UPDATE items SET same_as = 1 WHERE id = 2;
    INSERT INTO item_goals (item_id, goal, score, rank) VALUES (1, 'services', 2, 0), (2, 'services', 2, 0);
  `);
  return db;
}

// The last digest covered items up to 1 (built 30.11.); this one covers 2.
const range: DigestRange = { fromItemId: 1, toItemId: 2, fromEventId: 0, toEventId: 0, coveredAt: '2026-11-30T06:00:00.000Z', reachBack: '2026-11-01T00:00:00.000Z' };
const titles = (f?: Follows) => {
  const data = sliceData({ items: listDigestItems(store(), range), events: [], rounds: [] }, range);
  return buildDigest({ data, lang: 'fi', labels, ...period, follows: f }).groups.flatMap((g) => g.items.map((i) => i.title));
};

describe('digest: a release whose copy arrives after the first went out', () => {
  it('is not sent again to a recipient who followed its first item', () => {
    expect(titles()).toEqual([]);
    expect(titles(follows({ goals: ['services'] }))).toEqual([]);
    expect(titles(follows({ sources: ['valtioneuvosto', 'stm'] }))).toEqual([]);
  });

  it('is sent, once, to one who follows only the source of the copy', () => {
    expect(titles(follows({ sources: ['stm'] }))).toEqual(['Pelastuslaki']);
  });
});
