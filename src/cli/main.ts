// The `lakivahti` command: one file per subcommand.
import { parseCommand } from './context.js';
import { crawlCommand } from './crawl.js';
import { demoCommand } from './demo.js';
import { itemsCommand } from './items.js';
import { retagCommand } from './retag.js';
import { reviewCommand } from './review.js';
import { tagCommand } from './tag.js';
import { serveCommand } from './serve.js';
import { sourcesCommand } from './sources.js';

const USAGE = `usage: lakivahti <command> [options]

commands:
  serve [--port N] [--no-schedule]   run the scheduler and the web view (default port 3000)
  crawl [--source ID]                crawl now; one line per source
  sources [--json]                   each source's last run, status, error and next check
  items [--json] [--source ID] [--since DATE] [--limit N] [--search TEXT]
        [--relevant] [--goal GOAL] [--joint]
                                     stored items, newest first (--joint: open joint-response
                                     candidates, nearest deadline first)
  demo [--port N]                    the app against local mirrors of recorded snapshots
  tag --jsonl FILE|-                 tag JSON lines (id, title, summary, source, lang) without the database
  retag [--dry-run]                  re-tag every stored item with the current taxonomy (--dry-run: preview)
  review ID --reviewer NAME (--goals GOAL[,GOAL] | --not-relevant) [--note TEXT]
                                     record a reviewer's decision; the tagger learns from them

global options:
  --db PATH      SQLite file (default db/lakivahti.sqlite, or LAKIVAHTI_DB)
  --feeds DIR    folder laid out like feeds/ (default feeds/, or LAKIVAHTI_FEEDS)
`;

const commands: Record<string, (args: string[]) => Promise<number>> = {
  serve: serveCommand,
  crawl: crawlCommand,
  sources: sourcesCommand,
  items: itemsCommand,
  demo: demoCommand,
  tag: tagArgs,
  retag: retagCommand,
  review: reviewCommand,
};

async function tagArgs(args: string[]): Promise<number> {
  const { values } = parseCommand(args, { jsonl: { type: 'string' } });
  if (!values.jsonl) {
    process.stderr.write('tag: --jsonl FILE is required (use - for standard input)\n');
    return 2;
  }
  return tagCommand({ jsonl: values.jsonl, feeds: values.feeds ?? process.env.LAKIVAHTI_FEEDS }, process);
}

/** Run the CLI with the given arguments; returns the exit code. */
export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(USAGE);
    return name ? 0 : 2;
  }
  const command = commands[name];
  if (!command) {
    process.stderr.write(`lakivahti: unknown command "${name}"\n\n${USAGE}`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    process.stdout.write(USAGE);
    return 0;
  }
  try {
    return await command(rest);
  } catch (err) {
    process.stderr.write(`lakivahti ${name}: ${(err as Error).message}\n`);
    return 2;
  }
}
