// The one shape of every line Lakivahti writes on standard error: `lakivahti COMMAND: message`, or `lakivahti: message`
// for the program itself. The program's name first, as BSD's warnx(3) and curl print it, and the command after it: cron
// mails and journals mix several jobs' lines. Code below the CLI that cannot be handed the command (the trust store at
// the first TLS connection, the tagger in the writer thread) names it through `note`, as warnx reads getprogname(3).
import { getEnvironmentData, setEnvironmentData } from 'node:worker_threads';
import { shownControls, shownOnOneLine } from './shown-controls.js';

/** Where the running command's name is kept: worker_threads' environment data, copied into every thread started after. */
const COMMAND_KEY = 'lakivahti:command';

/**
 * One stderr line in the shape, with its line feed; the message's control characters shown rather than obeyed
 * (shown-controls.ts): its line feeds too unless `lines` (a refusal listing the matters that hold an identifier).
 */
export function stderrLine(command: string | null | undefined, message: string, { lines = false } = {}): string {
  return `lakivahti${command ? ` ${command}` : ''}: ${lines ? shownControls(message) : shownOnOneLine(message)}\n`;
}

/** Name the command this process runs (the CLI, before running it), for the notes of every thread started after. */
export function setRunningCommand(name: string): void {
  setEnvironmentData(COMMAND_KEY, name);
}

/**
 * A note on stderr in the shape, naming the running command (`lakivahti:` alone outside the CLI); its line feeds kept
 * with `lines`, as stderrLine keeps them.
 */
export function note(message: string, { lines = false } = {}): void {
  process.stderr.write(stderrLine(getEnvironmentData(COMMAND_KEY) as string | undefined, message, { lines }));
}
