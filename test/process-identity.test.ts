// A process as leases and claims name it: host, pid and, on Linux, when it started; a pid taken by another process
// since is not the process a lease or claim names.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import { describe, expect, it, vi } from 'vitest';
import { hasEnded, identityText, isProcessAlive, parseIdentity, processStart, thisProcess } from '../src/process-identity.js';

const host = os.hostname();
/** The pid of a process that has ended. */
const deadPid = spawnSync(process.execPath, ['-e', '0']).pid!;
const alive = (text: string) => !hasEnded(parseIdentity(text));

describe('process identity', () => {
  it.runIf(process.platform === 'linux')('this process under its own identity is alive; its pid under another start (a reused pid, pid 1 of a container started again) is not', () => {
    expect(identityText(thisProcess())).toBe(`${host}:${process.pid}@${processStart('self')}`);
    expect(processStart(process.pid)).toBe(processStart('self'));
    expect(alive(identityText(thisProcess()))).toBe(true);
    expect(alive(`${host}:${process.pid}@${processStart('self')!.replace(/\d+$/, (t) => String(Number(t) + 1))}`)).toBe(false);
    expect(alive(`${host}:${process.pid}@another-boot.1`)).toBe(false);
  });

  it('one without a start (an older run, no /proc) is alive while its pid is; another host is trusted to its lease', () => {
    expect(alive(`${host}:${process.pid}`)).toBe(true);
    expect(alive(`${host}:2147483646`)).toBe(false);
    expect(alive('another-host:2147483646@x.1')).toBe(true);
    expect(hasEnded({ host: 'another-host', pid: deadPid, start: null })).toBe(false);
    expect(hasEnded({ host, pid: null, start: 'x.1' })).toBe(false);
  });

  it('identityText and parseIdentity are each other\'s inverse, a host with colons included', () => {
    for (const p of [{ host: 'h', pid: 42, start: 'b.7' }, { host: 'fe80::1', pid: 1, start: null }])
      expect(parseIdentity(identityText(p))).toEqual(p);
  });

  it('this process is read once, not per lease or claim', () => {
    const first = thisProcess();
    expect(thisProcess()).toBe(first);
  });

  it('this process\'s own lease is judged without a signal or a file read (a crawl judges it once a source)', () => {
    const self = thisProcess();
    const reads = vi.spyOn(fs, 'readFileSync');
    const signals = vi.spyOn(process, 'kill');
    try {
      expect(hasEnded(self)).toBe(false);
      expect(hasEnded({ ...self, start: null })).toBe(false);
      expect(hasEnded({ ...self, start: 'another-boot.1' })).toBe(true);
      expect(reads).not.toHaveBeenCalled();
      expect(signals).not.toHaveBeenCalled();
    } finally {
      reads.mockRestore();
      signals.mockRestore();
    }
  });

  it('isProcessAlive: this process lives, an ended one does not', () => {
    expect(isProcessAlive(process.pid)).toBe(true);
    expect(isProcessAlive(deadPid)).toBe(false);
  });
});
