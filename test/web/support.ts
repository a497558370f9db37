// The read pages over a store seeded through the real pipeline stages (normalize → tag → store with linking),
// served by the real app with a signed-in account of the role a test asks for.
import { afterAll, beforeAll, vi } from 'vitest';
import { normalizeItem } from '../../src/normalize/index.js';
import { createTagStage, type TagStage } from '../../src/tag/stage.js';
import { taxonomyLabels } from '../../src/app/goal-labels.js';
import { defaultFeedsDir } from '../../src/paths.js';
import { addUser, Browser, serveWebApp } from '../helpers/web.js';
import type { WebDeps } from '../../src/web/deps.js';
import { findUser, insertReview, openDb, saveRun, syncSources, type Db } from '../../src/store/index.js';
import { addDays, helsinkiDate, helsinkiInstant } from '../../src/parse/dates.js';
import type { RawItem, SourceDef } from '../../src/model.js';
import { source } from '../link/support.js';

export const DAY = 86_400_000;
export const today = () => helsinkiDate(new Date());
/**
 * The Helsinki date `n` days from today, by the calendar: today plus n times 24 hours was a day off for the hour after
 * midnight across a clock change (the deadline 3 days ago read 4 on 28 March 2027 at 21.30 UTC).
 */
export const inDays = (n: number) => addDays(today(), n);
/** An instant `n` days ago. */
export const daysAgo = (n: number) => new Date(Date.now() - n * DAY).toISOString();
/** The first instant (ms) of a Helsinki day (YYYY-MM-DD). */
export const dayStarts = (day: string) => Date.parse(helsinkiInstant(...(day.split('-').map(Number) as [number, number, number]))!);

/**
 * Run `fn` with this process's clock (Date, which the pages served in-process read too) on `day` in Helsinki, the day
 * a store's days were counted from (Seeded.day): the time now while that is still the day, else the last hour of it.
 * A run that crossed midnight after seeding read "huomenna" for the seed's "2 pv jäljellä": the seed and the page
 * took two clocks. The clock stands still in `fn` (vi.setSystemTime moves it) and is real again after it.
 */
export async function onDay<T>(day: string, fn: () => Promise<T>): Promise<T> {
  vi.useFakeTimers({ toFake: ['Date'] });
  try {
    vi.setSystemTime(Math.min(Date.now(), dayStarts(addDays(day, 1)) - 3600_000));
    return await fn();
  } finally {
    vi.useRealTimers();
  }
}

const named = (def: SourceDef, name: string): SourceDef => ({ ...def, name });

export const WEB_SOURCES = {
  lausuntopalvelu: named(source('lausuntopalvelu', 'statement-request'), 'Lausuntopalvelu.fi'),
  hankeikkuna: named(source('hankeikkuna', 'project'), 'Hankeikkuna'),
  eduskunta: named(source('eduskunta', 'bill'), 'Eduskunta'),
  riksdagen: named(source('riksdagen', 'committee-report', 'sv'), 'Riksdagen'),
  stm: named(source('stm', 'press-release'), 'Sosiaali- ja terveysministeriö'),
  broken: { ...named(source('broken', 'news'), 'Rikkinäinen lähde'), verified: false },
};

export type WebSource = keyof typeof WEB_SOURCES;

let stage: TagStage | undefined;
/** The shipped taxonomy's tag stage (Voikko when installed, as a crawl would use). */
export const tagStage = () => (stage ??= createTagStage({ feedsDir: defaultFeedsDir }));

/** Save one raw item as a run of its source: normalized and tagged as a crawl does it (tagged at `taggedAt`). */
export function arriveTagged(db: Db, src: WebSource, raw: RawItem, taggedAt?: Date): number {
  const def = WEB_SOURCES[src];
  const item = normalizeItem(raw, def);
  const tagger = taggedAt ? createTagStage({ feedsDir: defaultFeedsDir, analyzer: tagStage().analyzer, now: () => taggedAt }) : tagStage();
  const tagged = tagger.tag(item);
  const now = new Date().toISOString();
  saveRun(db, {
    run: { sourceId: def.id, startedAt: now, finishedAt: now, status: 'ok', found: 1, created: 0, updated: 0, error: null, notes: [] },
    items: [tagged], nextRunAt: new Date(Date.now() + 30 * 60_000).toISOString(),
  });
  return db.prepare('SELECT id FROM items WHERE source_id = ? AND key = ?').pluck().get(def.id, tagged.key) as number;
}

/** Save raw items of one source as one run, normalized but untagged (a crawl without its tag stage). */
export function arriveUntagged(db: Db, src: WebSource, raws: RawItem[]): void {
  const def = WEB_SOURCES[src];
  const items = raws.map((raw) => ({ ...normalizeItem(raw, def), tags: null, searchTerms: '' }));
  const now = new Date().toISOString();
  saveRun(db, { run: { sourceId: def.id, startedAt: now, finishedAt: now, status: 'ok', found: items.length, created: 0, updated: 0, error: null, notes: [] },
    items, nextRunAt: null });
}

/**
 * A matter of `items` items from 2021-01-01 on: the bill (eduskunta), then `items - 1` releases about it (stm), two at
 * each instant an hour apart (so that a cursor's id breaks the tie). Returns the first instant (ms).
 */
export function arriveLargeMatter(db: Db, bill: string, items: number): number {
  const start = Date.UTC(2021, 0, 1);
  arriveUntagged(db, 'eduskunta', [{ guid: 'bill', title: `${bill} Hallituksen esitys pelastuslain muuttamisesta`, published: new Date(start).toISOString(), identifiers: [bill] }]);
  arriveUntagged(db, 'stm', Array.from({ length: items - 1 }, (_, j) => ({
    guid: `release-${j}`, url: `https://stm.fi/-/${j}`, title: `Tiedote ${j} esityksestä`, summary: 'Tiedote.',
    published: new Date(start + Math.floor(j / 2) * (DAY / 24)).toISOString(), about: [bill],
  })));
  return start;
}

/** Record a failed run of a source, as the pipeline does. */
export function failRun(db: Db, src: WebSource, error: string): void {
  const now = new Date().toISOString();
  saveRun(db, {
    run: { sourceId: WEB_SOURCES[src].id, startedAt: now, finishedAt: now, status: 'error', found: 0, created: 0, updated: 0, error, notes: [] },
    nextRunAt: null,
  });
}

/** The ids of the seeded items by name. */
export interface Seeded {
  request: number;
  project: number;
  bill: number;
  swedish: number;
  hostile: number;
  overdue: number;
  releases: number[];
  /** The Helsinki day the seed counted its deadlines from (the request's is two days after it). */
  day: string;
}

/** A store with a matter across three sources, a Swedish report, a hostile item, an overdue request and 60 releases. */
export function seedStore(db: Db): Seeded {
  syncSources(db, Object.values(WEB_SOURCES));
  const year = new Date().getFullYear();
  // Read once: a seed that crossed midnight counted one deadline from one day and the next from another.
  const day = today();
  const project = arriveTagged(db, 'hankeikkuna', {
    guid: 'SM061:00/2026', url: 'https://valtioneuvosto.fi/hanke?tunnus=SM061:00/2026', title: 'Pelastuslain uudistus',
    summary: 'Hankkeessa uudistetaan pelastuslaki ja pelastustoimen rahoitus.', published: daysAgo(40),
    identifiers: ['SM061:00/2026'], about: [`VN/31234/${year}`],
  });
  const request = arriveTagged(db, 'lausuntopalvelu', {
    guid: 'req-1', url: 'https://www.lausuntopalvelu.fi/FI/Proposal/Participation?proposalId=1',
    title: 'Lausuntopyyntö luonnoksesta hallituksen esitykseksi pelastuslain muuttamisesta',
    summary: 'Sisäministeriö pyytää lausuntoa pelastuslain muutoksista. Pelastuslaitosten rahoitus ja valvonta muuttuvat.',
    content: '<p>Pelastuslain muutos koskee <strong>pelastuslaitoksia</strong>.</p>',
    published: daysAgo(6), deadline: addDays(day, 2), organisation: 'Sisäministeriö', identifiers: [`VN/31234/${year}`],
    consultation: { distribution: ['Helsingin kaupungin pelastuslaitos', 'Keski-Uudenmaan pelastuslaitos', 'Suomen Kuntaliitto'], answered: ['Suomen Kuntaliitto'] },
  });
  const bill = arriveTagged(db, 'eduskunta', {
    guid: `he-184-${year}`, url: `https://www.eduskunta.fi/valtiopaivaasiat/HE+184/${year}`,
    title: `HE 184/${year} vp Hallituksen esitys eduskunnalle laiksi pelastuslain muuttamisesta`,
    summary: 'Esityksessä ehdotetaan muutettavaksi pelastuslakia.', published: daysAgo(2), stage: 'Valiokuntakäsittely',
    identifiers: [`HE 184/${year} vp`], about: [`VN/31234/${year}`],
  });
  const swedish = arriveTagged(db, 'riksdagen', {
    guid: 'fvub-1', url: 'https://www.riksdagen.fi/fvub-1', title: 'Förvaltningsutskottets betänkande om räddningslagen',
    summary: 'Utskottet föreslår ändringar i räddningslagen och finansieringen av räddningsverken.', published: daysAgo(3), language: 'sv',
  });
  const hostile = arriveTagged(db, 'stm', {
    guid: 'hostile', url: 'javascript:alert(1)', title: '<script>alert(1)</script> Pelastustoimen rahoitus onerror="alert(2)"',
    summary: '<img src=x onerror=alert(3)> Pelastustoimen rahoitus kasvaa.',
    content: '<p>Teksti <a href="javascript:alert(4)">linkki</a><img src="x" onerror="alert(5)"><script>alert(6)</script></p>',
    published: daysAgo(1), organisation: 'Sosiaali- ja terveysministeriö',
  });
  const overdue = arriveTagged(db, 'lausuntopalvelu', {
    guid: 'req-old', url: 'https://www.lausuntopalvelu.fi/FI/Proposal/Participation?proposalId=2',
    title: 'Lausuntopyyntö pelastustoimen valvontaa koskevasta asetuksesta',
    summary: 'Pyydetään lausuntoa pelastustoimen valvonnasta ja pelastuslaitosten palvelutasosta.', published: daysAgo(30),
    deadline: addDays(day, -3), organisation: 'Sisäministeriö',
  }, new Date(Date.now() - 20 * DAY));
  const releases: number[] = [];
  for (let n = 1; n <= 60; n++)
    releases.push(arriveTagged(db, 'stm', {
      guid: `stm-${n}`, url: `https://stm.fi/-/${n}`, title: `Tiedote ${n}: hyvinvointialueiden rahoitus`,
      summary: 'Hyvinvointialueiden rahoitusta tarkistetaan.', published: new Date(Date.now() - (10 + n) * DAY).toISOString(),
      organisation: 'Sosiaali- ja terveysministeriö',
    }));
  insertReview(db, { itemId: swedish, reviewer: 'maria@example.fi', relevant: true, goals: ['services'], rejected: [], note: 'Koskee pelastustointa.' });
  failRun(db, 'broken', 'fetch: could not find the host broken.example.fi (DNS lookup failed)');
  return { request, project, bill, swedish, hostile, overdue, releases, day };
}

/**
 * The taxonomy's labels, read from the feeds folder once per file: each reading parses and checks the whole taxonomy,
 * and webDeps took four, 2.5 s at load 15 (the review-form test's three servers spent 7 of their 20 s here).
 */
let labels: Pick<WebDeps, 'goalLabels' | 'goalLabelsSv' | 'scopeLabels'> | undefined;
const shippedLabels = () => {
  if (labels) return labels;
  const { goals, scopes } = taxonomyLabels({ tagStage: null, feedsDir: defaultFeedsDir });
  return (labels = { goalLabels: goals.fi, goalLabelsSv: goals.sv, scopeLabels: scopes });
};

/** The web dependencies over a store (every test source, the shipped taxonomy's goal labels). */
export function webDeps(db: Db, extra: Partial<WebDeps> = {}): WebDeps {
  return { db, sources: Object.values(WEB_SOURCES), configErrors: [], ...shippedLabels(), ...extra };
}

export type Role = 'admin' | 'reviewer' | 'reader';

/** The signed-in cookie jar of each served site, by base URL, so `get` sends the session of the site it asks. */
const jars = new Map<string, Browser>();

/**
 * Serve the whole app (createWebApp: headers, sign-in gate, actions, pages) on loopback, signed in as a `role`
 * account (made here when missing), or as an anonymous visitor without a role; returns the base URL and a closer.
 */
export async function servePages(deps: WebDeps, role?: Role): Promise<{ base: string; browser: Browser; close(): Promise<void> }> {
  const { base, close } = await serveWebApp(deps);
  const browser = new Browser(base);
  if (role) {
    const email = `${role}@example.fi`;
    if (!findUser(deps.db, email)) await addUser(deps.db, email, role);
    const res = await browser.signIn(email);
    if (res.status !== 303) throw new Error(`signing in as ${email} failed: ${res.status}`);
    jars.set(base, browser);
  }
  return {
    base, browser,
    close: () => {
      jars.delete(base);
      return close();
    },
  };
}

export type Site = Awaited<ReturnType<typeof servePages>>;

/** A store and the app serving it, signed in. */
export interface ServedStore {
  db: Db;
  site: Site;
}

/** A seeded store and the app serving it, signed in. */
export interface SeededSite extends ServedStore {
  seeded: Seeded;
}

/**
 * The set-up page tests share: the store `open` makes (an empty one in memory unless given), served with `deps` (or
 * those made from the store) signed in as `role`; opened before the tests of the file (or of the describe block it is
 * called in) and closed after them. `ready` receives it once it is up.
 */
export function useSite(
  role: Role, ready: (s: ServedStore) => unknown, opts: { open?: () => Db; deps?: Partial<WebDeps> | ((db: Db) => Partial<WebDeps>) } = {},
): void {
  let s: ServedStore | undefined;
  beforeAll(async () => {
    const db = opts.open?.() ?? openDb(':memory:');
    s = { db, site: await servePages(webDeps(db, typeof opts.deps === 'function' ? opts.deps(db) : opts.deps), role) };
    await ready(s);
  }, 60_000);
  afterAll(async () => {
    await s?.site.close();
    s?.db.close();
  });
}

/** useSite over an in-memory store seeded by seedStore (then `prepare`). */
export function useSeededSite(
  role: Role, ready: (s: SeededSite) => unknown, opts: { deps?: Partial<WebDeps>; prepare?: (db: Db, seeded: Seeded) => void } = {},
): void {
  let seeded: Seeded;
  const open = () => {
    const db = openDb(':memory:');
    seeded = seedStore(db);
    opts.prepare?.(db, seeded);
    return db;
  };
  useSite(role, (s) => ready({ ...s, seeded }), { open, deps: opts.deps });
}

/** GET a page (with the session of the site it belongs to, if signed in): status, content type and body. */
export async function get(url: string): Promise<{ status: number; type: string; body: string }> {
  const jar = [...jars.values()].find((b) => url.startsWith(`${b.base}/`));
  const res = await fetch(url, { headers: jar ? { cookie: jar.cookie } : {}, redirect: 'manual' });
  return { status: res.status, type: res.headers.get('content-type') ?? '', body: await res.text() };
}

export { openDb };
