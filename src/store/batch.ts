// A batch of a run's items on its way to the writer thread (writer.ts packs it, writer-worker.ts unpacks it).
import type { Item } from '../model.js';
import type { ItemToStore } from './tags.js';

/** A batch for the worker: stored as it is, or (`tag`) tagged there first. */
export type Batch = { items: ItemToStore[]; tag?: false } | { items: Item[]; tag: true };

/**
 * A batch as it crosses to the worker: its items as JSON, in bytes of their own that the message moves rather than
 * copies (see packBatch), read back with unpackBatch only when the worker stores them. Sent as objects, a batch was
 * rebuilt as objects the moment its message arrived, and a cold crawl's thread holds 10–30 runs' messages while it
 * tags and stores the ones before: some 400 items' objects in a 1 MB young generation, copied at every scavenge until
 * promoted. Bytes live outside the heap until read.
 */
export type PackedBatch = { bytes: Uint8Array; tag: boolean };

const encoder = new TextEncoder();

/** A batch in bytes (items are plain data: strings, numbers, booleans, null, arrays and records of them). */
export function packBatch(batch: Batch): PackedBatch {
  return { bytes: encoder.encode(JSON.stringify(batch.items)), tag: batch.tag === true };
}

const decoder = new TextDecoder();

/** The batch packBatch packed. */
export function unpackBatch(packed: PackedBatch): Batch {
  const items = JSON.parse(decoder.decode(packed.bytes)) as unknown[];
  return packed.tag ? { items: items as Item[], tag: true } : { items: items as ItemToStore[] };
}
