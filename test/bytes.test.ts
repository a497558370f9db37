import { describe, expect, it } from 'vitest';
import { formatBytes } from '../src/bytes.js';

describe('formatBytes', () => {
  it.each([
    [0, '0 bytes'],
    [1, '1 byte'],
    [1000, '1000 bytes'],
    [1023, '1023 bytes'],
    [1024, '1 KiB'],
    [2048, '2 KiB'],
    [1536, '1.5 KiB'],
    [1024 * 1024 - 1, '1023.9 KiB'],
    [200 * 1024, '200 KiB'],
    [1024 * 1024, '1 MiB'],
    [10 * 1024 * 1024, '10 MiB'],
    [1.25 * 1024 ** 3, '1.2 GiB'],
    [5 * 1024 ** 4, '5 TiB'],
    [3 * 1024 ** 5, '3072 TiB'],
  ])('%d bytes read %s, rounded down', (n, text) => {
    expect(formatBytes(n)).toBe(text);
  });

  it.each([
    [1024, '1 KiB'],
    [1025, '1.1 KiB'],
    [1.21 * 1024 ** 3, '1.3 GiB'],
    [1023, '1023 bytes'],
  ])('%d bytes rounded up read %s', (n, text) => {
    expect(formatBytes(n, true)).toBe(text);
  });
});
