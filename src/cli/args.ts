// Argument parsing shared by the commands; the application itself lives in src/app/.
import { parseArgs, type ParseArgsConfig } from 'node:util';

/** Global options every command takes. */
export const globalOptions = {
  db: { type: 'string' },
  feeds: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies ParseArgsConfig['options'];

/**
 * The arguments with global options written before the command (`lakivahti --db FILE items`) moved to just after
 * it, where each command's parser reads them.
 */
export function commandFirst(argv: string[]): string[] {
  let i = 0;
  while (i < argv.length && /^--(db|feeds)(=|$)/.test(argv[i])) i += argv[i].includes('=') ? 1 : 2;
  return i === 0 || i >= argv.length ? argv : [argv[i], ...argv.slice(0, i), ...argv.slice(i + 1)];
}

/** Parse a command's arguments (global options included), with a clear error for unknown ones. */
export function parseCommand<O extends ParseArgsConfig['options']>(args: string[], options: O) {
  return parseArgs({ args, options: { ...globalOptions, ...options }, allowPositionals: true, strict: true });
}

/** A mistake in how a command was called: printed with the command's usage, exit status 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/**
 * Write a line to standard output, waiting while the pipe is full; false once the reader has gone
 * (`lakivahti items | head -1`), so a listing can stop instead of filling memory or failing with EPIPE.
 */
export async function writeLine(line: string, out: NodeJS.WriteStream = process.stdout): Promise<boolean> {
  if (out.destroyed) return false;
  if (!out.write(line + '\n'))
    await new Promise<void>((resolve) => {
      const done = () => (out.off('drain', done), out.off('close', done), resolve());
      out.once('drain', done);
      out.once('close', done);
    });
  return !out.destroyed;
}

/** A reader that went away (EPIPE) is not an error worth a stack: the command notices and stops writing. */
let tolerating = false;
export function tolerateClosedPipes(): void {
  if (tolerating) return;
  tolerating = true;
  for (const stream of [process.stdout, process.stderr])
    stream.on('error', (err: NodeJS.ErrnoException) => {
      if (err.code !== 'EPIPE' && err.code !== 'ERR_STREAM_DESTROYED') throw err;
    });
}
