// An argument a command refuses is named in the refusal, but a long one is not echoed whole: a 100,000-character
// `matter` argument (a variable holding a file's text, a paste gone wrong) came back whole on stderr, into cron's mail.
import { describe, expect, it } from 'vitest';
import { run } from '../helpers/process.js';

const LONG = 'x'.repeat(100_000);
const SPACED = 'sana '.repeat(20_000).trim();

describe('a long argument in a usage error', () => {
  it.each([
    [['items', '--limit', LONG], '--limit'],
    [['items', `--json=${LONG}`], '--json'],
    [['items', `--${LONG}`], 'unknown option'],
    [['matters', '--stage', LONG], 'unknown stage'],
    [['serve', '--port', LONG], 'port'],
    [['users', 'add', LONG, '--role', 'reader'], 'e-mail address'],
    [['subscriptions', 'add', 'a@example.fi', '--every', LONG], '--every'],
    [['digest', '--preview', '--to', SPACED], '--to'],
    [['review', LONG], 'item'],
    [[LONG], 'unknown command'],
    [['--version', LONG], '--version'],
    [['sources', SPACED], 'unexpected argument'],
  ])('%#: names the problem and shortens the argument', async (args, naming) => {
    const r = await run(args as string[], { env: { LAKIVAHTI_DB: '/nonexistent/probe-56/db.sqlite' } });
    expect(r.code).toBe(2);
    const first = r.err.split('\n')[0];
    expect(first).toContain(naming);
    expect(first).toMatch(/… \((100000|100002|99999) characters\)/);
    expect(first.length).toBeLessThan(400);
    expect(r.err.length).toBeLessThan(5_000);
  });

  it('echoes an argument of ordinary length whole', async () => {
    const r = await run(['items', '--limit', 'x'.repeat(200)]);
    expect(r.code).toBe(2);
    expect(r.err.split('\n')[0]).toContain('x'.repeat(200));
  });
});
