// A yes/no or whole-number setting from the environment, read one way everywhere. Each flag had its own reading: "true" switched
// LAKIVAHTI_ALLOW_PRIVATE_NETWORKS on but left LAKIVAHTI_DIGEST_AUTO_APPROVE and LAKIVAHTI_NO_VOIKKO off without a word.

import { StageError } from './errors.js';

const ON = ['1', 'yes', 'true', 'on'];
const OFF = ['', '0', 'no', 'false', 'off'];

/** `name`'s value: 1/yes/true/on is on, 0/no/false/off or unset is off; anything else throws naming the variable. */
export function envFlag(env: NodeJS.ProcessEnv, name: string): boolean {
  const value = (env[name] ?? '').trim().toLowerCase();
  if (ON.includes(value)) return true;
  if (OFF.includes(value)) return false;
  throw new Error(`${name} must be 1 (on) or 0 (off), not ${JSON.stringify(env[name])}`);
}

/**
 * `name`'s whole number from `min` to `max` (spaces around it allowed); unset, empty or blank: `fallback`. Digits only:
 * Number() read a blank LAKIVAHTI_MAIL_RETRY_SECONDS as 0 (every failed message retried at once) and took 0x10 or 1e3.
 */
export function envWhole(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const n = /^\s*\d{1,15}\s*$/.test(raw) ? Number(raw) : NaN;
  if (!(n >= min && n <= max)) throw new Error(`${name} must be a whole number from ${min} to ${max}, not ${JSON.stringify(raw)}`);
  return n;
}

/** `read()`'s value; a setting it refuses is refused as a config error (the crawl names config errors by their stage). */
export function asConfigError<T>(read: () => T): T {
  try {
    return read();
  } catch (e) {
    throw new StageError('config', (e as Error).message);
  }
}
