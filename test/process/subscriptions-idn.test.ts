// `subscriptions add` with an international domain, as people write it: in its own letters, in capitals, or in the
// ASCII spelling (xn--) a mail program shows. All are one mailbox, which the mailer sends to: the network digest, at
// most one per address, was taken once in each spelling and so went to one mailbox twice.
import { expect, it } from 'vitest';
import { run } from '../helpers/process.js';
import { pluckAll, seededForTests } from './seed.js';

const seeded = seededForTests('subs-idn', 3);
const stored = () => pluckAll(seeded.db, 'SELECT email FROM subscriptions ORDER BY id');

it('one network digest for one mailbox, however its domain is spelled', async () => {
  const first = await run(['subscriptions', 'add', 'pelastus@ÄÄNEKOSKI.FI', '--network', '--db', seeded.db]);
  expect([first.code, first.out, first.err]).toEqual([0, 'tilaus 1 lisätty: pelastus@äänekoski.fi (verkoston viikkokatsaus, suomeksi)\n', '']);
  for (const spelling of ['pelastus@äänekoski.fi', 'pelastus@xn--nekoski-4waa.fi', 'pelastus@XN--NEKOSKI-4WAA.fi']) {
    const again = await run(['subscriptions', 'add', spelling, '--network', '--db', seeded.db]);
    expect([again.code, again.err], spelling).toEqual([1, 'lakivahti subscriptions: pelastus@äänekoski.fi already receives the network digest\n']);
  }
  expect(stored()).toEqual(['pelastus@äänekoski.fi']);
}, 30_000);

// The local part's dots as RFC 5322's dot-atom has them, and RFC 5321's 64 octets (an SMTP server's 5xx paused the
// subscription after its first digest): `a..b@`, `.a@`, `a.@` and 65 octets were taken.
it.each(['matti@xn--zz.fi', 'matti@example.fi.', 'matti@esimerkki..fi', 'matti@-example.fi', 'matti..meikalainen@example.fi', '.matti@example.fi',
  'matti.@example.fi', `${'m'.repeat(65)}@example.fi`, `${'ä'.repeat(33)}@example.fi`])('%s is refused, nothing added', async (address) => {
  const before = stored();
  const r = await run(['subscriptions', 'add', address, '--network', '--db', seeded.db]);
  expect([r.code, r.err.split('\n')[0]]).toEqual([2, `lakivahti subscriptions: ${JSON.stringify(address)} is not an e-mail address`]);
  expect(stored()).toEqual(before);
}, 30_000);

it('a local part of 64 octets with dots between its atoms is an address', async () => {
  const address = `${'m'.repeat(30)}.${'ä'.repeat(16)}@example.fi`;
  const r = await run(['subscriptions', 'add', address, '--network', '--db', seeded.db]);
  expect([r.code, r.err]).toEqual([0, '']);
  expect(stored()).toContain(address);
}, 30_000);
