// `lakivahti review ID --reviewer NAME (--goals a,b | --not-relevant) [--note TEXT]`: record a reviewer's decision.
import { loadTaxonomy } from '../tag/taxonomy.js';
import { closeContext, openContext } from '../app/context.js';
import { recordReview, ReviewError } from '../app/review.js';
import { word } from '../present/words-web.js';
import { parseCommand, Refused } from './args.js';
import { parseId } from '../parse/id.js';

export const usage = `usage: lakivahti review ID --reviewer NAME (--goals GOAL[,GOAL] | --not-relevant) [--note TEXT]
                       [--db PATH] [--feeds DIR]

Record a reviewer's decision on item ID (from \`lakivahti items\`). It wins over the tagger,
survives retagging, and teaches the tagger.
`;

export async function run(args: string[]): Promise<number> {
  const { values, positionals } = parseCommand(args, {
    reviewer: { type: 'string' }, goals: { type: 'string' }, 'not-relevant': { type: 'boolean' }, note: { type: 'string' },
  }, true);
  if (positionals.length > 1) throw new Refused(`give one item's id, not "${positionals.join(' ')}"`);
  const id = parseId(positionals[0]);
  if (id === undefined) throw new Refused(`give the item's id (a number from \`lakivahti items\`), not "${positionals[0] ?? ''}"`);
  if (!values.reviewer?.trim()) throw new Refused('--reviewer NAME is required: every decision records who made it');
  if (!!values.goals === !!values['not-relevant']) throw new Refused('give either --goals GOAL[,GOAL] or --not-relevant');
  const ctx = openContext(values, { access: 'change' });
  try {
    const known = loadTaxonomy(ctx.feedsDir).goals.map((g) => g.id);
    const goals = (values.goals ?? '').split(',').map((g) => g.trim()).filter(Boolean);
    const relevant = !values['not-relevant'];
    try {
      recordReview(ctx.db, known, { itemId: id, reviewer: values.reviewer, relevant, goals, note: values.note ?? null });
    } catch (err) {
      // An item that is not there is a failure (1), as users' and subscriptions' missing accounts and numbers are.
      if (err instanceof ReviewError) throw new Refused(err.message, err.missing ? 1 : 2);
      throw err;
    }
    // What was done, in Finnish as the item page says it (tavoitteet as `items` and `matter` list them, by id).
    const verdict = relevant ? `tavoitteet: ${goals.join(', ')}` : word('fi', 'item.notRelevant');
    process.stdout.write(`tarkistus kirjattu: #${id} ${verdict}; ${word('fi', 'item.reviewedBy', { who: values.reviewer.trim() })}\n`);
    return 0;
  } finally {
    await closeContext(ctx);
  }
}
