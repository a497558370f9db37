// Test helper: a shipped feeds/sources definition through the real loader, its URL optionally pointed elsewhere.
import fs from 'node:fs';
import path from 'node:path';
import { parseSourceDef } from '../../src/config/sources.js';
import { defaultFeedsDir, fixturesDir } from '../../src/paths.js';
import type { SourceDef } from '../../src/model.js';

export const FEEDS_DIR = path.join(defaultFeedsDir, 'sources');
export const FIXTURES_DIR = path.join(fixturesDir, 'sources');

/** Load feeds/sources/<id>.yaml with the loader's validation and defaults; override the URL and options. */
export function loadDef(id: string, url?: string, options: Record<string, unknown> = {}): SourceDef {
  const file = path.join(FEEDS_DIR, `${id}.yaml`);
  const def = parseSourceDef(fs.readFileSync(file, 'utf8'), file);
  return { ...def, url: url ?? def.url, options: { ...def.options, ...options } };
}
