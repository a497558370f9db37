// Standard output that cannot be written for a reason other than its reader going (`items > export.txt` on a full disk;
// /dev/full stands for it): the command said nothing but node's stack, or (crawl, retag) went on with a listing lost.
import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { missingOnHost } from '../helpers/host.js';
import { run, type Finished } from '../helpers/process.js';
import { seededForTests } from './seed.js';

const seeded = seededForTests('stdout-full', 300);

/** Run the CLI on the seeded database with standard output (or error) on `file`, opened for writing, to its end. */
function runInto(file: string, args: string[], stream: 'stdout' | 'stderr' = 'stdout'): Promise<Finished> {
  const fd = fs.openSync(file, 'w');
  try {
    return run(args, { env: { LAKIVAHTI_DB: seeded.db }, [stream]: fd });
  } finally {
    fs.closeSync(fd); // the child has its own
  }
}

// /dev/full (Linux, FreeBSD) stands for a full disk: every write to it fails with ENOSPC.
const noFull = missingOnHost('/dev/full', 'standard output and error on a full disk', 'the test writes to /dev/full as to a full disk');

describe.skipIf(noFull)(noFull ?? 'standard error on a full disk', () => {
  it('a note that cannot be written loses the note, not the work: exit 0, the subscription stored', async () => {
    const added = await runInto('/dev/full', ['subscriptions', 'add', 'z@example.fi', '--organisation', 'Tuntematon virasto'], 'stderr');
    expect(added.code).toBe(0);
    expect((await run(['subscriptions', 'list', '--json'], { env: { LAKIVAHTI_DB: seeded.db } })).out).toContain('"z@example.fi"');
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
    const out = path.join(seeded.dir, 'items.txt');
    const r = await runInto(out, ['items', '--json', '--limit', '300']);
    expect([r.code, r.err]).toEqual([0, '']);
    expect(fs.readFileSync(out, 'utf8').trim().split('\n')).toHaveLength(300);
  });
});
