// `lakivahti tag --jsonl FILE|-`: tag JSON lines without touching the database.
import { createReadStream, statSync, type ReadStream } from 'node:fs';
import type { Writable } from 'node:stream';
import { ITEM_KINDS, type ItemKind, type Lang } from '../model.js';
import { createTagger } from '../tag/tagger.js';
import { loadTaxonomy } from '../tag/taxonomy.js';
import { titleOnlySources } from '../config/sources.js';
import type { TagInput } from '../tag/types.js';
import { markTitleOnly } from '../tag/title-only.js';
import { notUtf8At } from '../bytes.js';
import { namedPath, utf8Path } from '../paths.js';
import { byteLines, parseCommand, Refused, UsageError, warn, writeLine } from './args.js';

export const usage = `usage: lakivahti tag --jsonl FILE|- [--feeds DIR]

Tag JSON lines (id, title, optional summary, source, lang, kind, deadline, organisation, titleOnly)
without touching the database; - reads standard input. A line of a source whose definition says
titleOnly (Finlex) is read as its title alone unless it says "titleOnly": false. Prints one result a line; a bad line is named on
stderr and the others are still tagged (exit 1).
`;

/** Check one parsed line and turn it into tagger input; throws a plain-language message. */
export function toTagInput(value: unknown): TagInput {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error('expected a JSON object');
  const o = value as Record<string, unknown>;
  const str = (k: string, required = false): string | null => {
    const v = o[k];
    if (v === undefined || v === null) {
      if (required) throw new Error(`"${k}" is missing`);
      return null;
    }
    if (typeof v !== 'string' && !(k === 'id' && typeof v === 'number')) throw new Error(`"${k}" must be a string`);
    return String(v);
  };
  const id = str('id', true)!;
  const title = str('title', true)!;
  const lang = str('lang');
  if (lang !== null && lang !== 'fi' && lang !== 'sv') throw new Error(`"lang" must be "fi" or "sv", not "${lang}"`);
  const kind = str('kind');
  if (kind !== null && !ITEM_KINDS.includes(kind as ItemKind)) throw new Error(`"kind" must be one of ${ITEM_KINDS.join(', ')}`);
  const deadline = str('deadline');
  if (deadline !== null && !/^\d{4}-\d{2}-\d{2}/.test(deadline)) throw new Error('"deadline" must be a date YYYY-MM-DD');
  const titleOnly = o.titleOnly;
  if (titleOnly !== undefined && titleOnly !== null && typeof titleOnly !== 'boolean') throw new Error('"titleOnly" must be true or false');
  const c = o.consultation as { distribution?: unknown; answered?: unknown } | undefined | null;
  const list = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
  return {
    id,
    title,
    summary: str('summary'),
    source: str('source'),
    organisation: str('organisation'),
    lang: lang as Lang | null,
    kind: kind as ItemKind | null,
    deadline: deadline?.slice(0, 10) ?? null,
    consultation: c && typeof c === 'object' ? { distribution: list(c.distribution), answered: list(c.answered) } : null,
    ...(typeof titleOnly === 'boolean' ? { titleOnly } : {}),
  };
}

export async function run(args: string[]): Promise<number> {
  const { values } = parseCommand(args, { jsonl: { type: 'string' } });
  if (!values.jsonl) throw new UsageError('--jsonl FILE is required (use - for standard input)');
  return tagCommand({ jsonl: utf8Path(values.jsonl, '--jsonl'), feeds: namedPath(values.feeds, 'feeds', 'LAKIVAHTI_FEEDS') }, process);
}

/** The lines to tag: standard input for `-`, else the file, opened; a folder or a file that cannot be opened is refused naming it. */
async function openInput(jsonl: string, stdin: NodeJS.ReadableStream): Promise<NodeJS.ReadableStream> {
  if (jsonl === '-') return stdin;
  if (statSync(jsonl, { throwIfNoEntry: false })?.isDirectory()) throw new Refused(`${jsonl} is a folder; give a file of JSON lines (or - for standard input)`);
  const stream = createReadStream(jsonl);
  const opened = await new Promise<Error | null>((resolve) => {
    stream.once('open', () => resolve(null));
    stream.once('error', (e) => resolve(e));
  });
  if (opened) throw new Refused(`cannot read ${jsonl}: ${opened.message}`);
  return stream;
}

/** Run the tag command; returns the exit code (0 ok, 1 some lines bad); refused (2) when nothing can be tagged. */
export async function tagCommand(
  args: { jsonl: string; feeds?: string },
  io: { stdin: NodeJS.ReadableStream; stdout: Writable; stderr: NodeJS.WritableStream },
): Promise<number> {
  // The input first: a folder or a missing file is named at once, before the tagger is built (~0.5 s, Voikko).
  const input = await openInput(args.jsonl, io.stdin);
  let tag;
  let titleOnly: ReadonlySet<string>;
  try {
    tag = createTagger(loadTaxonomy(args.feeds));
    titleOnly = new Set(titleOnlySources(args.feeds));
  } catch (err) {
    if (input !== io.stdin) (input as ReadStream).destroy();
    throw new Refused((err as Error).message);
  }
  let bad = 0;
  let lineNo = 0;
  for await (const bytes of byteLines(input as AsyncIterable<Buffer>)) {
    lineNo++;
    // A Latin-1 line read as UTF-8 gets U+FFFD for its ä and is tagged as other words: named instead.
    const at = notUtf8At(bytes);
    if (at >= 0) {
      bad++;
      warn('tag', `line ${lineNo}: not UTF-8 (byte 0x${bytes[at].toString(16)} at byte ${at + 1} of the line); write the file in UTF-8 (iconv -f latin1 -t utf-8)`, io.stderr);
      continue;
    }
    // A byte-order mark (a file saved "UTF-8 with BOM") is no part of the JSON.
    const line = bytes.toString('utf8', bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0);
    if (line.trim() === '') continue;
    let item: TagInput;
    try {
      // As the crawl marks it: the item's source says its items are their title alone.
      item = markTitleOnly(toTagInput(JSON.parse(line)), titleOnly);
    } catch (err) {
      bad++;
      const msg = err instanceof SyntaxError ? `not valid JSON (${err.message})` : (err as Error).message;
      warn('tag', `line ${lineNo}: ${msg}`, io.stderr);
      continue;
    }
    const r = tag(item);
    const out = {
      id: r.id, relevant: r.relevant, goals: r.goals, primary: r.primary, scores: r.scores, evidence: r.evidence,
      kind: r.kind, joint: r.joint, taxonomyVersion: r.taxonomyVersion,
    };
    // Waits while the pipe is full; a reader that went away (`| head -1`) ends the command.
    if (!(await writeLine(JSON.stringify(out), io.stdout))) break;
  }
  return bad > 0 ? 1 : 0;
}
