// Run the CLI in this process (faster than a child, for tests of what commands do rather than how a shell sees them).
import { vi } from 'vitest';
import { main } from '../../src/cli/main.js';

/** `lakivahti ...args` through main(), with what it writes to standard output and standard error captured. */
export async function runMain(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const o = vi.spyOn(process.stdout, 'write').mockImplementation((c: string | Uint8Array) => ((out += String(c)), true));
  const e = vi.spyOn(process.stderr, 'write').mockImplementation((c: string | Uint8Array) => ((err += String(c)), true));
  try {
    return { code: await main(args), out, err };
  } finally {
    o.mockRestore();
    e.mockRestore();
  }
}
