// A week as crawls leave it and a thousand subscribers: the rescue departments' and partners' people, each following
// goals, sources, organisations, matters or a search, immediately, daily or weekly, and some the network digest.
// Used by test/process/digest-many.test.ts and bench/digest-send.ts (`digest --send` run as a process).
import { contentHash } from '../../src/normalize/key.js';
import { openDb, saveRun, syncSources, type Db } from '../../src/store/index.js';
import { insertSubscription, type Frequency } from '../../src/store/subscriptions.js';
import type { SourceDef, TaggedItem } from '../../src/model.js';

const SOURCES = ['lausuntopalvelu', 'eduskunta', 'valtioneuvosto', 'pelastustoimi'];
const GOALS = ['services', 'welfare-reform', 'internal-security'];
const ORGS = ['Sisäministeriö', 'Sosiaali- ja terveysministeriö', 'Valtiovarainministeriö', 'Eduskunta', 'Pelastusopisto'];
const WORDS = ['pelastuslaitos', 'hyvinvointialue', 'valmiuslaki', 'sisäinen turvallisuus', 'rahoitus', 'ensihoito', 'varautuminen'];
// The 22 rescue departments' mail domains (as the network's members write them) and a few partners'.
const DOMAINS = ['pelastuslaitos.hel.fi', 'lup.fi', 'keusotepelastus.fi', 'vantaa-keravanpelastuslaitos.fi', 'kymenpelastus.fi',
  'etela-karjalanpelastuslaitos.fi', 'pelastuslaitos-ph.fi', 'kanta-hameenpelastus.fi', 'pirkanmaanpelastuslaitos.fi',
  'satapelastus.fi', 'varsinais-suomenpelastuslaitos.fi', 'etela-savonpelastuslaitos.fi', 'pohjois-savonpelastuslaitos.fi',
  'pohjois-karjalanpelastuslaitos.fi', 'keski-suomenpelastuslaitos.fi', 'etela-pohjanmaanpelastuslaitos.fi',
  'pohjanmaanpelastuslaitos.fi', 'kainuunpelastuslaitos.fi', 'oulu-koillismaanpelastuslaitos.fi',
  'jokilaaksojenpelastuslaitos.fi', 'lapinpelastuslaitos.fi', 'ahvenanmaa.ax', 'pelastustoimi.fi', 'intermin.fi'];

export interface SeedOptions {
  subscribers?: number;
  items?: number;
  /** Network digest recipients among the subscribers (the first ones). */
  network?: number;
}

export const seedSources = SOURCES.map((id) => ({ id, name: id, url: `https://example.fi/${id}` }) as SourceDef);

/** The address of subscriber n. */
export const subscriberAddress = (n: number) => `henkilo${n}@${DOMAINS[n % DOMAINS.length]}`;

/**
 * Seed `file` with a week of items (relevant to each goal, some in statement rounds and matters) first seen over the
 * past seven days, and the subscribers (none has had a digest yet); returns the database open.
 */
export function seedSubscribers(file: string, opts: SeedOptions = {}, now = new Date()): Db {
  const subscribers = opts.subscribers ?? 1_000;
  const items = opts.items ?? 2_000;
  const network = opts.network ?? 40;
  const db = openDb(file);
  syncSources(db, seedSources);
  const week = 7 * 86_400_000;
  const item = (source: string, n: number): TaggedItem => {
    const relevant = n % 5 < 2;
    const goal = GOALS[n % 3];
    const word = WORDS[n % WORDS.length];
    const matter = Math.floor(n / 10) % 60;
    const i: Omit<TaggedItem, 'hash'> = {
      sourceId: source, key: `k${n}`, guid: `g${n}`, url: `https://example.fi/${source}/${n}`,
      title: `${word} ${n}: hallituksen esitys ja lausuntopyyntö`, summary: `Asia VN/${matter}/2026 etenee.`, contentHtml: '',
      published: new Date(now.getTime() - week + (n / items) * (week - 60_000)).toISOString(), updated: null,
      deadline: n % 50 === 0 ? new Date(now.getTime() + ((n % 30) + 5) * 86_400_000).toISOString().slice(0, 10) : null,
      language: n % 9 === 0 ? 'sv' : 'fi', organisation: ORGS[n % ORGS.length],
      kind: n % 50 === 0 ? 'statement-request' : 'press-release', stage: null, consultation: null,
      identifiers: n % 5 ? [] : [{ type: 'diary', value: `VN/${matter}/2026`, role: n % 10 === 0 ? 'self' : 'about' }],
      searchTerms: `${word} hallitus`,
      tags: {
        relevant, goals: relevant ? [{ goal, score: 4 }] : [], primary: relevant ? goal : null, scores: { [goal]: relevant ? 4 : 0.5 },
        evidence: relevant ? [{ rule: 'term', term: word, field: 'title', match: word, goals: { [goal]: 3 } }] : [],
        joint: relevant && n % 50 === 0, jointReason: relevant && n % 50 === 0 ? 'lausuntokierros auki' : '', taxonomyVersion: 'seed',
      },
    };
    return { ...i, hash: contentHash(i) };
  };
  const at = now.toISOString();
  for (const [k, source] of SOURCES.entries()) {
    const batch = Array.from({ length: items }, (_, n) => n).filter((n) => n % SOURCES.length === k).map((n) => item(source, n));
    saveRun(db, { run: { sourceId: source, startedAt: at, finishedAt: at, status: 'ok', found: batch.length, created: 0, updated: 0, error: null, notes: [] }, items: batch, nextRunAt: null });
  }
  // Arrivals spread over the week, in the order they were numbered (as crawls leave them).
  const last = db.prepare('SELECT max(id) FROM items').pluck().get() as number;
  db.prepare(`UPDATE items SET first_seen_at = strftime('%Y-%m-%dT%H:%M:%fZ', ?, '+' || (id * 604000 / ?) || ' seconds')`).run(new Date(now.getTime() - week).toISOString(), last);
  const matters = db.prepare('SELECT id FROM matters ORDER BY id').pluck().all() as number[];
  const every: Frequency[] = ['immediately', 'daily', 'weekly'];
  for (let n = 0; n < subscribers; n++) {
    const email = subscriberAddress(n);
    if (n < network) insertSubscription(db, { email, kind: 'network', lang: n % 10 === 9 ? 'sv' : 'fi', createdBy: 'seed', now: at });
    else insertSubscription(db, {
      email, kind: 'personal', every: every[n % 3], lang: n % 10 === 9 ? 'sv' : 'fi', createdBy: 'seed', now: at,
      goals: n % 4 === 0 ? [] : [GOALS[n % 3]], sources: n % 4 === 0 ? [SOURCES[n % 4]] : [], organisations: n % 7 === 0 ? [ORGS[n % 5]] : [],
      matters: matters.length ? [matters[n % matters.length]] : [], search: n % 10 === 5 ? WORDS[n % WORDS.length] : null,
    });
  }
  return db;
}
