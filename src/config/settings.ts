// The environment variables Lakivahti reads, so that a mistyped one is named instead of silently ignored
// (`LAKIVAHTI_CONCURENCY=4` crawled 8 at a time without a word).

/** Every LAKIVAHTI_* variable the program reads (test/config/settings.test.ts checks src/ against this list). */
export const SETTINGS = [
  'LAKIVAHTI_ALLOW_PRIVATE_NETWORKS', 'LAKIVAHTI_BASE_URL', 'LAKIVAHTI_CONCURRENCY', 'LAKIVAHTI_DB', 'LAKIVAHTI_DEBUG',
  'LAKIVAHTI_DIGEST_AUTO_APPROVE', 'LAKIVAHTI_DIGEST_DAILY', 'LAKIVAHTI_DIGEST_IMMEDIATE', 'LAKIVAHTI_DIGEST_MAX_DAYS',
  'LAKIVAHTI_DIGEST_WEEKLY', 'LAKIVAHTI_EXTRA_CA_CERTS', 'LAKIVAHTI_FEEDS', 'LAKIVAHTI_MAIL_FROM', 'LAKIVAHTI_MAIL_MAX_ATTEMPTS',
  'LAKIVAHTI_MAIL_RETRY_SECONDS', 'LAKIVAHTI_MAX_BYTES', 'LAKIVAHTI_NO_VOIKKO', 'LAKIVAHTI_PER_HOST', 'LAKIVAHTI_SECURE_COOKIES',
  'LAKIVAHTI_TRUST_PROXY', 'LAKIVAHTI_USER_AGENT', 'LAKIVAHTI_VOIKKO_LIB', 'LAKIVAHTI_WRITE_WAIT_SECONDS',
];

/** Read by the tests and benchmarks only: set in a developer's shell, they are not mistakes. */
export const TEST_SETTINGS = [
  'LAKIVAHTI_BENCH_MATTERS', 'LAKIVAHTI_BENCH_RACE', 'LAKIVAHTI_BENCH_RACE_ROUNDS', 'LAKIVAHTI_CHROMIUM', 'LAKIVAHTI_MUTATE',
  'LAKIVAHTI_REQUIRE_CHROMIUM', 'LAKIVAHTI_REQUIRE_VOIKKO', 'LAKIVAHTI_UPDATE_GOLDEN',
];

/** Levenshtein distance, with a swap of two neighbours counted as one edit (LAKIVATHI). */
function distance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++) {
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  return d[a.length][b.length];
}

/**
 * A line for each variable in `env` that looks meant for Lakivahti but is none of its settings (a typo, another letter
 * case), with the setting it is nearest to when one is within two edits.
 */
export function unknownSettings(env: NodeJS.ProcessEnv): string[] {
  const known = new Set([...SETTINGS, ...TEST_SETTINGS]);
  const lines: string[] = [];
  for (const name of Object.keys(env).sort()) {
    if (known.has(name) || !/^lak/i.test(name)) continue;
    const upper = name.toUpperCase();
    const near = SETTINGS.map((s) => [s, distance(upper, s)] as const).sort((x, y) => x[1] - y[1])[0];
    if (near[1] <= 2) lines.push(`${name} is not a setting Lakivahti reads, so it is ignored; did you mean ${near[0]}?`);
    else if (upper.startsWith('LAKIVAHTI_')) lines.push(`${name} is not a setting Lakivahti reads, so it is ignored (the settings: README.md, Configuration)`);
  }
  return lines;
}
