// The tag stage of the pipeline: Item → TaggedItem, with weights learned from reviewers' decisions.
import type { Item, ItemForTagging, ItemTags, TaggedItem } from '../model.js';
import { analysisDependencies, createAnalyzer, tokenizeFields, type Analyzer } from './analyze.js';
import { indexTerms } from './index-terms.js';
import { inferKind } from './kind.js';
import { learnWeights } from './learn.js';
import { createTagger, type Tagger } from './tagger.js';
import { loadTaxonomy } from './taxonomy.js';
import { primeAnalyzer } from './taxonomy-cache.js';
import { markTitleOnly } from './title-only.js';
import type { ReviewDecision, TagInput, TagResult, Taxonomy } from './types.js';

/** What the stage needs of a reviewed item (the store's ReviewedItem fits). */
export interface Reviewed extends ItemForTagging {
  relevant: boolean;
  goals: string[];
  rejected: string[];
  /** The reviewer's main goal, when recorded. */
  primary?: string | null;
  /** The item's own identifier, "type value" (the parser stores a Swedish version under the Finnish one: RP as HE). */
  selfIdentifier?: string | null;
}

export interface TagStage {
  taxonomy: Taxonomy;
  analyzer: Analyzer;
  tagger: Tagger;
  /** Tag one normalized item. */
  tag(item: Item): TaggedItem;
  /** Tag what the tagger reads of any item (used by retag). */
  tagInput(input: TagInput): { tags: ItemTags; searchTerms: string };
  /** The sources whose items are their title alone (toTagInput's second argument for a stored item). */
  titleOnly: ReadonlySet<string>;
}

/** Kinds a source gives all its items; the title may tell more (a ministry release that asks for statements). */
const GENERIC_KINDS = new Set<Item['kind']>(['news', 'press-release', 'decision']);

const NONE: ReadonlySet<string> = new Set();

/** The tagger's view of an item; `titleOnly`: the sources whose definitions say their items are their title alone. */
export function toTagInput(i: ItemForTagging, titleOnly: ReadonlySet<string> = NONE): TagInput {
  const kind = GENERIC_KINDS.has(i.kind) ? (inferKind(i.title) ?? i.kind) : i.kind;
  const input: TagInput = {
    title: i.title, summary: i.summary, source: i.sourceId, lang: i.language, kind,
    organisation: i.organisation, deadline: i.deadline, consultation: i.consultation,
  };
  return markTitleOnly(input, titleOnly);
}

/** The stored form of a verdict. */
export function toItemTags(r: TagResult): ItemTags {
  return {
    relevant: r.relevant,
    goals: r.goals.map((goal) => ({ goal, score: r.scores[goal] ?? 0 })),
    primary: r.primary,
    scores: r.scores,
    evidence: r.evidence,
    joint: r.joint.candidate,
    jointReason: r.joint.reason,
    taxonomyVersion: r.taxonomyVersion,
  };
}

/**
 * Reviewers' latest decisions as the learner takes them. A document's language versions from one source share its own
 * identifier (a bill and its RP, a written question and its SS): that is their link (`twin`), so that the learner counts
 * a pair reviewed alike once. A mention links nothing, and neither does a matter, which joins distinct documents.
 */
export function toDecisions(reviewed: Reviewed[], titleOnly: ReadonlySet<string> = NONE): ReviewDecision[] {
  return reviewed.map((r) => ({
    item: toTagInput(r, titleOnly), relevant: r.relevant, confirmed: r.relevant ? r.goals : [], rejected: r.rejected,
    primary: r.relevant ? (r.primary ?? r.goals[0] ?? null) : null, twin: r.selfIdentifier ? `${r.sourceId} ${r.selfIdentifier}` : null,
  }));
}

/**
 * Build the stage from the taxonomy in `feedsDir` (or the shipped one) and the reviews so far; `titleOnly`: the ids of the
 * sources whose items are their title alone (config's titleOnlySources: the stage does not read source definitions).
 */
export function createTagStage(
  opts: { feedsDir?: string; reviewed?: Reviewed[]; analyzer?: Analyzer; now?: () => Date; titleOnly?: readonly string[] } = {},
): TagStage {
  const titleOnly: ReadonlySet<string> = new Set(opts.titleOnly ?? []);
  const taxonomy = loadTaxonomy(opts.feedsDir);
  const analyzer = opts.analyzer ?? createAnalyzer();
  const keepAnalyses = primeAnalyzer(taxonomy, analyzer, () => analysisDependencies(analyzer));
  const decisions = toDecisions(opts.reviewed ?? [], titleOnly);
  const learned = decisions.length ? learnWeights(taxonomy, decisions, { analyzer }) : null;
  const tagger = createTagger(taxonomy, { analyzer, learned, now: opts.now });
  keepAnalyses();
  const tagInput = (input: TagInput) => {
    // Each field is tokenized once, for the tags and the search terms alike.
    const tokens = tokenizeFields(input.title ?? '', input.summary ?? '');
    return { tags: toItemTags(tagger(input, tokens)), searchTerms: indexTerms(tokens, input.lang ?? 'fi', analyzer) };
  };
  return withTitleOnly({ taxonomy, analyzer, tagger, tagInput }, titleOnly);
}

/**
 * A stage's tagger tagging items with these title-only sources: the sources change what an item says to the tagger, not
 * its rules, so a stage built without reviewed decisions is the same stage with others (a decision's item is read
 * with them, see toDecisions).
 */
export function withTitleOnly(stage: Pick<TagStage, 'taxonomy' | 'analyzer' | 'tagger' | 'tagInput'>, titleOnly: ReadonlySet<string>): TagStage {
  const { taxonomy, analyzer, tagger, tagInput } = stage;
  return { taxonomy, analyzer, tagger, tagInput, tag: (item) => Object.assign(item, tagInput(toTagInput(item, titleOnly))), titleOnly };
}
