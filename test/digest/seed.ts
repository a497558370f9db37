// A small store as crawls leave it: a statement round joined with a bill into one matter, its deadline moved, relevant
// and irrelevant items of three goals, and a board entry; dated relative to `now` so the round is open.
import { contentHash } from '../../src/normalize/key.js';
import { openDb, saveBoardEntry, saveRun, syncSources, type Db } from '../../src/store/index.js';
import type { Identifier, ItemKind, SourceDef, TaggedItem } from '../../src/model.js';

export const sources = [
  { id: 'lausunto', name: 'Lausuntopalvelu', url: 'https://example.fi/l' },
  { id: 'eduskunta', name: 'Eduskunta', url: 'https://example.fi/e' },
  { id: 'sm', name: 'Sisäministeriö', url: 'https://example.fi/sm' },
] as SourceDef[];

interface Spec {
  source: string;
  key: string;
  title: string;
  kind?: ItemKind;
  goals?: string[];
  match?: string;
  deadline?: string | null;
  joint?: boolean;
  identifiers?: Identifier[];
  organisation?: string;
  language?: 'fi' | 'sv';
}

const day = (now: Date, d: number) => new Date(now.getTime() + d * 86_400_000).toISOString().slice(0, 10);

export function item(s: Spec, now: Date): TaggedItem {
  const goals = s.goals ?? [];
  const i: Omit<TaggedItem, 'hash'> = {
    sourceId: s.source, key: s.key, guid: s.key, url: `https://example.fi/${s.key}`, title: s.title, summary: '', contentHtml: '',
    published: now.toISOString(), updated: null, deadline: s.deadline ?? null, language: s.language ?? 'fi',
    organisation: s.organisation ?? 'Sisäministeriö', kind: s.kind ?? 'press-release', stage: null, identifiers: s.identifiers ?? [],
    consultation: null, searchTerms: s.title.toLowerCase(),
    tags: {
      relevant: goals.length > 0, goals: goals.map((goal, n) => ({ goal, score: 5 - n })), primary: goals[0] ?? null,
      scores: Object.fromEntries(goals.map((g) => [g, 5])),
      evidence: s.match ? [{ rule: 'term', term: s.match, field: 'title', match: s.match, goals: { [goals[0]]: 3 } }] : [],
      joint: s.joint ?? false, jointReason: s.joint ? 'lausuntokierros auki' : '', taxonomyVersion: 'seed',
    },
  };
  return { ...i, hash: contentHash(i) };
}

export function store(db: Db, source: string, items: TaggedItem[]): void {
  const at = new Date().toISOString();
  saveRun(db, { run: { sourceId: source, startedAt: at, finishedAt: at, status: 'ok', found: items.length, created: 0, updated: 0, error: null, notes: [] }, items, nextRunAt: null });
}

/** The statement request (its deadline `d` days from now). */
export const round = (now: Date, d: number) => item({
  source: 'lausunto', key: 'lp1', title: 'Lausuntopyyntö pelastuslain muuttamisesta', kind: 'statement-request', goals: ['services'],
  match: 'pelastuslain', deadline: day(now, d), joint: true, identifiers: [{ type: 'diary', value: 'VN/100/2026', role: 'self' }],
}, now);

/** Seed the store; returns it open. */
export function seedDigestDb(file: string, now = new Date()): Db {
  const db = openDb(file);
  syncSources(db, sources);
  store(db, 'lausunto', [round(now, 20)]);
  store(db, 'eduskunta', [item({
    source: 'eduskunta', key: 'he12', title: 'HE 12/2026 vp pelastuslain muuttamisesta', kind: 'bill', goals: ['services'], match: 'pelastuslain',
    organisation: 'Eduskunta', identifiers: [{ type: 'he', value: 'HE 12/2026 vp', role: 'self' }, { type: 'diary', value: 'VN/100/2026', role: 'about' }],
  }, now)]);
  store(db, 'sm', [
    item({ source: 'sm', key: 'sm1', title: 'Hyvinvointialueiden rahoitus tarkentuu', goals: ['welfare-reform'], match: 'hyvinvointialueiden' }, now),
    item({ source: 'sm', key: 'sm2', title: 'Sisäisen turvallisuuden selonteko valmistui', goals: ['internal-security'], match: 'sisäisen turvallisuuden' }, now),
    item({ source: 'sm', key: 'sm3', title: 'Ministeri vieraili messuilla' }, now),
  ]);
  // The round's deadline moves: a matter event.
  store(db, 'lausunto', [round(now, 27)]);
  saveBoardEntry(db, { itemId: 1, owner: 'Liisa Lakimies', internalDeadline: day(now, 20), status: 'drafting', responseUrl: null, by: 'test', now: now.toISOString() });
  return db;
}
