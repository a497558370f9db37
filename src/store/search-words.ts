// The words of the full-text index (migration 019), kept beside it so that a search reads a prefix as the OR of the
// words that begin with it: FTS5 reads and merges every covered word's whole list for a prefix, where the OR reads
// each list only as far as a page needs.
import { limitRows, prepared, type Db } from './db.js';
import { ftsString, inPhrase } from '../tag/fts.js';

/**
 * The words FTS5 makes of items' indexed text, added as migration 019's trigger adds those of changed text: the text
 * goes into the empty scratch index (add: the items' ids as a JSON array), whose vocabulary is then copied and the
 * scratch emptied again (copy). Words left in the scratch are copied by the next copy, or by that trigger (it copies
 * the whole vocabulary), so copy must run before the transaction commits, but need not run after each add: a writer
 * that commits several small runs at once copies once for them all (each copy reads the scratch's whole vocabulary
 * and looks each word up in search_words, and runs share most of their words).
 */
export function searchWordsWriter(db: Db): { add(ids: string): void; copy(): void } {
  const scratch = prepared(db, `INSERT INTO search_words_scratch (rowid, title, summary, search_terms)
    SELECT id, title, summary, search_terms FROM items WHERE id IN (SELECT value FROM json_each(?))`);
  const copy = prepared(db, 'INSERT OR IGNORE INTO search_words (word) SELECT term FROM search_words_found');
  const empty = prepared(db, "INSERT INTO search_words_scratch (search_words_scratch) VALUES ('delete-all')");
  return {
    add: (ids) => void scratch.run(ids),
    copy: () => {
      copy.run();
      empty.run();
    },
  };
}

/** The list day (days since 1970-01-01) whose full-text keys are 0 to 2³² − 1: a later day's are negative, still in order. */
const FTS_FIRST_DAY = 65536;

/**
 * The full-text index's day of an item (SQL over its sort key): its list day counted down, FTS_FIRST_DAY minus the
 * sort key's date in days since 1970-01-01 (day 0 when the first ten characters are no date): the newest day is the
 * smallest.
 */
export const ftsDay = (sortKey: string): string =>
  `(${FTS_FIRST_DAY} - (COALESCE(CAST(julianday(substr(${sortKey}, 1, 10)) AS INTEGER), 2440588) - 2440588))`;

/**
 * The full-text index's row key of an item (migration 023): its day (ftsDay) times 2³² plus its id counted down
 * (2³² − 1 − id), so that FTS5 gives matches newest day first and, within a day, the highest id first (the order
 * migration 022's key gave read backwards) in its own forward order: FTS5 reads a list backwards only by first walking
 * to its end. SQL over the given sort key and id expressions; the migration's triggers write the same.
 */
export const ftsKey = (sortKey: string, id: string): string => `(${ftsDay(sortKey)} * 4294967296 + 4294967295 - ${id})`;

/** The item id of a full-text row (SQL): the key's low 32 bits counted back up. */
export const FTS_ITEM_ID = '(~rowid & 4294967295)';

/**
 * A prefix is searched as itself when more words than this begin with it: each word is one more lookup in the index
 * (about 12 µs each at 100,000 items), where the prefix costs the length of the words' lists.
 */
export const MAX_PREFIX_WORDS = 50;

/**
 * Prefixes FTS5 reads as one token exactly as written (its tokenizer folds nothing in them): lowercase Latin letters
 * and digits. Any other prefix is left to FTS5.
 */
const ONE_TOKEN = /^[0-9a-zß-öø-ÿ]+$/;

/**
 * An FTS5 expression with each prefix term ("pelastus"*) written as the OR of the stored words that begin with it:
 * the same matches, as every word the index holds is stored. A prefix that no stored word or more than
 * MAX_PREFIX_WORDS begin with stays as it is. An alternative after the first of an OR (`… OR "pelastuslake"`, a
 * search key searchQuery adds) that is one token and no stored word is left out: it matches nothing, and FTS5 still
 * paid for it in every step of the OR (a pair of words that rarely meet, with three such alternatives: 1.76 → 1.26 ms).
 */
export function expandPrefixes(db: Db, match: string): string {
  const words = prepared(db, `SELECT word FROM search_words WHERE word >= ? AND word < ? ${limitRows(MAX_PREFIX_WORDS + 1)}`).pluck();
  const stored = prepared(db, 'SELECT 1 FROM search_words WHERE word = ?').pluck();
  return match.replace(/( OR )?"((?:[^"]|"")*)"(\*?)/g, (term, or: string | undefined, text: string, star: string, at: number) => {
    // A word of a phrase ("a"* + "b"*) stays as it is: a phrase holds no OR.
    if (!ONE_TOKEN.test(text) || inPhrase(match, at, term.length)) return term;
    if (!star) return or && stored.get(text) === undefined ? '' : term;
    // The words from the prefix up to (not including) the prefix with its last letter the next one: those that begin with it.
    const end = text.slice(0, -1) + String.fromCharCode(text.charCodeAt(text.length - 1) + 1);
    const found = words.all(text, end) as string[];
    return found.length > 0 && found.length <= MAX_PREFIX_WORDS ? `${or ?? ''}(${found.map(ftsString).join(' OR ')})` : term;
  });
}
