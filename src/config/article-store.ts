// The hosts that serve one article store (<feeds>/article-store.yaml): see normalize/release-key.ts.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import type * as Yaml from 'yaml';
import { readFlatYaml } from './flat-yaml.js';

const require = createRequire(import.meta.url);
const HOST = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$/;

/** The hosts listed in <feedsDir>/article-store.yaml (none when there is no such file), or the file's fault. */
export function readArticleHosts(feedsDir: string): { hosts: string[]; file: string; error?: string } {
  const file = path.join(feedsDir, 'article-store.yaml');
  if (!fs.existsSync(file)) return { hosts: [], file };
  let raw: unknown;
  try {
    // A one-line list (hosts: [a.fi, b.fi]) is flat YAML: read without loading the library, as most source definitions are.
    const text = fs.readFileSync(file, 'utf8');
    raw = readFlatYaml(text) ?? (require('yaml') as typeof Yaml).parse(text);
  } catch (err) {
    return { hosts: [], file, error: `invalid YAML: ${(err as Error).message.split('\n')[0]}` };
  }
  const hosts = (raw as { hosts?: unknown } | null)?.hosts;
  if (!Array.isArray(hosts) || hosts.some((h) => typeof h !== 'string' || !HOST.test(h)))
    return { hosts: [], file, error: 'field "hosts" must be a list of host names in lower case (valtioneuvosto.fi)' };
  return { hosts, file };
}
