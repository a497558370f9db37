// Standard output that cannot be written for a reason other than its reader going (`items > export.txt` on a full disk;
// /dev/full stands for it): the command said nothing but node's stack, or (crawl, retag) went on with a listing lost.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { missingOnHost } from '../helpers/host.js';
import { BIN } from '../helpers/process.js';
import { seedDatabase } from './seed.js';

let dir: string;
let db: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lakivahti-stdout-full-'));
  db = path.join(dir, 'lakivahti.sqlite');
  seedDatabase(db, 300);
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Run the CLI with standard output on `file` (opened for writing), to its end. */
function runInto(file: string, args: string[]): Promise<{ code: number | null; err: string }> {
  const fd = fs.openSync(file, 'w');
  const child = spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', fd, 'pipe'], env: { ...process.env, LAKIVAHTI_DB: db } });
  fs.closeSync(fd);
  let err = '';
  child.stderr!.setEncoding('utf8').on('data', (s: string) => (err += s));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, err })));
}

// /dev/full (Linux, FreeBSD) stands for a full disk: every write to it fails with ENOSPC.
const noFull = missingOnHost('/dev/full', 'standard output and error on a full disk', 'the test writes to /dev/full as to a full disk');

describe.skipIf(noFull)(noFull ?? 'standard error on a full disk', () => {
  it('a note that cannot be written loses the note, not the work: exit 0, the subscription stored', async () => {
    const fd = fs.openSync('/dev/full', 'w');
    const child = spawn(process.execPath, [BIN, 'subscriptions', 'add', 'z@example.fi', '--organisation', 'Tuntematon virasto'],
      { stdio: ['ignore', 'ignore', fd], env: { ...process.env, LAKIVAHTI_DB: db } });
    fs.closeSync(fd);
    expect(await new Promise((resolve) => child.on('close', resolve))).toBe(0);
    const list = spawn(process.execPath, [BIN, 'subscriptions', 'list', '--json'], { env: { ...process.env, LAKIVAHTI_DB: db } });
    let out = '';
    list.stdout.setEncoding('utf8').on('data', (s: string) => (out += s));
    await new Promise((resolve) => list.on('close', resolve));
    expect(out).toContain('"z@example.fi"');
  });
});

describe.skipIf(noFull)(noFull ?? 'standard output on a full disk', () => {
  it.each([[['items']], [['items', '--json']], [['sources']], [['sources', '--json']], [['digest', '--preview']], [['--help']]])('%j: one line saying so, exit 1', async (args) => {
    const r = await runInto('/dev/full', args);
    expect(r.err).not.toContain('    at ');
    expect(r.err.replace(/^lakivahti digest: nobody subscribes.*\n/, '')).toBe(`lakivahti: standard output could not be written (ENOSPC: no space left on device); what was printed is incomplete\n`);
    expect(r.code).toBe(1);
  });

  it('a file that takes it all is written as before, exit 0', async () => {
    const out = path.join(dir, 'items.txt');
    const r = await runInto(out, ['items', '--json', '--limit', '300']);
    expect([r.code, r.err]).toEqual([0, '']);
    expect(fs.readFileSync(out, 'utf8').trim().split('\n')).toHaveLength(300);
  });
});
