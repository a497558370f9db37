// A yes/no setting from the environment, read one way everywhere. Each flag had its own reading: "true" switched
// LAKIVAHTI_ALLOW_PRIVATE_NETWORKS on but left LAKIVAHTI_DIGEST_AUTO_APPROVE and LAKIVAHTI_NO_VOIKKO off without a word.

const ON = ['1', 'yes', 'true', 'on'];
const OFF = ['', '0', 'no', 'false', 'off'];

/** `name`'s value: 1/yes/true/on is on, 0/no/false/off or unset is off; anything else throws naming the variable. */
export function envFlag(env: NodeJS.ProcessEnv, name: string): boolean {
  const value = (env[name] ?? '').trim().toLowerCase();
  if (ON.includes(value)) return true;
  if (OFF.includes(value)) return false;
  throw new Error(`${name} must be 1 (on) or 0 (off), not ${JSON.stringify(env[name])}`);
}
