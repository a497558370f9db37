// Argument parsing shared by the commands; the application itself lives in src/app/.
import { parseArgs, type ParseArgsConfig } from 'node:util';

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

/** A mistake in how a command was called: printed with the command's usage, exit status 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}
