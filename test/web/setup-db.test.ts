// The first-run page of `serve --db FILE`: the command it shows makes the administrator in that file. It showed
// `lakivahti users add … --role admin` alone, which writes to db/lakivahti.sqlite, so a person serving the demo's or
// another database followed it, refreshed, and got the same page again.
import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { defaultDbPath } from '../../src/paths.js';
import { setupDbArg } from '../../src/app/serve.js';
import { serveForTests } from '../helpers/process.js';

// Run from the folder, with the database given relative to it as a person types it.
const served = serveForTests('setup', (dir) => ({ args: ['--db', 'data/fresh.sqlite'], opts: { cwd: dir } }));

describe('the first-run page of a server over another database', () => {
  it('names the database in the commands it shows', async () => {
    const html = await (await fetch(`${served.base}/`)).text();
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
