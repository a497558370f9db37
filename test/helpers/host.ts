// Tests that need something of the host's own (Linux's /proc, /dev/full, util-linux's script) are skipped loudly where it
// is missing, as the Voikko and chromium tests are: on stderr when the file loads, and in the skipped suite's name.
import fs from 'node:fs';

/**
 * Null when `file` is on this host; else the skipped suite's name, naming what is skipped and why, which is also said on
 * stderr now: `describe.skipIf(missing)(missing ?? 'the suite', …)`.
 */
export function missingOnHost(file: string, what: string, why: string): string | null {
  if (fs.existsSync(file)) return null;
  const message = `${what} SKIPPED: no ${file} on this host (${why})`;
  process.stderr.write(`\n${'!'.repeat(100)}\n!! ${message}\n${'!'.repeat(100)}\n\n`);
  return message;
}
