// The digest's store: what a digest is built from, and the draft functions the web pages will edit through.
import { describe, expect, it } from 'vitest';
import { approveDigest, currentHighWater, listDraftEntries, loadDigestData, openDigest, reorderEntries, setEntryRemoved, setIntro } from '../../src/store/digests.js';
import { advanceWatermark, getSubscription, insertSubscription } from '../../src/store/subscriptions.js';
import { ensureDraft, networkDigest } from '../../src/mail/deliver.js';
import { digestEnv } from '../../src/mail/env.js';
import { mailConfig } from '../../src/mail/config.js';
import { defaultFeedsDir } from '../../src/paths.js';
import { helsinkiDate } from '../../src/parse/dates.js';
import { seedDigestDb } from './seed.js';
import { renderDigest } from '../../src/mail/render.js';
import { draftEntries } from '../../src/digest/build.js';
import { editorGroups } from '../../src/web/routes/digest-draft.js';

describe('digest data from the store', () => {
  it('marks a Finnish statement request\'s title as Finnish in a Swedish network digest, as it marks new items', () => {
    const db = seedDigestDb(':memory:');
    const env = digestEnv({ db, tagStage: null, feedsDir: defaultFeedsDir }, mailConfig({}));
    const { digest } = networkDigest(env, undefined, 'sv', new Date());
    expect(digest.respond.map((r) => [r.title, r.titleLang])).toEqual([['Lausuntopyyntö pelastuslain muuttamisesta', 'fi']]);
    expect(networkDigest(env, undefined, 'fi', new Date()).digest.respond[0].titleLang).toBeUndefined();
    const html = renderDigest(digest, { baseUrl: 'https://l.example.fi', unsubscribeUrl: 'https://l.example.fi/u' }).html;
    expect(html).toMatch(/<a href="https:\/\/l\.example\.fi\/matters\/1"[^>]*><span lang="fi">Lausuntopyyntö pelastuslain muuttamisesta<\/span><\/a>/);
    db.close();
  });

  it('marks a Finnish matter title as Finnish among what moved in a Swedish digest, in the message and on the draft page', () => {
    const db = seedDigestDb(':memory:');
    const env = digestEnv({ db, tagStage: null, feedsDir: defaultFeedsDir }, mailConfig({}));
    const sv = networkDigest(env, undefined, 'sv', new Date()).digest;
    expect(sv.moved.length).toBeGreaterThan(0);
    expect(sv.moved.map((m) => m.titleLang)).toEqual(sv.moved.map(() => 'fi'));
    expect(networkDigest(env, undefined, 'fi', new Date()).digest.moved.map((m) => m.titleLang)).toEqual(sv.moved.map(() => undefined));
    const html = renderDigest(sv, { baseUrl: 'https://l.example.fi', unsubscribeUrl: 'https://l.example.fi/u' }).html;
    // The entry's link, the last one before its line of what changed.
    const before = html.slice(0, html.indexOf(sv.moved[0].text));
    expect(before.slice(before.lastIndexOf('<a href'))).toMatch(new RegExp(`^<a href="https://l\\.example\\.fi/matters/${sv.moved[0].matter}"[^>]*><span lang="fi">`));
    const rows = editorGroups(draftEntries(sv).map((e) => ({ ...e, removed: false })), [sv], {}, 'sv').flatMap((g) => g.rows);
    expect(rows.filter((r) => r.section === 'moved').map((r) => r.titleLang)).toEqual(sv.moved.map(() => 'fi'));
    db.close();
  });

  it('reads open rounds with the board\'s owner and status, stage and deadline moves, and new items with evidence', () => {
    const db = seedDigestDb(':memory:');
    const now = new Date();
    const high = currentHighWater(db);
    const data = loadDigestData(db, { fromItemId: 0, fromEventId: 0, toItemId: high.itemId, toEventId: high.eventId, coveredAt: '', reachBack: '2000-01-01' }, helsinkiDate(now));
    expect(data.rounds).toMatchObject([{ matter: 1, owner: 'Liisa Lakimies', status: 'drafting', goals: ['services'] }]);
    expect(data.events.map((e) => e.type)).toEqual(['stage', 'deadline']);
    expect(data.events[0].goals).toEqual(['services']);
    expect(data.items.map((i) => i.title)).toContain('Ministeri vieraili messuilla');
    expect(data.items.find((i) => i.id === 1)!.evidence).toMatchObject([{ rule: 'term', match: 'pelastuslain' }]);
    // Nothing above the high-water mark, nothing first seen before the cap.
    expect(loadDigestData(db, { fromItemId: high.itemId, fromEventId: high.eventId, toItemId: high.itemId, toEventId: high.eventId, coveredAt: now.toISOString(), reachBack: '2000-01-01' }, helsinkiDate(now)))
      .toMatchObject({ items: [], events: [] });
    expect(loadDigestData(db, { fromItemId: 0, fromEventId: 0, toItemId: high.itemId, toEventId: high.eventId, coveredAt: '', reachBack: '2999-01-01' }, helsinkiDate(now)).items).toEqual([]);
  });

  it('calls no item a joint-response candidate once its deadline has passed, nor lists its round as needing a response', () => {
    // Tagged a candidate while its round was open, dated a month ago: the deadline (moved to 27 days after) passed three days ago.
    const now = new Date();
    const db = seedDigestDb(':memory:', new Date(now.getTime() - 30 * 86_400_000));
    const env = digestEnv({ db, tagStage: null, feedsDir: defaultFeedsDir }, mailConfig({}));
    const { digest } = networkDigest(env, undefined, 'fi', now);
    expect(digest.respond).toEqual([]);
    const text = renderDigest(digest, { baseUrl: 'https://l.example.fi', unsubscribeUrl: 'https://l.example.fi/u' }).text;
    expect(text).toContain('Lausuntopyyntö pelastuslain muuttamisesta');
    expect(text).not.toContain('yhteisen lausunnon ehdokas');
    // An open round's item still says so.
    const open = networkDigest(digestEnv({ db: seedDigestDb(':memory:'), tagStage: null, feedsDir: defaultFeedsDir }, mailConfig({})), undefined, 'fi', now);
    expect(renderDigest(open.digest, { baseUrl: 'https://l.example.fi', unsubscribeUrl: 'https://l.example.fi/u' }).text).toContain('yhteisen lausunnon ehdokas');
    db.close();
  });

  it('keeps a watermark moving forward only', () => {
    const db = seedDigestDb(':memory:');
    const id = insertSubscription(db, { email: 'a@example.fi', kind: 'personal', goals: ['services'], createdBy: 't', now: '2026-01-01T00:00:00Z' });
    advanceWatermark(db, id, { itemId: 5, eventId: 3, at: '2026-02-01T00:00:00Z' });
    advanceWatermark(db, id, { itemId: 2, eventId: 1, at: '2026-01-15T00:00:00Z' });
    expect(getSubscription(db, id)!.covered).toEqual({ itemId: 5, eventId: 3, at: '2026-02-01T00:00:00Z' });
  });

  it('refuses a subscription that follows nothing, or a second network one for an address', () => {
    const db = seedDigestDb(':memory:');
    expect(() => insertSubscription(db, { email: 'a@example.fi', kind: 'personal', createdBy: 't', now: 'x' })).toThrow(/CHECK/);
    insertSubscription(db, { email: 'n@example.fi', kind: 'network', createdBy: 't', now: 'x' });
    expect(() => insertSubscription(db, { email: 'N@example.fi', kind: 'network', createdBy: 't', now: 'x' })).toThrow(/UNIQUE/);
  });
});

describe('the network draft', () => {
  it('is built once, edited (removed, reordered, introduced) and approved; only a draft can be edited', () => {
    const db = seedDigestDb(':memory:');
    const env = digestEnv({ db, tagStage: null, feedsDir: defaultFeedsDir }, mailConfig({}));
    const now = new Date();
    const draft = ensureDraft(env, now)!;
    expect(ensureDraft(env, now)!.id).toBe(draft.id);
    const entries = listDraftEntries(db, draft.id);
    expect(entries.filter((e) => e.section === 'new').map((e) => e.goal)).toEqual(['services', 'services', 'welfare-reform', 'internal-security']);
    expect(setEntryRemoved(db, draft.id, 'new', 'item:3', true)).toBe(true);
    expect(reorderEntries(db, draft.id, 'new', ['item:2'])).toBe(true);
    expect(setIntro(db, draft.id, 'Tällä viikolla pelastuslaki.')).toBe(true);
    const edited = networkDigest(env, openDigest(db), 'fi', now).digest;
    expect(edited.intro).toBe('Tällä viikolla pelastuslaki.');
    expect(edited.groups.flatMap((g) => g.items.map((i) => i.item))).toEqual([2, 1, 4]);
    expect(approveDigest(db, draft.id, 'sihteeri@example.fi', now.toISOString())).toBe(true);
    expect(setIntro(db, draft.id, 'myöhässä')).toBe(false);
    expect(setEntryRemoved(db, draft.id, 'new', 'item:3', false)).toBe(false);
    expect(openDigest(db)).toMatchObject({ status: 'approved', approvedBy: 'sihteeri@example.fi' });
  });
});
