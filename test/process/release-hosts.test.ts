// One ministry release in its two real link shapes (test/fixtures/release-links): valtioneuvosto's feed links it on
// valtioneuvosto.fi with the ministry's group number, the ministry's feed on its own host without. Crawled from two
// loopback feeds, the release is listed once, naming both sources, and shown once in the digest.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../helpers/process.js';
import { crawlReleaseFeeds, OTHER_LINK, type ReleaseFeeds } from '../helpers/release-feeds.js';

const SLUG = 'ensihoidon-kenttajohtamisen-asetusluonnos-lausunnoille';
const VN_LINK = `https://valtioneuvosto.fi/-/1271139/${SLUG}`;
const STM_LINK = `https://stm.fi/-/${SLUG}`;

let site: ReleaseFeeds;
let db: string;

beforeAll(async () => {
  site = await crawlReleaseFeeds('release-hosts-', VN_LINK, STM_LINK, true);
  ({ db } = site);
}, 180_000);

afterAll(() => site?.close());

interface ItemJson { id: number; source: string; url: string; sources?: string[]; sameAs?: number | null }

describe('one release linked on two government hosts', { timeout: 180_000 }, () => {
  it('items lists it once, as valtioneuvosto stored it, naming both sources', async () => {
    const out = await run(['items', '--json', '--db', db]);
    expect(out.code, out.err).toBe(0);
    const all = out.out.trim().split('\n').map((l) => JSON.parse(l) as ItemJson);
    expect(all.map((i) => [i.url, i.sources]).sort()).toEqual([
      [VN_LINK, ['valtioneuvosto', 'stm']],
      [OTHER_LINK, ['valtioneuvosto']],
    ]);
    const stm = await run(['items', '--json', '--source', 'stm', '--db', db]);
    const copy = JSON.parse(stm.out.trim()) as ItemJson;
    expect([copy.url, copy.sameAs]).toEqual([STM_LINK, all.find((i) => i.url === VN_LINK)!.id]);
  });
});
