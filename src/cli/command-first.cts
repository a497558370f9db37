// Where a command line's command is, written once for args.ts and for crawl-boot.cts (which must tell `crawl` before
// any module of the CLI is loaded).

/** `--db`/`--feeds` (with its value after = or as the next argument). */
export const isGlobalOption = (arg: string): boolean => /^--(db|feeds)(=|$)/.test(arg);

/**
 * The arguments with global options written before the command (`lakivahti --db FILE items`) moved to just after
 * it, where each command's parser reads them.
 */
export function commandFirst(argv: string[]): string[] {
  let i = 0;
  while (i < argv.length && isGlobalOption(argv[i])) i += argv[i].includes('=') ? 1 : 2;
  return i === 0 || i >= argv.length ? argv : [argv[i], ...argv.slice(0, i), ...argv.slice(i + 1)];
}
