// A password hash at a low scrypt cost, for accounts that are a test's set-up rather than its subject.
import { randomBytes, scryptSync } from 'node:crypto';

/**
 * A stored hash of `password` at scrypt's cost N=2^10 (the product's is 2^17), as a hash stored before a cost raise is:
 * the product checks each at its own cost, so a sign-in against it costs a millisecond where the product's cost takes
 * 0.3 s quietly and 4-11 s at load 15 (measured, session 51). For tests that time a sign-in or make many: their
 * figures are then the product's doing, not the machine's.
 */
export function quickHash(password: string): string {
  const salt = randomBytes(16);
  const key = scryptSync(password.normalize('NFC'), salt, 32, { N: 2 ** 10, r: 8, p: 1 });
  return `scrypt$${2 ** 10}$8$1$${salt.toString('base64')}$${key.toString('base64')}`;
}
