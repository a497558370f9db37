// The outputs' paging: a document written a part at a time (a library's whole document of each part's rows cut
// into head, entries and end), the first part made before the answer begins, the event loop free between parts.
import type { NextFunction, Request, Response } from 'express';
import type { Writable } from 'node:stream';
import { logRequestFailure } from '../request-log.js';
import { writeAndWait } from '../../stream-write.js';

/** Where a document's entries are, [start, end), or undefined when it has none. */
export type Entries = (doc: string) => [number, number] | undefined;

/**
 * A document a library builds whole, in parts: `render` makes the whole document of one part's rows, `entries` finds
 * its entries; the first part's head, every part's entries (`between` separating two parts'), the last part's end.
 * The first part is made before anything is yielded, so that a failing read or render is an error page. No rows: the
 * document of none, whole.
 */
export function* inParts<T>(parts: Iterable<T[]>, render: (rows: T[]) => string, entries: Entries, between: string): Generator<string, void, undefined> {
  let end: string | undefined;
  for (const rows of parts) {
    const doc = render(rows);
    const at = entries(doc);
    if (!at) throw new Error('a part of the document has no entries');
    yield end === undefined ? doc.slice(0, at[1]) : `${between}${doc.slice(at[0], at[1])}`;
    end = doc.slice(at[1]);
  }
  yield end ?? render([]);
}

/**
 * Answer with `chunks`, written in turn (writePages), `head` setting the answer's type. The first is made before the
 * answer begins, so a failing read there is an error page; a failure after the headers cuts the answer, so that the download shows as
 * failed, not as a shorter document.
 */
export function sendInParts(req: Request, res: Response, next: NextFunction, head: () => void, chunks: Iterator<string>): void {
  let first: IteratorResult<string>;
  try {
    first = chunks.next();
  } catch (err) {
    return next(err);
  }
  head();
  // A HEAD answer has no body (node drops what is written): its headers are the GET's, and the other parts, a calendar
  // of 1,000 events or 10,000 rows of CSV, are not made to be thrown away.
  if (req.method === 'HEAD') return void res.end();
  const rest = function* () {
    if (!first.done) yield first.value;
    for (let c = chunks.next(); !c.done; c = chunks.next()) yield c.value;
  };
  writePages(res, rest()).then(() => res.end(), (err: unknown) => {
    if (!res.headersSent) return next(err);
    logRequestFailure(req, err);
    res.destroy();
  });
}

/**
 * Write each of `chunks` in turn, the event loop free between them (setImmediate: requests that arrived meanwhile are
 * answered), and the next only once `out` has taken the last (writeAndWait), so a slow reader holds one chunk here, not
 * the whole export; ends early, unwritten, when `out` is gone (the reader went away, a write failed).
 */
export async function writePages(out: Writable, chunks: Iterable<string>): Promise<void> {
  for (const chunk of chunks) {
    if (!(await writeAndWait(out, chunk))) return;
    await new Promise((resolve) => setImmediate(resolve));
  }
}
