// Types of the tagging stage: the taxonomy as loaded, the tagger's input and output, reviewer decisions.
import type { Consultation, ItemKind, Lang } from '../model.js';

/** The three strategy goals; the ids are fixed by the strategy (see feeds/taxonomy.yaml). */
export type GoalId = string;

/** One weighted term or phrase of the taxonomy, per language. */
export interface TermDef {
  /** As written in the taxonomy: base form, `+` marks compound parts, spaces make a phrase. */
  text: string;
  lang: Lang;
  /** Weight per goal (the owning goal plus any `also`). */
  goals: Record<GoalId, number>;
  /** anchor: counts alone; context: counts only when the item has an anchor; negative: subtracts. */
  rule: 'anchor' | 'context' | 'negative' | 'false-friend' | 'scope';
  /** For scope terms: which scope, and whether the term puts an item in it or takes it out. */
  scope?: { id: string; role: 'when' | 'unless' | 'apart' };
  /** Match only the whole word (or hyphen piece), never inside a compound or as its head. */
  exact: boolean;
  /** Match case-sensitively as written (acronyms such as KEJO, TUVE). */
  caseSensitive: boolean;
  /**
   * Names who acts (pelastuslaitos, räddningsverket), not what the item is about: its points go to the goal the
   * item's own topic terms name when its goal has none (see tagger.ts).
   */
  actor?: boolean;
  /**
   * Names a budget, financial plan, financial statement, investment programme or loan authorisation, or property (a rent,
   * a sale, a premises programme): in a title, of the welfare area the item names, it is the owner goal's money whatever
   * the money builds or the property holds (see tagger.ts).
   */
  budget?: boolean;
  /**
   * Of a budget word: a deal (buying) that is the welfare area's property only when the item names a place (a fire station)
   * it deals in; buying fire engines is the rescue services' equipment (see tagger.ts).
   */
  deal?: boolean;
  /**
   * Names the welfare area or one of its organs by a topic word (hyvinvointialue, lautakunta, nämnd): opening a title
   * before a decision verb, it says who decides, as an actor would, not what the item is about (see tagger.ts).
   */
  organ?: boolean;
  /**
   * Names a hazard (a forest fire) that an item about another goal's matter names as its occasion: the national risk
   * assessment's or the EU mechanism's forest fires are not a further subject (see tagger.ts).
   */
  occasion?: boolean;
  /**
   * Names a place (a fire station) that a title in a place case (paloasemalla, -lle, -lta, -ssa, -sta; vid, på, till, från
   * brandstationen) names as where another matter happens: it says where, as an actor says who; in the genitive before a
   * word of another goal alone ("Paloasemien varavoima") it says whose (see tagger.ts).
   */
  place?: boolean;
  /** The labelled set whose misses showed the term (bench:relevance's forward measurement reads it; tagging does not). */
  origin?: string;
  subtopic: string | null;
  /** Line in the taxonomy file, for explanations. */
  line: number;
}

/** A source or organisation prior: a goal bonus for items from a given source. */
export interface SourcePrior {
  /** Source id to match exactly, or null. */
  source: string | null;
  /** Case-insensitive substring of the organisation, or null. */
  organisation: string | null;
  goals: Record<GoalId, number>;
  /** When true (default) the prior only adds to items that already have an anchor term. */
  requiresEvidence: boolean;
  label: string;
}

/** Goal definition with labels and sub-topics. */
export interface GoalDef {
  id: GoalId;
  label: { fi: string; sv: string };
  subtopics: { id: string; label: { fi: string; sv: string } }[];
}

/**
 * A scope rule: items of a kind (incident news, policing, welfare-area care) whose `when` terms match and none
 * of whose `unless` terms do have their goal scores multiplied by `factor`.
 */
export interface ScopeDef {
  id: string;
  label: { fi: string; sv: string };
  factor: number;
  /**
   * When true, an `unless` term lifts the scope only where it is as prominent as the `when` term that put the item
   * in it (in the title when that one is in the title): a police budget whose summary mentions the emergency
   * centre is still police news, while "Poliisi ja pelastuslaitokset …" is not.
   */
  byField: boolean;
  /**
   * When true, the scope names its cooperation only when its `when` and `unless` terms are both in the title (the
   * ministry and the partnership network: either in the summary is a mention). Only for a scope of factor 1.
   */
  titleOnly: boolean;
  /**
   * Points per goal when `when` and `unless` terms meet and the scope is lifted: police and rescue services together
   * are authorities' cooperation, which is internal security (goals.md).
   */
  together: Record<GoalId, number>;
  /**
   * Words that put a `when` term under a condition, so that it puts the item in no scope ("jos konesali vaurioituu",
   * "om datacentralen skadas": what might happen is planned for, not a call-out told); null when the scope has none.
   */
  conditional: ScopeConditional | null;
  line: number;
}

/**
 * A scope's conditional words: a word at most `within` words before the `when` term, or, for a word with `at`, exactly
 * `at` words before it. Matched on the lower-cased token in either language.
 */
export interface ScopeConditional {
  within: number;
  words: { word: string; at: number | null }[];
}

/** Scoring thresholds, kept in the taxonomy so the autumn review can adjust them. */
export interface Thresholds {
  /** Best goal score at which an item is relevant. */
  relevant: number;
  /** Score at which a non-primary goal is listed. */
  goal: number;
  /** A non-primary goal must also reach this share of the primary goal's score. */
  goalRatio: number;
  /** Best goal score at which a relevant consultation is a joint-response candidate. */
  joint: number;
}

/** The loaded, validated taxonomy. */
export interface Taxonomy {
  version: string;
  goals: GoalDef[];
  terms: TermDef[];
  priors: SourcePrior[];
  /** Scope rules; their terms (rule 'scope') are in `scopeTerms`, matched apart from the goal terms. */
  scopes: ScopeDef[];
  scopeTerms: TermDef[];
  /** Multiplier per item kind; kinds not listed count 1. */
  kinds: Partial<Record<ItemKind, number>>;
  /** Field weights: a summary hit counts `summary` times a title hit. */
  fields: { title: number; summary: number };
  thresholds: Thresholds;
  /** Organisation names in a distribution list that mean the rescue departments were asked. */
  jointRecipients: string[];
  /** The file it came from. */
  file: string;
}

/** What the tagger needs of an item. */
export interface TagInput {
  id?: string;
  title: string;
  summary?: string | null;
  source?: string | null;
  lang?: Lang | null;
  kind?: ItemKind | null;
  organisation?: string | null;
  /** Statement deadline, YYYY-MM-DD. */
  deadline?: string | null;
  consultation?: Consultation | null;
  /** The item says no more than its title (its source's definition says so: Finlex's statutes). */
  titleOnly?: boolean;
}

/** One reason behind a tag. */
export interface Evidence {
  rule: 'term' | 'phrase' | 'context' | 'negative' | 'false-friend' | 'prior' | 'kind' | 'learned' | 'scope' | 'about' | 'model';
  /** The taxonomy term, prior label, kind or learned stem. */
  term: string;
  /** Where it matched. */
  field?: 'title' | 'summary' | 'source' | 'organisation';
  /** The word(s) in the text that matched. */
  match?: string;
  /** Points added per goal (negative for penalties); empty for a suppressing false friend. */
  goals: Record<GoalId, number>;
}

/** Whether an item is a candidate for a joint statement by the rescue departments. */
export interface JointResult {
  candidate: boolean;
  score: number;
  reason: string;
}

/** The tagger's verdict on one item. */
export interface TagResult {
  id?: string;
  relevant: boolean;
  /** Goals best first; empty when not relevant. */
  goals: GoalId[];
  primary: GoalId | null;
  /** Score per goal (every goal, rounded to 2 decimals). */
  scores: Record<GoalId, number>;
  evidence: Evidence[];
  /** The kind used (given, or inferred from the title). */
  kind: ItemKind | null;
  joint: JointResult;
  taxonomyVersion: string;
}

/** A reviewer's decision on one item: the truth as far as the network is concerned. */
export interface ReviewDecision {
  item: TagInput;
  relevant: boolean;
  /** Goals the reviewer confirmed or added. */
  confirmed: GoalId[];
  /** Goals the reviewer removed (or all goals, implicitly, when not relevant). */
  rejected: GoalId[];
  /** The reviewer's main goal (default: the first confirmed). */
  primary?: GoalId | null;
  /**
   * What links the item to its versions in other languages (its source and its own identifier; a matter joins distinct
   * documents, so it links nothing), when the crawl knows it:
   * linked items reviewed alike are one decision made twice, and count once towards a feature's support.
   */
  twin?: string | null;
}

/** Weights learned from reviewer decisions, applied on top of the taxonomy's rules. */
export interface LearnedWeights {
  /** The analyzer whose stems are the keys (stems differ between Voikko and Snowball). */
  analyzer: string;
  taxonomyVersion: string;
  decisions: number;
  /** Largest absolute change the weights may make to one goal's score on one item (the rules keep the rest). */
  bound?: number;
  /** Smallest change the weights may make to one goal's score on one item: below it they make none (a few shared words do not swing an unseen item). */
  floor?: number;
  /** The floor for raising the goal the rules lead with on an item: learning confirms the rules' own leaning with less. */
  leadFloor?: number;
  /**
   * The features that may act on an item in which the rules find no evidence at all, each with the number of reviewed
   * relevant items the rules found no evidence in either that it was seen in (none of them in a reviewed irrelevant item); they act only on an item holding one
   * seen in at least `liftSupport`. Absent: every weighted feature may (weights written by hand).
   */
  lifts?: Record<string, number>;
  liftSupport?: number;
  /** stem → goal → weight. */
  weights: Record<string, Record<GoalId, number>>;
}
