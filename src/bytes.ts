// Bytes in messages: where a text stops being UTF-8, and one way to write a size: binary units named as such (KiB,
// MiB, GiB), as git prints them. Every limit the program sets is a power of two (10 MiB a response, 200 KiB an item's
// content, 64 KiB beside the database) and df -h, which a person compares a disk's figures with, counts in 1024s too.
import { isUtf8 } from 'node:buffer';

const UNITS = ['KiB', 'MiB', 'GiB', 'TiB'] as const;

/**
 * "10 MiB", "1.5 KiB", "300 bytes": a size for messages people read, to one decimal, rounded down (a free space or a
 * limit is never shown above what it is) unless `up` (what something needs is never shown below it).
 */
export function formatBytes(n: number, up = false): string {
  if (n < 1024) return `${n} ${n === 1 ? 'byte' : 'bytes'}`;
  let unit = 0;
  while (unit < UNITS.length - 1 && n >= 1024 ** (unit + 2)) unit++;
  // n * 10 / 1024^k is exact for whole n below 2^53 / 10 (a division by a power of two), so floor and ceil are true.
  const tenths = n * 10 / 1024 ** (unit + 1);
  return `${(up ? Math.ceil(tenths) : Math.floor(tenths)) / 10} ${UNITS[unit]}`;
}

/** Where the first byte that does not begin a well-formed UTF-8 character is, or -1. */
export function notUtf8At(bytes: Buffer): number {
  // Nearly every text is UTF-8 (each line `tag --jsonl` reads, each source definition): checked natively, then sought.
  if (isUtf8(bytes)) return -1;
  for (let i = 0; i < bytes.length;) {
    const b = bytes[i];
    const more = b < 0x80 ? 0 : b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    if (more < 0 || (more && !isUtf8(bytes.subarray(i, i + more + 1)))) return i;
    i += more + 1;
  }
  return -1;
}
