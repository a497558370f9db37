// The database and feeds as the environment names them, and a database that is corrupt or locked, with the CLI as a
// real process. Each test sets up its own files.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { contentHash } from '../../src/normalize/key.js';
import { addDays, helsinkiDate } from '../../src/parse/dates.js';
import { migrate, openDb, saveRun, syncSources } from '../../src/store/index.js';
import { migrationsDir } from '../../src/paths.js';
import type { SourceDef, TaggedItem } from '../../src/model.js';
import { run } from '../helpers/process.js';
import { writeRssSource } from '../helpers/feeds.js';

let dir: string;
let feeds: string;
let file: string;
const lines = (text: string) => text.split('\n').filter((l) => l !== '');
const ids = (out: string) => lines(out).map((l) => (JSON.parse(l) as { id: number }).id);
const titles = (out: string) => lines(out).map((l) => (JSON.parse(l) as { title: string }).title);

const sources = ['sm', 'vm'].map((id) => ({ id, name: id.toUpperCase(), url: `https://example.fi/${id}` }) as SourceDef);
const jointTags = {
  relevant: true, goals: [{ goal: 'services', score: 5 }], primary: 'services', scores: { services: 5 }, evidence: [],
  joint: true, jointReason: 'lausuntopyyntö', taxonomyVersion: 'test',
};

function item(sourceId: string, n: number, over: Partial<TaggedItem> = {}): TaggedItem {
  const i: Omit<TaggedItem, 'hash'> = {
    sourceId, key: `${sourceId}-${n}`, guid: `${sourceId}-${n}`, url: `https://example.fi/${sourceId}/${n}`, title: `${sourceId} ${n}`,
    summary: '', contentHtml: '', published: new Date(Date.UTC(2026, 10, 1, 8, n)).toISOString(), updated: null, deadline: null,
    language: 'fi', organisation: null, kind: 'statement-request', stage: null, identifiers: [], consultation: null, searchTerms: '',
    tags: null, ...over,
  };
  return { ...i, hash: contentHash(i) };
}

/** A database of two sources, sm and vm, holding `items`. */
function seed(target: string, items: TaggedItem[]): void {
  const db = openDb(target);
  try {
    syncSources(db, sources);
    for (const s of sources) {
      const now = new Date().toISOString();
      saveRun(db, {
        run: { sourceId: s.id, startedAt: now, finishedAt: now, status: 'ok', found: 0, created: 0, updated: 0, error: null, notes: [] },
        nextRunAt: null, items: items.filter((i) => i.sourceId === s.id),
      });
    }
  } finally {
    db.close();
  }
}

/**
 * Run `attempt` with Helsinki's days counted from today by the calendar (today plus n times 24 hours was a day off in
 * the hour after midnight across a clock change), on a database file of its own; run it once more if Helsinki's
 * midnight fell during it: the CLI, a process started seconds later, then counted from the next day than the seed.
 */
async function onOneDay(attempt: (day: (offset: number) => string, file: string) => Promise<void>): Promise<void> {
  for (let n = 1; ; n++) {
    const today = helsinkiDate(new Date());
    try {
      await attempt((offset) => addDays(today, offset), path.join(dir, `day-${n}.sqlite`));
      return;
    } catch (err) {
      if (n > 1 || helsinkiDate(new Date()) === today) throw err;
    }
  }
}

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lakivahti-db-process-'));
  feeds = path.join(dir, 'feeds');
  for (const s of sources) writeRssSource(feeds, s.id, s.url, s.name);
  file = path.join(dir, 'db.sqlite');
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('the database and feeds the environment names', { timeout: 90_000 }, () => {
  it('LAKIVAHTI_DB and LAKIVAHTI_FEEDS choose them; --db and --feeds win over them', async () => {
    seed(file, [item('sm', 1), item('vm', 2)]);
    const env = { LAKIVAHTI_DB: file, LAKIVAHTI_FEEDS: feeds };
    const listed = await run(['items', '--json'], { env });
    expect(listed.err).toBe('');
    expect(titles(listed.out).sort()).toEqual(['sm 1', 'vm 2']);
    const known = await run(['sources', '--json'], { env });
    expect(lines(known.out).map((l) => (JSON.parse(l) as { id: string }).id).sort()).toEqual(['sm', 'vm']);

    const other = path.join(dir, 'other.sqlite');
    seed(other, [item('sm', 3)]);
    expect(titles((await run(['items', '--json', '--db', other], { env })).out)).toEqual(['sm 3']);
    // A feeds folder defining only sm: sources lists what the feeds folder defines.
    const onlySm = path.join(dir, 'only-sm');
    fs.mkdirSync(path.join(onlySm, 'sources'), { recursive: true });
    fs.copyFileSync(path.join(feeds, 'sources', 'sm.yaml'), path.join(onlySm, 'sources', 'sm.yaml'));
    const smOnly = await run(['sources', '--json', '--feeds', onlySm], { env });
    expect(lines(smOnly.out).map((l) => (JSON.parse(l) as { id: string }).id)).toEqual(['sm']);
  });

  it('a missing LAKIVAHTI_DB file is named, exits 1, and is not created', async () => {
    const missing = path.join(dir, 'nowhere', 'db.sqlite');
    const r = await run(['items'], { env: { LAKIVAHTI_DB: missing, LAKIVAHTI_FEEDS: feeds } });
    expect(r.code).toBe(1);
    expect(r.err).toContain(missing);
    expect(fs.existsSync(path.dirname(missing))).toBe(false);
  });

  // A command that changes what is stored cannot do so in a database that is not there: a mistyped --db (or cron's
  // LAKIVAHTI_DB) made an empty database and its folder, and `digest --send`, `retag` and `relink` then said all was
  // well (exit 0, "ei lähetettävää"), the others "no account" or "no subscription", run after run.
  it.each([
    [['digest', '--send']], [['retag']], [['relink']], [['review', '1', '--reviewer', 'x', '--not-relevant']],
    [['users', 'disable', 'x@example.fi']], [['users', 'enable', 'x@example.fi']], [['users', 'password', 'x@example.fi']],
    [['subscriptions', 'remove', '1']],
  ])('%j on a missing database is refused by name, exit 1, nothing created', async (args) => {
    const missing = path.join(dir, 'typo', 'db.sqlite');
    const r = await run([...args, '--db', missing], { env: { LAKIVAHTI_FEEDS: feeds, SMTP_URL: 'smtp://127.0.0.1:9' }, input: 'salasana-pitka-123\n' });
    expect([r.code, r.err]).toEqual([1, `lakivahti ${args[0]}: the database file ${missing} does not exist\n`]);
    expect(fs.existsSync(path.dirname(missing))).toBe(false);
  });
});

describe('items --source and --joint', { timeout: 90_000 }, () => {
  it('--source lists only that source\'s items', async () => {
    seed(file, [item('sm', 1), item('vm', 2), item('sm', 3)]);
    const sm = await run(['items', '--json', '--source', 'sm', '--db', file, '--feeds', feeds]);
    expect(sm.code).toBe(0);
    expect(titles(sm.out)).toEqual(['sm 3', 'sm 1']);
    expect(titles((await run(['items', '--json', '--source', 'vm', '--db', file, '--feeds', feeds])).out)).toEqual(['vm 2']);
  });

  it('--joint lists candidates whose deadline is today or later in Helsinki, nearest deadline first', () => onOneDay(async (day, file) => {
    seed(file, [
      item('sm', 1, { deadline: day(30), tags: jointTags }),
      item('sm', 2, { deadline: day(0), tags: jointTags }),
      item('sm', 3, { deadline: day(-1), tags: jointTags }),
      item('vm', 4, { deadline: day(1), tags: jointTags }),
      item('vm', 5, { deadline: day(2), tags: { ...jointTags, joint: false } }),
    ]);
    const r = await run(['items', '--json', '--joint', '--db', file, '--feeds', feeds]);
    expect(r.code).toBe(0);
    expect(titles(r.out)).toEqual(['sm 2', 'vm 4', 'sm 1']);
    expect(lines(r.out).map((l) => (JSON.parse(l) as { deadline: string }).deadline)).toEqual([day(0), day(1), day(30)]);
    expect(ids(r.out)).toHaveLength(3);
   }));

  it('--json says joint only of a candidate --joint lists: not once its deadline has passed, nor with its deadline unknown, nor of an item a reviewer judged not relevant', () => onOneDay(async (day, file) => {
    // Each was tagged a candidate while its round was open; the tag stage's verdict stays as stored.
    seed(file, [
      item('sm', 1, { deadline: day(0), tags: jointTags }),
      item('sm', 2, { deadline: day(-1), tags: jointTags }),
      item('sm', 3, { deadline: day(5), tags: jointTags }),
      item('sm', 4, { deadline: null, tags: jointTags }),
    ]);
    const reviewed = await run(['review', '3', '--reviewer', 'anna', '--not-relevant', '--db', file, '--feeds', feeds]);
    expect(reviewed.code).toBe(0);
    const all = await run(['items', '--json', '--db', file, '--feeds', feeds]);
    const joint = Object.fromEntries(lines(all.out).map((l) => JSON.parse(l) as { title: string; joint: boolean }).map((o) => [o.title, o.joint]));
    expect(joint).toEqual({ 'sm 1': true, 'sm 2': false, 'sm 3': false, 'sm 4': false });
    // The one with its deadline unknown comes after the dated ones, marked by the added field (joint keeps its meaning).
    const listed = await run(['items', '--json', '--joint', '--db', file, '--feeds', feeds]);
    expect(titles(listed.out)).toEqual(['sm 1', 'sm 4']);
    expect(lines(listed.out).map((l) => JSON.parse(l) as { joint: boolean; jointDeadlineUnknown: boolean }).map((o) => [o.joint, o.jointDeadlineUnknown]))
      .toEqual([[true, false], [false, true]]);
    expect(titles((await run(['items', '--json', '--joint', '--limit', '1', '--db', file, '--feeds', feeds])).out)).toEqual(['sm 1']);
    const text = await run(['items', '--joint', '--db', file, '--feeds', feeds]);
    expect(text.out.split('\n')[1]).toMatch(/ sm 4 {2}\[määräaika ei tiedossa\]/);
   }));
});

describe('a corrupt or locked database', { timeout: 90_000 }, () => {
  it('a file that is not a database: read and write commands exit 1 with one line naming the problem, the file untouched', async () => {
    const junk = Buffer.from('Tämä ei ole SQLite-tietokanta. '.repeat(200));
    fs.writeFileSync(file, junk);
    for (const args of [['items'], ['sources', '--json'], ['review', '1', '--reviewer', 'anna', '--not-relevant']]) {
      const r = await run([...args, '--db', file, '--feeds', feeds]);
      expect(r.code, args.join(' ')).toBe(1);
      expect(r.out).toBe('');
      expect(lines(r.err)).toHaveLength(1);
      expect(r.err).toMatch(new RegExp(`^lakivahti ${args[0]}: .*not a database`));
    }
    expect(fs.readFileSync(file).equals(junk)).toBe(true);
  });

  it('a database a newer version migrated further: refused by name, exit 1, nothing written (an old version going on would write to a schema it does not know)', async () => {
    seed(file, [item('sm', 1)]);
    // The next version's migrations: this version's and one more.
    const newer = path.join(dir, 'migrations');
    fs.cpSync(migrationsDir, newer, { recursive: true });
    fs.writeFileSync(path.join(newer, '999-from-the-future.sql'), 'ALTER TABLE items ADD COLUMN future TEXT NOT NULL DEFAULT \'x\';\n');
    const db = openDb(file);
    migrate(db, newer);
    db.close();
    const before = fs.readFileSync(file);
    for (const args of [['items'], ['sources', '--json'], ['subscriptions', 'add', 'x@example.fi', '--network'], ['review', '1', '--reviewer', 'anna', '--not-relevant']]) {
      const r = await run([...args, '--db', file, '--feeds', feeds]);
      expect([r.code, r.out], args.join(' ')).toEqual([1, '']);
      expect(lines(r.err)).toHaveLength(1);
      expect(r.err).toMatch(new RegExp(`^lakivahti ${args[0]}: the database .*db\\.sqlite was made by a newer version of Lakivahti \\(migration 999-from-the-future\\.sql\\)`));
    }
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });

  it('while another process writes: reads go on; a write waits, then gives up with exit 1 and says the database is locked', async () => {
    seed(file, [item('sm', 1)]);
    const holder = openDb(file);
    holder.exec('BEGIN IMMEDIATE');
    try {
      const read = await run(['items', '--json', '--db', file, '--feeds', feeds]);
      expect(read.code).toBe(0);
      expect(titles(read.out)).toEqual(['sm 1']);
      const write = await run(['review', '1', '--reviewer', 'anna', '--not-relevant', '--db', file, '--feeds', feeds]);
      expect(write.code).toBe(1);
      expect(write.err).toMatch(/^lakivahti review: database is locked\n$/);
      // It waited for the lock (busy_timeout, 5 s) rather than failing at once.
      expect(write.ms).toBeGreaterThan(4_000);
    } finally {
      holder.exec('ROLLBACK');
      holder.close();
    }
    const after = await run(['review', '1', '--reviewer', 'anna', '--not-relevant', '--db', file, '--feeds', feeds]);
    expect(after.code).toBe(0);
  });
});
