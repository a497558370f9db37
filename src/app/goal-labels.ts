// Goal labels for the web view, from the loaded tag stage or straight from the taxonomy file.
import { loadTaxonomy } from '../tag/taxonomy.js';
import type { Lang } from '../model.js';
import type { AppContext } from './context.js';

type Labelled = { id: string; label: { fi: string; sv: string } };

/** Id → label in `lang` of the taxonomy's goals or scopes; empty (each shown by its id) when the taxonomy is broken. */
function labels(ctx: Pick<AppContext, 'tagStage' | 'feedsDir'>, part: (t: { goals: Labelled[]; scopes: Labelled[] }) => Labelled[], lang: Lang): Record<string, string> {
  let list;
  try {
    list = part(ctx.tagStage?.taxonomy ?? loadTaxonomy(ctx.feedsDir));
  } catch {
    return {};
  }
  return Object.fromEntries(list.map((g) => [g.id, g.label[lang]]));
}

/** Goal id → its label in the taxonomy (Finnish, or Swedish), falling back to the id when the taxonomy is broken. */
export const goalLabels = (ctx: Pick<AppContext, 'tagStage' | 'feedsDir'>, lang: Lang = 'fi'): Record<string, string> => labels(ctx, (t) => t.goals, lang);

/** Scope id (a kind of item mostly out of the strategy: incident news, policing) → its label, in both languages. */
export const scopeLabels = (ctx: Pick<AppContext, 'tagStage' | 'feedsDir'>): Record<Lang, Record<string, string>> =>
  ({ fi: labels(ctx, (t) => t.scopes, 'fi'), sv: labels(ctx, (t) => t.scopes, 'sv') });
