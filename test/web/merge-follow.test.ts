// A reviewer merges matter B into matter A in the web: B is gone, so a subscription that followed B followed nothing
// (its digest said "ei mitään uutta" for good, and the subscriptions page still listed "asia B"). It follows A now.
import { describe, expect, it } from 'vitest';
import { openDb, type Db } from '../../src/store/index.js';
import { getSubscription, insertSubscription } from '../../src/store/subscriptions.js';
import { seedWorkbench } from '../browser/seed.js';
import { useSite, type Site } from './support.js';

let db: Db;
let site: Site;

useSite('reviewer', (s) => ({ db, site } = s), {
  open: () => {
    const db = openDb(':memory:');
    seedWorkbench(db);
    return db;
  },
});

describe('merging matters keeps their followers', () => {
  it('a subscription that followed the matter that is gone follows the merged one, once', async () => {
    const [a, b] = db.prepare('SELECT DISTINCT matter_id FROM items WHERE matter_id IS NOT NULL ORDER BY matter_id').pluck().all() as number[];
    expect(b).toBeDefined();
    const now = new Date().toISOString();
    const follow = (matters: number[]) => insertSubscription(db, { email: 'lukija@example.fi', kind: 'personal', matters, now, createdBy: 'test' });
    const onlyB = follow([b]);
    const both = follow([b, a]);
    const other = follow([a]);
    const merged = await site.browser.post(`/matters/${a}/merge`, { _csrf: await site.browser.token(), other: String(b) });
    expect(merged.res.status).toBe(303);
    expect(db.prepare('SELECT COUNT(*) FROM matters WHERE id = ?').pluck().get(b)).toBe(0);
    expect(getSubscription(db, onlyB)?.matters).toEqual([a]);
    expect(getSubscription(db, both)?.matters).toEqual([a]);
    expect(getSubscription(db, other)?.matters).toEqual([a]);
    // A link to the merged-away matter (an older digest's, a bookmark) leads to the matter it became, not to a 404.
    const old = await site.browser.get(`/matters/${b}`);
    expect(old.res.status).toBe(302);
    expect(old.res.headers.get('location')).toBe(`/matters/${a}`);
    // A number no merge took is still not found.
    expect((await site.browser.get(`/matters/${a + b + 1000}`)).res.status).toBe(404);
    // Typed into the subscription form (from an older digest), the merged-away number follows the matter it became,
    // and the page says so; it was refused as no matter.
    const typed = await site.browser.post('/subscriptions', { _csrf: await site.browser.token(), kind: 'personal', matters: String(b), every: 'weekly', lang: 'fi' });
    expect(typed.res.status).toBe(303);
    const made = db.prepare("SELECT id FROM subscriptions ORDER BY id DESC LIMIT 1").pluck().get() as number;
    expect(getSubscription(db, made)?.matters).toEqual([a]);
    expect((await site.browser.get('/subscriptions')).html).toContain(`Asia ${b} on yhdistetty asiaan ${a}, joten tilaus seuraa asiaa ${a}.`);
  });
});
