// `backup FILE` where FILE is no plain file to write: a symbolic link (--force replaced the link with a file and left
// the file it pointed to old; a dangling one was said to be "written by another backup"), a device, a socket or a named pipe
// (--force replaced them with a file: as root, /dev/null; the test makes a device of its own, never touching /dev), a path under a file or ending in a slash (node's ENOTDIR,
// SQLite's "Cannot save backup"). Each is refused by name, exit 2, and nothing is written or replaced.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import net from 'node:net';
import { run } from '../helpers/process.js';
import { seedDatabase } from './seed.js';

let dir: string;
let db: string;
let socket: net.Server;
const root = process.getuid?.() === 0;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lakivahti-backup-targets-'));
  db = path.join(dir, 'lakivahti.sqlite');
  seedDatabase(db, 5);
  fs.writeFileSync(path.join(dir, 'nas.sqlite'), 'vanha varmuuskopio');
  fs.symlinkSync(path.join(dir, 'nas.sqlite'), path.join(dir, 'latest.sqlite'));
  fs.symlinkSync(path.join(dir, 'gone.sqlite'), path.join(dir, 'dangling.sqlite'));
  execFileSync('mkfifo', [path.join(dir, 'pipe')]);
  socket = net.createServer();
  await new Promise<void>((resolve) => socket.listen(path.join(dir, 'sock'), resolve));
  // A device of the test's own (the null device's numbers), where mknod is allowed (root); never the system's /dev/null.
  if (root) execFileSync('mknod', [path.join(dir, 'null'), 'c', '1', '3']);
  fs.writeFileSync(path.join(dir, 'afile'), 'x');
}, 60_000);

afterAll(async () => {
  await new Promise((resolve) => socket.close(resolve));
  fs.rmSync(dir, { recursive: true, force: true });
});

const backup = (...args: string[]) => run(['backup', ...args, '--db', db], { cwd: dir });

describe('backup to something that is not a plain file', () => {
  it.each([
    [['latest.sqlite', '--force'], `lakivahti backup: latest.sqlite is a symbolic link (to ${'DIR'}/nas.sqlite); name the file itself, or remove the link first`],
    [['dangling.sqlite'], `lakivahti backup: dangling.sqlite is a symbolic link (to ${'DIR'}/gone.sqlite); name the file itself, or remove the link first`],
    [['pipe', '--force'], 'lakivahti backup: pipe is not a regular file (a named pipe); choose another name'],
    [['sock', '--force'], 'lakivahti backup: sock is not a regular file (a socket); choose another name'],
    ...(root ? [[['null', '--force'], 'lakivahti backup: null is not a regular file (a device); choose another name'] as [string[], string]] : []),
    [['afile/x.sqlite'], 'lakivahti backup: DIR/afile is not a folder'],
    [['uusi.sqlite/'], 'lakivahti backup: the folder DIR/uusi.sqlite does not exist'],
  ])('%j is refused by name', async (args, said) => {
    const r = await backup(...args);
    expect([r.code, r.err.split('\n')[0]]).toEqual([2, said.replaceAll('DIR', dir)]);
    expect(r.out).toBe('');
  });

  it('leaves each as it was, and writes no other file', () => {
    expect(fs.lstatSync(path.join(dir, 'latest.sqlite')).isSymbolicLink()).toBe(true);
    expect(fs.readFileSync(path.join(dir, 'nas.sqlite'), 'utf8')).toBe('vanha varmuuskopio');
    expect(fs.existsSync(path.join(dir, 'gone.sqlite'))).toBe(false);
    expect(fs.lstatSync(path.join(dir, 'pipe')).isFIFO()).toBe(true);
    expect(fs.lstatSync(path.join(dir, 'sock')).isSocket()).toBe(true);
    if (root) expect(fs.lstatSync(path.join(dir, 'null')).isCharacterDevice()).toBe(true);
    expect(fs.readdirSync(dir).sort()).toEqual(['afile', 'dangling.sqlite', 'lakivahti.sqlite', 'latest.sqlite', 'nas.sqlite', ...(root ? ['null'] : []), 'pipe', 'sock']);
  });

  // A folder that exists but where no file can be made (/proc/self, for root too): SQLite's "unable to open database
  // file" alone said what failed, not which file. A failure, told as a full disk is (exit 1).
  it('a folder where no file can be made: the file is named, nothing written', async () => {
    const r = await backup('/proc/self/x');
    expect([r.code, r.err]).toEqual([1, 'lakivahti backup: /proc/self/x could not be written: unable to open database file\n']);
    expect(r.out).toBe('');
  });

  it('a plain file is still written, and replaced with --force', async () => {
    expect((await backup('kopio.sqlite')).code).toBe(0);
    expect((await backup('kopio.sqlite', '--force')).code).toBe(0);
    fs.rmSync(path.join(dir, 'kopio.sqlite'));
  });
});
