// What is in a file's place, in the words every refusal names it by (the CLI's and the store's alike).
import type { Stats } from 'node:fs';

/**
 * What is in a file's place (from lstat), in the words every refusal names it by: `a folder`, `a symbolic link`, `a named
 * pipe`, `a socket`, `a device`, or `a plain file`.
 */
export function fileKind(stat: Stats): string {
  return stat.isFile() ? 'a plain file' : stat.isSymbolicLink() ? 'a symbolic link' : stat.isDirectory() ? 'a folder'
    : stat.isFIFO() ? 'a named pipe' : stat.isSocket() ? 'a socket' : 'a device';
}
