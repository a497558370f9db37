// The README's CLI table against what the commands themselves say: `lakivahti --help` and `lakivahti COMMAND --help`,
// run as processes. A person reads one of the three and expects the other two to agree on options and exit statuses.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rootDir } from '../../src/paths.js';
import { run } from '../helpers/process.js';

const readme = fs.readFileSync(path.join(rootDir, 'README.md'), 'utf8');
const cliSection = readme.slice(readme.indexOf('\n## CLI'), readme.indexOf('\n### Backup and restore'));

/** The table's rows by command name (a command with several rows, as `users` and `matter`, has them joined). */
function readmeRows(): Map<string, { usage: string; does: string }> {
  const rows = new Map<string, { usage: string; does: string }>();
  for (const line of cliSection.split('\n').filter((l) => l.startsWith('| `'))) {
    // The first cell ends at the first " | " outside backticks (a usage may hold `admin\|reviewer`).
    const cells = line.slice(2).split(/(?<!\\)\| /);
    const usage = cells[0];
    const does = cells.slice(1).join('| ');
    const name = /`(\w+)/.exec(usage)![1];
    const had = rows.get(name);
    rows.set(name, { usage: `${had?.usage ?? ''} ${usage}`, does: `${had?.does ?? ''} ${does}` });
  }
  return rows;
}

/** The options a usage text names, without the global ones every command takes. */
const options = (usage: string) =>
  [...new Set([...usage.matchAll(/--[a-z][a-z-]*/g)].map((m) => m[0]))].filter((o) => !['--db', '--feeds', '--help', '--version'].includes(o)).sort();

/**
 * The exit statuses a description names: every 0, 1, 2, 130 or 143 standing alone after the first mention of "exit"
 * (`exit 0 when it ran …; 1 when …`), except the usage error's 2 that every command shares (said once, below the
 * table, and in every command's usage error).
 */
function exitStatuses(text: string): number[] {
  const at = text.search(/\bexit/i);
  if (at < 0) return [];
  const rest = text.slice(at).replace(/,? ?(?:and )?2 on a usage error/g, '');
  return [...new Set([...rest.matchAll(/(?<![\d.–-])\b(0|1|2|130|143)\b(?![\d.–-])/g)].map((m) => Number(m[1])))].sort((a, b) => a - b);
}

describe("the README's CLI table, the global --help and each command's --help", () => {
  const rows = readmeRows();
  /** Each command's --help, asked once (the processes run side by side). */
  let helps: Map<string, Awaited<ReturnType<typeof run>>>;
  beforeAll(async () => {
    const names = [...rows.keys()];
    helps = new Map((await Promise.all(names.map((n) => run([n, '--help'])))).map((r, i) => [names[i], r]));
  }, 60_000);

  it('lists every command the program knows, and no other', async () => {
    const global = await run(['--help']);
    expect(global.code).toBe(0);
    const known = [...new Set([...global.out.matchAll(/^ {2}([a-z]+) /gm)].map((m) => m[1]))].sort();
    expect([...rows.keys()].sort()).toEqual(known);
  });

  it('name the same options for each command', async () => {
    const global = (await run(['--help'])).out;
    // The global help's entry for a command: its lines from the command's name up to the next command's, without the
    // description in the right-hand column.
    const entries = global.slice(global.indexOf('commands:'), global.indexOf('global options')).split(/\n(?= {2}[a-z])/);
    const differences: string[] = [];
    for (const [name, row] of rows) {
      const help = helps.get(name)!;
      expect(help.code, name).toBe(0);
      const usage = help.out.split('\n\n')[0];
      const inGlobal = entries.filter((e) => e.trimStart().startsWith(`${name} `)).map((e) => e.replace(/(?<=\S) {3,}\S.*$/gm, '')).join(' ');
      const own = options(usage);
      if (options(row.usage).join(' ') !== own.join(' ')) differences.push(`${name}: README ${options(row.usage).join(' ')} / --help ${own.join(' ')}`);
      if (options(inGlobal).join(' ') !== own.join(' ')) differences.push(`${name}: lakivahti --help ${options(inGlobal).join(' ')} / --help ${own.join(' ')}`);
    }
    expect(differences).toEqual([]);
  }, 60_000);

  it('name the same exit statuses for each command', async () => {
    const differences: string[] = [];
    for (const [name, row] of rows) {
      const help = helps.get(name)!.out;
      const described = help.split('\n\n').slice(1).join(' ').replace(/\s+/g, ' ');
      const [inReadme, inHelp] = [exitStatuses(row.does), exitStatuses(described)];
      if (inReadme.join(' ') !== inHelp.join(' ')) differences.push(`${name}: README ${inReadme.join(' ')} / --help ${inHelp.join(' ')}`);
    }
    expect(differences).toEqual([]);
  }, 60_000);
});

// A usage is text: `serve --help` loaded the web server (node:http and the app's modules, ~1 s of CPU at each start
// against ~0.2 s for `--version`), `demo --help` and `digest --help` likewise, in every test that asks for one. The
// probe, loaded first with --import, names at exit which of node's network modules the process loaded.
describe('a command\'s usage', () => {
  let probe: string;
  beforeAll(() => {
    probe = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'lakivahti-help-probe-')), 'probe.mjs');
    fs.writeFileSync(probe, "process.on('exit', () => process.stderr.write(`loaded: ${process.moduleLoadList.filter((m) => /^NativeModule (http|https|tls|zlib)$/.test(m)).join(', ')}\\n`));\n");
  });
  afterAll(() => fs.rmSync(path.dirname(probe), { recursive: true, force: true }));

  it.each([['serve', '--help'], ['demo', '--help'], ['digest', '--help'], ['help', 'serve'], ['help', 'digest']])('%s %s is printed without loading the web server or the mailer', async (...args) => {
    const r = await run(args, { env: { NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --import=${probe}`.trim() } });
    expect([r.code, r.err]).toEqual([0, 'loaded: \n']);
    expect(r.out).toMatch(new RegExp(`^usage: lakivahti ${args[0] === 'help' ? args[1] : args[0]} `));
  }, 60_000);
});

describe('`lakivahti help COMMAND`', () => {
  it('shows that command\'s usage, as `COMMAND --help` does', async () => {
    const [viaHelp, viaOption] = await Promise.all([run(['help', 'backup']), run(['backup', '--help'])]);
    expect(viaHelp.code).toBe(0);
    expect(viaHelp.out).toBe(viaOption.out);
  });

  it('refuses a command that does not exist as `lakivahti NAME` does (it printed the general usage, exit 0)', async () => {
    // A script asking `lakivahti help bakcup` got every command's usage and success: a typo looked like an answer.
    for (const args of [['help', 'bakcup'], ['help', '--bogus']]) {
      const r = await run(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.out, args.join(' ')).toBe('');
      expect(r.err, args.join(' ')).toMatch(new RegExp(`^lakivahti: unknown command "${args[1]}"\\n\\nusage: lakivahti <command>`));
    }
  });
});

describe('a command line the program cannot run', () => {
  it('no command at all is a usage error on stderr, as an unknown command is (the usage went to stdout, exit 2)', async () => {
    // `lakivahti $CMD` with an unset variable in a cron line: the usage on stdout read as output.
    const r = await run([]);
    expect([r.code, r.out]).toEqual([2, '']);
    expect(r.err).toMatch(/^lakivahti: no command given\n\nusage: lakivahti <command>/);
  });

  it('--version with an argument after it refuses the argument (it was ignored); global options may stand beside it', async () => {
    for (const args of [['--version', 'x'], ['version', 'items'], ['-v', '--json']]) {
      const r = await run(args);
      expect([r.code, r.out], args.join(' ')).toEqual([2, '']);
      expect(r.err, args.join(' ')).toMatch(new RegExp(`^lakivahti: ${args[0]} takes no argument \\(given "${args[1]}"\\)\\n\\nusage: lakivahti <command>`));
    }
    const withDb = await run(['--version', '--db', 'x.sqlite', '--feeds=feeds']);
    expect([withDb.code, withDb.err]).toEqual([0, '']);
    expect(withDb.out).toMatch(/^lakivahti \d+\.\d+\.\d+\n$/);
  });

  it("a switch given a value is named in the commands' own words (it was parseArgs's \"Option '--json' does not take an argument\")", async () => {
    const r = await run(['items', '--json=1', '--db', 'nowhere.sqlite']);
    expect([r.code, r.out]).toEqual([2, '']);
    expect(r.err).toMatch(/^lakivahti items: --json takes no value \(given "1"\)\n\nusage: lakivahti items /);
  });
});
