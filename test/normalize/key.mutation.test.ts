// The content hash and a statute's entry into force (written against `npm run test:mutation -- key`): the hash is
// the SHA-1 of the JSON list of the watched fields (title, summary, contentHtml, deadline, stage, url, organisation,
// consultation, identifiers by type and value) and, only when the item states one, its entry into force last, so that
// items without one keep the hashes they were stored with. Expected values are that definition written out.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { contentHash } from '../../src/normalize/key.js';
import type { Item } from '../../src/model.js';

const sha1 = (s: string): string => createHash('sha1').update(s).digest('hex');

const statute: Omit<Item, 'hash'> = {
  sourceId: 'finlex', key: 'url:https://example.fi/sd/2026/123', guid: null, url: 'https://example.fi/sd/2026/123',
  title: 'Laki pelastuslain muuttamisesta', summary: '', contentHtml: '<p>1 §</p>', published: '2026-06-01T00:00:00.000Z',
  updated: null, deadline: null, language: 'fi', organisation: null, kind: 'statute', stage: null, identifiers: [], consultation: null,
};
const json = '["Laki pelastuslain muuttamisesta","","<p>1 §</p>",null,null,"https://example.fi/sd/2026/123",null,null,[]';

describe('contentHash and the entry into force', () => {
  it('adds the entry into force last when the statute states one', () => {
    expect(contentHash({ ...statute, inForce: '2027-01-01' })).toBe(sha1(`${json},"2027-01-01"]`));
  });

  it('leaves the hash of an item without one as it was', () => {
    expect(contentHash(statute)).toBe(sha1(`${json}]`));
    expect(contentHash({ ...statute, inForce: null })).toBe(sha1(`${json}]`));
  });
});
