// The first-run page of `serve --db FILE`: the command it shows makes the administrator in that file. It showed
// `lakivahti users add … --role admin` alone, which writes to db/lakivahti.sqlite, so a person serving the demo's or
// another database followed it, refreshed, and got the same page again.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { defaultDbPath } from '../../src/paths.js';
import { setupDbArg } from '../../src/app/serve.js';
import { listeningAt, start, type Child } from '../helpers/process.js';

let dir: string;
let child: Child;
let base: string;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lakivahti-setup-'));
  // Run from the folder, with the database given relative to it as a person types it.
  child = start(['serve', '--port', '0', '--no-schedule', '--db', 'data/fresh.sqlite'], { cwd: dir });
  base = await listeningAt(child);
}, 60_000);

afterAll(async () => {
  child?.proc.kill('SIGTERM');
  await child?.done;
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('the first-run page of a server over another database', () => {
  it('names the database in the commands it shows', async () => {
    const html = await (await fetch(`${base}/`)).text();
    expect(html).toContain('<pre><code>lakivahti users add sinun.nimesi@example.fi --role admin --db data/fresh.sqlite</code></pre>');
    expect(html).toContain('<code>echo "$SALASANA" | lakivahti users add … --db data/fresh.sqlite</code>');
  });

  it('adds nothing for the default database, and shows no folder outside the one serve runs in', () => {
    expect(setupDbArg(defaultDbPath)).toBeUndefined();
    expect(setupDbArg(path.relative(process.cwd(), defaultDbPath))).toBeUndefined();
    expect(setupDbArg('db/demo.sqlite')).toBe('db/demo.sqlite');
    expect(setupDbArg(path.join(process.cwd(), 'db', 'demo.sqlite'))).toBe(path.join('db', 'demo.sqlite'));
    expect(setupDbArg('/srv/secret/lakivahti/live.sqlite')).toBe('…/live.sqlite');
  });
});
