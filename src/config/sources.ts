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
import { byCodeUnit } from '../collate.js';
import { notUtf8At } from '../bytes.js';
import { shippedTaxonomyPath } from '../tag/taxonomy-file.js';
import { readArticleHosts } from './article-store.js';

// The yaml library is loaded only for a definition that is more than flat `key: value` lines (see flat-yaml.ts).
const require = createRequire(import.meta.url);
let yaml: typeof Yaml | null = null;

const FIELDS = new Set([
  'id', 'name', 'nameSv', 'url', 'kind', 'module', 'schedule', 'language', 'organisation', 'tags', 'itemKind', 'mayBeEmpty', 'titleOnly', 'options',
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
  if (!fs.existsSync(dir)) {
    // --feeds or LAKIVAHTI_FEEDS naming a file (a taxonomy.yaml, a source's yaml) rather than the folder holding sources/.
    const notFolder = fs.existsSync(feedsDir) && !fs.statSync(feedsDir).isDirectory();
    return { sources: [], errors: notFolder ? [{ file: feedsDir, message: 'is a file, not a folder laid out like feeds/ (sources/, taxonomy.yaml)' }] : [{ file: dir, message: 'the folder does not exist' }] };
  }
  const sources: SourceDef[] = [];
  const errors: ConfigError[] = [];
  const seen = new Map<string, string>();
  const names = fs.readdirSync(dir, { encoding: 'buffer' }).map((raw) => ({ raw, name: fileName(raw) }));
  for (const { raw, name } of names.filter((f) => /\.ya?ml$/.test(f.name)).sort((a, b) => byCodeUnit(a.name, b.name))) {
    const file = path.join(dir, name);
    let text = '';
    try {
      // Opened by its bytes: a name that is not UTF-8 read as text would name another file ("ENOENT").
      const at = Buffer.concat([Buffer.from(dir + path.sep), raw]);
      const bytes = readDefinition(at);
      // A file an editor saved in Latin-1 read as UTF-8 gave its name and organisation U+FFFD for ä and ö: named instead.
      const bad = notUtf8At(bytes);
      if (bad >= 0) {
        const start = bytes.lastIndexOf(0x0a, bad) + 1;
        const line = bytes.subarray(0, start).filter((b) => b === 0x0a).length + 1;
        throw new Error(`line ${line}: not UTF-8 (byte 0x${bytes[bad].toString(16)} at byte ${bad - start + 1} of the line); save the file as UTF-8 (iconv -f latin1 -t utf-8)`);
      }
      text = bytes.toString('utf8');
      const def = parseSourceDef(text, file);
      const other = seen.get(def.id);
      if (other) throw new FieldError(`field "id": "${def.id}" is already used by ${other}`, 'id');
      seen.set(def.id, file);
      sources.push(def);
    } catch (err) {
      errors.push({ file, message: withLine(err as Error, text) });
    }
  }
  const store = readArticleHosts(feedsDir);
  if (store.error) errors.push({ file: store.file, message: store.error });
  if (store.hosts.length) for (const def of sources) def.articleHosts = store.hosts;
  return { sources, errors };
}

/** A definition's bytes; a folder named like one is said to be a folder (read, not looked at first: one call a file). */
function readDefinition(at: Buffer): Buffer {
  try {
    return fs.readFileSync(at);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EISDIR') throw new Error('is a folder, not a source definition');
    throw err;
  }
}

/**
 * A file name as text; one that is not UTF-8 (a folder copied from an old Latin-1 system) with each byte past ASCII
 * as \xNN, so that messages name it recognisably instead of with U+FFFD.
 */
function fileName(raw: Buffer): string {
  const text = raw.toString('utf8');
  if (Buffer.from(text).equals(raw)) return text;
  return [...raw].map((b) => (b < 0x80 ? String.fromCharCode(b) : `\\x${b.toString(16).toUpperCase()}`)).join('');
}

/** A definition's fault in one field (or one of a module's options under `options:`), named as data. */
class FieldError extends Error {
  constructor(message: string, readonly field: string, readonly option?: string) {
    super(message);
  }
}

/**
 * A field's message with the line that field is on, so that a person finds it in a long file: `line 7: unknown field
 * "nmae"`. A field that is missing, or a message about no field, is left as it is.
 */
function withLine(err: Error, text: string): string {
  if (!(err instanceof FieldError)) return err.message;
  const key = (err.option ?? err.field).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  // A field starts a line; a module's option is indented under options:.
  const at = new RegExp(`^${err.option ? '\\s+' : ''}["']?${key}["']?\\s*:`);
  const line = text.split(/\r?\n/).findIndex((l) => at.test(l));
  return line < 0 ? err.message : `line ${line + 1}: ${err.message}`;
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
  try {
    return doc.toJS() as Record<string, unknown> | null;
  } catch (err) {
    // Resolving the aliases failed (one set later or never, a bomb of aliases of aliases): the library says so without
    // a place. The field is the first whose value, read with those above it, fails so.
    const at = failingField(doc, text);
    throw new Error(`invalid YAML${at ? ` at line ${at.line} (field "${at.field}")` : ''}: ${(err as Error).message}`);
  }
}

/**
 * The first top-level field (its line and name) whose value cannot be read as JavaScript, read with those above it.
 * Whether the first k fields read is false from that field on (an alias resolves only to an anchor above it, and alias
 * counts only grow), so it is found by halving: a read of the first k fields each time, the parsed document's own
 * nodes, log₂ of the fields' number of times (it parsed the text up to each field, one by one: 18 s for 1,000 fields).
 */
function failingField(doc: Yaml.Document, text: string): { line: number; field: string } | undefined {
  const y = yaml!;
  const map = doc.contents;
  if (!y.isMap(map)) return undefined;
  const readsUpTo = (k: number): boolean => {
    doc.contents = new y.YAMLMap();
    (doc.contents as Yaml.YAMLMap).items = map.items.slice(0, k);
    try {
      doc.toJS();
      return true;
    } catch {
      return false;
    } finally {
      doc.contents = map;
    }
  };
  // The first k fields read (k = 0 always does); the first k + 1 do not.
  let [low, high] = [0, map.items.length];
  if (readsUpTo(high)) return undefined;
  while (high - low > 1) {
    const mid = (low + high) >>> 1;
    if (readsUpTo(mid)) low = mid;
    else high = mid;
  }
  const key = map.items[low].key;
  const start = y.isNode(key) ? key.range?.[0] : undefined;
  if (start === undefined) return undefined;
  return { line: text.slice(0, start).split('\n').length, field: String(y.isScalar(key) ? key.value : key) };
}

/** Validate one YAML document into a SourceDef; throws an Error naming the field (and line for syntax errors). */
export function parseSourceDef(text: string, file: string): SourceDef {
  const raw = readFlatYaml(text) ?? readYaml(text);
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw new Error('the file must be a YAML mapping of fields');
  for (const key of Object.keys(raw)) if (!FIELDS.has(key)) throw new FieldError(`unknown field "${key}"`, key);

  const str = (field: string, required = true): string | undefined => {
    // Blank is empty: `name: "  "` was a source named "" in every list.
    const v = typeof raw[field] === 'string' ? (raw[field] as string).trim() : raw[field];
    if (v === undefined || v === null || v === '') {
      if (required) throw new FieldError(`field "${field}" is required`, field);
      return undefined;
    }
    if (typeof v !== 'string') throw new FieldError(`field "${field}" must be a string`, field);
    return v;
  };

  const nameSv = (v: string | undefined): string => {
    if (v === undefined) throw new FieldError('field "nameSv" is empty: leave it out to use "name" in Swedish too', 'nameSv');
    return v;
  };

  const id = str('id')!;
  if (!/^[a-z0-9][a-z0-9-]*$/.test(id)) throw new FieldError(`field "id": "${id}" must be lowercase letters, digits and dashes`, 'id');
  const url = str('url')!;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new FieldError(`field "url": "${url}" is not a valid URL`, 'url');
  }
  if (!/^https?:$/.test(parsed.protocol)) throw new FieldError(`field "url" must be http or https`, 'url');

  const kind = str('kind')!;
  if (kind !== 'rss' && kind !== 'module') throw new FieldError(`field "kind" must be "rss" or "module", not "${kind}"`, 'kind');
  const module = str('module', kind === 'module');
  if (kind === 'rss' && module) throw new FieldError('field "module" is only for kind: module', 'module');
  if (module && !moduleNames.includes(module))
    throw new FieldError(`field "module": no source module "${module}" in src/sources/ (known: ${moduleNames.join(', ')})`, 'module');

  const schedule = str('schedule', false) ?? DEFAULT_SCHEDULE;
  const scheduleError = scheduleProblem(schedule);
  if (scheduleError) throw new FieldError(`field "schedule": ${scheduleError}`, 'schedule');
  const language = (str('language', false) ?? 'fi') as Lang;
  if (language !== 'fi' && language !== 'sv') throw new FieldError(`field "language" must be "fi" or "sv"`, 'language');
  const itemKind = (str('itemKind', false) ?? 'news') as ItemKind;
  if (!ITEM_KINDS.includes(itemKind)) throw new FieldError(`field "itemKind" must be one of ${ITEM_KINDS.join(', ')}`, 'itemKind');

  const tags = raw.tags ?? [];
  if (!Array.isArray(tags) || tags.some((t) => typeof t !== 'string')) throw new FieldError('field "tags" must be a list of strings', 'tags');
  const mayBeEmpty = raw.mayBeEmpty ?? false;
  if (typeof mayBeEmpty !== 'boolean') throw new FieldError('field "mayBeEmpty" must be true or false', 'mayBeEmpty');
  const titleOnly = raw.titleOnly ?? false;
  if (typeof titleOnly !== 'boolean') throw new FieldError('field "titleOnly" must be true or false', 'titleOnly');
  const options = raw.options ?? {};
  if (typeof options !== 'object' || options === null || Array.isArray(options)) throw new FieldError('field "options" must be a mapping', 'options');
  const moduleName = kind === 'rss' ? 'rss' : module!;
  const optionError = checkOptions(moduleName, moduleOptions(moduleName), options as Record<string, unknown>);
  if (optionError) throw new FieldError(optionError.message, 'options', optionError.option);
  const verified = raw.verified ?? true;
  if (typeof verified !== 'boolean') throw new FieldError('field "verified" must be true or false', 'verified');

  return {
    id,
    name: str('name')!,
    ...(raw.nameSv === undefined ? {} : { nameSv: nameSv(str('nameSv', false)) }),
    url,
    kind,
    module: moduleName,
    schedule,
    language,
    organisation: str('organisation', false),
    tags: tags as string[],
    itemKind,
    mayBeEmpty,
    ...(titleOnly ? { titleOnly } : {}),
    options: withDefaults(moduleOptions(moduleName), options as Record<string, unknown>),
    verified,
    file,
  };
}

/** The ids of the sources whose definitions say their items are their title alone (`titleOnly: true`). */
export function titleOnlyIds(sources: readonly SourceDef[]): string[] {
  return sources.filter((s) => s.titleOnly === true).map((s) => s.id);
}

/**
 * The title-only sources a feeds folder defines, or the shipped ones when it has no sources/ folder (as a folder without
 * taxonomy.yaml uses the shipped taxonomy): what the tag stage, `tag --jsonl` and the labelled sets' evaluation read.
 * `loaded`: the folder's definitions when already read.
 */
export function titleOnlySources(feedsDir?: string, loaded?: readonly SourceDef[]): string[] {
  const own = feedsDir !== undefined && fs.existsSync(path.join(feedsDir, 'sources'));
  return titleOnlyIds(own ? (loaded ?? loadSources(feedsDir).sources) : loadSources(path.dirname(shippedTaxonomyPath())).sources);
}
