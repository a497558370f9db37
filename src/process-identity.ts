// One process as the run leases of sources and the claims of messages name it: its host, its pid and, where Linux's
// /proc tells, when it started. A pid alone is not a process: after a reboot, or for pid 1 of a container started
// again, another process has it, and a lease or claim judged by it looked held until it ran out.
import fs from 'node:fs';
import os from 'node:os';

/** A process on a host; `start` (the boot's id and the clock tick since boot) where it is known. */
export interface ProcessIdentity {
  host: string;
  pid: number;
  start: string | null;
}

/**
 * Whether a process of this host is alive (a process of another user counts: signalling it is only refused; so does
 * anything else not ESRCH, such as a pid that is no number: its lease or claim is left to run out). Also the check of
 * a killed backup's partial file (store/maintenance.ts).
 */
export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code !== 'ESRCH';
  }
}

let boot: string | null | undefined;

/** This boot's id, read once (a process outlives no boot); null where there is no /proc. */
function bootId(): string | null {
  if (boot === undefined) {
    try {
      boot = fs.readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim();
    } catch {
      boot = null;
    }
  }
  return boot;
}

/**
 * When process `pid` started: the boot's id and the clock tick since boot (/proc/PID/stat's 22nd field; its second
 * field, the name in parentheses, may hold spaces). Null where there is no /proc, or no such process.
 */
export function processStart(pid: number | 'self'): string | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const ticks = stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
    const id = bootId();
    return ticks && id !== null ? `${id}.${ticks}` : null;
  } catch {
    return null;
  }
}

let self: ProcessIdentity | undefined;

/** This process (read once: its host, pid and start do not change while it runs; every thread of it is it). */
export function thisProcess(): ProcessIdentity {
  return (self ??= { host: os.hostname(), pid: process.pid, start: processStart('self') });
}

/**
 * Whether `p` is known to have ended: a process of `host` (this one) whose pid is gone, or has been taken since by a
 * process that started at another time than `p` names. Another host's process is never known to have ended (it is
 * trusted to its lease), nor one without a pid; one without a start is judged by its pid alone (an older lease, no /proc).
 */
export function hasEnded(p: { host: string | null; pid: number | null; start: string | null }, host = thisProcess().host): boolean {
  if (p.host !== host || p.pid === null) return false;
  // This process's pid: alive, and the same process unless another start is named (an earlier process had the pid).
  // Judged without signalling it or reading /proc twice: a crawl judges its own lease once a source, as it reads the
  // source's state after claiming it (a cold crawl of 200 feeds: 200 signals and 400 file reads on its thread).
  if (p.pid === process.pid) return p.start !== null && p.start !== thisProcess().start;
  return !isProcessAlive(p.pid) || (p.start !== null && processStart(p.pid) !== p.start);
}

/** A process as one text, as a message's claim stores it: `host:pid`, and `@start` where the start is known. */
export const identityText = (p: ProcessIdentity): string => `${p.host}:${p.pid}${p.start ? `@${p.start}` : ''}`;

/** The process an identityText names. */
export function parseIdentity(text: string): ProcessIdentity {
  const at = text.lastIndexOf(':');
  const [pid, start] = text.slice(at + 1).split('@');
  return { host: text.slice(0, at), pid: Number(pid), start: start ?? null };
}
