// Typed errors that carry the pipeline stage; only the pipeline catches them, per source.

/** The pipeline stage an error happened in; it prefixes the message users see. */
export type Stage = 'config' | 'fetch' | 'parse' | 'normalize' | 'tag' | 'store';

/** An expected failure with a plain-language message, e.g. "fetch: the server did not answer within 30 s". */
export class StageError extends Error {
  constructor(
    readonly stage: Stage,
    readonly detail: string,
    /** For fetch errors: milliseconds the server asked us to wait (Retry-After). */
    readonly retryAfterMs: number | null = null,
    /** For fetch errors: the HTTP status, when there was one. */
    readonly status: number | null = null,
  ) {
    super(`${stage}: ${detail}`);
    this.name = 'StageError';
  }
}

/** Shorthand for a parse-stage error. */
export const parseError = (detail: string): StageError => new StageError('parse', detail);
