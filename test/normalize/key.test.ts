import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { dedupKey, type KeyFields } from '../../src/normalize/key.js';

const sha1 = (s: string): string => createHash('sha1').update(s).digest('hex');

describe('dedupKey', () => {
  it.each<[string, KeyFields, string]>([
    ['guid first', { guid: ' tiedote-1 ', url: 'https://example.fi/1', title: 'T', published: null }, 'guid:tiedote-1'],
    ['URL when no guid', { guid: null, url: 'https://example.fi/1', title: 'T', published: null }, 'url:https://example.fi/1'],
    ['blank guid counts as none', { guid: '  ', url: 'https://example.fi/1', title: 'T', published: null }, 'url:https://example.fi/1'],
    ['title + Helsinki date', { guid: null, url: null, title: 'Otsikko', published: '2024-01-01T22:30:00.000Z' }, `title:${sha1('otsikko\n2024-01-02')}`],
    ['title without a date', { guid: null, url: null, title: 'Otsikko', published: null }, `title:${sha1('otsikko\n')}`],
    ['title spacing collapsed and trimmed', { guid: null, url: null, title: ' Pelastuslain \n\t Muutos  ', published: '2024-01-02T08:00:00Z' },
      `title:${sha1('pelastuslain muutos\n2024-01-02')}`],
  ])('%s', (_name, fields, expected) => {
    expect(dedupKey(fields)).toBe(expected);
  });

  it('ignores case and spacing in titles, but not the day', () => {
    const a = dedupKey({ guid: null, url: null, title: 'Pelastuslain  Muutos', published: '2024-01-02T08:00:00Z' });
    const b = dedupKey({ guid: null, url: null, title: 'pelastuslain muutos', published: '2024-01-02T15:00:00Z' });
    const c = dedupKey({ guid: null, url: null, title: 'pelastuslain muutos', published: '2024-01-03T08:00:00Z' });
    expect(a).toBe(b);
    expect(a).not.toBe(c);
    expect(a).toMatch(/^title:[0-9a-f]{40}$/);
  });
});
