// Yes/no settings from the environment are read one way: each had its own reading, and "true" switched
// LAKIVAHTI_ALLOW_PRIVATE_NETWORKS on but left LAKIVAHTI_DIGEST_AUTO_APPROVE and LAKIVAHTI_NO_VOIKKO off without a word.
import { describe, expect, it } from 'vitest';
import { envFlag } from '../../src/env-flag.js';
import { defaultPolicy } from '../../src/fetch/policy.js';
import { mailConfig } from '../../src/mail/config.js';
import { webEnv } from '../../src/web/env.js';
import { run } from '../helpers/process.js';

describe('envFlag', () => {
  it.each(['1', 'yes', 'true', 'on', ' TRUE ', 'Yes'])('reads %j as on', (value) => {
    expect(envFlag({ X: value }, 'X')).toBe(true);
  });
  it.each([undefined, '', '0', 'no', 'false', 'off', ' False '])('reads %j as off', (value) => {
    expect(envFlag({ X: value }, 'X')).toBe(false);
  });
  it.each(['2', 'maybe', 'ture', 'enabled'])('refuses %j naming the variable', (value) => {
    expect(() => envFlag({ LAKIVAHTI_X: value }, 'LAKIVAHTI_X')).toThrow(`LAKIVAHTI_X must be 1 (on) or 0 (off), not "${value}"`);
  });
});

describe('every yes/no setting reads the same words', () => {
  it('true is on for each of them', () => {
    expect(mailConfig({ LAKIVAHTI_DIGEST_AUTO_APPROVE: 'true' }).autoApprove).toBe(true);
    expect(defaultPolicy({ LAKIVAHTI_ALLOW_PRIVATE_NETWORKS: 'true' }).allowPrivateNetworks).toBe(true);
    expect(webEnv({ LAKIVAHTI_SECURE_COOKIES: 'true' }).secureCookies).toBe(true);
  });
  it('no is off for each of them', () => {
    expect(mailConfig({ LAKIVAHTI_DIGEST_AUTO_APPROVE: 'no' }).autoApprove).toBe(false);
    expect(defaultPolicy({ LAKIVAHTI_ALLOW_PRIVATE_NETWORKS: 'no' }).allowPrivateNetworks).toBe(false);
    expect(webEnv({ LAKIVAHTI_SECURE_COOKIES: 'no' }).secureCookies).toBe(false);
  });

  it('a command given a malformed one exits 2 naming it (as a process)', async () => {
    const dir = `${process.env.TMPDIR ?? '/tmp'}/lakivahti-env-flag-${process.pid}`;
    for (const [args, name] of [
      [['items', '--search', 'pelastuslaki', '--db', `${dir}/none.sqlite`], 'LAKIVAHTI_NO_VOIKKO'],
      [['crawl', '--db', `${dir}/none.sqlite`], 'LAKIVAHTI_ALLOW_PRIVATE_NETWORKS'],
      [['digest', '--send', '--db', `${dir}/none.sqlite`], 'LAKIVAHTI_DIGEST_AUTO_APPROVE'],
    ] as const) {
      const r = await run([...args], { env: { [name]: 'maybe' } });
      expect([name, r.code, r.err]).toEqual([name, 2, expect.stringContaining(`${name} must be 1 (on) or 0 (off), not "maybe"`)]);
    }
  }, 60_000);
});
