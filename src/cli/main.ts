// The `lakivahti` command: one file per subcommand.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { PathError, resolvePaths, rootDir } from '../paths.js';
import { DbOpenError } from '../store/db.js';
import { writeFailure, writeFailureText } from '../store/write-failure.js';
import { commandFirst, Interrupted, isGlobalOption, outputFailure, pastGlobalOptions, Refused, shortenedEchoes, tolerateClosedPipes, UsageError, warn } from './args.js';
import { unknownSettings } from '../config/settings.js';
import { shownControls } from '../shown-controls.js';
import { setRunningCommand } from '../stderr-line.js';

/** A command module: its usage text and its entry point. */
interface Command {
  usage: string;
  run(args: string[]): Promise<number>;
}

/**
 * Every command: its module, loaded on demand (a command pays at start only for what it uses: the web view, the
 * tagger, the fetcher), and its entries in `lakivahti --help`, each a synopsis (a line break in it goes on indented)
 * and what it does. The README's CLI table is checked against the help made from this (test/process/cli-help.test.ts).
 */
const COMMANDS: Record<string, { load: () => Promise<Command>; usage?: () => Promise<{ usage: string }>; help: [synopsis: string, does: string][] }> = {
  serve: { load: () => import('./serve.js'), usage: () => import('./serve-usage.js'), help: [['serve [--port N] [--host H] [--no-schedule]', 'run the scheduler and the web view (127.0.0.1:3000 by default)']] },
  crawl: { load: () => import('./crawl.js'), help: [['crawl [--source ID]', 'crawl now; one line per source']] },
  sources: { load: () => import('./sources.js'), help: [['sources [--json]', "each source's last run, status, error and next check"]] },
  items: {
    load: () => import('./items.js'),
    help: [[
      'items [--json] [--source ID] [--since DATE] [--limit N] [--search TEXT]\n[--relevant] [--goal GOAL] [--joint]',
      'stored items, newest first (--joint: open joint-response\ncandidates, nearest deadline first)',
    ]],
  },
  matters: { load: () => import('./matters.js'), help: [['matters [--json] [--goal GOAL] [--stage STAGE] [--search TEXT] [--limit N]', 'matters: one piece of legislation joined across sources']] },
  matter: {
    load: () => import('./matter.js'),
    help: [
      ['matter ID [--json]', 'one matter (number or identifier) with its items and joins'],
      ['matter merge A B --reviewer NAME [--note TEXT]', 'a reviewer joins two matters (kept by relink and later crawls)'],
      ['matter split ID ITEM --reviewer NAME [--note TEXT]', 'a reviewer splits an item off a matter (kept likewise)'],
    ],
  },
  relink: { load: () => import('./relink.js'), help: [['relink [--dry-run]', "rebuild every matter from the stored items' identifiers"]] },
  demo: { load: () => import('./demo.js'), usage: () => import('./demo-usage.js'), help: [['demo [--port N] [--host H]', 'the app against local mirrors of recorded snapshots']] },
  tag: { load: () => import('./tag.js'), help: [['tag --jsonl FILE|-', 'tag JSON lines (id, title, summary, source, lang) without the database']] },
  retag: { load: () => import('./retag.js'), help: [['retag [--dry-run]', 're-tag every stored item with the current taxonomy (--dry-run: preview)']] },
  review: {
    load: () => import('./review.js'),
    help: [['review ID --reviewer NAME (--goals GOAL[,GOAL] | --not-relevant) [--note TEXT]', "record a reviewer's decision; the tagger learns from them"]],
  },
  backup: { load: () => import('./backup.js'), help: [['backup FILE [--force]', 'a consistent copy of the database, safe while serve runs']] },
  users: {
    load: () => import('./users.js'),
    help: [[
      'users add EMAIL --role admin|reviewer|reader | users password EMAIL | users list [--json] | users disable EMAIL | users enable EMAIL',
      "the web workbench's accounts (password from stdin or a prompt)",
    ]],
  },
  subscriptions: {
    load: () => import('./subscriptions.js'),
    help: [[
      'subscriptions add EMAIL (--network | --goal G… --source ID… --organisation NAME… --matter N… --search TEXT)\n' +
        '[--every immediately|daily|weekly] [--lang fi|sv] | subscriptions list [--json] | subscriptions remove ID',
      'who receives the digest by e-mail',
    ]],
  },
  digest: {
    load: () => import('./digest.js'),
    usage: () => import('./digest-usage.js'),
    help: [['digest --preview [--to EMAIL] [--out DIR [--force]] | digest --send [--approve]', 'show what would be sent (nothing written), or send it over SMTP_URL']],
  },
};

/**
 * A command's usage text, from its own usage module where it has one: the modules of serve, demo and digest load the
 * web server or the mailer (~1 s of CPU at a start, against ~0.2 s for `--version`), which `--help` does not need.
 */
async function usageOf(name: string): Promise<string> {
  const c = COMMANDS[name];
  return (await (c.usage ?? c.load)()).usage;
}

/** One --help entry: the synopsis, then what it does in a column of its own, beside a short synopsis or below a long one. */
function helpEntry([synopsis, does]: [string, string]): string {
  const column = ' '.repeat(37);
  const lines = synopsis.split('\n').map((line, i) => (i ? '        ' : '  ') + line);
  const [first, ...more] = does.split('\n');
  const last = lines.pop()!;
  const beside = last.length <= 35 ? [last.padEnd(column.length) + first] : [last, column + first];
  return [...lines, ...beside, ...more.map((line) => column + line)].join('\n');
}

const USAGE = `usage: lakivahti <command> [options]     (lakivahti <command> --help for one command)

commands:
${Object.values(COMMANDS).flatMap((c) => c.help.map(helpEntry)).join('\n')}

global options (before or after the command):
  --db PATH      SQLite file (default db/lakivahti.sqlite, or LAKIVAHTI_DB)
  --feeds DIR    folder laid out like feeds/ (default feeds/, or LAKIVAHTI_FEEDS)
  --version      print the version
`;

/** The version in package.json. */
export function version(): string {
  return (JSON.parse(fs.readFileSync(path.join(rootDir, 'package.json'), 'utf8')) as { version: string }).version;
}

/** The database a command line names (--db, else LAKIVAHTI_DB, else the default), to name it in an error. */
function dbFileOf(argv: string[]): string {
  try {
    const { values } = parseArgs({ args: argv, options: { db: { type: 'string' } }, strict: false, allowPositionals: true });
    return resolvePaths({ db: typeof values.db === 'string' ? values.db : undefined }).dbFile;
  } catch {
    return 'the database';
  }
}

/**
 * Everything the commands print goes to a terminal or a file a terminal will show: a control character in it (stored
 * text from before the input checks, a source's title or error) is shown as \uXXXX there, never obeyed. One place for
 * every listing, summary and JSON line (the stored text itself is left as it is).
 */
function showControlsOnStdout(): void {
  const write = process.stdout.write.bind(process.stdout) as (chunk: unknown, ...rest: unknown[]) => boolean;
  process.stdout.write = ((chunk: unknown, ...rest: unknown[]) => write(typeof chunk === 'string' ? shownControls(chunk) : chunk, ...rest)) as typeof process.stdout.write;
}

/** Run the CLI with the given arguments; returns the exit code. */
export async function main(argv: string[]): Promise<number> {
  tolerateClosedPipes();
  showControlsOnStdout();
  const status = await runCommandLine(argv);
  // A listing into a file on a full disk: said once, not as node's stack, and never exit 0.
  const failed = outputFailure();
  if (!failed) return status;
  warn(null, `standard output could not be written (${failed.code ?? failed.name}: ${failed.message.replace(/^\w+: /, '').replace(/, write$/, '')}); what was printed is incomplete`);
  return status === 0 ? 1 : status;
}

/** A command line the program cannot run (no command, an unknown one): said on stderr with the usage, exit 2. */
function usageError(message: string, argv: readonly string[]): number {
  warn(null, shortenedEchoes(message, argv));
  process.stderr.write(`\n${USAGE}`);
  return 2;
}

async function runCommandLine(argv: string[]): Promise<number> {
  const [name, ...rest] = commandFirst(argv);
  if (name === '--version' || name === '-v' || name === 'version') {
    // `lakivahti --version x`: the x was meant for something (a command typed after it); the global options may stand.
    const extra = rest[pastGlobalOptions(rest)];
    if (extra !== undefined) return usageError(`${name} takes no argument (given "${extra}")`, argv);
    process.stdout.write(`lakivahti ${version()}\n`);
    return 0;
  }
  // No command is a usage error like any other: said on stderr, where cron mails it and `2>/dev/null` hides it.
  if (!name) return usageError('no command given', argv);
  if (name === '--help' || name === '-h' || name === 'help') {
    const asked = name === 'help' && rest[0] !== undefined && !['help', '--help', '-h'].includes(rest[0]) ? rest[0] : undefined;
    // `help bakcup` is the typo `bakcup` is: the general usage with exit 0 read as an answer.
    if (asked !== undefined && !Object.hasOwn(COMMANDS, asked)) return usageError(`unknown command "${asked}"`, argv);
    process.stdout.write(asked === undefined ? USAGE : await usageOf(asked));
    return 0;
  }
  const load = Object.hasOwn(COMMANDS, name) ? COMMANDS[name].load : undefined;
  if (!load && isGlobalOption(name)) return usageError(`${name.replace(/=.*$/s, '')} goes with a command (e.g. \`lakivahti --db FILE items\`), and none was given`, argv);
  if (!load) return usageError(`unknown command "${name}"`, argv);
  if (rest.includes('--help') || rest.includes('-h')) {
    process.stdout.write(await usageOf(name));
    return 0;
  }
  const command = await load();
  for (const line of unknownSettings(process.env)) warn(null, line);
  setRunningCommand(name);
  try {
    return await command.run(rest);
  } catch (err) {
    const e = err as Error & { code?: string };
    if (err instanceof Refused && !(err instanceof UsageError)) {
      warn(name, shortenedEchoes(e.message, argv));
      return err.status;
    }
    if (err instanceof UsageError || err instanceof PathError || e.code?.startsWith('ERR_PARSE_ARGS')) {
      warn(name, shortenedEchoes(e.message, argv));
      process.stderr.write(`\n${command.usage}`);
      return 2;
    }
    // Expected failures (a missing database, a busy port) and unexpected ones alike: one line, no stack. A write to
    // the database that failed (retag, review, digest --send, users, …) names why, as crawl does; backup's copy is
    // another file, whose failures it names itself.
    const failed = e.name === 'SqliteError' && name !== 'backup' ? writeFailure(err) : null;
    warn(name, shortenedEchoes(failed ? `${writeFailureText(failed, dbFileOf(argv))}; nothing of the failed write was kept` : e.message, argv));
    if (err instanceof Interrupted) return err.status;
    if (!(err instanceof DbOpenError) && process.env.LAKIVAHTI_DEBUG) process.stderr.write(`${e.stack}\n`);
    // The database failing (missing, read-only, full, corrupt) is a failure, not a mistake in the command line.
    return err instanceof DbOpenError || e.code?.startsWith('SQLITE_') ? 1 : 2;
  }
}
