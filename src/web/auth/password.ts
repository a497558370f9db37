// Password hashes with Node's scrypt at OWASP's recommended cost (N=2^17, r=8, p=1: 128 MiB, a few hundred ms),
// stored as scrypt$N$r$p$salt$hash so the cost can be raised later without breaking stored hashes.
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

const COST = { N: 2 ** 17, r: 8, p: 1 };
const KEY_LENGTH = 32;
/** Shortest and longest password accepted (ASVS 5.0 6.2.1 and 6.2.9: at least 8, 64 or more allowed). */
export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 256;

const derive = (password: string, salt: Buffer, c: { N: number; r: number; p: number }) =>
  new Promise<Buffer>((resolve, reject) => {
    const opts: ScryptOptions = { ...c, maxmem: 256 * c.N * c.r + 1024 * 1024 };
    scrypt(password.normalize('NFC'), salt, KEY_LENGTH, opts, (err, key) => (err ? reject(err) : resolve(key)));
  });

/** Why a password cannot be used, or null when it can. */
export function passwordProblem(password: string): string | null {
  const length = [...password].length;
  if (length < PASSWORD_MIN) return `a password needs at least ${PASSWORD_MIN} characters (this one has ${length})`;
  if (length > PASSWORD_MAX) return `a password can have at most ${PASSWORD_MAX} characters`;
  return null;
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, COST);
  return `scrypt$${COST.N}$${COST.r}$${COST.p}$${salt.toString('base64')}$${key.toString('base64')}`;
}

/** Whether the password matches the stored hash (constant time); a malformed hash never matches. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !hash || [...password].length > PASSWORD_MAX) return false;
  const expected = Buffer.from(hash, 'base64');
  const key = await derive(password, Buffer.from(salt, 'base64'), { N: Number(n), r: Number(r), p: Number(p) });
  return key.length === expected.length && timingSafeEqual(key, expected);
}

/** A hash of a random password: checked against when the e-mail address is unknown, so timing does not tell. */
let decoy: Promise<string> | undefined;
export const decoyHash = (): Promise<string> => (decoy ??= hashPassword(randomBytes(18).toString('base64')));
