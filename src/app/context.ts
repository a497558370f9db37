// The application context every interface uses (the CLI, the web view, the scheduler, later the digest):
// the database, the sources, the fetcher, the tag stage with relearning, the writer, and the health of all that.
import fs from 'node:fs';
import path from 'node:path';
import { loadSources, titleOnlySources, type ConfigError } from '../config/sources.js';
import { resolvePaths } from '../paths.js';
import { note } from '../stderr-line.js';
// The store's modules one by one, not store/index.js: a command loads only the queries it runs.
import { missesNewestWrites, openDb, type Db, type Synchronous } from '../store/db.js';
import { syncSources } from '../store/sources.js';
import { listLatestReviews, reviewsVersion } from '../store/reviews.js';
import { buildTagStage as buildTagStageIn } from '../store/tag-build.js';
import { keepTaxonomyBeside, taxonomyCacheFile } from './taxonomy-check.js';
import { checkDb } from '../store/maintenance.js';
import { diskFull } from '../store/disk-space.js';
import { writeFailure, type WriteFailure } from '../store/write-failure.js';
import { dataVersion } from '../store/data-version.js';
import type { TagStage } from '../tag/stage.js';
import { deferredWorkerWriter, earlyWorkerWriter, inThreadWriter, workerWriter, type EarlyWriter, type StoreWriter } from '../store/writer.js';
// Not fetch/index.js: that loads the HTTP client, which commands that only read never need.
import { lazyFetcher } from '../fetch/lazy.js';
import type { Fetcher } from '../fetch/fetcher.js';
import type { Item, SourceDef, TaggedItem } from '../model.js';

export interface AppContext {
  db: Db;
  feedsDir: string;
  sources: SourceDef[];
  configErrors: ConfigError[];
  fetch: Fetcher;
  /**
   * The tag stage, or null when the taxonomy could not be loaded (the error is in configErrors), when it was not
   * asked for, or when it was asked for lazily and no item has needed it yet.
   */
  tagStage: TagStage | null;
  /** With `tag: 'lazy'`: builds the tag stage the first time a run has items to tag (see pipelineDeps). */
  buildTagStage: (() => Promise<TagStage | null>) | null;
  /** The database file ('' for an in-memory one). */
  dbFile: string;
  /** Whether the database was opened read-only (asked for, or because it could not be written). */
  readOnly: boolean;
  /** Why the database cannot be written or read as it should (shown on the page and in /healthz); empty when fine. */
  problems: string[];
  /** The technical reason (English, with the full path) behind the first of `problems`, for the log only. */
  problemDetail?: string;
  /** The opened file's identity, to notice it being deleted or replaced under a running process. */
  fileId: { dev: number; ino: number } | null;
  /** The writer crawls store through; made when first needed (see pipelineDeps). */
  writer: StoreWriter | null;
}

interface OpenBase {
  /**
   * Build the tag stage (taxonomy, Voikko, learning from reviews): only crawling and retagging need it. true needs
   * its code loaded first (openTaggingContext does that); 'lazy' loads and builds it when a run first has items to
   * tag, so a crawl that finds nothing new never pays for either.
   */
  tag?: boolean | 'lazy';
  /** How this connection commits (see Synchronous in store/db.ts): 'NORMAL' for a process that only crawls. */
  synchronous?: Synchronous;
  /**
   * A command that does nothing without a source (crawl): when no definition could be read (no sources folder,
   * every file broken), throw NoSourcesError before the database is opened, so none is created or migrated for it.
   */
  needsSources?: boolean;
}

/**
 * `access`: 'write' (default) creates and migrates the database; 'change' writes to one that exists (a command that
 * changes what is stored: a mistyped path is named, not made an empty database the command then finds nothing in);
 * 'read' needs an existing, current one and writes nothing; 'serve' writes when it can and otherwise falls back to
 * reading, noting why in `problems`. A database read without its write-ahead log, whose newest writes are then not
 * shown, is said on stderr (note, naming the running command).
 */
export type OpenOptions = OpenBase & { access?: 'read' | 'write' | 'change' | 'serve' };

/** No source definition could be read, for a command that needs one; `errors` say why. */
export class NoSourcesError extends Error {
  constructor(readonly feedsDir: string, readonly errors: ConfigError[]) {
    super(`${feedsDir}/sources holds no valid source definition`);
  }
}



/** The tag stage's code (taxonomy and its yaml, analyzers, tagger, learning): loaded only by what tags. */
let tagging: typeof import('../tag/stage.js') | null = null;
const loadTagging = async () => (tagging ??= await import('../tag/stage.js'));

/** openContext with the tag stage built (serve, retag, the demo). */
export async function openTaggingContext(values: { db?: string; feeds?: string }, options: OpenOptions & { tag?: never } = {}): Promise<AppContext> {
  await loadTagging();
  return openContext(values, { ...options, tag: true });
}

/** The page cache of the server's connections, in MiB. */
export const SERVE_CACHE_MIB = 64;

/** Why a database could not be written (store/write-failure.ts), in plain Finnish for the page. */
const UNWRITABLE_FI: Record<WriteFailure, string> = {
  'disk-full': 'levy on täynnä',
  'io-error': 'levylle kirjoittaminen epäonnistui (levyvirhe tai tiedostokoon raja)',
  'read-only': 'tiedostoon, sen kansioon tai levyyn ei ole kirjoitusoikeutta',
};

/** Why a database could not be opened for writing, in plain Finnish for the page (the technical reason goes to the log). */
function unwritableReason(err: unknown): string {
  const failed = writeFailure(err);
  return failed ? UNWRITABLE_FI[failed] : 'sitä ei voitu avata kirjoitettavaksi (syy on palvelimen lokissa)';
}

/** Open the database and load the sources named by --db/--feeds or the environment. */
export function openContext(values: { db?: string; feeds?: string }, { tag = false, access = 'write', synchronous, needsSources }: OpenOptions = {}): AppContext {
  const { feedsDir, dbFile } = resolvePaths(values);
  const { sources, errors } = loadSources(feedsDir);
  if (needsSources && !sources.length && errors.length) throw new NoSourcesError(feedsDir, errors);
  const problems: string[] = [];
  let problemDetail: string | undefined;
  let db: Db;
  let readOnly = access === 'read';
  // The server answers many requests over one connection: a 64 MiB page cache (see openDb).
  const cacheMiB = access === 'serve' ? SERVE_CACHE_MIB : 0;
  if (readOnly) {
    db = openDb(dbFile, { readOnly: true });
    if (missesNewestWrites(db))
      note(`${dbFile} could only be read without its write-ahead log (${dbFile}-wal, kept): its newest writes are not shown until the database can be opened for writing again`, { lines: true });
  } else {
    try {
      db = openDb(dbFile, { synchronous, cacheMiB, mustExist: access === 'change' });
      try {
        syncSources(db, sources);
      } catch (err) {
        db.close();
        throw err;
      }
    } catch (err) {
      if (access !== 'serve' || !fs.existsSync(dbFile)) throw err;
      // Disk full, a read-only file or mount: keep serving what is stored and say why nothing new arrives.
      db = openDb(dbFile, { readOnly: true, cacheMiB });
      readOnly = true;
      const reason = unwritableReason(err);
      problems.push(
        `Tietokantaan ${path.basename(dbFile)} ei voi kirjoittaa: ${reason}. Uusia tietoja ei haeta, tallennetut näytetään.` +
          (missesNewestWrites(db) ? ' Uusimmat tallennukset voivat puuttua näkyvistä.' : '') +
          (reason === UNWRITABLE_FI['disk-full'] ? ' Kun levyllä on taas tilaa, käynnistä Lakivahti uudelleen.' : ''),
      );
      problemDetail = (err as Error).message;
    }
  }
  if (tag === true && !tagging) throw new Error('internal: the tag stage is built by openTaggingContext');
  const buildTagStage = (stage: NonNullable<typeof tagging>) => buildTagStageIn(stage, feedsDir, db, errors, titleOnlySources(feedsDir, sources));
  return {
    db, dbFile, feedsDir, sources, configErrors: errors, fetch: lazyFetcher(), tagStage: tag === true ? buildTagStage(tagging!) : null,
    buildTagStage: tag === 'lazy' ? async () => buildTagStage(await loadTagging()) : null, writer: null, readOnly, problems, problemDetail, fileId: fileIdentity(dbFile),
  };
}

function fileIdentity(file: string): { dev: number; ino: number } | null {
  if (file === ':memory:' || file === '') return null;
  try {
    const { dev, ino } = fs.statSync(file);
    return { dev, ino };
  } catch {
    return null;
  }
}

/**
 * Whether the database file on disk is still the one this process opened: a file deleted or replaced (a restore,
 * another `crawl --db` that recreated it) leaves this process reading and writing an orphan nobody else sees.
 */
export function dbFileProblem(ctx: Pick<AppContext, 'dbFile' | 'fileId'>): string | null {
  if (!ctx.fileId) return null;
  const now = fileIdentity(ctx.dbFile);
  const file = path.basename(ctx.dbFile);
  if (!now) return `Tietokantatiedosto ${file} on poistettu palvelimen ollessa käynnissä; käynnistä Lakivahti uudelleen.`;
  if (now.dev !== ctx.fileId.dev || now.ino !== ctx.fileId.ino)
    return `Tietokantatiedosto ${file} on korvattu toisella palvelimen ollessa käynnissä; käynnistä Lakivahti uudelleen.`;
  return null;
}

/**
 * The disk holding a database opened for writing has filled up since: nothing new can be stored, and nobody can sign
 * in (a session is a write). Null when it has room, or when the database was opened read-only (which says so itself).
 */
export function diskProblem(ctx: Pick<AppContext, 'dbFile' | 'readOnly'>): string | null {
  if (ctx.readOnly || ctx.dbFile === '' || ctx.dbFile === ':memory:' || !diskFull(ctx.dbFile)) return null;
  return `Levy, jolla tietokanta ${path.basename(ctx.dbFile)} on, on täynnä: uusia tietoja ei voi tallentaa eikä sisään voi kirjautua, ennen kuin levyllä on tilaa.`;
}

/** Everything wrong with the database now: a failing query, a replaced file, a full disk, or why it is read-only (/healthz). */
export function healthProblems(ctx: AppContext): string[] {
  const problems = [...ctx.problems];
  const query = checkDb(ctx.db);
  if (query) problems.push(`Tietokanta ei vastaa: ${query}`);
  const file = dbFileProblem(ctx);
  if (file && !problems.includes(file)) problems.push(file);
  const disk = diskProblem(ctx);
  if (disk) problems.push(disk);
  return problems;
}

/**
 * What each page's banner shows: ctx.problems (the server's file check adds a replaced file there) and a failing
 * query. The query (checkDb) runs again only when the database's data version moves; reading that version is itself
 * a query, so a connection that stops answering is still named at once. `read`: the version the page read already
 * (the web app reads it once a page); without it, it is read here.
 */
export function pageProblems(ctx: Pick<AppContext, 'db' | 'problems'>): (read?: string) => string[] {
  let version = '';
  let query: string | null = null;
  return (read) => {
    try {
      const now = read ?? dataVersion(ctx.db);
      if (now !== version) [version, query] = [now, checkDb(ctx.db)];
    } catch (err) {
      [version, query] = ['', (err as Error).message];
    }
    return query ? [...ctx.problems, `Tietokanta ei vastaa: ${query}`] : ctx.problems;
  };
}

/** How often a running process looks for new reviewers' decisions to learn from. */
const RELEARN_CHECK_MS = 30_000;

/** The tag stage for the pipeline; in a long-running process it learns again when decisions are added. */
function learningTag(ctx: AppContext): ((item: Item) => TaggedItem) | undefined {
  if (!ctx.tagStage || !tagging) return undefined;
  const { createTagStage } = tagging;
  let version = reviewsVersion(ctx.db);
  let checkedAt = Date.now();
  return (item) => {
    if (Date.now() - checkedAt > RELEARN_CHECK_MS) {
      checkedAt = Date.now();
      const now = reviewsVersion(ctx.db);
      if (now !== version) {
        version = now;
        const { analyzer } = ctx.tagStage!;
        ctx.tagStage = createTagStage({ feedsDir: ctx.feedsDir, reviewed: listLatestReviews(ctx.db), analyzer, titleOnly: [...ctx.tagStage!.titleOnly] });
      }
    }
    return ctx.tagStage!.tag(item);
  };
}

/** With `tag: 'lazy'`: the tag stage, loaded and built once, when a run first has items (undefined: taxonomy broken). */
function lazyTag(ctx: AppContext): () => Promise<((item: Item) => TaggedItem) | undefined> {
  let ready: Promise<((item: Item) => TaggedItem) | undefined> | null = null;
  return () =>
    (ready ??= (async () => {
      const build = ctx.buildTagStage;
      ctx.buildTagStage = null;
      if (build) ctx.tagStage = await build();
      return learningTag(ctx);
    })());
}

/**
 * What the pipeline needs from a context; writes go to a worker thread unless the database is in memory. `oneShot`
 * (a process that crawls once and ends): the worker starts only when a run has items to store.
 */
export function pipelineDeps(ctx: AppContext, { oneShot = false, early }: { oneShot?: boolean; early?: EarlyWriter | null } = {}) {
  if (ctx.readOnly) {
    early?.abandon();
    throw new Error('the database was opened read-only; nothing can be crawled into it');
  }
  const build = ctx.buildTagStage;
  if (oneShot && build && ctx.dbFile !== ':memory:' && !ctx.writer) {
    // The taxonomy, once parsed and validated, is kept beside the database until it (or its loader) changes.
    const cacheFile = taxonomyCacheFile(ctx.dbFile);
    ctx.buildTagStage = async () => (await keepTaxonomyBeside(ctx.dbFile), build());
    // The writer thread tags small runs (a feed's 20 items), this thread big ones (see runSource).
    ctx.writer = deferredWorkerWriter(ctx.db, ctx.dbFile, {
      feedsDir: ctx.feedsDir, titleOnly: titleOnlySources(ctx.feedsDir, ctx.sources), cacheFile,
      onConfigError: (message) => {
        if (!ctx.configErrors.some((e) => e.file === 'taxonomy' && e.message === message)) ctx.configErrors.push({ file: 'taxonomy', message });
      },
    }, early ?? undefined);
  }
  early?.abandon();
  ctx.writer ??= ctx.dbFile === ':memory:' ? inThreadWriter(ctx.db) : oneShot ? deferredWorkerWriter(ctx.db, ctx.dbFile) : workerWriter(ctx.dbFile);
  if (ctx.buildTagStage) return { db: ctx.db, writer: ctx.writer, fetch: ctx.fetch, loadTag: lazyTag(ctx) };
  return { db: ctx.db, writer: ctx.writer, fetch: ctx.fetch, tag: learningTag(ctx) };
}

/** A source definition's file name (as loadSources reads them). */
const SOURCE_FILE = /\.ya?ml$/;

/**
 * A crawl (one-off) into a database not made yet, of several sources: its writer thread, started now, before the
 * sources are read and the database is made (see earlyWorkerWriter), for pipelineDeps; null otherwise (the thread
 * starts when the crawl expects items, as for a database that exists, whose sources may all answer 304).
 * `source`: the crawl's --source, one source.
 */
export function startWriterEarly(values: { db?: string; feeds?: string }, source?: string): EarlyWriter | null {
  const { feedsDir, dbFile } = resolvePaths(values);
  if (source !== undefined || dbFile === ':memory:' || dbFile === '' || fs.existsSync(dbFile)) return null;
  let definitions = 0;
  try {
    definitions = fs.readdirSync(path.join(feedsDir, 'sources')).filter((f) => SOURCE_FILE.test(f)).length;
  } catch {
    return null;
  }
  return definitions > 1 ? earlyWorkerWriter(dbFile, { feedsDir, cacheFile: taxonomyCacheFile(dbFile) }) : null;
}

/** Close the writer, the fetcher's keep-alive sockets and the database, so nothing holds the process open. */
export async function closeContext(ctx: AppContext): Promise<void> {
  await ctx.writer?.close();
  ctx.writer = null;
  if (ctx.db.open) ctx.db.close();
  // Last: closing the pool waits for requests still in flight; at shutdown they were aborted (destroy()).
  await ctx.fetch.close().catch(() => undefined);
}

/**
 * Say each configuration error (from the `from`th on), so a broken definition is never silent; the other sources still
 * run. A line names the file and what is wrong; a taxonomy's says what becomes of the items.
 */
export function reportConfigErrors(ctx: Pick<AppContext, 'configErrors'>, from = 0): void {
  for (const e of ctx.configErrors.slice(from))
    note(`config: ${e.file}: ${e.message}${e.file === 'taxonomy' ? ' (items are stored untagged until it is fixed; `lakivahti retag` tags them then)' : ''}`, { lines: true });
}
