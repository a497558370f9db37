// Goal labels for the web view, from the loaded tag stage or straight from the taxonomy file.
import { loadTaxonomy } from '../tag/taxonomy.js';
import type { AppContext } from './context.js';

/** Goal id → its label in the taxonomy (Finnish, or Swedish), falling back to the id when the taxonomy is broken. */
export function goalLabels(ctx: Pick<AppContext, 'tagStage' | 'feedsDir'>, lang: 'fi' | 'sv' = 'fi'): Record<string, string> {
  let goals;
  try {
    goals = (ctx.tagStage?.taxonomy ?? loadTaxonomy(ctx.feedsDir)).goals;
  } catch {
    return {};
  }
  return Object.fromEntries(goals.map((g) => [g.id, g.label[lang]]));
}
