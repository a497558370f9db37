// Claims name the process and, on Linux, when it started: a pid taken by another process since is not the claimer.
import os from 'node:os';
import { describe, expect, it } from 'vitest';
import { claimAlive, claimerId, processStart } from '../../src/mail/claimer.js';

const host = os.hostname();

describe('claimAlive', () => {
  it.runIf(process.platform === 'linux')('this process under its own claim is alive; its pid under another start (a reused pid, pid 1 of a container started again) is not', () => {
    expect(claimerId()).toBe(`${host}:${process.pid}@${processStart('self')}`);
    expect(processStart(process.pid)).toBe(processStart('self'));
    expect(claimAlive(claimerId())).toBe(true);
    expect(claimAlive(`${host}:${process.pid}@${processStart('self')!.replace(/\d+$/, (t) => String(Number(t) + 1))}`)).toBe(false);
    expect(claimAlive(`${host}:${process.pid}@another-boot.1`)).toBe(false);
  });

  it('a claim without a start (an older run, no /proc) is alive while its pid is; another host is trusted to its lease', () => {
    expect(claimAlive(`${host}:${process.pid}`)).toBe(true);
    expect(claimAlive(`${host}:2147483646`)).toBe(false);
    expect(claimAlive('another-host:2147483646@x.1')).toBe(true);
  });
});
