// Argument parsing shared by the commands; the application itself lives in src/app/.
import os from 'node:os';
import type { Writable } from 'node:stream';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { stderrLine } from '../stderr-line.js';
import { writeAndWait } from '../stream-write.js';
import { pastGlobalOptions } from './global-options.cjs';

/** Global options every command takes. */
export const globalOptions = {
  db: { type: 'string' },
  feeds: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies ParseArgsConfig['options'];

export { isGlobalOption, pastGlobalOptions } from './global-options.cjs';

/**
 * The arguments with global options written before the command (`lakivahti --db FILE items`) moved to just after
 * it, where each command's parser reads them.
 */
export function commandFirst(argv: string[]): string[] {
  const i = pastGlobalOptions(argv);
  return i === 0 || i >= argv.length ? argv : [argv[i], ...argv.slice(0, i), ...argv.slice(i + 1)];
}

/**
 * Parse a command's arguments (global options included). Mistakes are named in the command's words rather than
 * parseArgs's: an unknown option, an option left without its value (`items --source --db x`), an argument a command
 * without positional arguments does not take (`sources extra`), and an option of one value given twice with two values.
 * A negative number is taken as an option's value (`--limit -1`), so the command says what it wants instead of
 * "argument is ambiguous".
 */
export function parseCommand<O extends ParseArgsConfig['options']>(args: string[], options: O, takesArguments = false) {
  const all: ParseArgsConfig['options'] = { ...globalOptions, ...options };
  const joined: string[] = [];
  // Arguments, after '--' for parseArgs, which would take "-1" for an option: `matter -1` is the command's to refuse.
  const positionals: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--') {
      positionals.push(...args.slice(i + 1));
      break;
    }
    const name = arg.startsWith('--') && !arg.includes('=') ? arg.slice(2) : undefined;
    if (name !== undefined && Object.hasOwn(all, name) && all[name].type === 'string') {
      const value = args[i + 1];
      if (value === undefined || (value.startsWith('-') && value !== '-' && !/^-\d/.test(value))) throw new UsageError(`${arg} needs a value`);
      joined.push(`${arg}=${value}`);
      i++;
    } else if (arg.startsWith('-') && arg !== '-' && !/^-\d/.test(arg)) {
      const option = arg.replace(/=.*$/s, '');
      const known = option.startsWith('--') ? Object.hasOwn(all, option.slice(2)) : Object.values(all).some((o) => o.short === option.slice(1));
      if (!known) throw new UsageError(`unknown option ${option}`);
      // `--json=1`: a switch takes no value (parseArgs said so in its own words, capitalised).
      if (option !== arg && option.startsWith('--') && all[option.slice(2)].type === 'boolean')
        throw new UsageError(`${option} takes no value (given ${JSON.stringify(arg.slice(option.length + 1))})`);
      joined.push(arg);
    } else positionals.push(arg);
  }
  // An option of one value given twice with two values (`--role admin --role reader`, a script's default and its
  // override) is ambiguous: parseArgs would quietly take the last.
  const given = new Map<string, string>();
  for (const arg of joined) {
    const m = /^--([^=]+)=(.*)$/s.exec(arg);
    if (!m || !Object.hasOwn(all, m[1]) || all[m[1]].type !== 'string' || all[m[1]].multiple) continue;
    const before = given.get(m[1]);
    if (before !== undefined && before !== m[2]) throw new UsageError(`--${m[1]} is given twice ("${before}", "${m[2]}"); give it once`);
    given.set(m[1], m[2]);
  }
  const parsed = parseArgs({ args: [...joined, '--', ...positionals], options: { ...globalOptions, ...options }, allowPositionals: true, strict: true });
  if (!takesArguments && parsed.positionals.length) throw new UsageError(`unexpected argument "${parsed.positionals[0]}"`);
  return parsed;
}

/**
 * A line on standard error in the one shape of every line the commands write there (src/stderr-line.ts): `lakivahti
 * COMMAND: message`, or `lakivahti: message` for the program itself (an unknown command, an unknown setting). Its
 * control characters are shown as standard output shows them: a message quotes stored text (the titles `matter`
 * lists for an identifier two matters hold went to the terminal as stored, an escape and all).
 */
export function warn(command: string | null, message: string, err: Writable | NodeJS.WritableStream = process.stderr): void {
  err.write(stderrLine(command, message, { lines: true }));
}

/** Longer than this, an argument echoed in a refusal is shortened (a path at PATH_MAX still is). */
const ECHO_LIMIT = 200;

/** An echoed argument shortened: its first characters, then how many it has (`xxxx… (100000 characters)`). */
export function shortenedEcho(value: string): string {
  const chars = [...value];
  return chars.length <= ECHO_LIMIT ? value : `${chars.slice(0, 40).join('')}… (${chars.length} characters)`;
}

/**
 * A refusal's message with every long argument of the command line it echoes shortened (shortenedEcho): one place for
 * every command, so a 100,000-character `matter` argument or `--limit` value is named, not printed whole into cron's
 * mail. The argument is found as given, trimmed, as the value of `--option=value`, or quoted by JSON.stringify.
 */
export function shortenedEchoes(message: string, argv: readonly string[]): string {
  const long = new Set<string>();
  for (const arg of argv)
    for (const v of [arg, arg.replace(/^--[^=]*=/s, '')])
      for (const form of [v, v.trim(), JSON.stringify(v).slice(1, -1), JSON.stringify(v.trim()).slice(1, -1)]) if (form.length > ECHO_LIMIT) long.add(form);
  // Longest first: a trimmed form is inside the whole one.
  for (const form of [...long].sort((a, b) => b.length - a.length)) if (message.includes(form)) message = message.split(form).join(shortenedEcho(form));
  return message;
}

/**
 * The command says no, or that it failed, in a line of its own: `lakivahti command: message` on stderr (see warn), exit
 * status 2 (a target it will not write, a name already taken) unless given (1: it tried and failed).
 */
export class Refused extends Error {
  constructor(message: string, readonly status = 2) {
    super(message);
    this.name = 'Refused';
  }
}

/** A mistake in how a command was called: refused with the command's usage after the message, exit status 2. */
export class UsageError extends Refused {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/**
 * The person stopped the command (Ctrl-C at a prompt, a signal): nothing was done; exit status 130 (143 for SIGTERM),
 * as the shell's own.
 */
export class Interrupted extends Error {
  constructor(message = 'cancelled (Ctrl-C); nothing was changed', readonly status = 130) {
    super(message);
    this.name = 'Interrupted';
  }
}

export { fileKind } from '../file-kind.js';

/**
 * The lines of `input` as bytes, without their \n or \r\n, so each is checked as UTF-8 before it is decoded (a
 * character split between two reads of a pipe stays whole).
 */
export async function* byteLines(input: AsyncIterable<Buffer | string>): AsyncGenerator<Buffer> {
  let pieces: Buffer[] = [];
  for await (const chunk of input) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    let start = 0;
    for (let nl = bytes.indexOf(0x0a); nl >= 0; nl = bytes.indexOf(0x0a, start)) {
      const line = pieces.length ? Buffer.concat([...pieces, bytes.subarray(start, nl)]) : bytes.subarray(start, nl);
      pieces = [];
      yield line.at(-1) === 0x0d ? line.subarray(0, -1) : line;
      start = nl + 1;
    }
    if (start < bytes.length) pieces.push(bytes.subarray(start));
  }
  if (pieces.length) yield Buffer.concat(pieces);
}

const NEWLINE = Buffer.from('\n');

/**
 * Write a line to standard output, waiting while the pipe is full (writeAndWait); false once the reader has gone
 * (`lakivahti items | head -1`), so a listing can stop instead of filling memory or failing with EPIPE. A line of
 * bytes is one terminalLine made, already shown.
 */
export async function writeLine(line: string | Buffer, out: Writable = process.stdout): Promise<boolean> {
  return writeAndWait(out, typeof line === 'string' ? line + '\n' : Buffer.concat([line, NEWLINE]));
}

/**
 * A reader that went away (EPIPE) or a terminal that closed (EIO: its SIGHUP is being handled, see STOP_SIGNALS) is
 * not an error worth a stack: the command notices and stops writing, or goes on stopping cleanly. Any other failure to
 * write standard output (a full disk or a file-size limit under `> file`) stops the writing the same way and is kept
 * for outputFailure: what was printed is incomplete, which the command line says (it was node's stack, exit 1).
 */
let tolerating = false;
const CLOSED = new Set(['EPIPE', 'EIO', 'ERR_STREAM_DESTROYED']);
let failedOutput: NodeJS.ErrnoException | null = null;
export function tolerateClosedPipes(): void {
  if (tolerating) return;
  tolerating = true;
  for (const stream of [process.stdout, process.stderr])
    stream.on('error', (err: NodeJS.ErrnoException) => {
      if (CLOSED.has(err.code ?? '')) return;
      // Standard error failing (`2> file` on a full disk) loses a note or a refusal, not the command's work: the exit
      // status stays the command's own (rethrown, it ended the process as an uncaught exception after the work).
      if (stream === process.stdout) failedOutput ??= err;
    });
}

/** Why standard output could not be written (other than its reader going), or null; the stream knows at once, its
 * 'error' event comes a tick later. */
export function outputFailure(): NodeJS.ErrnoException | null {
  const err = failedOutput ?? (process.stdout.errored as NodeJS.ErrnoException | null);
  return err && !CLOSED.has(err.code ?? '') ? err : null;
}

/**
 * The signals that stop a command as Ctrl-C does: SIGTERM (a service manager, cron's timeout) and SIGHUP, which a
 * closed terminal or an ended SSH session sends to the commands it started (it ended them at once, unhandled).
 */
export const STOP_SIGNALS: readonly NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

/** Call `stop` on the first of STOP_SIGNALS; a second signal is not caught and ends the process. Returns `off`. */
export function onStopSignal(stop: (signal: NodeJS.Signals) => void): () => void {
  const off = () => STOP_SIGNALS.forEach((s) => process.off(s, first));
  const first = (signal: NodeJS.Signals) => (off(), stop(signal));
  STOP_SIGNALS.forEach((s) => process.once(s, first));
  return off;
}

/** The exit status a shell gives a command a signal stopped: 128 + its number (130 Ctrl-C, 143 SIGTERM, 129 SIGHUP). */
export const signalStatus = (signal: NodeJS.Signals): number => 128 + os.constants.signals[signal];
