// Reading a response body: decompress (gzip, deflate, br) and stop at the size cap, decompressed.
import { createRequire } from 'node:module';
import type Zlib from 'node:zlib';
import { Transform, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Readable } from 'node:stream';
import { StageError } from '../errors.js';
import { formatBytes } from '../bytes.js';

/** node:zlib, loaded for the first encoded body: a 304, a redirect or a plain body never needs it. */
let zlibModule: typeof Zlib | null = null;
const zlib = (): typeof Zlib => (zlibModule ??= createRequire(import.meta.url)('node:zlib') as typeof Zlib);

/** The error for a body past the cap. */
export const tooLarge = (maxBytes: number): StageError =>
  new StageError('fetch', `the response is larger than the ${formatBytes(maxBytes)} limit`);

/**
 * "deflate" should be zlib-wrapped (RFC 9110), but some servers send raw deflate;
 * pick the right inflater from the first byte, as browsers do.
 */
class InflateAuto extends Transform {
  private inner: Zlib.Inflate | Zlib.InflateRaw | null = null;

  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback): void {
    if (!this.inner) {
      const zlibWrapped = chunk.length >= 2 && (chunk[0] & 0x0f) === 8 && ((chunk[0] << 8) | chunk[1]) % 31 === 0;
      this.inner = zlibWrapped ? zlib().createInflate() : zlib().createInflateRaw();
      this.inner.on('data', (d: Buffer) => this.push(d));
      this.inner.on('error', (e) => this.destroy(e));
    }
    this.inner.write(chunk, () => done());
  }

  override _flush(done: TransformCallback): void {
    if (!this.inner) return done();
    this.inner.once('end', () => done());
    this.inner.end();
  }

  override _destroy(err: Error | null, done: (error?: Error | null) => void): void {
    this.inner?.destroy();
    done(err);
  }
}

/** Decoders for a Content-Encoding header, in the order to apply them. */
function decoders(contentEncoding: string | null): Transform[] {
  if (!contentEncoding) return [];
  const codings = (contentEncoding ?? '')
    .split(',')
    .map((c) => c.trim().toLowerCase())
    .filter((c) => c && c !== 'identity');
  return codings.reverse().map((c) => {
    if (c === 'gzip' || c === 'x-gzip') return zlib().createGunzip();
    if (c === 'deflate') return new InflateAuto();
    if (c === 'br') return zlib().createBrotliDecompress();
    throw new StageError('fetch', `the server used a content encoding we cannot decode (${c})`);
  });
}

/** Abandon a body now, closing its connection; the error that destroying may report is nobody's business. */
export function drop(body: Readable): void {
  body.on('error', () => undefined);
  body.destroy();
}

/**
 * Read a body to bytes, decompressing; the stream is destroyed as soon as the cap is passed. With `expected` (the
 * Content-Length of an unencoded body), bytes are copied into one buffer of that size as they arrive, so a big
 * body is never held twice (chunks plus their concatenation).
 */
export async function readBody(body: Readable, contentEncoding: string | null, maxBytes: number, expected?: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let total = 0;
  const whole = expected !== undefined && expected <= maxBytes && !decoding(contentEncoding) ? Buffer.allocUnsafe(expected) : null;
  let filled = 0;
  let steps: Transform[];
  try {
    steps = decoders(contentEncoding);
  } catch (err) {
    drop(body);
    throw err;
  }
  /** Keep a chunk; the error to end with once the cap is passed. */
  const take = (chunk: Buffer): StageError | null => {
    if (whole && chunks.length === 0 && filled + chunk.length <= whole.length) filled += chunk.copy(whole, filled);
    else chunks.push(chunk);
    total += chunk.length;
    return total > maxBytes ? tooLarge(maxBytes) : null;
  };
  if (steps.length === 0) await readPlain(body, take);
  else {
    // The spread defeats pipeline()'s overloads; the shape is source, transforms, sink.
    let overCap: StageError | null = null;
    try {
      await (pipeline as (...streams: unknown[]) => Promise<void>)(body, ...steps, async (source: AsyncIterable<Buffer>) => {
        for await (const chunk of source) if ((overCap = take(chunk))) throw overCap;
      });
    } catch (err) {
      // Tearing the pipeline down makes the body report its own error, which may win the race.
      throw overCap ?? err;
    }
  }
  if (!whole) return Buffer.concat(chunks, total);
  // A server that sent less or more than it announced: whatever arrived, in order.
  if (chunks.length === 0) return filled === whole.length ? whole : whole.subarray(0, filled);
  return Buffer.concat([whole.subarray(0, filled), ...chunks], total);
}

/**
 * Read a body that needs no decoding by its own events, as pipeline() would end it: its error, or a close before its
 * end (the premature close that pipeline() reports). pipeline() made an AbortController for every body and aborted it
 * when done, which builds a DOMException with its stack: some 0.3 ms of a feed's CPU time for nothing (bench:peer's
 * 200 feeds; a crawl's bodies are almost all unencoded). `take` keeps a chunk, or says the body is past the cap: the
 * body is then dropped (its connection closed, so the server stops sending).
 */
function readPlain(body: Readable, take: (chunk: Buffer) => StageError | null): Promise<void> {
  const prematureClose = () => Object.assign(new Error('Premature close'), { code: 'ERR_STREAM_PREMATURE_CLOSE' });
  if (body.errored) return Promise.reject(body.errored);
  if (body.destroyed) return Promise.reject(prematureClose());
  return new Promise((resolve, reject) => {
    let settled = false;
    const settle = (err?: Error) => {
      if (settled) return;
      settled = true;
      body.off('data', onData);
      if (err) reject(err);
      else resolve();
    };
    const onData = (chunk: Buffer) => {
      const overCap = take(chunk);
      if (!overCap) return;
      settle(overCap);
      drop(body);
    };
    body.on('data', onData);
    body.once('end', () => settle());
    body.on('error', (err) => settle(err));
    // After its end every body closes too: the error (and its stack, some 10 µs) is made only for a close before it.
    body.once('close', () => settled || settle(prematureClose()));
  });
}

/** Whether a Content-Encoding header names any coding to undo. */
const decoding = (contentEncoding: string | null): boolean =>
  !!contentEncoding && contentEncoding.split(',').some((c) => !['', 'identity'].includes(c.trim().toLowerCase()));

/** Bytes of an unwanted body read to keep its connection for the next request; a longer one closes it instead. */
const DISCARD_LIMIT = 64 * 1024;

/** Drop a body we do not need (redirects, 304, errors), keeping the connection reusable when the body is short. */
export function discard(body: Readable): Promise<void> {
  return new Promise((resolve) => {
    let read = 0;
    body.on('data', (chunk: Buffer) => {
      read += chunk.length;
      if (read > DISCARD_LIMIT) body.destroy();
    });
    body.on('error', () => resolve());
    body.on('close', () => resolve());
    body.on('end', () => resolve());
  });
}
