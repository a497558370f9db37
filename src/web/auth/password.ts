// Password hashes with Node's scrypt at OWASP's recommended cost (N=2^17, r=8, p=1: 128 MiB, a few hundred ms),
// stored as scrypt$N$r$p$salt$hash so the cost can be raised later without breaking stored hashes.
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { createRequire } from 'node:module';

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

/** Why a password cannot be used, in English (the CLI) and in Finnish and Swedish (the web), or null when it can. */
export interface PasswordProblem {
  en: string;
  fi: string;
  sv: string;
}

let common: Set<string> | undefined;
/**
 * The common passwords long enough to pass the length rule (ASVS 5.0 6.2.4: checked against the top passwords that
 * match the policy): from the 49,233 most common passwords of zxcvbn-ts's list, ranked by frequency in leaked sets.
 * Loaded at the first check (the list is 380 kB of script), lower-cased.
 */
function commonPasswords(): Set<string> {
  if (!common) {
    const { dictionary } = createRequire(import.meta.url)('@zxcvbn-ts/language-common') as { dictionary: Record<string, string[]> };
    common = new Set(dictionary['passwords-common'].filter((p) => [...p].length >= PASSWORD_MIN).map((p) => p.toLowerCase()));
  }
  return common;
}

/** Why a password cannot be used (too short or long, a control character, a common password, the account's own e-mail address), or null. */
export function passwordProblem(password: string, email?: string): PasswordProblem | null {
  const length = [...password].length;
  if (length < PASSWORD_MIN)
    return { en: `a password needs at least ${PASSWORD_MIN} characters (this one has ${length})`, fi: `Salasanassa on oltava vähintään ${PASSWORD_MIN} merkkiä (tässä on ${length}).`,
      sv: `Lösenordet ska ha minst ${PASSWORD_MIN} tecken (det här har ${length}).` };
  if (length > PASSWORD_MAX)
    return { en: `a password can have at most ${PASSWORD_MAX} characters`, fi: `Salasanassa voi olla enintään ${PASSWORD_MAX} merkkiä.`,
      sv: `Lösenordet kan ha högst ${PASSWORD_MAX} tecken.` };
  // A browser's password field types no control character (a tab moves on, Enter sends): such a password set from a
  // pipe (a NUL, a tab, a carriage return from a Windows file) could never be used to sign in.
  const control = /[\u0000-\u001f\u007f-\u009f]/u.exec(password);
  if (control) {
    const at = [...password.slice(0, control.index)].length + 1;
    const code = `U+${control[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
    return { en: `a password cannot hold a control character (${code} at character ${at}): a browser's password field cannot type it`,
      fi: `Salasanassa ei voi olla ohjausmerkkiä (${code}, ${at}. merkki): selaimen salasanakenttään sitä ei voi kirjoittaa.`,
      sv: `Lösenordet kan inte innehålla ett styrtecken (${code}, tecken ${at}): det går inte att skriva i webbläsarens lösenordsfält.` };
  }
  const lower = password.normalize('NFC').toLowerCase();
  if (commonPasswords().has(lower))
    return { en: 'this password is on the list of common passwords that attackers try first; choose another', fi: 'Salasana on yleisten salasanojen luettelossa, josta hyökkääjät kokeilevat ensin. Valitse toinen.',
      sv: 'Lösenordet finns på listan över vanliga lösenord som angripare prövar först. Välj ett annat.' };
  if (email && (lower === email.toLowerCase() || lower === email.toLowerCase().split('@')[0]))
    return { en: 'the password cannot be the e-mail address', fi: 'Salasana ei voi olla sähköpostiosoite.', sv: 'Lösenordet kan inte vara e-postadressen.' };
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
