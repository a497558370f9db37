// Yes/no settings from the environment are read one way: each had its own reading, and "true" switched
// LAKIVAHTI_ALLOW_PRIVATE_NETWORKS on but left LAKIVAHTI_DIGEST_AUTO_APPROVE and LAKIVAHTI_NO_VOIKKO off without a word.
import { describe, expect, it } from 'vitest';
import { envFlag, envWhole } from '../../src/env-flag.js';
import { crawlConcurrency } from '../../src/config/crawl.js';
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

// Whole numbers were read by Number(): a blank LAKIVAHTI_MAIL_RETRY_SECONDS was 0 (every failed message retried at once),
// and 0x10 or 1e3 were taken as 16 and 1000.
describe('envWhole', () => {
  it.each<[string | undefined, number]>([[undefined, 7], ['', 7], ['   ', 7], ['4', 4], [' 4 ', 4], ['0', 0], ['10', 10]])('reads %j as %d', (value, n) => {
    expect(envWhole({ X: value }, 'X', 7, 0, 10)).toBe(n);
  });
  it.each(['0x8', '1e1', '8.0', '-1', '11', '+3', '4 4', 'abc', '99999999999999999999'])('refuses %j naming the variable and the range', (value) => {
    expect(() => envWhole({ LAKIVAHTI_X: value }, 'LAKIVAHTI_X', 7, 0, 10)).toThrow(`LAKIVAHTI_X must be a whole number from 0 to 10, not ${JSON.stringify(value)}`);
  });
  it('each whole-number setting reads it so', () => {
    expect(mailConfig({ LAKIVAHTI_MAIL_RETRY_SECONDS: ' ' }).retrySeconds).toBe(300);
    expect(() => mailConfig({ LAKIVAHTI_MAIL_RETRY_SECONDS: '1e3' })).toThrow('LAKIVAHTI_MAIL_RETRY_SECONDS must be a whole number from 0 to 86400, not "1e3"');
    expect(mailConfig({ LAKIVAHTI_DIGEST_MAX_DAYS: ' ', LAKIVAHTI_MAIL_MAX_ATTEMPTS: ' 3 ' })).toMatchObject({ maxDays: 14, maxAttempts: 3 });
    expect(() => mailConfig({ LAKIVAHTI_MAIL_MAX_ATTEMPTS: '0x5' })).toThrow('LAKIVAHTI_MAIL_MAX_ATTEMPTS must be a whole number from 1 to 50, not "0x5"');
    expect(webEnv({}).writeWaitMs).toBe(10_000);
    expect(webEnv({ LAKIVAHTI_WRITE_WAIT_SECONDS: ' 1 ' }).writeWaitMs).toBe(1000);
    expect(() => webEnv({ LAKIVAHTI_WRITE_WAIT_SECONDS: '0.5' })).toThrow('LAKIVAHTI_WRITE_WAIT_SECONDS must be a whole number from 1 to 600, not "0.5"');
    expect(crawlConcurrency({ LAKIVAHTI_CONCURRENCY: ' ' })).toBe(8);
    expect(() => crawlConcurrency({ LAKIVAHTI_CONCURRENCY: '0x8' })).toThrow('config: LAKIVAHTI_CONCURRENCY must be a whole number from 1 to 64, not "0x8"');
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
