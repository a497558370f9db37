// The search words (migration 019) hold every word the full-text index holds, through every way text is stored, and
// a search that reads its prefixes through them finds exactly what the prefixes find.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { migrate, openDb, saveRun, searchHits, syncSources, type Db } from '../../src/store/index.js';
import { saveTagsMany } from '../../src/store/tags.js';
import { expandPrefixes, FTS_ITEM_ID, MAX_PREFIX_WORDS } from '../../src/store/search-words.js';
import { createSnowballAnalyzer } from '../../src/tag/analyze.js';
import { indexTerms, searchQuery } from '../../src/tag/index-terms.js';
import { contentHash } from '../../src/normalize/key.js';
import { fixturesDir } from '../../src/paths.js';
import type { SourceDef, TaggedItem } from '../../src/model.js';

const analyzer = createSnowballAnalyzer();

/** Every recorded snapshot and hostile input, as stored text (markup and all: more kinds of token than any item). */
function fixtureTexts(): string[] {
  const files = (dir: string): string[] => fs.readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : [path.join(dir, e.name)]));
  return ['sources', 'hostile', 'search'].flatMap((d) => files(path.join(fixturesDir, d))).sort()
    .map((f) => fs.readFileSync(f, 'utf8'));
}

/** Text FTS5's tokenizer might cut differently from ours: digits, slashes, hyphens, diacritics, Swedish, emoji, other scripts. */
const HOSTILE = [
  'VN/123/2024 HE 12/2025 vp 1.1.2026 §12 3 a §:n 2–4 mom.', 'sosiaali- ja terveysministeriö, pelastus-laki, e-lasku',
  'Åland Ålands landskapsregering lagarna välfärdsområdena ÄÄNI ÖLJY Øresund', 'naïve café RÉSUMÉ Straße ǅemal İstanbul ﬁnance',
  'hätä🚒keskus 🎉 x🎉y 👩‍🚒 palo\u200dkunta pelastus\u00adlaki a\u0301b', 'ＦＵＬＬＷＩＤＴＨ Ωμέγα ΣΊΣΥΦΟΣ кириллица עברית 中文字 ١٢٣ ½ ²',
  '"lainaus" *tähti* (sulut) [hakas] {aalto} <tag> &amp; a_b a.b a:b a\'b', 'x\ty\nz\r\nw', '', '0 00 007 2026-12-03T10:00:00Z',
];

const def = { id: 's', name: 'S', url: 'https://example.fi/feed' } as SourceDef;

function item(n: number, text: string, version = 0): TaggedItem {
  const title = text.slice(0, 200);
  const i: Omit<TaggedItem, 'hash'> = {
    sourceId: 's', key: `guid:${n}`, guid: String(n), url: `https://example.fi/${n}`, title: version ? `${title} muutettu ${version}` : title,
    summary: text, contentHtml: '', published: new Date(Date.UTC(2026, 0, 1) + n * 60_000).toISOString(), updated: null, deadline: null,
    language: 'fi', organisation: null, kind: 'news', stage: null, identifiers: [], consultation: null, tags: null,
    searchTerms: indexTerms(text.slice(0, 5000), 'fi', analyzer),
  };
  return { ...i, hash: contentHash(i) };
}

const save = (db: Db, items: TaggedItem[]) => saveRun(db, {
  run: { sourceId: 's', startedAt: '2026-01-01T00:00:00Z', finishedAt: '2026-01-01T00:00:01Z', status: 'ok', found: items.length, created: 0,
    updated: 0, error: null, notes: [] },
  items, nextRunAt: null,
});

/** The index's words (FTS5's own vocabulary) that the search words lack. */
function missing(db: Db): string[] {
  db.exec('CREATE VIRTUAL TABLE IF NOT EXISTS temp.index_words USING fts5vocab (main, items_fts, row)');
  return db.prepare('SELECT term FROM temp.index_words EXCEPT SELECT word FROM search_words').pluck().all() as string[];
}

const indexWords = (db: Db) => db.prepare('SELECT count(*) FROM temp.index_words').pluck().get() as number;

describe('search words', () => {
  let db: Db;
  const texts = [...fixtureTexts(), ...HOSTILE];
  /** The index's words missing from the search words after each way of storing text. */
  const gaps: Record<string, string[]> = {};
  beforeAll(() => {
    db = openDb(':memory:');
    syncSources(db, [def]);
    // Two runs (two batches), then every other item changed (the update trigger), then a retag with new search terms.
    save(db, texts.slice(0, 20).map((t, n) => item(n, t)));
    save(db, texts.slice(20).map((t, n) => item(n + 20, t)));
    gaps.saved = missing(db);
    save(db, texts.map((t, n) => item(n, n % 2 ? `${t} lisätty${n} ÖVRIGTXQ-${n}` : t, n % 2)));
    gaps.changed = missing(db);
    const ids = db.prepare('SELECT id FROM items ORDER BY id').pluck().all() as number[];
    saveTagsMany(db, ids.map((id) => ({ id, tags: null, searchTerms: `uudelleen${id} hakusana-${id % 7} väli/${id}` })), '2026-01-02T00:00:00Z');
    gaps.retagged = missing(db);
  });

  it('hold every word the index holds: recorded snapshots, hostile text, changed text, retagged search terms', () => {
    expect(gaps).toEqual({ saved: [], changed: [], retagged: [] });
    expect(indexWords(db)).toBeGreaterThan(3000);
    for (const word of ['lisätty1', 'övrigtxq', 'uudelleen1', 'hakusana', 'straße', 'åland', '中文字'])
      expect(db.prepare('SELECT count(*) FROM search_words WHERE word = ?').pluck().get(word), word).toBe(1);
  });

  it('come to an existing database from its index (migration 019)', () => {
    const old = openDb(':memory:');
    syncSources(old, [def]);
    save(old, texts.map((t, n) => item(n, t)));
    old.exec(`DROP TRIGGER search_words_update; DROP TABLE search_words_found; DROP TABLE search_words_scratch; DROP TABLE search_words;
      DELETE FROM schema_migrations WHERE version = 19`);
    expect(migrate(old)).toEqual(['019-search-words.sql']);
    expect(missing(old)).toEqual([]);
    expect(indexWords(old)).toBeGreaterThan(3000);
  });

  it('make searches that find exactly what their prefixes find', () => {
    const words = db.prepare("SELECT word FROM search_words WHERE length(word) >= 5 AND word GLOB '[a-zäöå]*'").pluck().all() as string[];
    const queries = new Set<string>();
    for (const w of words) {
      for (const n of [5, 6, 8, w.length]) queries.add(`"${w.slice(0, n)}"*`);
      queries.add(searchQuery(w, analyzer)!);
    }
    for (const t of HOSTILE) for (const w of t.split(/\s+/)) if (searchQuery(w, analyzer)) queries.add(searchQuery(w, analyzer)!);
    const find = db.prepare(`SELECT ${FTS_ITEM_ID} FROM items_fts WHERE items_fts MATCH ? ORDER BY rowid`).pluck();
    let expanded = 0;
    for (const q of queries) {
      const other = expandPrefixes(db, q);
      if (other !== q) expanded++;
      expect(find.all(other), `${q} → ${other}`).toEqual(find.all(q));
      // What the items page asks for: its newest matches, through the store's search.
      expect(JSON.parse(searchHits(db, q, 1000).hits)).toEqual(find.all(q).slice(0, 1000));
    }
    expect(queries.size).toBeGreaterThan(2000);
    expect(expanded).toBeGreaterThan(queries.size / 2);
    // Over 2,000 queries, each run three ways: 24-26 s on a host at load 12 (the default 20 s is too tight there).
  }, 90_000);

  it('leave as they are a prefix with too many words, one no word begins with, and one FTS5 would read otherwise', () => {
    const many = db.prepare("SELECT substr(word, 1, 1) AS p FROM search_words WHERE word GLOB '[a-z]*' GROUP BY p HAVING count(*) > ? LIMIT 1")
      .pluck().get(MAX_PREFIX_WORDS) as string;
    expect(expandPrefixes(db, `("${many}"*)`)).toBe(`("${many}"*)`);
    expect(expandPrefixes(db, '("eiolemassaolevasana"*)')).toBe('("eiolemassaolevasana"*)');
    expect(expandPrefixes(db, '("pelastus-la"*)')).toBe('("pelastus-la"*)');
    expect(expandPrefixes(db, '("İstan"*)')).toBe('("İstan"*)');
    expect(expandPrefixes(db, '("ǅema"*)')).toBe('("ǅema"*)');
    expect(expandPrefixes(db, '("lisätty1" OR "lisätty1"*) AND ("övrigtx"*)')).toMatch(/^\("lisätty1" OR \("lisätty1"( OR "lisätty1\d+")+\)\) AND \(\("övrigtxq"\)\)$/);
  });

  it('leave out an alternative after the first of an OR that is one token and no stored word, and only such a one', () => {
    const w = db.prepare("SELECT word FROM search_words WHERE word GLOB '[a-z]*' AND length(word) >= 6 LIMIT 1").pluck().get() as string;
    expect(expandPrefixes(db, `("${w}" OR "${w}zq" OR "${w}") AND ("${w}" OR "eiolemassaoleva")`)).toBe(`("${w}" OR "${w}") AND ("${w}")`);
    // The first is what was typed; a phrase (two tokens) or a prefix is for FTS5 to read.
    expect(expandPrefixes(db, `("eiolemassaoleva" OR "${w}")`)).toBe(`("eiolemassaoleva" OR "${w}")`);
    expect(expandPrefixes(db, `("${w}" OR "sote-eiole" OR "İstanbulzq")`)).toBe(`("${w}" OR "sote-eiole" OR "İstanbulzq")`);
    expect(expandPrefixes(db, `("${w}" OR "eiolemassaoleva"*)`)).toBe(`("${w}" OR "eiolemassaoleva"*)`);
  });
});
