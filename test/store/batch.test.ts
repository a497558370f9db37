// A batch crosses to the writer thread as bytes of its own: read back, it is the batch that was packed, and
// the bytes can be moved to the thread (a buffer of their own, detached from this thread once sent).
import { describe, expect, it } from 'vitest';
import { MessageChannel, receiveMessageOnPort } from 'node:worker_threads';
import { packBatch, unpackBatch } from '../../src/store/batch.js';
import { toStore } from '../../src/store/tags.js';
import type { Item } from '../../src/model.js';

const item: Item = {
  sourceId: 'sm', key: 'guid:a-1', guid: 'a-1', url: 'https://example.fi/a/1', title: 'Pelastuslain muutos – lausuntopyyntö',
  summary: 'Räddningslagen ändras; "citat" och \\ omvänt snedstreck, \u{1F692} och \u2028 radavgränsare.', contentHtml: '<p>Sisäministeriö</p>',
  published: '2026-12-01T08:00:00.000Z', updated: null, deadline: '2027-01-15', language: 'fi', organisation: 'Sisäministeriö',
  kind: 'statement-request', stage: null, identifiers: [{ type: 'diary', value: 'VN/1000/2026', role: 'self' }, { type: 'he', value: 'HE 12/2026' }],
  consultation: { distribution: ['Pelastuslaitokset'], answered: [] }, inForce: '2027-03-01', hash: 'abc',
};

describe('packBatch', () => {
  it('gives back every field of an untagged batch, and says it is untagged items', () => {
    const back = unpackBatch(packBatch({ items: [item, { ...item, key: 'guid:a-2', inForce: null, consultation: null }], tag: true }));
    expect(back.tag).toBe(true);
    expect(back.items).toEqual([item, { ...item, key: 'guid:a-2', inForce: null, consultation: null }]);
  });

  it('gives back a tagged batch as one to store as it is: every field the item saver reads, in its order', () => {
    const verdict = { relevant: true, goals: [{ goal: 'reform', score: 3.5 }], primary: 'reform', scores: { reform: 3.5 },
      evidence: [{ term: 'pelastuslaki', field: 'title' }], joint: false, jointReason: '', taxonomyVersion: '2026.7' };
    const stored = [toStore({ ...item, tags: verdict, searchTerms: 'pelastuslaki' }),
      toStore({ ...item, key: 'guid:a-2', inForce: undefined, consultation: null, identifiers: [], tags: null, searchTerms: '' })];
    expect(stored[0]).toMatchObject({ signature: 'self diary VN/1000/2026', inForce: '2027-03-01' });
    expect(stored[1]).toMatchObject({ signature: '', identifierRows: '[]', inForce: null });
    const back = unpackBatch(packBatch({ items: stored }));
    expect(back.tag).toBeFalsy();
    expect(back.items).toEqual(stored);
    // toEqual passes over a field missing on one side as undefined: the fields and their order are the same too.
    expect(back.items.map((i) => Object.keys(i))).toEqual(stored.map((i) => Object.keys(i)));
  });

  it('packs into a buffer of its own, which a message moves to the other side', () => {
    const packed = packBatch({ items: [item], tag: true });
    expect(packed.bytes.byteOffset).toBe(0);
    expect(packed.bytes.byteLength).toBe(packed.bytes.buffer.byteLength);
    const { port1, port2 } = new MessageChannel();
    port1.postMessage(packed, [packed.bytes.buffer as ArrayBuffer]);
    expect(packed.bytes.byteLength).toBe(0); // moved, not copied
    const received = receiveMessageOnPort(port2)?.message as typeof packed;
    expect(unpackBatch(received).items).toEqual([item]);
    port1.close();
  });
});
