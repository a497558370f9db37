// The modules that decide, as mutation-testing units: what Stryker mutates and which test files may kill it.
// Tests are the unit tests of the module (no process tests: a spawned process runs compiled dist/, which Stryker
// does not mutate, so it can neither kill nor cover a mutant and would only slow the run).
export const modules = {
  joint: { mutate: ['src/tag/joint.ts'], tests: ['test/tag/joint.test.ts', 'test/tag/joint-rule.test.ts'] },
  match: { mutate: ['src/tag/match.ts', 'src/tag/tagger.ts'], tests: ['test/tag/match.test.ts', 'test/tag/scope.test.ts', 'test/tag/joint.test.ts', 'test/tag/quality.test.ts', 'test/tag/match.mutation.test.ts', 'test/tag/matching.mutation.test.ts', 'test/tag/tagger.mutation.test.ts', 'test/tag/number-match.test.ts', 'test/tag/word-forms.test.ts'] },
  // The matcher against the tests written for it on small hand-made taxonomies only: the suite's tests on the real
  // taxonomy (module `match`) cover every matching mutant and take ~17 s each on two loaded cores, this set ~1 s.
  // Its score is a lower bound of match's; a survivor here may still be killed there.
  matching: { mutate: ['src/tag/match.ts'], tests: ['test/tag/matching.mutation.test.ts', 'test/tag/match.mutation.test.ts', 'test/tag/number-match.test.ts', 'test/tag/word-forms.test.ts'] },
  // The tagger likewise, against the tests of its scoring and matching on small hand-made taxonomies (a lower bound
  // of match's score for tagger.ts, ~1 s a mutant).
  tagger: { mutate: ['src/tag/tagger.ts'], tests: ['test/tag/match.mutation.test.ts', 'test/tag/matching.mutation.test.ts', 'test/tag/tagger.mutation.test.ts'] },
  learn: { mutate: ['src/tag/learn.ts'], tests: ['test/tag/learn.test.ts', 'test/tag/learn-rules.test.ts', 'test/tag/learn.mutation.test.ts'] },
  deadlines: { mutate: ['src/parse/deadlines.ts'], tests: ['test/parse/deadlines.test.ts'] },
  identifiers: { mutate: ['src/parse/identifiers.ts'], tests: ['test/parse/identifiers.test.ts', 'test/parse/identifiers.mutation.test.ts'] },
  key: { mutate: ['src/normalize/key.ts'], tests: ['test/normalize/key.test.ts', 'test/store/changes.test.ts', 'test/normalize/key.mutation.test.ts'] },
  changes: { mutate: ['src/store/changes.ts'], tests: ['test/store/changes.test.ts', 'test/store/items.test.ts'] },
  lease: { mutate: ['src/store/sources.ts:80-163'], tests: ['test/store/leases.test.ts', 'test/store/lease-rules.test.ts'] },
  guard: { mutate: ['src/fetch/guard.ts'], tests: ['test/fetch/guard.test.ts', 'test/fetch/guard-lookup.test.ts', 'test/fetch/limiter.test.ts'] },
  charset: { mutate: ['src/fetch/charset.ts'], tests: ['test/fetch/charset.test.ts', 'test/fetch/charset.mutation.test.ts'] },
  backoff: { mutate: ['src/pipeline.ts:43-50', 'src/schedule/index.ts:17-20'], tests: ['test/schedule/backoff.test.ts', 'test/schedule/scheduler.test.ts'] },
};
