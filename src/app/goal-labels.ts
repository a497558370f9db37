// Goal and scope labels for the web view and the digest, from the loaded tag stage or straight from the taxonomy file.
import { loadTaxonomy } from '../tag/taxonomy.js';
import type { Lang } from '../model.js';
import type { AppContext } from './context.js';

type Labelled = { id: string; label: { fi: string; sv: string } };
/** Id → label, in each language. */
type Labels = Record<Lang, Record<string, string>>;

const byLang = (list: Labelled[]): Labels => ({
  fi: Object.fromEntries(list.map((x) => [x.id, x.label.fi])),
  sv: Object.fromEntries(list.map((x) => [x.id, x.label.sv])),
});

/**
 * The taxonomy's goals' and scopes' labels (a scope: a kind of item mostly out of the strategy, incident news,
 * policing), from one reading of it: without a tag stage each reading parses and checks the whole file. Empty (each
 * shown by its id) when the taxonomy is broken.
 */
export function taxonomyLabels(ctx: Pick<AppContext, 'tagStage' | 'feedsDir'>): { goals: Labels; scopes: Labels } {
  let taxonomy;
  try {
    taxonomy = ctx.tagStage?.taxonomy ?? loadTaxonomy(ctx.feedsDir);
  } catch {
    return { goals: byLang([]), scopes: byLang([]) };
  }
  return { goals: byLang(taxonomy.goals), scopes: byLang(taxonomy.scopes) };
}

/** Goal id → its label in the taxonomy (Finnish, or Swedish), falling back to the id when the taxonomy is broken. */
export const goalLabels = (ctx: Pick<AppContext, 'tagStage' | 'feedsDir'>, lang: Lang = 'fi'): Record<string, string> => taxonomyLabels(ctx).goals[lang];
