// The run lease's rules one at a time, in one process: who may take a lease, when it expires, what is recorded.
// (Leases held by another live process: leases.test.ts.)
import { spawnSync } from 'node:child_process';
import os from 'node:os';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  claimSource, getSourceState, listRuns, openDb, recoverDeadLeases, releaseSource, syncSources, type Db,
} from '../../src/store/index.js';
import { isProcessAlive, processStart, thisProcess } from '../../src/process-identity.js';
import type { SourceDef } from '../../src/model.js';

const here = os.hostname();
/** The pid of a process that has ended. */
const deadPid = (() => spawnSync(process.execPath, ['-e', '0']).pid!)();
const t0 = new Date('2026-03-01T10:00:00.000Z');
const at = (ms: number) => new Date(t0.getTime() + ms);

let db: Db;
beforeEach(() => {
  db = openDb(':memory:');
  syncSources(db, ['a', 'b', 'c'].map((id) => ({ id, name: id, url: `https://example.fi/${id}` }) as SourceDef));
});
const hold = (id: string, until: Date, host: string | null, pid: number | null, since: string | null = t0.toISOString(), start: string | null = null) =>
  db.prepare('UPDATE sources SET running_until = ?, lease_host = ?, lease_pid = ?, lease_start = ?, lease_at = ? WHERE id = ?')
    .run(until.toISOString(), host, pid, start, since, id);
const lease = (id = 'a') => db.prepare('SELECT running_until AS until, lease_host AS host, lease_pid AS pid, lease_at AS at FROM sources WHERE id = ?').get(id);
/** This process as a lease holder, or another with the same host and pid (start given). */
const me = (start = thisProcess().start) => ({ host: here, pid: process.pid, start });

describe('run leases: the rules', () => {
  it('a free source is claimed: the lease records until when, by which host and pid, since when', () => {
    expect(claimSource(db, 'a', at(60_000), t0, { host: 'h1', pid: 42, start: 'b.1' })).toBe(true);
    expect(lease()).toEqual({ until: at(60_000).toISOString(), host: 'h1', pid: 42, at: t0.toISOString() });
    expect(getSourceState(db, 'a')!.running).toEqual({ since: t0.toISOString(), until: at(60_000).toISOString(), host: 'h1', pid: 42, ended: false });
    expect(listRuns(db, 'a')).toEqual([]);
  });

  it('an unknown source cannot be claimed', () => {
    expect(claimSource(db, 'nope', at(60_000), t0)).toBe(false);
  });

  it('a live lease holds up to and including its last instant, and expires one millisecond later', () => {
    hold('a', at(60_000), 'elsewhere', 7);
    expect(claimSource(db, 'a', at(120_000), at(59_999), me())).toBe(false);
    expect(claimSource(db, 'a', at(120_000), at(60_000), me())).toBe(false);
    expect(lease()).toMatchObject({ host: 'elsewhere', pid: 7 });
    expect(claimSource(db, 'a', at(120_000), at(60_001), me())).toBe(true);
    expect(lease()).toEqual({ until: at(120_000).toISOString(), host: here, pid: process.pid, at: at(60_001).toISOString() });
  });

  it('an expired lease of another host is taken and its run recorded as interrupted (without a pid when none was kept)', () => {
    hold('a', at(1_000), 'elsewhere', 7);
    hold('b', at(1_000), 'elsewhere', null, null);
    expect(claimSource(db, 'a', at(60_000), at(2_000))).toBe(true);
    expect(claimSource(db, 'b', at(60_000), at(2_000))).toBe(true);
    expect(listRuns(db, 'a')).toEqual([expect.objectContaining({
      status: 'interrupted', startedAt: t0.toISOString(), finishedAt: at(2_000).toISOString(),
      error: 'interrupted: the run (pid 7 on elsewhere) did not finish before its lease expired',
    })]);
    // No lease start recorded: the run is dated when the lease was taken over.
    expect(listRuns(db, 'b')).toEqual([expect.objectContaining({
      status: 'interrupted', startedAt: at(2_000).toISOString(), error: 'interrupted: the run did not finish before its lease expired',
    })]);
    expect(getSourceState(db, 'a')).toMatchObject({ lastStatus: 'interrupted', lastRunAt: at(2_000).toISOString(), errorCount: 0 });
  });

  it('the unexpired lease of a process of this host that has ended is taken at once, its run recorded as interrupted', () => {
    expect(isProcessAlive(deadPid)).toBe(false);
    hold('a', at(3_600_000), here, deadPid);
    expect(getSourceState(db, 'a')!.running).toMatchObject({ pid: deadPid, ended: true });
    expect(claimSource(db, 'a', at(60_000), at(1_000))).toBe(true);
    expect(listRuns(db, 'a')).toEqual([expect.objectContaining({
      status: 'interrupted', startedAt: t0.toISOString(), finishedAt: at(1_000).toISOString(),
      error: `interrupted: the process (pid ${deadPid}) ended before the run finished`,
    })]);
  });

  it('a process of another host with the same pid as a dead one here is not taken for dead', () => {
    hold('a', at(3_600_000), 'elsewhere', deadPid);
    expect(getSourceState(db, 'a')!.running!.ended).toBe(false);
    expect(claimSource(db, 'a', at(60_000), at(1_000))).toBe(false);
  });

  it('the expired lease of a live process here is taken without recording a run (it may still finish)', () => {
    hold('a', at(1_000), here, process.pid);
    expect(claimSource(db, 'a', at(60_000), at(2_000), me())).toBe(true);
    expect(listRuns(db, 'a')).toEqual([]);
    expect(getSourceState(db, 'a')!.lastStatus).toBeNull();
  });

  it('recoverDeadLeases ends only the leases of this host whose process has ended', () => {
    hold('a', at(3_600_000), here, deadPid);
    hold('b', at(3_600_000), here, process.pid);
    hold('c', at(3_600_000), 'elsewhere', deadPid);
    expect(recoverDeadLeases(db, here, at(5_000))).toEqual(['a']);
    expect(lease('a')).toEqual({ until: null, host: null, pid: null, at: null });
    expect(listRuns(db, 'a')).toEqual([expect.objectContaining({ status: 'interrupted', finishedAt: at(5_000).toISOString() })]);
    expect(lease('b')).toMatchObject({ pid: process.pid });
    expect(lease('c')).toMatchObject({ host: 'elsewhere' });
    expect(recoverDeadLeases(db, here, at(6_000))).toEqual([]);
  });

  it('releaseSource gives the lease back', () => {
    expect(claimSource(db, 'a', at(60_000), t0)).toBe(true);
    releaseSource(db, 'a');
    expect(getSourceState(db, 'a')!.running).toBeNull();
    expect(claimSource(db, 'a', at(60_000), t0, { host: 'other', pid: 1, start: null })).toBe(true);
  });

  it.runIf(process.platform === 'linux')('the lease of a process of this host whose pid another process has taken since (after a reboot, pid 1 of a container started again) is taken at once', () => {
    // This process's pid, as a lease taken by a process that started at another tick, and under another boot.
    hold('a', at(3_600_000), here, process.pid, t0.toISOString(), `${processStart('self')!.replace(/\d+$/, (t) => String(Number(t) - 1))}`);
    hold('b', at(3_600_000), here, process.pid, t0.toISOString(), 'another-boot.1');
    expect(getSourceState(db, 'a')!.running).toMatchObject({ pid: process.pid, ended: true });
    expect(claimSource(db, 'a', at(60_000), at(1_000), me())).toBe(true);
    expect(listRuns(db, 'a')).toEqual([expect.objectContaining({
      status: 'interrupted', error: `interrupted: the process (pid ${process.pid}) ended before the run finished`,
    })]);
    expect(recoverDeadLeases(db, here, at(2_000))).toEqual(['b']);
    // Its own lease, under its own start, is its own.
    expect(getSourceState(db, 'a')!.running).toMatchObject({ ended: false });
    expect(claimSource(db, 'a', at(60_000), at(3_000), me())).toBe(false);
  });

  it('a lease of another host naming its start is not taken before it expires, whatever runs here under its pid', () => {
    hold('a', at(3_600_000), 'elsewhere', process.pid, t0.toISOString(), 'another-boot.1');
    hold('b', at(3_600_000), 'elsewhere', deadPid, t0.toISOString(), 'another-boot.1');
    expect(getSourceState(db, 'a')!.running!.ended).toBe(false);
    expect(claimSource(db, 'a', at(60_000), at(1_000))).toBe(false);
    expect(claimSource(db, 'b', at(60_000), at(1_000))).toBe(false);
    expect(recoverDeadLeases(db, here, at(2_000))).toEqual([]);
  });

  it('a claim records the holder\'s start beside its host and pid', () => {
    expect(claimSource(db, 'a', at(60_000), t0, { host: 'h1', pid: 42, start: 'b.7' })).toBe(true);
    expect(db.prepare("SELECT lease_start FROM sources WHERE id = 'a'").pluck().get()).toBe('b.7');
    releaseSource(db, 'a');
    expect(claimSource(db, 'a', at(60_000), t0, { host: 'h1', pid: 42, start: null })).toBe(true);
    expect(db.prepare("SELECT lease_start FROM sources WHERE id = 'a'").pluck().get()).toBeNull();
  });
});
