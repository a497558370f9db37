// Run leases across processes: a lease whose process was killed is taken over at once and its run recorded as
// interrupted; a live holder's lease, or another host's, keeps the expiry rule.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { claimSource, getSourceState, listRuns, openDb, recoverDeadLeases, syncSources, type Db } from '../../src/store/index.js';
import { workerWriter } from '../../src/store/writer.js';
import { rootDir } from '../../src/paths.js';
import type { SourceDef } from '../../src/model.js';

const defs = ['a', 'b'].map((id) => ({ id, name: id, url: `https://example.fi/${id}` }) as SourceDef);
const SIX_MINUTES = 6 * 60_000;

let dir: string;
let file: string;
let db: Db;
const children: ChildProcess[] = [];

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lakivahti-leases-'));
  file = path.join(dir, 'db.sqlite');
  db = openDb(file);
  syncSources(db, defs);
});
afterEach(() => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  children.length = 0;
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** A separate node process that opens the database through the compiled store, takes `a`'s lease and waits. */
async function childHoldingLease(): Promise<ChildProcess> {
  const store = pathToFileURL(path.join(rootDir, 'dist', 'src', 'store', 'index.js')).href;
  const script = `import { openDb, claimSource } from ${JSON.stringify(store)};
const db = openDb(process.argv[1]);
const ok = claimSource(db, 'a', new Date(Date.now() + ${SIX_MINUTES}));
process.stdout.write(ok ? 'claimed\\n' : 'refused\\n');
setInterval(() => undefined, 60_000);`;
  const child = spawn(process.execPath, ['--input-type=module', '-e', script, file], { stdio: ['ignore', 'pipe', 'inherit'] });
  children.push(child);
  const line = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('\n')) resolve(out.trim());
    });
    child.on('exit', (code) => reject(new Error(`the child ended (${code}) before claiming: ${out}`)));
  });
  expect(line).toBe('claimed');
  return child;
}

async function kill9(child: ChildProcess): Promise<void> {
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGKILL');
  await exited;
}

const lease = () => db.prepare(`SELECT running_until, lease_host, lease_pid, lease_at FROM sources WHERE id = 'a'`).get() as {
  running_until: string | null; lease_host: string | null; lease_pid: number | null; lease_at: string | null;
};

describe('store: run leases', () => {
  it('keeps a live process\'s lease, and takes over at once the lease of one killed with SIGKILL', async () => {
    const child = await childHoldingLease();
    expect(lease()).toMatchObject({ lease_host: os.hostname(), lease_pid: child.pid });
    const takenAt = lease().lease_at!;
    expect(claimSource(db, 'a', new Date(Date.now() + SIX_MINUTES))).toBe(false);
    expect(listRuns(db, 'a')).toEqual([]);
    // What `lakivahti sources` reads: a run in progress in a live process.
    expect(getSourceState(db, 'a')!.running).toMatchObject({ since: takenAt, host: os.hostname(), pid: child.pid, ended: false });

    await kill9(child);
    // Read-only readers already see that the run will never finish, before anyone takes the lease over.
    expect(getSourceState(db, 'a')!.running).toMatchObject({ pid: child.pid, ended: true });
    expect(claimSource(db, 'a', new Date(Date.now() + SIX_MINUTES))).toBe(true);
    const runs = listRuns(db, 'a');
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({
      status: 'interrupted', startedAt: takenAt,
      error: `interrupted: the process (pid ${child.pid}) ended before the run finished`,
    });
    expect(getSourceState(db, 'a')).toMatchObject({ lastStatus: 'interrupted', lastError: runs[0].error, errorCount: 0 });
    expect(getSourceState(db, 'a')!.running).toMatchObject({ pid: process.pid, ended: false });
    // The lease is now this process's; claiming again is refused and records nothing more.
    expect(lease()).toMatchObject({ lease_host: os.hostname(), lease_pid: process.pid });
    expect(claimSource(db, 'a', new Date(Date.now() + SIX_MINUTES))).toBe(false);
    expect(listRuns(db, 'a')).toHaveLength(1);
  });

  it('a starting writer sweeps the dead leases of this host', async () => {
    const child = await childHoldingLease();
    await kill9(child);
    const writer = workerWriter(file);
    try {
      await writer.release('b'); // a round trip: the worker has opened the database and swept
      expect(lease().running_until).toBeNull();
      expect(getSourceState(db, 'a')?.lastStatus).toBe('interrupted');
      expect(listRuns(db, 'a').map((r) => r.status)).toEqual(['interrupted']);
      expect(await writer.claim('a', new Date(Date.now() + SIX_MINUTES))).toBe(true);
      expect(listRuns(db, 'a')).toHaveLength(1);
    } finally {
      await writer.close();
    }
  });

  it('another host\'s lease blocks until it expires, then its run is recorded as interrupted', () => {
    const until = new Date(Date.now() + SIX_MINUTES).toISOString();
    db.prepare(`UPDATE sources SET running_until = ?, lease_host = 'elsewhere', lease_pid = 2147483647, lease_at = ? WHERE id = 'a'`)
      .run(until, '2026-01-01T00:00:00.000Z');
    expect(recoverDeadLeases(db)).toEqual([]);
    expect(claimSource(db, 'a', new Date(Date.now() + SIX_MINUTES))).toBe(false);
    const later = new Date(Date.now() + SIX_MINUTES + 1000);
    expect(claimSource(db, 'a', new Date(later.getTime() + SIX_MINUTES), later)).toBe(true);
    expect(listRuns(db, 'a')[0]).toMatchObject({
      status: 'interrupted', startedAt: '2026-01-01T00:00:00.000Z', finishedAt: later.toISOString(),
      error: 'interrupted: the run (pid 2147483647 on elsewhere) did not finish before its lease expired',
    });
  });

  it('a live process\'s expired lease is taken over without recording a run it may still finish', () => {
    const now = new Date();
    expect(claimSource(db, 'a', new Date(now.getTime() + 1000), now)).toBe(true);
    const later = new Date(now.getTime() + 2000);
    expect(claimSource(db, 'a', new Date(later.getTime() + 1000), later)).toBe(true);
    expect(listRuns(db, 'a')).toEqual([]);
  });
});
