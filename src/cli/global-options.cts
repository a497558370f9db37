// Where the command stands among the global options (`lakivahti --db FILE items`): one rule for args.ts and for
// crawl-boot.cts, which must tell a crawl's command line before any ES module is loaded (hence CommonJS).

/** `--db`/`--feeds` (with its value after = or as the next argument). */
export const isGlobalOption = (arg: string): boolean => /^--(db|feeds)(=|$)/.test(arg);

/** Where the first argument past the leading global options and their values stands (argv.length or past it if none). */
export function pastGlobalOptions(argv: readonly string[]): number {
  let i = 0;
  while (i < argv.length && isGlobalOption(argv[i])) i += argv[i].includes('=') ? 1 : 2;
  return i;
}
