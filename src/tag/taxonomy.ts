// Loads feeds/taxonomy.yaml: the strategy goals as versioned data, validated with line numbers.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type * as Yaml from 'yaml';
import type { Document, Node } from 'yaml';
import { StageError } from '../errors.js';
import { throughCache } from './taxonomy-cache.js';
import { loaderFile, taxonomyFile } from './taxonomy-file.js';
import { ITEM_KINDS, type ItemKind, type Lang } from '../model.js';
import type { GoalDef, ScopeConditional, ScopeDef, SourcePrior, Taxonomy, TermDef, Thresholds } from './types.js';

// The yaml library on first parse (its CommonJS build, the one `import 'yaml'` gets too): a process whose taxonomy
// comes from the cache (taxonomy-cache.ts) never loads it (some 35 ms).
const require = createRequire(import.meta.url);
let yamlLib: typeof Yaml | null = null;
const yaml = (): typeof Yaml => (yamlLib ??= require('yaml') as typeof Yaml);
const isMap = ((n: unknown) => yaml().isMap(n)) as typeof Yaml.isMap;
const isScalar = ((n: unknown) => yaml().isScalar(n)) as typeof Yaml.isScalar;
const isSeq = ((n: unknown) => yaml().isSeq(n)) as typeof Yaml.isSeq;

export { shippedTaxonomyPath } from './taxonomy-file.js';

/** The three goal ids fixed by the strategy; a taxonomy must define exactly these. */
export const GOAL_IDS = ['services', 'welfare-reform', 'internal-security'] as const;

/** Load the taxonomy from `feedsDir/taxonomy.yaml`, or the shipped one when the folder has none. */
export function loadTaxonomy(feedsDir?: string): Taxonomy {
  const file = taxonomyFile(feedsDir);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new StageError('config', `${file}: cannot read the taxonomy (${(err as Error).message})`);
  }
  // Through the cache a crawl sets up (taxonomy-cache.ts): parsed again whenever the file or this loader changes.
  return throughCache(text, file, loaderId, () => parseTaxonomy(text, file));
}

/**
 * What a parse depends on besides the text: this loader's own code, the item kinds it accepts, and the version of
 * the yaml library that reads the text (a new one may read the same text differently, or refuse it).
 */
export const loaderId = (): string =>
  `${readFileSync(loaderFile, 'utf8')}\0${ITEM_KINDS.join(',')}\0yaml ${(require('yaml/package.json') as { version: string }).version}`;

type Path = (string | number)[];

/** Parse and validate taxonomy YAML; every error names the file and line. */
export function parseTaxonomy(text: string, file = 'taxonomy.yaml'): Taxonomy {
  const lineCounter = new (yaml().LineCounter)();
  const doc = yaml().parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const fail = (line: number, msg: string): never => {
    throw new StageError('config', `${file}:${line}: ${msg}`);
  };
  if (doc.errors.length > 0) {
    const e = doc.errors[0];
    fail(lineCounter.linePos(e.pos[0]).line, e.message.split('\n')[0]);
  }
  const lineOf = (path: Path): number => {
    for (let p = path; p.length >= 0; p = p.slice(0, -1)) {
      const node = (p.length === 0 ? doc.contents : doc.getIn(p, true)) as Node | null | undefined;
      if (node && node.range) return lineCounter.linePos(node.range[0]).line;
      if (p.length === 0) break;
    }
    return 1;
  };
  /** The line of a mapping's key itself: an unknown key's value may begin on the next line (a block). */
  const keyLine = (path: Path): number => {
    const parent = path.length === 1 ? doc.contents : doc.getIn(path.slice(0, -1), true);
    const pair = isMap(parent) ? parent.items.find((p) => isScalar(p.key) && p.key.value === path.at(-1)) : undefined;
    const range = (pair?.key as Node | undefined)?.range;
    return range ? lineCounter.linePos(range[0]).line : lineOf(path);
  };
  const v = new Validator(doc, lineOf, fail, (offset) => lineCounter.linePos(offset).line);
  const root = v.map([], true)!;
  for (const key of Object.keys(root)) {
    if (!['version', 'thresholds', 'fields', 'kinds', 'joint_recipients', 'goals', 'priors', 'false_friends', 'scopes'].includes(key)) {
      fail(keyLine([key]), `unknown top-level key "${key}"`);
    }
  }
  const version = v.string(['version']);
  const thresholds = readThresholds(v, keyLine);
  const fields = { title: v.number(['fields', 'title']), summary: v.number(['fields', 'summary']) };
  const kinds: Partial<Record<ItemKind, number>> = {};
  for (const k of Object.keys(v.map(['kinds'], false) ?? {})) {
    if (!ITEM_KINDS.includes(k as ItemKind)) fail(lineOf(['kinds', k]), `unknown item kind "${k}" (one of ${ITEM_KINDS.join(', ')})`);
    kinds[k as ItemKind] = v.number(['kinds', k]);
  }
  const jointRecipients = v.strings(['joint_recipients']);

  const terms: TermDef[] = [];
  const goals: GoalDef[] = [];
  const goalNodes = v.seq(['goals']);
  const ids = goalNodes.map((_, i) => v.string(['goals', i, 'id']));
  for (const [i, id] of ids.entries()) {
    if (!(GOAL_IDS as readonly string[]).includes(id)) fail(lineOf(['goals', i, 'id']), `unknown goal id "${id}" (the strategy's ids are ${GOAL_IDS.join(', ')})`);
    if (ids.indexOf(id) !== i) fail(lineOf(['goals', i, 'id']), `goal "${id}" is defined twice`);
  }
  for (const id of GOAL_IDS) if (!ids.includes(id)) fail(lineOf(['goals']), `goal "${id}" is missing`);
  for (const [gi, id] of ids.entries()) {
    const gp: Path = ['goals', gi];
    const goal: GoalDef = { id, label: v.label([...gp, 'label']), subtopics: [] };
    const subs = v.seq([...gp, 'subtopics']);
    for (let si = 0; si < subs.length; si++) {
      const sp: Path = [...gp, 'subtopics', si];
      const sub = v.map(sp, true)!;
      for (const key of Object.keys(sub)) {
        if (!['id', 'label', 'fi', 'sv', 'context', 'negative'].includes(key)) fail(keyLine([...sp, key]), `unknown sub-topic key "${key}"`);
      }
      const subId = v.string([...sp, 'id']);
      goal.subtopics.push({ id: subId, label: v.label([...sp, 'label']) });
      const add = (path: Path, lang: Lang, rule: TermDef['rule']): void => {
        if (doc.getIn(path, true) === undefined) return;
        for (let ti = 0; ti < v.seq(path).length; ti++) terms.push(v.term([...path, ti], lang, rule, id, ids, subId));
      };
      for (const lang of ['fi', 'sv'] as Lang[]) {
        add([...sp, lang], lang, 'anchor');
        add([...sp, 'context', lang], lang, 'context');
        add([...sp, 'negative', lang], lang, 'negative');
      }
    }
    goals.push(goal);
  }
  for (const lang of ['fi', 'sv'] as Lang[]) {
    const path: Path = ['false_friends', lang];
    if (doc.getIn(path, true) === undefined) continue;
    for (let ti = 0; ti < v.seq(path).length; ti++) terms.push(v.term([...path, ti], lang, 'false-friend', null, ids, null));
  }
  const priors: SourcePrior[] = [];
  if (doc.getIn(['priors'], true) !== undefined) {
    for (let pi = 0; pi < v.seq(['priors']).length; pi++) priors.push(v.prior(['priors', pi], ids));
  }
  const scopes: ScopeDef[] = [];
  const scopeTerms: TermDef[] = [];
  if (doc.getIn(['scopes'], true) !== undefined) {
    for (let si = 0; si < v.seq(['scopes']).length; si++) {
      const sp: Path = ['scopes', si];
      const m = v.map(sp, true)!;
      for (const key of Object.keys(m)) {
        if (!['id', 'label', 'factor', 'by_field', 'title_only', 'together', 'conditional', 'when', 'unless', 'apart'].includes(key)) fail(keyLine([...sp, key]), `unknown scope key "${key}" (id, label, factor, by_field, title_only, together, conditional, when, unless, apart)`);
      }
      const id = v.string([...sp, 'id']);
      if (scopes.some((x) => x.id === id)) fail(lineOf([...sp, 'id']), `scope "${id}" is defined twice`);
      const factor = v.number([...sp, 'factor']);
      const byField = m.by_field ?? false;
      if (typeof byField !== 'boolean') fail(lineOf([...sp, 'by_field']), `scope "${id}": by_field must be true or false`);
      const titleOnly = m.title_only ?? false;
      if (typeof titleOnly !== 'boolean') fail(lineOf([...sp, 'title_only']), `scope "${id}": title_only must be true or false`);
      const together = m.together === undefined ? {} : v.goalWeights([...sp, 'together'], ids);
      // A factor of 1 scales nothing: such a scope only names a cooperation (`together`), as the EU civil protection
      // mechanism with the rescue services does.
      if (factor < 0 || factor > 1 || (factor === 1 && Object.keys(together).length === 0)) fail(lineOf([...sp, 'factor']), `scope "${id}": factor must be at least 0 and below 1 (1 only with together)`);
      // A scope that scales would never scale if it only acted with its way out in the title.
      if (titleOnly && factor !== 1) fail(lineOf([...sp, 'title_only']), `scope "${id}": title_only is for a scope that only names a cooperation (factor 1)`);
      const conditional = m.conditional === undefined ? null : readConditional(v, [...sp, 'conditional'], id, lineOf, keyLine);
      scopes.push({ id, label: v.label([...sp, 'label']), factor, byField: byField as boolean, titleOnly: titleOnly as boolean, together, conditional, line: lineOf(sp) });
      for (const role of ['when', 'unless', 'apart'] as const) {
        const rp: Path = [...sp, role];
        const langs = v.map(rp, role === 'when') ?? {};
        for (const key of Object.keys(langs)) if (key !== 'fi' && key !== 'sv') fail(keyLine([...rp, key]), `scope "${id}": unknown language "${key}" under ${role} (fi, sv)`);
        let count = 0;
        for (const lang of ['fi', 'sv'] as Lang[]) {
          if (doc.getIn([...rp, lang], true) === undefined) continue;
          for (let ti = 0; ti < v.seq([...rp, lang]).length; ti++) {
            const t = v.term([...rp, lang, ti], lang, 'scope', null, ids, null);
            scopeTerms.push({ ...t, scope: { id, role } });
            count++;
          }
        }
        if (role === 'when' && count === 0) fail(lineOf(rp), `scope "${id}": when needs at least one term`);
      }
    }
  }
  return { version, goals, terms, priors, scopes, scopeTerms, kinds, fields, thresholds, jointRecipients, file };
}

/**
 * A scope's conditional words (`conditional: {within: 3, fi: [jos], sv: [ifall, {om: {at: 2}}]}`): each a single
 * lower-case word, `at` a distance from 1 to `within`.
 */
function readConditional(v: Validator, path: Path, id: string, lineOf: (p: Path) => number, keyLine: (p: Path) => number): ScopeConditional {
  const m = v.map(path, true)!;
  const field = `scope "${id}": conditional`;
  for (const key of Object.keys(m)) if (!['within', 'fi', 'sv'].includes(key)) v.fail(keyLine([...path, key]), `${field}: unknown key "${key}" (within, fi, sv)`);
  const within = v.number([...path, 'within']);
  if (!Number.isInteger(within) || within < 1) v.fail(lineOf([...path, 'within']), `${field}.within must be a whole number of words, at least 1`);
  const words: ScopeConditional['words'] = [];
  for (const lang of ['fi', 'sv'] as Lang[]) {
    if (m[lang] === undefined) continue;
    v.seq([...path, lang]);
    const entries = m[lang] as unknown[];
    for (let i = 0; i < entries.length; i++) {
      const ep: Path = [...path, lang, i];
      const entry = entries[i];
      const opts = typeof entry === 'object' && entry !== null && !Array.isArray(entry) ? (entry as Record<string, unknown>) : null;
      if (opts === null && typeof entry !== 'string') v.fail(lineOf(ep), `${field}.${lang}: an entry is a word or {word: {at: N}}`);
      if (opts !== null && Object.keys(opts).length !== 1) v.fail(lineOf(ep), `${field}.${lang}: an entry is a word or {word: {at: N}}`);
      const word = opts === null ? (entry as string) : Object.keys(opts)[0];
      if (!/^\p{Ll}+$/u.test(word)) v.fail(lineOf(ep), `${field}.${lang}: "${word}" must be one lower-case word`);
      let at: number | null = null;
      if (opts !== null) {
        const o = v.map([...ep, word], true)!;
        for (const key of Object.keys(o)) if (key !== 'at') v.fail(keyLine([...ep, word, key]), `${field}.${lang}: "${word}": unknown key "${key}" (at)`);
        at = v.number([...ep, word, 'at']);
        if (!Number.isInteger(at) || at < 1 || at > within) v.fail(lineOf([...ep, word, 'at']), `${field}.${lang}: "${word}": at must be a whole number from 1 to within (${within})`);
      }
      if (words.some((w) => w.word === word)) v.fail(lineOf(ep), `${field}.${lang}: "${word}" is listed twice`);
      words.push({ word, at });
    }
  }
  if (words.length === 0) v.fail(lineOf(path), `${field} needs at least one word under fi or sv`);
  return { within, words };
}

/**
 * The thresholds, each within the range where it means something (see the tagger and joint.ts): a goal's score is
 * never below 0, so a `relevant` of 0 or below made every item relevant.
 */
function readThresholds(v: Validator, keyLine: (p: Path) => number): Thresholds {
  const ranges = {
    relevant: ['above 0 (a goal\'s score is never below 0: every item would be relevant)', (n: number) => n > 0],
    goal: ['above 0 (a goal\'s score is never below 0: every goal would be listed)', (n: number) => n > 0],
    goal_ratio: ['from 0 to 1 (a share of the leading goal\'s score)', (n: number) => n >= 0 && n <= 1],
    joint: ['above 0 (a relevant consultation\'s score: every one would be a candidate)', (n: number) => n > 0],
  } as const;
  for (const key of Object.keys(v.map(['thresholds'], true)!)) {
    if (!Object.hasOwn(ranges, key)) v.fail(keyLine(['thresholds', key]), `unknown threshold "${key}" (${Object.keys(ranges).join(', ')})`);
  }
  const read = (key: keyof typeof ranges): number => {
    const n = v.number(['thresholds', key]);
    const [range, ok] = ranges[key];
    if (!ok(n)) v.fail(keyLine(['thresholds', key]), `thresholds.${key} must be ${range}, not ${n}`);
    return n;
  };
  return { relevant: read('relevant'), goal: read('goal'), goalRatio: read('goal_ratio'), joint: read('joint') };
}

/** Small typed readers over the YAML document that fail with the line of the offending node. */
class Validator {
  constructor(
    private doc: Document,
    private lineOf: (p: Path) => number,
    readonly fail: (line: number, msg: string) => never,
    readonly lineAt: (offset: number) => number,
  ) {}

  private node(path: Path): unknown {
    return path.length === 0 ? this.doc.contents : this.doc.getIn(path, true);
  }

  private where(path: Path): string {
    return path.join('.') || 'the document';
  }

  map(path: Path, required: boolean): Record<string, unknown> | null {
    const n = this.node(path);
    if (n === undefined || n === null) {
      if (required) this.fail(this.lineOf(path), `${this.where(path)} is missing`);
      return null;
    }
    if (!isMap(n)) this.fail(this.lineOf(path), `${this.where(path)} must be a mapping`);
    return (n as { toJSON(): Record<string, unknown> }).toJSON();
  }

  seq(path: Path): unknown[] {
    const n = this.node(path);
    if (n === undefined) this.fail(this.lineOf(path), `${this.where(path)} is missing`);
    if (!isSeq(n)) this.fail(this.lineOf(path), `${this.where(path)} must be a list`);
    return (n as { items: unknown[] }).items;
  }

  string(path: Path): string {
    const n = this.node(path);
    if (n === undefined) this.fail(this.lineOf(path), `${this.where(path)} is missing`);
    if (!isScalar(n) || (typeof n.value !== 'string' && typeof n.value !== 'number') || String(n.value).trim() === '') {
      this.fail(this.lineOf(path), `${this.where(path)} must be a non-empty string`);
    }
    return String((n as { value: unknown }).value).trim();
  }

  number(path: Path): number {
    const n = this.node(path);
    if (n === undefined) this.fail(this.lineOf(path), `${this.where(path)} is missing`);
    if (!isScalar(n) || typeof n.value !== 'number' || !Number.isFinite(n.value)) {
      this.fail(this.lineOf(path), `${this.where(path)} must be a number`);
    }
    return (n as { value: number }).value;
  }

  strings(path: Path): string[] {
    return this.seq(path).map((_, i) => this.string([...path, i]));
  }

  label(path: Path): { fi: string; sv: string } {
    this.map(path, true);
    return { fi: this.string([...path, 'fi']), sv: this.string([...path, 'sv']) };
  }

  goalWeights(path: Path, ids: string[]): Record<string, number> {
    const m = this.map(path, true)!;
    const out: Record<string, number> = {};
    for (const g of Object.keys(m)) {
      if (!ids.includes(g)) this.fail(this.lineOf([...path, g]), `unknown goal "${g}"`);
      out[g] = this.number([...path, g]);
    }
    return out;
  }

  /** A term: `text`, `text: weight`, or `text: {w, also, exact, actor, budget, deal, organ, occasion, place, origin}`. */
  term(path: Path, lang: Lang, rule: TermDef['rule'], goal: string | null, ids: string[], subtopic: string | null): TermDef {
    const n = this.node(path);
    const line = this.lineOf(path);
    let text: string;
    let w = rule === 'context' ? 1 : 2;
    let also: Record<string, number> = {};
    let exact: boolean | null = null;
    // The yes/no options: actor, budget, deal, organ, occasion, place (types.ts says what each marks).
    const flags = { actor: false, budget: false, deal: false, organ: false, occasion: false, place: false };
    let origin: string | null = null;
    if (isScalar(n) && typeof n.value === 'string') {
      text = n.value;
    } else if (isMap(n) && n.items.length === 1) {
      const pair = n.items[0];
      text = isScalar(pair.key) ? String(pair.key.value) : '';
      const val = pair.value;
      if (isScalar(val) && typeof val.value === 'number') {
        w = val.value;
      } else if (isMap(val)) {
        for (const opt of val.items) {
          const key = isScalar(opt.key) ? String(opt.key.value) : '';
          const node = opt.value as Node | null;
          const at = node?.range ? this.lineAt(node.range[0]) : line;
          if (key === 'w') {
            if (!isScalar(node) || typeof node.value !== 'number') this.fail(at, `term "${text}": w must be a number`);
            w = (node as { value: number }).value;
          } else if (key === 'exact') {
            if (!isScalar(node) || typeof node.value !== 'boolean') this.fail(at, `term "${text}": exact must be true or false`);
            exact = (node as { value: boolean }).value;
          } else if (Object.hasOwn(flags, key)) {
            if (!isScalar(node) || typeof node.value !== 'boolean') this.fail(at, `term "${text}": ${key} must be true or false`);
            flags[key as keyof typeof flags] = (node as { value: boolean }).value;
          } else if (key === 'origin') {
            if (!isScalar(node) || typeof node.value !== 'string' || !/^[\w.-]+$/.test(node.value)) this.fail(at, `term "${text}": origin must name a labelled set, such as eval-2028-14`);
            origin = (node as { value: string }).value;
          } else if (key === 'also') {
            if (!isMap(node)) this.fail(at, `term "${text}": also must map goal ids to weights`);
            for (const pair of (node as { items: { key: unknown; value: unknown }[] }).items) {
              const g = isScalar(pair.key) ? String(pair.key.value) : '';
              const v = pair.value as Node | null;
              const gl = v?.range ? this.lineAt(v.range[0]) : at;
              if (!ids.includes(g)) this.fail(gl, `term "${text}": unknown goal "${g}"`);
              if (!isScalar(v) || typeof v.value !== 'number') this.fail(gl, `term "${text}": weight for ${g} must be a number`);
              also[g] = (v as { value: number }).value;
            }
          } else {
            this.fail(at, `unknown term option "${key}" (w, also, exact, actor, budget, deal, organ, occasion, place, origin)`);
          }
        }
      } else if (!(isScalar(val) && val.value === null)) {
        this.fail(line, `term "${text}" must have a number weight or options {w, also, exact, actor, budget, deal, organ, occasion, place, origin}`);
      }
    } else {
      this.fail(line, 'a term must be a string, "term: weight" or "term: {w: …}"');
    }
    text = text!.trim().replace(/\s+/g, ' ');
    if (!/^[\p{L}\p{N}+ .-]+$/u.test(text) || /(^|[ +])\+|\+($|[ +])/.test(text)) {
      this.fail(line, `term "${text}" may hold only letters, digits, spaces, hyphens and "+" between compound parts`);
    }
    // The matcher reads a word's compound parts between "+" and "-": a hyphen at a word's start or end, doubled or
    // beside a "+" would leave an empty part. A phrase's word before its last may end in one: the first part of a
    // compound that shares its head with the next word ("sosiaali- ja terveydenhuolto", "brand- och räddning").
    const words = text.split(' ');
    const partsOf = (word: string, i: number): string[] => (i < words.length - 1 ? word.replace(/(?<=[^+-])-$/, '') : word).split(/[+-]/);
    if (words.some((word, i) => partsOf(word, i).includes(''))) {
      const where = goal !== null ? `goal "${goal}"` : rule === 'false-friend' ? 'false_friends' : `scope "${String(this.doc.getIn([...path.slice(0, 2), 'id']))}"`;
      this.fail(line, `term "${text}" of ${where} has an empty compound part: a hyphen or "+" must stand between two parts of a word`);
    }
    if (w <= 0 && rule !== 'false-friend') this.fail(line, `term "${text}" must have a positive weight (negative terms subtract it)`);
    const goals: Record<string, number> = goal === null ? {} : { [goal]: w, ...also };
    // Acronyms (KEJO, TUVE, ERICA) are matched as written, whole word only.
    const caseSensitive = /^[A-ZÅÄÖ0-9.-]{2,}$/.test(text);
    return { text, lang, goals, rule, exact: exact ?? caseSensitive, caseSensitive, ...Object.fromEntries(Object.entries(flags).filter(([, on]) => on)), ...(origin ? { origin } : {}), subtopic, line };
  }

  prior(path: Path, ids: string[]): SourcePrior {
    const m = this.map(path, true)!;
    for (const key of Object.keys(m)) {
      if (!['label', 'source', 'organisation', 'goals', 'requires_evidence'].includes(key)) this.fail(this.lineOf([...path, key]), `unknown prior key "${key}"`);
    }
    const source = m.source === undefined ? null : this.string([...path, 'source']);
    const organisation = m.organisation === undefined ? null : this.string([...path, 'organisation']).toLowerCase();
    if (source === null && organisation === null) this.fail(this.lineOf(path), 'a prior needs a source or an organisation');
    const requires = m.requires_evidence;
    if (requires !== undefined && typeof requires !== 'boolean') this.fail(this.lineOf([...path, 'requires_evidence']), 'requires_evidence must be true or false');
    return {
      label: this.string([...path, 'label']),
      source,
      organisation,
      goals: this.goalWeights([...path, 'goals'], ids),
      requiresEvidence: requires === undefined ? true : (requires as boolean),
    };
  }
}
