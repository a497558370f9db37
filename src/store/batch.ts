// A batch of a run's items on its way to the writer thread (writer.ts packs it, writer-worker.ts unpacks it).
import v8 from 'node:v8';
import type { Item } from '../model.js';
import type { ItemToStore } from './tags.js';

/** A batch for the worker: stored as it is, or (`tag`) tagged there first. */
export type Batch = { items: ItemToStore[]; tag?: false } | { items: Item[]; tag: true };

/**
 * A batch as it crosses to the worker: its items serialized (as a message's structured clone serializes them) into
 * bytes of their own, which the message moves rather than copies, read back with unpackBatch only when the worker
 * stores them. Sent as objects, a batch was rebuilt as objects the moment its message arrived, and a cold crawl's
 * writer holds 10–30 runs' messages while it tags and stores the ones before: some 400 items' objects in a 1 MB young
 * generation, copied at every scavenge and promoted. Bytes wait outside the heap. (Not JSON: a tagged item's verdict
 * is JSON text already, and escaping it again took three times the clone's time.)
 */
export type PackedBatch = { bytes: Uint8Array; tag: boolean };

/** A batch in bytes. */
export function packBatch(batch: Batch): PackedBatch {
  return { bytes: v8.serialize(batch.items), tag: batch.tag === true };
}

/** The batch packBatch packed. */
export function unpackBatch(packed: PackedBatch): Batch {
  const items = v8.deserialize(packed.bytes) as unknown[];
  return packed.tag ? { items: items as Item[], tag: true } : { items: items as ItemToStore[] };
}
