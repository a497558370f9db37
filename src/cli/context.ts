// What every command needs: options parsed once, the database opened, sources loaded, a fetcher.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { loadSources, type ConfigError } from '../config/sources.js';
import { defaultDbPath, defaultFeedsDir } from '../paths.js';
import { listLatestReviews, openDb, reviewsVersion, syncSources, type Db } from '../store/index.js';
import { createTagStage, type TagStage } from '../tag/stage.js';
import { inThreadWriter, workerWriter, type StoreWriter } from '../store/writer.js';
import { createFetcher } from '../fetch/index.js';
import type { Fetch, Item, SourceDef, TaggedItem } from '../model.js';

export interface AppContext {
  db: Db;
  feedsDir: string;
  sources: SourceDef[];
  configErrors: ConfigError[];
  fetch: Fetch;
  /** The tag stage, or null when the taxonomy could not be loaded (the error is in configErrors). */
  tagStage: TagStage | null;
  /** The database file ('' for an in-memory one). */
  dbFile: string;
  /** The writer crawls store through; made when first needed (see pipelineDeps). */
  writer: StoreWriter | null;
}

/** Global options every command takes. */
export const globalOptions = {
  db: { type: 'string' },
  feeds: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies ParseArgsConfig['options'];

/** Parse a command's arguments (global options included), with a clear error for unknown ones. */
export function parseCommand<O extends ParseArgsConfig['options']>(args: string[], options: O) {
  return parseArgs({ args, options: { ...globalOptions, ...options }, allowPositionals: true, strict: true });
}

/**
 * Open the database and load the sources named by --db/--feeds or the environment; with `tag`, also build
 * the tag stage (taxonomy, Voikko, learning from reviews), which only crawling and retagging need.
 */
export function openContext(values: { db?: string; feeds?: string }, { tag = false } = {}): AppContext {
  const feedsDir = values.feeds ?? process.env.LAKIVAHTI_FEEDS ?? defaultFeedsDir;
  const dbFile = values.db ?? process.env.LAKIVAHTI_DB ?? defaultDbPath;
  const db = openDb(dbFile);
  const { sources, errors } = loadSources(feedsDir);
  syncSources(db, sources);
  let tagStage: TagStage | null = null;
  if (tag) {
    try {
      // Reviewers' decisions so far teach the tagger (learning is cheap; redone at each start).
      tagStage = createTagStage({ feedsDir, reviewed: listLatestReviews(db) });
    } catch (err) {
      // Crawling goes on untagged; `lakivahti retag` tags the items once the taxonomy is mended.
      errors.push({ file: 'taxonomy', message: `${(err as Error).message} (items are stored untagged until it is fixed)` });
    }
  }
  return { db, dbFile, feedsDir, sources, configErrors: errors, fetch: createFetcher(), tagStage, writer: null };
}

/** How often a running process looks for new reviewers' decisions to learn from. */
const RELEARN_CHECK_MS = 30_000;

/** The tag stage for the pipeline; in a long-running process it learns again when decisions are added. */
function learningTag(ctx: AppContext): ((item: Item) => TaggedItem) | undefined {
  if (!ctx.tagStage) return undefined;
  let version = reviewsVersion(ctx.db);
  let checkedAt = Date.now();
  return (item) => {
    if (Date.now() - checkedAt > RELEARN_CHECK_MS) {
      checkedAt = Date.now();
      const now = reviewsVersion(ctx.db);
      if (now !== version) {
        version = now;
        const { analyzer } = ctx.tagStage!;
        ctx.tagStage = createTagStage({ feedsDir: ctx.feedsDir, reviewed: listLatestReviews(ctx.db), analyzer });
      }
    }
    return ctx.tagStage!.tag(item);
  };
}

/** What the pipeline needs from a context; writes go to a worker thread unless the database is in memory. */
export function pipelineDeps(ctx: AppContext) {
  ctx.writer ??= ctx.dbFile === ':memory:' ? inThreadWriter(ctx.db) : workerWriter(ctx.dbFile);
  return { db: ctx.db, writer: ctx.writer, fetch: ctx.fetch, tag: learningTag(ctx) };
}

/** Close the writer and the database. */
export async function closeContext(ctx: AppContext): Promise<void> {
  await ctx.writer?.close();
  ctx.db.close();
}

/** Print configuration errors so a broken definition is never silent; the other sources still run. */
export function reportConfigErrors(ctx: AppContext, err: NodeJS.WritableStream): void {
  for (const e of ctx.configErrors) err.write(`config: ${e.file}: ${e.message}\n`);
}
