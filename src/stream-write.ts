// Writing to a stream with backpressure, for every writer of a long output: the CLI's listings (writeLine) and the web's
// CSV export (writePages). One place for when to wait and when to stop.
import type { Writable } from 'node:stream';

/**
 * Write `chunk` to `out`, then wait while its buffer is full until it is taken ('drain') or `out` is gone (closed or
 * failed); false once `out` is gone (the reader went away: `| head -1`, a download cancelled), before or after writing.
 */
export async function writeAndWait(out: Writable, chunk: string | Buffer): Promise<boolean> {
  // `errored`, not only `destroyed`: a write to a pipe whose reader has gone fails at once (EPIPE), but the stream
  // hears of it on a later tick, which a loop of writes that never waits on anything else does not reach: `items
  // --json | head -1` and `tag --jsonl - | head -1` read and wrote on to the end of their input.
  const gone = () => out.destroyed || Boolean(out.errored);
  if (gone()) return false;
  if (!out.write(chunk) && !gone())
    await new Promise<void>((resolve) => {
      const done = () => (out.off('drain', done), out.off('close', done), out.off('error', done), resolve());
      out.once('drain', done);
      out.once('close', done);
      out.once('error', done);
    });
  return !gone();
}
