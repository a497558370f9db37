// Test-only: build a SourceDef from a feeds/sources YAML file (the real loader lives in src/config).
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import type { SourceDef } from '../../src/model.js';

export const FEEDS_DIR = path.resolve(import.meta.dirname, '../../feeds/sources');
export const FIXTURES_DIR = path.resolve(import.meta.dirname, '../fixtures/sources');

/** Read feeds/sources/<id>.yaml with the defaults the loader applies; url optionally pointed elsewhere. */
export function loadDef(id: string, url?: string): SourceDef {
  const file = path.join(FEEDS_DIR, `${id}.yaml`);
  const raw = parse(fs.readFileSync(file, 'utf8')) as Partial<SourceDef> & Record<string, unknown>;
  if (raw.id !== id) throw new Error(`${file}: id is ${String(raw.id)}, expected ${id}`);
  return {
    id,
    name: String(raw.name),
    url: url ?? String(raw.url),
    kind: raw.kind === 'module' ? 'module' : 'rss',
    module: raw.kind === 'rss' ? 'rss' : raw.module,
    schedule: raw.schedule ?? '*/30 * * * *',
    language: raw.language ?? 'fi',
    organisation: raw.organisation,
    tags: raw.tags ?? [],
    itemKind: raw.itemKind ?? 'news',
    mayBeEmpty: raw.mayBeEmpty ?? false,
    options: raw.options ?? {},
    file,
  };
}
