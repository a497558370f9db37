// The values that flow between the pipeline's stages: fetch → parse → normalize → tag → store.
// Types (and the lists of item kinds and matter stages they are derived from), and the one rule of which name a source
// goes by in a language; no other logic lives here.

/** Finnish or Swedish: the language of an item or source, a page, a person's choice on /account, a subscription, a digest. */
export type Lang = 'fi' | 'sv';

/**
 * What kind of legislative or reform document an item is; the tagger and the views use it. The one list of
 * kinds (the only runtime value in this file): definitions, the taxonomy and `tag --jsonl` check against it.
 */
export const ITEM_KINDS = [
  'statement-request', // lausuntopyyntö, consultation
  'bill', // hallituksen esitys (HE)
  'committee-report', // valiokunnan mietintö or lausunto
  'statute', // a statute in Finlex
  'project', // a government project (Hankeikkuna)
  'decision', // a welfare-area or government decision
  'press-release', // ministry or government release
  'news', // other news
] as const;

export type ItemKind = (typeof ITEM_KINDS)[number];

/** A source as defined by one YAML file under feeds/sources/. */
export interface SourceDef {
  id: string;
  name: string;
  /** Its name in Swedish, for Swedish digests and pages; absent: `name` is used. */
  nameSv?: string;
  url: string;
  /** `rss` sources are data only (RSS 2.0, Atom or RDF); `module` sources name a file in src/sources/. */
  kind: 'rss' | 'module';
  module?: string;
  /** node-cron expression, Europe/Helsinki; default every 30 minutes. */
  schedule: string;
  language: Lang;
  organisation?: string;
  tags: string[];
  /** The kind given to items that do not say otherwise. */
  itemKind: ItemKind;
  /** A source that may legitimately yield no items (else zero items is a layout-change error). */
  mayBeEmpty: boolean;
  /** The source's items say no more than their title (Finlex's statutes): the tagger weighs a lone title as title and summary. */
  titleOnly?: boolean;
  /** Module-specific settings, checked against the module's declared options when definitions load. */
  options: Record<string, unknown>;
  /** The hosts that serve one article store (feeds/article-store.yaml), for its press releases' keys; absent: none. */
  articleHosts?: readonly string[];
  /**
   * False when the URL has no public evidence (an inferred or remembered address); shown to users.
   * The loader always sets it (default true); hand-made definitions may leave it out, meaning true.
   */
  verified?: boolean;
  /** The YAML file this definition came from, for error messages. */
  file: string;
}

/** A source's name in a language: its Swedish name in Swedish where it has one, else its name. */
export const sourceNameIn = (source: { name: string; nameSv?: string | null }, lang: Lang): string => (lang === 'sv' ? source.nameSv : null) ?? source.name;

/** Validators kept from the last successful fetch of a URL, for conditional GET. */
export interface Validators {
  etag?: string | null;
  lastModified?: string | null;
}

/** What the fetch stage returns: a decoded body, or a 304. */
export interface FetchResult {
  /** The URL after redirects. */
  url: string;
  status: number;
  notModified: boolean;
  /** Decoded text (UTF-8 in JS string); empty for a 304. */
  body: string;
  contentType: string | null;
  /** The charset the body was decoded from, and where it came from. */
  charset: string;
  /** Ill-formed byte sequences replaced with U+FFFD while decoding (0 for a clean body). */
  replacedBytes?: number;
  bytes: number;
  etag: string | null;
  lastModified: string | null;
}

/** Options for one HTTP request made through the fetch stage. */
export interface FetchOptions {
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string;
  /** Validators to send as If-None-Match / If-Modified-Since. */
  validators?: Validators;
  /** Override the size cap (bytes). */
  maxBytes?: number;
}

/** A function that performs one polite HTTP request (the fetch stage, or a stand-in in tests). */
export type Fetch = (url: string, options?: FetchOptions) => Promise<FetchResult>;

/** Extra facts a statement request carries (from lausuntopalvelu's participation page). */
export interface Consultation {
  /** Organisations the request was sent to ("Jakelu"). */
  distribution: string[];
  /** Organisations that have already answered. */
  answered: string[];
}

/** What a source found, before normalization: strings as the source gave them. */
export interface RawItem {
  guid?: string | null;
  url?: string | null;
  title: string;
  /** Summary or description; may be HTML. */
  summary?: string | null;
  /** Full text or body; may be HTML. */
  content?: string | null;
  /** A Date, or a string in any format parse/dates understands. */
  published?: Date | string | null;
  updated?: Date | string | null;
  /** Statement deadline as given (Date or string); also found from the text in normalize. */
  deadline?: Date | string | null;
  language?: Lang | null;
  organisation?: string | null;
  kind?: ItemKind | null;
  /** Processing stage as the source names it (e.g. "Valiokuntakäsittely", "LAUSUNTOMENETTELY"). */
  stage?: string | null;
  /** The item's own identifiers as the source states them (its RegisterNumber, eduskuntatunnus, project code, akn URI). */
  identifiers?: string[];
  /** Identifiers of what the source states the item is about (a project's HE numbers, a report's bill). */
  about?: string[];
  consultation?: Consultation | null;
  /** A statute's entry into force as its text states it (YYYY-MM-DD); absent when the text gives no date. */
  inForce?: string | null;
  /**
   * The days a bill reached the stages of a matter as its source dates them (Eduskunta's processing events: given to
   * Parliament, sent to committee, parliament's reply), by stage name ('government-proposal', 'committee',
   * 'parliament-reply'); each a date as sources write it.
   */
  stageDays?: Record<string, string> | null;
}

/** Kinds of structured identifier extracted from items. */
export type IdentifierType =
  | 'he' // HE 184/2022 vp (Swedish RP … rd is stored in its Finnish form)
  | 'committee' // HaVM 41/2022 vp, StVL 3/2023 vp (Swedish FvUB, ShUU … in their Finnish form)
  | 'ev' // EV 55/2026 vp, parliament's reply (Swedish RSv … rd)
  | 'ptk' // PTK 12/2023 vp
  | 'eu' // U 5/2023 vp, E 12/2023 vp
  | 'kk' // KK 123/2023 vp
  | 'diary' // VN/18775/2022, SMDno-2015-123, OKM/1/010/2017, ESAVI/12/2019
  | 'project' // SM061:00/2015
  | 'edk' // EDK-2023-AK-29738
  | 'statute' // 1090/2002
  | 'eli' // http://data.finlex.fi/eli/sd/2002/1090/...
  | 'celex' // 32026R2001
  | 'lausuntopalvelu'; // the proposal GUID

/**
 * How an identifier belongs to an item: its own (`self`), a relation the source states (`about`), or a code
 * merely written in its text (`mention`). Only self and about join items into a matter.
 */
export type IdentifierRole = 'self' | 'about' | 'mention';

/** One identifier found on an item, in canonical form. */
export interface Identifier {
  type: IdentifierType;
  value: string;
  /** Absent: a mention (the safe default, which joins nothing). */
  role?: IdentifierRole;
}

/** A normalized item: absolute URLs, clean text, Helsinki-aware dates, sanitized HTML, a stable key. */
export interface Item {
  sourceId: string;
  /** Stable dedup key: guid, else canonical URL, else title + date. */
  key: string;
  guid: string | null;
  url: string | null;
  title: string;
  /** Plain text, whitespace collapsed. */
  summary: string;
  /** Sanitized HTML of the body (allowlist), or ''. */
  contentHtml: string;
  /** ISO 8601 UTC instant or null. */
  published: string | null;
  updated: string | null;
  /** Statement deadline as a Helsinki calendar date, YYYY-MM-DD, or null. */
  deadline: string | null;
  language: Lang;
  organisation: string | null;
  kind: ItemKind;
  stage: string | null;
  identifiers: Identifier[];
  consultation: Consultation | null;
  /** A statute's entry into force, a Helsinki calendar date (YYYY-MM-DD); absent when not known. */
  inForce?: string | null;
  /** RawItem.stageDays as JSON text, each a Helsinki calendar date (YYYY-MM-DD), stages in order; absent when none. */
  stageDays?: string | null;
  /**
   * A press release's key among the copies other feeds carry (see normalize/release-key.ts and ItemRow.sameAs): its
   * link, or on the hosts of one article store its language prefix and slug; absent for other kinds.
   */
  releaseKey?: string | null;
  /** Hash of the fields whose change upstream is recorded as a new version (see normalize/key.ts). */
  hash: string;
}

/** The tagger's verdict on an item, as stored with it (see src/tag/ for how it is reached). */
export interface ItemTags {
  relevant: boolean;
  /** Goals best first, with their scores. */
  goals: { goal: string; score: number }[];
  primary: string | null;
  scores: Record<string, number>;
  /** Which terms matched where, which rule or prior fired. */
  evidence: unknown[];
  /** A joint-response candidate: a relevant consultation whose deadline had not passed when tagged. */
  joint: boolean;
  jointReason: string;
  taxonomyVersion: string;
}

/** What the tagger reads of an item (see tag/stage.ts's toTagInput): what retag and learning take of a stored one. */
export type ItemForTagging = Pick<Item, 'sourceId' | 'title' | 'summary' | 'language' | 'kind' | 'organisation' | 'deadline' | 'consultation'>;

/** An item after the tag stage: its verdict and the analysed terms the search index uses. */
export interface TaggedItem extends Item {
  tags: ItemTags | null;
  /** Stems, base forms and compound parts of the title and summary, space-separated. */
  searchTerms: string;
}

/**
 * How one source run ended; 'skipped' runs (another run of the source was in progress) are not recorded;
 * 'interrupted' ones are recorded by the store when a run's process ended before the run finished.
 */
export type RunStatus = 'ok' | 'not-modified' | 'error' | 'skipped' | 'interrupted';

/** The record of one source run. */
export interface RunResult {
  sourceId: string;
  startedAt: string;
  finishedAt: string;
  status: RunStatus;
  found: number;
  created: number;
  updated: number;
  /** Plain-language error with its stage, e.g. "parse: the server returned an HTML page where a feed was expected". */
  error: string | null;
  /** Remarks that are not errors (e.g. "parsed with the lenient parser"). */
  notes: string[];
}

/** What a source module is given: a polite fetch and room for remarks. */
export interface SourceContext {
  /**
   * The fetch stage. A GET of exactly `def.url` is conditional: stored validators are sent
   * automatically, and a 304 comes back as `notModified: true`.
   */
  fetch: Fetch;
  /** Remarks for the run record (e.g. a lenient-parser fallback). */
  note(message: string): void;
  now: Date;
  /** When the source last ran successfully (null or absent: never), for modules that ask for what is new since then. */
  lastSuccessAt?: Date | null;
  /** Whether an item with this guid from this source is already stored (a module may skip fetching its details). */
  known?(guid: string): boolean;
  /**
   * The run read only part of what is new (a cap was reached): it is stored, but the source's last success does not
   * move, so the next run asks for the same window again and reads what is left.
   */
  incomplete?(reason: string): void;
}

/** The value types a module option may take in YAML. */
export type OptionType = 'string' | 'integer' | 'boolean' | 'string-list' | 'mapping' | 'mapping-list';

/** One option a source module accepts under `options:`; definitions are checked against these when they load. */
export interface OptionSpec {
  type: OptionType;
  /** Used when the definition does not give the option; undefined: absent. */
  default?: unknown;
  /** Bounds for integers. */
  min?: number;
  max?: number;
  description: string;
}

/** Items in batches as a source reads them; 'again' voids every batch before it (what follows is the whole list). */
export type RawBatches = AsyncIterable<RawItem[] | 'again'>;

/** One source that needs code: fetches through ctx.fetch and returns what it found. */
export interface SourceModule {
  /** The options a definition may give this module, by name. */
  options: Record<string, OptionSpec>;
  /** Return the items found (all at once or in batches as they are read), or 'not-modified' when the main URL answered 304. */
  collect(def: SourceDef, ctx: SourceContext): Promise<RawItem[] | RawBatches | 'not-modified'>;
}

/** The stages of a piece of legislation, in order. */
export const MATTER_STAGES = [
  'preparation', // a ministry project (Hankeikkuna)
  'statement-round', // a statement request (lausuntopalvelu)
  'government-proposal', // the HE given to Parliament
  'committee', // committee statements and the report
  'parliament-reply', // EV, parliament's reply
  'statute-published', // in the Statute Book
  'in-force',
] as const;

export type MatterStage = (typeof MATTER_STAGES)[number];
