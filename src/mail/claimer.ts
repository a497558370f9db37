// Who holds a claim on a message: this host, this pid and, where Linux's /proc tells, when this process started.
import fs from 'node:fs';
import os from 'node:os';
import { isProcessAlive } from '../store/sources.js';

/**
 * When process `pid` started: the boot's id and the clock tick since boot (/proc/PID/stat's 22nd field; its second
 * field, the name in parentheses, may hold spaces). Null where there is no /proc, or no such process.
 */
export function processStart(pid: number | 'self'): string | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const ticks = stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
    const boot = fs.readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim();
    return ticks ? `${boot}.${ticks}` : null;
  } catch {
    return null;
  }
}

/** This process as its claims name it: `host:pid`, and `@start` where the start is known. */
export function claimerId(): string {
  const start = processStart('self');
  return `${os.hostname()}:${process.pid}${start ? `@${start}` : ''}`;
}

/**
 * Whether the process a claim names is still running. Another host's is trusted to its lease. Here, its pid must be
 * alive and, when the claim names its start, have started then: a pid another process has taken since (after a
 * reboot, or pid 1 of a container started again) is not the claimer, whose message was left waiting out its lease.
 */
export function claimAlive(claimedBy: string): boolean {
  const at = claimedBy.lastIndexOf(':');
  if (claimedBy.slice(0, at) !== os.hostname()) return true;
  const [pid, start] = claimedBy.slice(at + 1).split('@');
  if (!isProcessAlive(Number(pid))) return false;
  return start === undefined || processStart(Number(pid)) === start;
}
