// The items table's write side: insert new items, update changed ones (keeping versions and change events).
import { insertRows, prepared, type Db } from './db.js';
import type { Consultation } from '../model.js';
import { goalRows, putTagValues, TAG_ASSIGNMENTS, TAG_COLUMNS, type ItemToStore } from './tags.js';
import { diffItem, type Tracked } from './changes.js';
import type { ItemVersion } from './items.js';
import { createLinker } from './matters.js';
import { ftsKey, searchWordsWriter } from './search-words.js';

/** What saving one run's items did. */
export interface SaveOutcome {
  created: number[];
  updated: number[];
  duplicates: number;
}

/** The stored fields of an item that a new version is compared with and kept as (consultation still JSON). */
type StoredRow = Omit<ItemVersion, 'consultation' | 'replacedAt'> & { id: number; consultation: string | null };

const parseConsultation = (json: string | null): Consultation | null => (json ? (JSON.parse(json) as Consultation) : null);

// Positional binding: named parameters cost more than the insert itself on large runs (see bench/).
const FIELD_COLUMNS = [
  'guid', 'url', 'title', 'summary', 'content_html', 'published', 'updated', 'deadline', 'language', 'organisation',
  'kind', 'stage', 'consultation', 'hash', 'in_force', 'published_given', 'stage_days', 'release_key',
];

/**
 * How far after the moment it is stored an item's date may lie and still be believed: a feed's clock some hours
 * ahead, a notice dated tomorrow. A later date (a wrong clock, 2062 for 2026) would keep the item at the top of every
 * newest-first list for ever: such an item is listed by when it was first seen, its date kept as the source gave it.
 */
const FUTURE_MARGIN_MS = 24 * 3600_000;

/** Where the insert's values (source, key, FIELD_COLUMNS from 2, …) put the seen times and run, and the verdict. */
const AT_SEEN = 2 + FIELD_COLUMNS.length;
const AT_TAGS = AT_SEEN + 4;
const INSERT_VALUES = AT_TAGS + TAG_COLUMNS.length + 2;

/**
 * An item's stored fields in FIELD_COLUMNS order, written into `out` from `at`; `published` is what to store (see
 * FUTURE_MARGIN_MS), and the item's own date is kept as given when that differs.
 */
function putFieldValues(out: unknown[], at: number, i: ItemToStore, hash: string, published: string | null): void {
  out[at] = i.guid;
  out[at + 1] = i.url;
  out[at + 2] = i.title;
  out[at + 3] = i.summary;
  out[at + 4] = i.contentHtml;
  out[at + 5] = published;
  out[at + 6] = i.updated;
  out[at + 7] = i.deadline;
  out[at + 8] = i.language;
  out[at + 9] = i.organisation;
  out[at + 10] = i.kind;
  out[at + 11] = i.stage;
  out[at + 12] = i.consultation ? JSON.stringify(i.consultation) : null;
  out[at + 13] = hash;
  out[at + 14] = i.inForce;
  out[at + 15] = published === i.published ? null : i.published;
  out[at + 16] = i.stageDays;
  out[at + 17] = i.releaseKey;
}

/** An item's identifier rows (JSON, see ItemToStore) added to `out` as item id, type, value and role (a mention when none). */
function identifierValues(itemId: number, rows: string, out: unknown[]): void {
  const ids = JSON.parse(rows) as { type: string; value: string; role?: string | null }[];
  for (let k = 0; k < ids.length; k++) out.push(itemId, ids[k].type, ids[k].value, ids[k].role ?? 'mention');
}

/** The join keys a signature (see linkSignature) holds, distinct and sorted: joinKeys of the identifiers it was made of. */
const signatureKeys = (signature: string): string[] => [...new Set(signature.split('\n').map((l) => l.slice(l.indexOf(' ') + 1)))].sort();

/**
 * New items a saver enters into the full-text index at a time (see createItemSaver), rather than each batch's. An
 * item's full-text key counts its id down (see ftsKey), so each batch's keys were below the last batch's, and FTS5
 * wrote each batch (25 items) as a segment of its own: a 10,000-item feed made 400, merged again and again, and copied
 * its search words 400 times. Bounded, so that the last part, entered after the last batch, is short.
 */
const TEXT_ITEMS = 1000;

/** Saves one run's items as they arrive, inside the caller's transaction. */
export interface ItemSaver {
  /** Insert new items, update changed ones; duplicates within the run are dropped. */
  add(items: ItemToStore[], now: string): void;
  /** Derive again the matters the run's items joined, changed or left (call once, before the run commits). */
  flush(now: string): void;
  readonly outcome: SaveOutcome;
}

/** Enters new items into the full-text index and the scratch index of its words (ids: a JSON array). */
export function textIndexer(db: Db): (ids: string) => void {
  // Filled from the stored text, which its deletes repeat, under each item's key by day and id, newest first
  // (migration 023), in the order of those keys: FTS5 keeps what it is given in memory only while each row's key is
  // greater than the last one's, and writes it out as a segment of its own whenever one is not. The keys count the ids
  // down, so in id order every item of a day was a segment of its own (4,000 for 200 feeds of 20 items), merged again
  // and again.
  const indexText = prepared(db, `INSERT INTO items_fts (rowid, title, summary, search_terms)
    SELECT ${ftsKey('sort_key', 'id')} AS key, title, summary, search_terms FROM items WHERE id IN (SELECT value FROM json_each(?))
    ORDER BY key`);
  const searchWords = searchWordsWriter(db);
  return (ids) => {
    indexText.run(ids);
    searchWords.add(ids);
  };
}

/** The first stored item of another source that is the same press release as `items` (see ItemRow.sameAs), or NULL. */
const FIRST_COPY = `(SELECT min(o.id) FROM items o
    WHERE o.release_key = items.release_key AND o.language = items.language AND o.kind = 'press-release'
      AND o.source_id <> items.source_id AND o.id < items.id)`;

/**
 * The first stored item of each of these new press releases that another source stored as the same release (the same
 * release_key, see normalize/release-key.ts) in the same language (see ItemRow.sameAs; the argument a JSON array of
 * item ids): one statement a batch of new items, by the partial index of press releases by key. Here, not in items.ts:
 * a crawl that stores nothing loads no reader.
 */
export const MARK_COPIES_SQL = `UPDATE items SET same_as = ${FIRST_COPY}
  WHERE id IN (SELECT value FROM json_each(?)) AND +kind = 'press-release' AND release_key IS NOT NULL`;

/**
 * The same, once these stored items have changed (the argument three times): a changed link may make an item another
 * release's copy or no copy, and the items that were its copies, or that share its new key, are marked again too.
 * Read from the changed items by id (`+kind`: not the index by kind, a walk through every press release) and by the
 * same_as and release indexes.
 */
export const REMARK_COPIES_SQL = `UPDATE items SET same_as = ${FIRST_COPY}
  WHERE +kind = 'press-release' AND id IN (SELECT value FROM json_each(?)
    UNION SELECT c.id FROM items c WHERE c.same_as IN (SELECT value FROM json_each(?))
    UNION SELECT o.id FROM json_each(?) j CROSS JOIN items u CROSS JOIN items o
      WHERE u.id = j.value AND +u.kind = 'press-release' AND o.release_key = u.release_key AND o.language = u.language
        AND o.kind = 'press-release')`;

/**
 * Prepare to save a run's items in one or more batches (statements are prepared once, stored keys read a batch at a time). `textLater`: the
 * caller enters the run's new items (SaveOutcome.created) into the full-text index with textIndexer and copies their
 * search words (see searchWordsWriter) before its transaction commits, and before a later run of the same source
 * updates them; else the saver does both, every TEXT_ITEMS new items and at flush(). A writer that commits several
 * whole runs at once (see commitGroup in writer-worker.ts) so enters the new items of them all with one statement:
 * FTS5 writes what it was given as a new segment at every savepoint, and each run is one, so a crawl of 200 new feeds
 * wrote 200 small segments, which FTS5 then merged again and again.
 */
export function createItemSaver(db: Db, sourceId: string, runId: number, textLater = false): ItemSaver {
  // The stored key, hash and link keys of a batch's items, one query a batch by the (source_id, key) index; the full
  // old row is read only for items that changed. Every key the source held was read before the first batch, inside the
  // writer's transaction: on a source of 100,000 items that held the write lock 3.5 s at load 20, past the 5 s busy
  // timeout of a `review` or `retag` beside the crawl once they waited for it too, and longer as a source grew.
  const storedRows = prepared(db, `SELECT key, id, hash, link_keys AS linkKeys FROM items
    WHERE source_id = ? AND key IN (SELECT value FROM json_each(?))`);
  const oldRow = prepared(db, `SELECT id, hash, version, title, summary, content_html AS contentHtml, deadline, stage,
    url, organisation, consultation FROM items WHERE id = ?`);
  // A new item is inserted with its matter: its row is not written a second time to link it.
  const insert = prepared(db, `INSERT INTO items (source_id, key, ${FIELD_COLUMNS.join(', ')}, first_seen_at,
      last_seen_at, changed_at, created_run, ${TAG_COLUMNS.join(', ')}, link_keys, matter_id)
    VALUES (${Array(INSERT_VALUES).fill('?').join(', ')})`);
  // Its values: one list, filled in place for each new item (its spread arguments were three new lists an item).
  const row: unknown[] = Array.from({ length: INSERT_VALUES }, () => null);
  row[0] = sourceId;
  const keepVersion = prepared(db, `INSERT INTO item_versions (item_id, version, title, summary, content_html, deadline,
      stage, url, organisation, consultation, hash, replaced_at)
    VALUES (@id, @version, @title, @summary, @contentHtml, @deadline, @stage, @url, @organisation, @consultation, @hash, @now)`);
  const update = prepared(db, `UPDATE items SET
      ${FIELD_COLUMNS.map((c) => (c === 'published' ? 'published = COALESCE(?, published)' : `${c} = ?`)).join(', ')},
      version = version + 1, last_seen_at = ?, changed_at = ?, ${TAG_ASSIGNMENTS}
    WHERE id = ?`);
  const touch = prepared(db, 'UPDATE items SET last_seen_at = ? WHERE id = ?');
  const event = prepared(db, `INSERT INTO item_events (item_id, run_id, at, type, old_value, new_value)
    VALUES (?, ?, ?, ?, ?, ?)`);
  const dropIds = prepared(db, 'DELETE FROM item_identifiers WHERE item_id = ?');
  const setLinkKeys = prepared(db, 'UPDATE items SET link_keys = ? WHERE id = ?');
  // New items enter the full-text index (and its words: search-words.ts) and their source's count in one statement
  // each per TEXT_ITEMS items or batch (or per group of runs: see textLater), not through triggers on every row
  // (see migration 012).
  const indexText = textLater ? null : textIndexer(db);
  const searchWords = textLater ? null : searchWordsWriter(db);
  /** How many of outcome.created are in the full-text index (see writeText). */
  let indexed = 0;
  /** Enter the new items not yet in the full-text index, and copy their search words. */
  const writeText = () => {
    if (!indexText || !searchWords || indexed === outcome.created.length) return;
    indexText(JSON.stringify(outcome.created.slice(indexed)));
    searchWords.copy();
    indexed = outcome.created.length;
  };
  const countItems = prepared(db, `INSERT INTO source_item_counts (source_id, items) VALUES (?, ?)
    ON CONFLICT (source_id) DO UPDATE SET items = items + excluded.items`);
  const goals = goalRows(db);
  const dropGoals = prepared(db, 'DELETE FROM item_goals WHERE item_id = ?');
  const linker = createLinker(db);
  /** The identifier rows saved since the last writeIds, as item id, type, value, role, … (see insertRows). */
  const pendingIds: unknown[] = [];
  const saveIds = (id: number, rows: string, replace: boolean) => {
    if (replace) dropIds.run(id);
    if (rows !== '[]') identifierValues(id, rows, pendingIds);
  };
  /**
   * Write the identifiers saved so far: at the end of a batch, and before link() reads them. A new item's matter is
   * found without them (the linker knows the keys it placed in this run), so they wait for the batch's statements.
   */
  const writeIds = () => {
    if (!pendingIds.length) return;
    insertRows(db, 'INSERT OR IGNORE INTO item_identifiers (item_id, type, value, role)', 4, pendingIds);
    pendingIds.length = 0;
  };
  /** Link a stored item whose stated identifiers differ from those it was last linked with; else only re-derive its matter. */
  const relink = (id: number, signature: string, before: string | null, now: string) => {
    writeIds();
    if (signature === before) return linker.touch(id);
    setLinkKeys.run(signature, id);
    linker.link(id, now);
  };

  // A press release another source stored first as the same release, in the same language, is a copy of it.
  const markCopies = prepared(db, MARK_COPIES_SQL);
  const remarkCopies = prepared(db, REMARK_COPIES_SQL);

  const outcome: SaveOutcome = { created: [], updated: [], duplicates: 0 };
  const seen = new Set<string>();
  const add = (items: ItemToStore[], now: string) => {
    const firstCreated = outcome.created.length;
    const firstUpdated = outcome.updated.length;
    const latest = Date.parse(now) + FUTURE_MARGIN_MS;
    const known = new Map((storedRows.all(sourceId, JSON.stringify(items.map((i) => i.key))) as
      { key: string; id: number; hash: string; linkKeys: string | null }[]).map((r) => [r.key, r]));
    for (const item of items) {
      if (seen.has(item.key)) {
        outcome.duplicates++;
        continue;
      }
      seen.add(item.key);
      const { hash } = item;
      const seenBefore = known.get(item.key);
      const signature = item.signature;
      if (seenBefore?.hash === hash) {
        touch.run(now, seenBefore.id);
        // Unchanged upstream, but stored before its roles were derived (or derived differently): store them and link.
        if (seenBefore.linkKeys !== signature) {
          saveIds(seenBefore.id, item.identifierRows, true);
          relink(seenBefore.id, signature, seenBefore.linkKeys, now);
        }
        continue;
      }
      const future = item.published !== null && Date.parse(item.published) > latest;
      if (!seenBefore) {
        // A new item with stated identifiers: index lookups of the matters holding them (nothing of theirs is read).
        const matter = signature === '' ? null : linker.matterFor(signatureKeys(signature), now);
        // A new item needs no event: first_seen_at and created_run say when it arrived. A date not to be believed:
        // listed as first seen, now.
        row[1] = item.key;
        putFieldValues(row, 2, item, hash, future ? now : item.published);
        row[AT_SEEN] = row[AT_SEEN + 1] = row[AT_SEEN + 2] = now;
        row[AT_SEEN + 3] = runId;
        putTagValues(row, AT_TAGS, item.tags, item.searchTerms, now);
        row[AT_TAGS + TAG_COLUMNS.length] = signature;
        row[AT_TAGS + TAG_COLUMNS.length + 1] = matter;
        const id = Number(insert.run(row).lastInsertRowid);
        saveIds(id, item.identifierRows, false);
        goals.add(id, item.tags);
        if (matter !== null) linker.joined(id, matter, item.title, now);
        else if (signature !== '') {
          // It bridges two or more matters: joined through its written identifiers.
          writeIds();
          linker.link(id, now);
        }
        outcome.created.push(id);
        continue;
      }
      const old = oldRow.get(seenBefore.id) as StoredRow;
      keepVersion.run({ ...old, now });
      // A date not to be believed leaves the stored one (published = COALESCE(?, published)).
      const values: unknown[] = [];
      putFieldValues(values, 0, item, hash, future ? null : item.published);
      values.push(now, now);
      putTagValues(values, values.length, item.tags, item.searchTerms, now);
      update.run(values, old.id);
      saveIds(old.id, item.identifierRows, true);
      dropGoals.run(old.id);
      goals.add(old.id, item.tags);
      relink(old.id, signature, seenBefore.linkKeys, now);
      const before: Tracked = { ...old, consultation: parseConsultation(old.consultation) };
      for (const c of diffItem(before, item)) event.run(old.id, runId, now, c.type, c.oldValue, c.newValue);
      outcome.updated.push(old.id);
    }
    writeIds();
    goals.write();
    if (outcome.updated.length > firstUpdated) {
      const updated = JSON.stringify(outcome.updated.slice(firstUpdated));
      remarkCopies.run(updated, updated, updated);
    }
    const created = outcome.created.length - firstCreated;
    if (created === 0) return;
    countItems.run(sourceId, created);
    markCopies.run(JSON.stringify(outcome.created.slice(firstCreated)));
    if (outcome.created.length - indexed >= TEXT_ITEMS) writeText();
  };
  return {
    add,
    flush: (now) => {
      writeText();
      linker.flush(now);
    },
    outcome,
  };
}
