// unreadablePart, asked on every request before any page reads its address: the part that cannot be decoded, or
// undefined. serve-addresses.test.ts shows what the person is told.
import { describe, expect, it } from 'vitest';
import { unreadablePart } from '../../src/web/app.js';

describe('unreadablePart', () => {
  it.each([
    ['/items?goal=services&q=pelastus', undefined],
    ['/items/12', undefined],
    ['/', undefined],
    ['/items?q=pelastusl%C3%A4ki', undefined],
    ['/items?q=100%', undefined],
    ['/items/%C3%A4', undefined],
    ['/items?goal=services&q=pelastusl%E4ki', 'q=pelastusl%E4ki'],
    ['/items/%E0%A4%A', '/items/%E0%A4%A'],
    ['/matters/%ZZ?q=%E4', '/matters/%ZZ'],
    [`/items?q=${'%E4'.repeat(40)}`, `q=${'%E4'.repeat(40)}`.slice(0, 99) + '…'],
  ])('%s: %s', (url, part) => {
    expect(unreadablePart(url)).toBe(part);
  });
});
