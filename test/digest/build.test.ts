import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyDraft, buildDigest, candidateItems, draftEntries, indexItems, sliceData, whyLine } from '../../src/digest/build.js';
import { periodAfter, widest } from '../../src/digest/range.js';
import { renderDigest } from '../../src/mail/render.js';
import type { Follows } from '../../src/store/subscriptions.js';
import { data, labels } from './fixture.js';

const period = { periodStart: '2026-11-23T06:00:00Z', periodEnd: '2026-11-30T06:00:00Z' };
const follows = (f: Partial<Follows>): Follows => ({ goals: [], sources: [], organisations: [], matters: [], search: null, ...f });
const GOLDEN = path.join(import.meta.dirname, 'golden');

/** Compare with a golden file; LAKIVAHTI_UPDATE_GOLDEN=1 rewrites it instead (and the diff is reviewed by a person). */
function golden(name: string, actual: string): void {
  const file = path.join(GOLDEN, name);
  if (process.env.LAKIVAHTI_UPDATE_GOLDEN === '1') fs.writeFileSync(file, actual);
  expect(actual).toBe(fs.readFileSync(file, 'utf8'));
}

describe('the network digest', () => {
  const d = buildDigest({ data, lang: 'fi', labels: labels.fi, ...period });

  it('lists the open rounds by deadline, what moved in relevant matters, and relevant new items by goal', () => {
    expect(d.respond.map((r) => [r.ref, r.owner, r.status])).toEqual([['matter:7', 'Liisa Lakimies', 'drafting'], ['item:12', null, null]]);
    expect(d.moved.map((m) => m.text)).toEqual([
      'Vaihe eteni: lausuntokierros → hallituksen esitys', 'Lausuntojen määräaika muuttui: 8.12.2026 → 15.12.2026',
    ]);
    expect(d.groups.map((g) => [g.label, g.items.map((i) => i.item)])).toEqual([
      ['Pelastustoimi ja sen rahoitus', [101]], ['Sote-uudistus', [102]], ['Sisäinen turvallisuus', [103]],
    ]);
    expect(d.empty).toBe(false);
  });

  it('says why each item matters: goals, the words that matched (not penalties), a joint-response deadline', () => {
    expect(d.groups[0].items[0].why).toBe('Tavoitteet: Pelastustoimi ja sen rahoitus; osumat: pelastuslaitosten; yhteisen lausunnon ehdokas, määräaika 15.12.2026');
    expect(whyLine({ goals: ['services'], evidence: [], joint: false, deadline: null }, labels.sv, 'sv')).toBe('Mål: Räddningsväsendet och dess finansiering');
  });

  it('renders the golden HTML and text (Finnish)', () => {
    const mail = renderDigest(d, { baseUrl: 'https://lakivahti.example.fi/', unsubscribeUrl: 'https://lakivahti.example.fi/unsubscribe/1.abc' });
    expect(mail.subject).toBe('Lakivahti: verkoston viikkokatsaus 23.11.2026–30.11.2026');
    golden('network-fi.html', mail.html);
    golden('network-fi.txt', mail.text);
    // Outlook reads inline styles, not a <style> block (the one left is a phone's media query, which Outlook need not
    // read); titles are escaped; links lead to the web view.
    expect(mail.html.replace(/<style>\s*@media screen and \(max-width: 480px\) \{[^{}]*(?:\{[^{}]*\}[^{}]*)*\}\s*<\/style>/, '')).not.toMatch(/<style/);
    expect(mail.html).toContain('style="');
    expect(mail.html).toContain('pelastuslain muuttamisesta &lt;b&gt;');
    expect(mail.html).toContain('href="https://lakivahti.example.fi/matters/7"');
    expect(mail.html).toContain('href="https://lakivahti.example.fi/items/103"');
    expect(mail.text).toContain('pelastuslain muuttamisesta <b>');
  });

  it("marks a title in the other language with its lang (screen readers read it in that language)", () => {
    const mixed = { ...data, items: [...data.items, { ...data.items[2], id: 105, title: 'Räddningsverkens beredskap stärks', language: 'sv' }] };
    const fi = renderDigest(buildDigest({ data: mixed, lang: 'fi', labels: labels.fi, ...period }), { baseUrl: 'https://l.example.fi', unsubscribeUrl: 'https://l.example.fi/u' });
    expect(fi.html).toMatch(/<a href="https:\/\/l\.example\.fi\/items\/105"[^>]*><span lang="sv">Räddningsverkens beredskap stärks<\/span><\/a>/);
    expect(fi.html).toMatch(/<a href="https:\/\/l\.example\.fi\/items\/103"[^>]*>Sisäisen turvallisuuden selonteko<\/a>/);
    const sv = renderDigest(buildDigest({ data: mixed, lang: 'sv', labels: labels.sv, ...period }), { baseUrl: 'https://l.example.fi', unsubscribeUrl: 'https://l.example.fi/u' });
    expect(sv.html).toMatch(/<a href="https:\/\/l\.example\.fi\/items\/103"[^>]*><span lang="fi">Sisäisen turvallisuuden selonteko<\/span><\/a>/);
    expect(sv.html).toMatch(/<a href="https:\/\/l\.example\.fi\/items\/105"[^>]*>Räddningsverkens beredskap stärks<\/a>/);
  });

  it('renders Swedish for Swedish recipients', () => {
    const sv = renderDigest(buildDigest({ data, lang: 'sv', labels: labels.sv, ...period }), { baseUrl: 'https://l.example.fi', unsubscribeUrl: 'https://l.example.fi/u' });
    expect(sv.subject).toBe('Lakivahti: nätverkets veckosammandrag 23.11.2026–30.11.2026');
    golden('network-sv.txt', sv.text);
    expect(sv.html).toContain('lang="sv"');
    expect(sv.text).toContain('Remisstiden ändrades: 8.12.2026 → 15.12.2026');
  });

  it('still renders, saying there is nothing new, from no data', () => {
    const empty = buildDigest({ data: { items: [], events: [], rounds: [] }, lang: 'fi', labels: labels.fi, ...period });
    expect(empty.empty).toBe(true);
    const mail = renderDigest(empty, { baseUrl: 'https://l.example.fi', unsubscribeUrl: 'https://l.example.fi/u' });
    expect(mail.text).toContain('Ei mitään uutta tältä ajalta.');
    expect(mail.text).toContain('Ei avoimia lausuntokierroksia');
  });
});

describe('a personal digest', () => {
  const build = (f: Partial<Follows>, searchHits?: Set<number>) => buildDigest({ data, lang: 'fi', labels: labels.fi, ...period, follows: follows(f), searchHits });
  const ids = (d: ReturnType<typeof build>) => d.groups.flatMap((g) => g.items.map((i) => i.item));

  it.each([
    [{ goals: ['welfare-reform'] }, [102], [], []],
    [{ goals: ['services'] }, [101, 102], ['matter:7'], [31, 32]],
    [{ sources: ['stm'] }, [102], [], []],
    [{ organisations: ['Oikeusministeriö'] }, [], ['item:12'], []],
    [{ matters: [7] }, [101], ['matter:7'], [31, 32]],
  ] as const)('%j gets items %j, rounds %j, events %j', (f, items, rounds, events) => {
    const d = build(f as unknown as Partial<Follows>);
    expect(ids(d).sort()).toEqual([...items]);
    expect(d.respond.map((r) => r.ref)).toEqual([...rounds]);
    expect(d.moved.map((m) => Number(m.ref.slice(6)))).toEqual([...events]);
  });

  it('follows an organisation however a source writes its name (sisäministeriö, Sisäministeriö), also through the index', () => {
    // Sources differ in letter case: valtioneuvosto.fi's feed says "sisäministeriö", lausuntopalvelu "Sisäministeriö".
    const lower = { ...data, items: data.items.map((i) => (i.id === 101 ? { ...i, organisation: 'sisäministeriö' } : i)) };
    const f = follows({ organisations: [' SISÄMINISTERIÖ'] });
    const built = buildDigest({ data: lower, lang: 'fi', labels: labels.fi, ...period, follows: f });
    expect(ids(built)).toContain(101);
    expect(built.respond.map((r) => r.ref)).toContain('matter:7');
    const candidates = candidateItems(lower.items, indexItems(lower.items), f);
    expect(candidates.map((i) => i.id)).toEqual(ids(built).sort((a, b) => a - b));
  });

  it('follows an organisation an item names among others ("Pelastusopisto, sisäministeriö"), also through the index', () => {
    // One source names two organisations in one string; a follower of either gets the item, and of the whole string too.
    const joint = {
      ...data,
      items: data.items.map((i) => (i.id === 101 ? { ...i, organisation: 'Pelastusopisto, sisäministeriö' } : i.id === 102 ? { ...i, organisation: 'Pelastusopistoa' } : i)),
      rounds: data.rounds.map((r) => (r.item === 12 ? { ...r, organisation: 'Oikeusministeriö; Sisäministeriö' } : r)),
    };
    for (const name of ['Sisäministeriö', 'pelastusopisto', 'Pelastusopisto, Sisäministeriö']) {
      const f = follows({ organisations: [name] });
      const built = buildDigest({ data: joint, lang: 'fi', labels: labels.fi, ...period, follows: f });
      expect(ids(built), name).toContain(101);
      // A name only begins another one: not the same organisation.
      expect(ids(built), name).not.toContain(102);
      const candidates = candidateItems(joint.items, indexItems(joint.items), f);
      expect(candidates.map((i) => i.id), name).toEqual(ids(built).sort((a, b) => a - b));
    }
    const ministry = buildDigest({ data: joint, lang: 'fi', labels: labels.fi, ...period, follows: follows({ organisations: ['sisäministeriö'] }) });
    expect(ministry.respond.map((r) => r.ref)).toContain('item:12');
  });

  it('follows a saved search through the hits the store found, even an item no goal names', () => {
    expect(ids(build({ search: 'messut' }, new Set([104])))).toEqual([104]);
    expect(build({ search: 'messut' }, new Set([104])).groups[0].label).toBe('Muut seuraamasi');
  });

  it('is the same built from the indexed candidates as from every loaded item', () => {
    const index = indexItems(data.items);
    const cases: [Partial<Follows>, Set<number>?][] = [
      [{ goals: ['welfare-reform'] }], [{ goals: ['services'] }], [{ sources: ['stm'] }], [{ organisations: ['Oikeusministeriö'] }],
      [{ matters: [7] }], [{ search: 'messut' }, new Set([104, 999])], [{ goals: ['internal-security'], sources: ['sm'], matters: [9] }], [{}],
    ];
    for (const [f, hits] of cases) {
      const items = candidateItems(data.items, index, follows(f), hits);
      expect(items.map((i) => i.id)).toEqual([...items.map((i) => i.id)].sort((a, b) => a - b));
      const indexed = buildDigest({ data: { ...data, items }, lang: 'fi', labels: labels.fi, ...period, follows: follows(f), searchHits: hits });
      expect(indexed).toEqual(build(f, hits));
    }
    expect(candidateItems(data.items, index, follows({ sources: ['stm'] })).map((i) => i.id)).toEqual([102]);
  });
});

describe('drafts and periods', () => {
  const d = buildDigest({ data, lang: 'fi', labels: labels.fi, ...period });

  it('keeps the draft\'s order, drops removed entries and adds the introduction', () => {
    const entries = draftEntries(d).map((e) => ({ ...e, removed: e.ref === 'item:102' || e.ref === 'event:31' }));
    const respond = entries.filter((e) => e.section === 'respond');
    respond[0].position = 5;
    const edited = applyDraft(d, entries, 'Hyvää viikkoa!');
    expect(edited.respond.map((r) => r.ref)).toEqual(['item:12', 'matter:7']);
    expect(edited.moved.map((m) => m.ref)).toEqual(['event:32']);
    expect(edited.groups.map((g) => g.items.map((i) => i.item))).toEqual([[101], [103]]);
    expect(renderDigest(edited, { baseUrl: 'https://l.example.fi', unsubscribeUrl: 'https://l.example.fi/u' }).text).toContain('Hyvää viikkoa!');
  });

  it('leaves out what a draft did not hold', () => {
    const edited = applyDraft(d, draftEntries(d).filter((e) => e.ref !== 'item:12').map((e) => ({ ...e, removed: false })), null);
    expect(edited.respond.map((r) => r.ref)).toEqual(['matter:7']);
  });

  it('reaches back at most the cap, and otherwise starts at the watermark', () => {
    const now = new Date('2026-11-30T06:00:00Z');
    const first = periodAfter(null, { itemId: 500, eventId: 40 }, now, 14);
    expect(first).toMatchObject({ fromItemId: 0, toItemId: 500, periodStart: '2026-11-16T06:00:00.000Z', reachBack: '2026-11-16T06:00:00.000Z' });
    const later = periodAfter({ itemId: 400, eventId: 30, at: '2026-11-23T06:00:00.000Z' }, { itemId: 500, eventId: 40 }, now, 14);
    expect(later).toMatchObject({ fromItemId: 400, fromEventId: 30, periodStart: '2026-11-23T06:00:00.000Z' });
    const late = periodAfter({ itemId: 1, eventId: 1, at: '2026-01-01T00:00:00.000Z' }, { itemId: 500, eventId: 40 }, now, 14);
    expect(late.periodStart).toBe('2026-11-16T06:00:00.000Z');
    expect(widest([later, first])).toMatchObject({ fromItemId: 0, fromEventId: 0, periodStart: '2026-11-16T06:00:00.000Z' });
  });

  it('slices one load for many subscribers: above the watermark, or stored after its time, and within the cap', () => {
    const s = sliceData(data, { fromItemId: 102, fromEventId: 31, coveredAt: '2026-11-25T12:00:00Z', reachBack: '2026-11-01T00:00:00Z' });
    expect(s.items.map((i) => i.id)).toEqual([103, 104]);
    expect(s.events.map((e) => e.id)).toEqual([32, 33]);
    // An event whose number was reused after the watermark still counts by its time.
    const reused = sliceData(data, { fromItemId: 999, fromEventId: 999, coveredAt: '2026-11-25T12:00:00Z', reachBack: '2026-11-01T00:00:00Z' });
    expect(reused.events.map((e) => e.id)).toEqual([32, 33]);
    expect(sliceData(data, { fromItemId: 0, fromEventId: 0, coveredAt: '', reachBack: '2026-12-01T00:00:00Z' }).items).toEqual([]);
  });
});

describe('a long week', () => {
  it('shows at most 25 new items per goal, newest first, and links to the rest in the web view', () => {
    const many = Array.from({ length: 30 }, (_, n) => ({ ...data.items[0], id: 200 + n, title: `Uutinen ${n}`, joint: false }));
    const d = buildDigest({ data: { ...data, items: many }, lang: 'fi', labels: labels.fi, ...period });
    expect(d.groups).toHaveLength(1);
    expect(d.groups[0].items).toHaveLength(25);
    expect(d.groups[0].items[0].item).toBe(229);
    expect(d.groups[0].more).toBe(5);
    const mail = renderDigest(d, { baseUrl: 'https://l.example.fi', unsubscribeUrl: 'https://l.example.fi/u' });
    expect(mail.text).toContain('+ 5 muuta – kaikki Lakivahdissa: https://l.example.fi/items?goal=services');
    // Handlebars writes = as &#x3D; in attributes, which every HTML reader decodes.
    expect(mail.html).toMatch(/href="https:\/\/l\.example\.fi\/items\?goal(=|&#x3D;)services"/);
  });

  it('orders new items by their date, newest first, as the web lists them (a source numbers its items newest first)', () => {
    // Stored in the order a feed lists them: the newest gets the lowest number. One item has no date: when it was first seen.
    const dated = ['2026-11-27T09:00:00Z', '2026-11-20T09:00:00Z', null, '2026-11-24T09:00:00Z', '2026-11-19T09:00:00Z'];
    const items = dated.map((published, n) => ({ ...data.items[0], id: 300 + n, title: `Uutinen ${n}`, joint: false, published, firstSeenAt: '2026-11-25T06:00:00Z' }));
    const d = buildDigest({ data: { ...data, items }, lang: 'fi', labels: labels.fi, ...period });
    expect(d.groups[0].items.map((i) => i.item)).toEqual([300, 302, 303, 301, 304]);
    // The draft the digest page edits keeps that order, and the message sent from it shows it.
    expect(draftEntries(d).filter((e) => e.section === 'new').map((e) => e.ref)).toEqual(['item:300', 'item:302', 'item:303', 'item:301', 'item:304']);
    const mail = renderDigest(d, { baseUrl: 'https://l.example.fi', unsubscribeUrl: 'https://l.example.fi/u' });
    expect([...mail.text.matchAll(/Uutinen (\d)/g)].map((m) => m[1])).toEqual(['0', '2', '3', '1', '4']);
    // A capped group keeps the newest by date, not the highest numbers.
    const many = Array.from({ length: 26 }, (_, n) => ({ ...items[0], id: 400 + n, published: `2026-11-${String(27 - n).padStart(2, '0')}T09:00:00Z` }));
    const capped = buildDigest({ data: { ...data, items: many }, lang: 'fi', labels: labels.fi, ...period });
    expect(capped.groups[0].items[0].item).toBe(400);
    expect(capped.groups[0].items.map((i) => i.item)).not.toContain(425);
  });

  it('one more item is "1 muu" in Finnish, "1 till" in Swedish', () => {
    const many = Array.from({ length: 26 }, (_, n) => ({ ...data.items[0], id: 200 + n, title: `Uutinen ${n}`, joint: false }));
    for (const [lang, words] of [['fi', '+ 1 muu – kaikki Lakivahdissa: '], ['sv', '+ 1 till – alla i Lakivahti: ']] as const) {
      const d = buildDigest({ data: { ...data, items: many }, lang, labels: labels[lang], ...period });
      expect(d.groups[0].more).toBe(1);
      const mail = renderDigest(d, { baseUrl: 'https://l.example.fi', unsubscribeUrl: 'https://l.example.fi/u' });
      expect(mail.text).toContain(words);
      expect(mail.html).toContain(`+ 1 ${words.slice(4, -2)}</a>`);
    }
  });
});
