// Run `node bin/lakivahti.js` as a shell or cron does: a child process with pipes, no TTY.
import { spawn, type ChildProcessByStdio, type SpawnOptions } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import type { Readable, Writable } from 'node:stream';
import { rootDir } from '../../src/paths.js';

export const BIN = path.join(rootDir, 'bin', 'lakivahti.js');

export interface Finished {
  code: number | null;
  signal: NodeJS.Signals | null;
  out: string;
  err: string;
  /** Milliseconds from spawn to exit. */
  ms: number;
}

export interface Child {
  proc: ChildProcessByStdio<Writable, Readable, Readable>;
  /** Everything printed so far. */
  out(): string;
  err(): string;
  /** Resolves when the process has exited and its pipes are drained. */
  done: Promise<Finished>;
  /**
   * Resolves with the first stdout line matching `re`; rejects if the process exits first, or, only when `timeoutMs`
   * is given, once that window has passed. Without it the wait is bounded by the test's own timeout: a start that takes
   * 30 s at load 33 is not a failure of what the test asks (a 20 s window failed serve-port's six tests so, session 58).
   */
  line(re: RegExp, timeoutMs?: number): Promise<string>;
}

/**
 * Start the CLI with pipes for stdin, stdout and stderr; `env` is added to the test's environment. `fileSizeKiB`: its
 * files limited to that many KiB, set by the shell as cron or a service manager starts it (`ulimit -f`). `stdout` or
 * `stderr`: an open file it writes into instead of a pipe (`> file`, `2> /dev/full`); what it printed there is not read.
 * `bin`: another build's bin/lakivahti.js (a copy of dist/) instead of this one's.
 */
export function start(args: string[], opts: { bin?: string; env?: Record<string, string | undefined>; uid?: number; gid?: number; cwd?: string; fileSizeKiB?: number; stdout?: number; stderr?: number } = {}): Child {
  const spawnOpts: SpawnOptions = {
    cwd: opts.cwd ?? rootDir,
    env: { ...process.env, LAKIVAHTI_ALLOW_PRIVATE_NETWORKS: '1', ...opts.env },
    stdio: ['pipe', opts.stdout ?? 'pipe', opts.stderr ?? 'pipe'],
    uid: opts.uid,
    gid: opts.gid,
  };
  const began = Date.now();
  const bin = opts.bin ?? BIN;
  const proc = (opts.fileSizeKiB === undefined ? spawn(process.execPath, [bin, ...args], spawnOpts)
    : spawn('sh', ['-c', `ulimit -f ${opts.fileSizeKiB} && exec "$0" "$@"`, process.execPath, bin, ...args], spawnOpts)) as ChildProcessByStdio<Writable, Readable, Readable>;
  let out = '';
  let err = '';
  // A stream given a file has no pipe (null, whatever the type says).
  proc.stdout?.setEncoding('utf8').on('data', (c: string) => (out += c));
  proc.stderr?.setEncoding('utf8').on('data', (c: string) => (err += c));
  // 'close' (not 'exit'): the pipes are read to their end.
  const done = new Promise<Finished>((resolve) =>
    proc.on('close', (code, signal) => resolve({ code, signal, out, err, ms: Date.now() - began })),
  );
  const line = (re: RegExp, timeoutMs?: number) =>
    new Promise<string>((resolve, reject) => {
      const timer = timeoutMs === undefined ? undefined
        : setTimeout(() => reject(new Error(`no line matching ${re} within ${timeoutMs} ms; stdout: ${out}\nstderr: ${err}`)), timeoutMs);
      const check = () => {
        const hit = out.split('\n').find((l) => re.test(l));
        if (hit) {
          clearTimeout(timer);
          proc.stdout.off('data', check);
          resolve(hit);
        }
      };
      proc.stdout.on('data', check);
      check();
      void done.then(() => {
        clearTimeout(timer);
        reject(new Error(`exited before printing ${re}; stdout: ${out}\nstderr: ${err}`));
      });
    });
  return { proc, out: () => out, err: () => err, done, line };
}

/**
 * The address `serve` logged when it began listening (its "listening" line), without a trailing slash; waited for
 * until it is printed or the process exits (the caller's test or hook timeout bounds it), or `timeoutMs` if given.
 */
export async function listeningAt(child: Child, timeoutMs?: number): Promise<string> {
  return (JSON.parse(await child.line(/"event":"listening"/, timeoutMs)) as { url: string }).url.replace(/\/$/, '');
}

/** Run the CLI to the end, writing `input` (if any: text, or bytes as they are) to its stdin first. */
export async function run(args: string[], opts: Parameters<typeof start>[1] & { input?: string | Buffer } = {}): Promise<Finished> {
  const child = start(args, opts);
  child.proc.stdin.end(opts.input ?? '');
  return child.done;
}

/** A `serve` for the tests of one file (serveForTests); its fields are set once the server listens. */
export interface Served {
  /** The scratch folder, removed after the tests. */
  dir: string;
  /** The server's address without a trailing slash. */
  base: string;
  child: Child;
}

/**
 * `lakivahti serve --port 0 --no-schedule` for the tests of one file. Before them: a scratch folder `lakivahti-NAME-…`,
 * `prepare(dir)` (seed, accounts) returning serve's further arguments and how to start it, the server started and its
 * address read. After them: the server stopped as a shutdown stops it (SIGTERM), `restore(dir)` (modes a test took
 * away), the folder removed.
 */
export function serveForTests(
  name: string,
  prepare: (dir: string) => Promise<{ args: string[]; opts?: Parameters<typeof start>[1] }> | { args: string[]; opts?: Parameters<typeof start>[1] },
  restore?: (dir: string) => void,
): Served {
  const served = {} as Served;
  beforeAll(async () => {
    served.dir = fs.mkdtempSync(path.join(os.tmpdir(), `lakivahti-${name}-`));
    const { args, opts } = await prepare(served.dir);
    served.child = start(['serve', '--port', '0', '--no-schedule', ...args], opts);
    served.base = await listeningAt(served.child);
  }, 90_000);
  afterAll(async () => {
    served.child?.proc.kill('SIGTERM');
    await served.child?.done;
    if (served.dir) restore?.(served.dir);
    if (served.dir) fs.rmSync(served.dir, { recursive: true, force: true });
  });
  return served;
}

/** The system's range for ports it hands out itself (bind to port 0, outgoing connections); Linux's, or its default. */
function ephemeralRange(): [number, number] {
  try {
    const [low, high] = fs.readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').trim().split(/\s+/).map(Number);
    if (low > 0 && high >= low) return [low, high];
  } catch { /* not Linux */ }
  return [32768, 60999];
}

/**
 * A port free on 127.0.0.1 now, for a command told to listen on it (--port N or PORT). Chosen at random below the
 * system's ephemeral range: a port taken from `listen(0)` and closed again was handed to the next `listen(0)` (the demo's
 * own mirror of the sources, another test's server) before the command under test bound it, and CI failed with "port N
 * is already in use" (serve-port, session 50). Below the range only another freePort can pick it, one in about ten
 * thousand, and the bind here checks nothing listens there now.
 */
export async function freePort(): Promise<number> {
  const [low, high] = ephemeralRange();
  const [from, to] = low > 11_024 ? [10_000, low - 1] : [high + 1, 65_535];
  for (let tries = 0; tries < 50; tries++) {
    const port = from + Math.floor(Math.random() * (to - from + 1));
    const free = await new Promise<boolean>((resolve) => {
      const s = net.createServer().once('error', () => resolve(false)).listen(port, '127.0.0.1', () => s.close(() => resolve(true)));
    });
    if (free) return port;
  }
  throw new Error(`freePort: no free port found on 127.0.0.1 between ${from} and ${to}`);
}

/**
 * Another process holding `file`'s write lock (BEGIN IMMEDIATE, waiting up to 30 s for it) until `free()` rolls back
 * and closes it. A node child with the project's own better-sqlite3, not the `sqlite3` shell: that program is no part
 * of a fresh machine (the tests spawning it failed there with ENOENT), and it went on after a failed BEGIN as if it
 * held the lock.
 */
export async function holdWriteLock(file: string): Promise<{ free: () => Promise<void> }> {
  const script = `const db = new (require('better-sqlite3'))(process.argv[1], { timeout: 30000 });
    db.exec('BEGIN IMMEDIATE');
    process.stdout.write('locked\\n');
    process.stdin.resume().on('end', () => { db.exec('ROLLBACK'); db.close(); });`;
  const holder = spawn(process.execPath, ['-e', script, file], { cwd: rootDir, stdio: ['pipe', 'pipe', 'pipe'] });
  let err = '';
  holder.stderr.setEncoding('utf8').on('data', (c: string) => (err += c));
  const closed = new Promise<number | null>((resolve) => holder.on('close', resolve));
  await new Promise<void>((resolve, reject) => {
    holder.stdout.once('data', () => resolve());
    void closed.then((code) => reject(new Error(`holdWriteLock: the lock on ${file} was not taken (exit ${code}): ${err}`)));
  });
  return {
    free: async () => {
      holder.stdin.end();
      const code = await closed;
      if (code !== 0) throw new Error(`holdWriteLock: the lock on ${file} was not let go cleanly (exit ${code}): ${err}`);
    },
  };
}

/**
 * Resolves once the main thread of process `pid` has been seen `times` times in a row, `everyMs` apart, in the kernel
 * wait `wchan` matches (/proc/PID/wchan): /nanosleep/ is a timed sleep, such as SQLite's busy wait for a lock another
 * connection holds; /^do_epoll_wait$/ the event loop with nothing to do (a full pipe, an answer not yet come). The event
 * a test waits for where the product gives none, instead of a fixed sleep, which a loaded machine may outlast (the
 * child had not yet come so far, and the test tested less than it said). Rejects, saying `what`, if the process ends
 * first or is not seen so within `tries` looks.
 */
export async function untilWaitingIn(pid: number, wchan: RegExp, what: string, { times = 5, everyMs = 10, tries = 6_000 } = {}): Promise<void> {
  let seen = 0;
  for (let n = 0; seen < times; n++) {
    if (n >= tries) throw new Error(`${what}: not seen in ${wchan} ${times} times in a row in ${tries} looks`);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
    let at: string;
    try {
      at = fs.readFileSync(`/proc/${pid}/wchan`, 'utf8');
    } catch {
      throw new Error(`${what}: the process (pid ${pid}) ended first`);
    }
    seen = wchan.test(at) ? seen + 1 : 0;
  }
}
