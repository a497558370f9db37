// `--db` naming a device or a named pipe, as a person might type it (`--db /dev/null` to try a command out): every
// command refuses it by what it is. A read named /dev/null "an older schema", a write "a failing disk" and, as root,
// left /dev/null-journal behind in /dev; any command on a named pipe waited for ever for its header.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { start, type Finished } from '../helpers/process.js';

/** A command run to its end, or killed after 15 s (on a named pipe it waited for ever). */
async function run(args: string[]): Promise<Finished> {
  const child = start(args);
  child.proc.stdin.end();
  const timer = setTimeout(() => child.proc.kill('SIGKILL'), 15_000);
  try {
    return await child.done;
  } finally {
    clearTimeout(timer);
  }
}

let dir: string;
let fifo: string;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'db-not-a-file-'));
  fifo = path.join(dir, 'pipe');
  execFileSync('mkfifo', [fifo]);
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('--db naming a device or a named pipe', { timeout: 60_000 }, () => {
  for (const command of [['items'], ['matters', '--json'], ['crawl', '--source', 'stm'], ['review', '1', '--reviewer', 'x', '--not-relevant']]) {
    it(`${command[0]} refuses it by what it is, and writes nothing beside it`, async () => {
      const journal = fs.existsSync('/dev/null-journal');
      const onDevice = await run([...command, '--db', '/dev/null']);
      expect([onDevice.code, onDevice.err]).toEqual([1, `lakivahti ${command[0]}: /dev/null is a device, not a database file\n`]);
      if (!journal) expect(fs.existsSync('/dev/null-journal')).toBe(false);
      const onPipe = await run([...command, '--db', fifo]);
      expect([onPipe.code, onPipe.err]).toEqual([1, `lakivahti ${command[0]}: ${fifo} is a named pipe, not a database file\n`]);
      expect(fs.readdirSync(dir)).toEqual(['pipe']);
    });
  }
});
