// Load and validate source definitions: one YAML file per source under <feeds>/sources/.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import type * as Yaml from 'yaml';
import { ITEM_KINDS, type ItemKind, type Lang, type SourceDef } from '../model.js';
import { moduleNames, moduleOptions } from '../sources/index.js';
import { checkOptions, withDefaults } from '../sources/options.js';
import { scheduleProblem } from './schedule.js';
import { readFlatYaml } from './flat-yaml.js';

// The yaml library is loaded only for a definition that is more than flat `key: value` lines (see flat-yaml.ts).
const require = createRequire(import.meta.url);
let yaml: typeof Yaml | null = null;

const FIELDS = new Set([
  'id', 'name', 'url', 'kind', 'module', 'schedule', 'language', 'organisation', 'tags', 'itemKind', 'mayBeEmpty', 'options',
  'verified',
]);
export const DEFAULT_SCHEDULE = '*/30 * * * *';

/** A definition that could not be used, with the file and the field at fault. */
export interface ConfigError {
  file: string;
  message: string;
}

export interface LoadedSources {
  sources: SourceDef[];
  errors: ConfigError[];
}

/** Read every *.yaml/*.yml in <feedsDir>/sources; invalid files become errors, valid ones are returned. */
export function loadSources(feedsDir: string): LoadedSources {
  const dir = path.join(feedsDir, 'sources');
  if (!fs.existsSync(dir)) return { sources: [], errors: [{ file: dir, message: 'the folder does not exist' }] };
  const sources: SourceDef[] = [];
  const errors: ConfigError[] = [];
  const seen = new Map<string, string>();
  for (const name of fs.readdirSync(dir).filter((f) => /\.ya?ml$/.test(f)).sort()) {
    const file = path.join(dir, name);
    let text = '';
    try {
      text = fs.readFileSync(file, 'utf8');
      const def = parseSourceDef(text, file);
      const other = seen.get(def.id);
      if (other) throw new Error(`field "id": "${def.id}" is already used by ${other}`);
      seen.set(def.id, file);
      sources.push(def);
    } catch (err) {
      errors.push({ file, message: withLine((err as Error).message, text) });
    }
  }
  return { sources, errors };
}

/**
 * A message about a field (or a module's option) with the line that field is on, so that a person finds it in a long
 * file: `line 7: unknown field "nmae"`. A field that is missing, or a message about no field, is left as it is.
 */
function withLine(message: string, text: string): string {
  const named = /^field "options": (?:unknown )?option "([^"]+)"|^(?:unknown )?field "([^"]+)"/.exec(message);
  if (!named) return message;
  const key = (named[1] ?? named[2]).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  // A field starts a line; a module's option is indented under options:.
  const at = new RegExp(`^${named[1] ? '\\s+' : ''}["']?${key}["']?\\s*:`);
  const line = text.split(/\r?\n/).findIndex((l) => at.test(l));
  return line < 0 ? message : `line ${line + 1}: ${message}`;
}

/** Any YAML document, through the library; a syntax error names its line and column. */
function readYaml(text: string): Record<string, unknown> | null {
  const doc = (yaml ??= require('yaml') as typeof Yaml).parseDocument(text, { prettyErrors: true });
  if (doc.errors.length) {
    const e = doc.errors[0];
    // The library's message repeats the place and ends in a colon before an excerpt of the file.
    const what = e.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
    const where = e.linePos ? `line ${e.linePos[0].line}, column ${e.linePos[0].col}` : 'line ?';
    throw new Error(`invalid YAML at ${where}: ${what}`);
  }
  return doc.toJS() as Record<string, unknown> | null;
}

/** Validate one YAML document into a SourceDef; throws an Error naming the field (and line for syntax errors). */
export function parseSourceDef(text: string, file: string): SourceDef {
  const raw = readFlatYaml(text) ?? readYaml(text);
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw new Error('the file must be a YAML mapping of fields');
  for (const key of Object.keys(raw)) if (!FIELDS.has(key)) throw new Error(`unknown field "${key}"`);

  const str = (field: string, required = true): string | undefined => {
    const v = raw[field];
    if (v === undefined || v === null || v === '') {
      if (required) throw new Error(`field "${field}" is required`);
      return undefined;
    }
    if (typeof v !== 'string') throw new Error(`field "${field}" must be a string`);
    return v.trim();
  };

  const id = str('id')!;
  if (!/^[a-z0-9][a-z0-9-]*$/.test(id)) throw new Error(`field "id": "${id}" must be lowercase letters, digits and dashes`);
  const url = str('url')!;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error(`field "url": "${url}" is not a valid URL`);
  }
  if (!/^https?:$/.test(parsed.protocol)) throw new Error(`field "url" must be http or https`);

  const kind = str('kind')!;
  if (kind !== 'rss' && kind !== 'module') throw new Error(`field "kind" must be "rss" or "module", not "${kind}"`);
  const module = str('module', kind === 'module');
  if (kind === 'rss' && module) throw new Error('field "module" is only for kind: module');
  if (module && !moduleNames.includes(module))
    throw new Error(`field "module": no source module "${module}" in src/sources/ (known: ${moduleNames.join(', ')})`);

  const schedule = str('schedule', false) ?? DEFAULT_SCHEDULE;
  const scheduleError = scheduleProblem(schedule);
  if (scheduleError) throw new Error(`field "schedule": ${scheduleError}`);
  const language = (str('language', false) ?? 'fi') as Lang;
  if (language !== 'fi' && language !== 'sv') throw new Error(`field "language" must be "fi" or "sv"`);
  const itemKind = (str('itemKind', false) ?? 'news') as ItemKind;
  if (!ITEM_KINDS.includes(itemKind)) throw new Error(`field "itemKind" must be one of ${ITEM_KINDS.join(', ')}`);

  const tags = raw.tags ?? [];
  if (!Array.isArray(tags) || tags.some((t) => typeof t !== 'string')) throw new Error('field "tags" must be a list of strings');
  const mayBeEmpty = raw.mayBeEmpty ?? false;
  if (typeof mayBeEmpty !== 'boolean') throw new Error('field "mayBeEmpty" must be true or false');
  const options = raw.options ?? {};
  if (typeof options !== 'object' || options === null || Array.isArray(options)) throw new Error('field "options" must be a mapping');
  const moduleName = kind === 'rss' ? 'rss' : module!;
  const optionError = checkOptions(moduleName, moduleOptions(moduleName), options as Record<string, unknown>);
  if (optionError) throw new Error(optionError);
  const verified = raw.verified ?? true;
  if (typeof verified !== 'boolean') throw new Error('field "verified" must be true or false');

  return {
    id,
    name: str('name')!,
    url,
    kind,
    module: moduleName,
    schedule,
    language,
    organisation: str('organisation', false),
    tags: tags as string[],
    itemKind,
    mayBeEmpty,
    options: withDefaults(moduleOptions(moduleName), options as Record<string, unknown>),
    verified,
    file,
  };
}
