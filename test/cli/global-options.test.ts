// Where the command stands among the global options: one rule (src/cli/global-options.cts) for args.ts's commandFirst,
// which every command's line goes through, and for crawl-boot.cts, which runs a crawl from its bundle before any ES
// module is loaded. Here the built crawl-boot.cjs (bin/lakivahti.js's) is held to commandFirst on every shape.
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { commandFirst } from '../../src/cli/args.js';
import { rootDir } from '../../src/paths.js';

const { isCrawl } = createRequire(import.meta.url)(path.join(rootDir, 'dist', 'src', 'cli', 'crawl-boot.cjs')) as { isCrawl: (argv: string[]) => boolean };

/** Global options and look-alikes, as they may lead a command line. */
const LEADS = [[], ['--db', 'x.sqlite'], ['--db=x.sqlite'], ['--feeds', 'f'], ['--feeds=f'], ['--db', 'crawl'], ['--dbx'], ['-d', 'x'], ['--db']];
const COMMANDS = [[], ['crawl'], ['items'], ['--version'], ['crawl', '--db', 'y']];

describe("a crawl's command line", () => {
  const lines = LEADS.flatMap((a) => LEADS.flatMap((b) => COMMANDS.map((c) => [...a, ...b, ...c])));

  it('is told before the ES modules load exactly where commandFirst finds crawl', () => {
    expect(lines.length).toBe(LEADS.length ** 2 * COMMANDS.length);
    for (const argv of lines) expect(isCrawl(argv), argv.join(' ')).toBe(commandFirst(argv)[0] === 'crawl');
  });

  it.each([
    [['crawl'], true],
    [['--db', 'x.sqlite', '--feeds=f', 'crawl', '--source', 'a'], true],
    [['--db', 'crawl', 'items'], false],
    [['--db=crawl', 'crawl'], true],
    [['--dbx', 'crawl'], false],
    [['items', 'crawl'], false],
    [['--db'], false],
  ])('%j is a crawl: %s', (argv, crawl) => expect(isCrawl(argv)).toBe(crawl));
});
