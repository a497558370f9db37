// The tag stage as the store's writers and the application build it: the taxonomy in the feeds folder, taught by the
// reviewers' decisions stored so far. A taxonomy that cannot be read is a configuration error; items go on untagged.
import type { Db } from './db.js';
import { listLatestReviews } from './reviews.js';
import type { TagStage } from '../tag/stage.js';
import { StageError } from '../errors.js';

export function buildTagStage(
  stage: typeof import('../tag/stage.js'), feedsDir: string, db: Db, errors: { file: string; message: string }[], titleOnly: readonly string[],
): TagStage | null {
  // Reviewers' decisions so far teach the tagger (learning is cheap; redone at each start).
  return buildTagStageFrom(stage, feedsDir, listLatestReviews(db), errors, titleOnly);
}

/** buildTagStage with the reviewed decisions read already; `analyzer`: one built before, kept. */
export function buildTagStageFrom(
  stage: typeof import('../tag/stage.js'), feedsDir: string, reviewed: ReturnType<typeof listLatestReviews>, errors: { file: string; message: string }[],
  titleOnly: readonly string[], analyzer?: TagStage['analyzer'],
): TagStage | null {
  try {
    return stage.createTagStage({ feedsDir, reviewed, titleOnly, analyzer });
  } catch (err) {
    // Crawling goes on untagged; `lakivahti retag` tags the items once the taxonomy is mended.
    errors.push(taxonomyError(err));
    return null;
  }
}

/** A taxonomy that cannot be read as a configuration error: its own words ("FILE:LINE: …"), without its stage. */
export const taxonomyError = (err: unknown): { file: 'taxonomy'; message: string } =>
  ({ file: 'taxonomy', message: err instanceof StageError ? err.detail : (err as Error).message });
