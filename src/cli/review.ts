// `lakivahti review ID --reviewer NAME (--goals a,b | --not-relevant) [--note TEXT]`: record a reviewer's decision.
import { loadTaxonomy } from '../tag/taxonomy.js';
import { closeContext, openContext } from '../app/context.js';
import { recordReview, ReviewError } from '../app/review.js';
import { parseCommand } from './args.js';

export const usage = `usage: lakivahti review ID --reviewer NAME (--goals GOAL[,GOAL] | --not-relevant) [--note TEXT]
                       [--db PATH] [--feeds DIR]

Record a reviewer's decision on item ID (from \`lakivahti items\`). It wins over the tagger,
survives retagging, and teaches the tagger.
`;

export async function reviewCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseCommand(args, {
    reviewer: { type: 'string' }, goals: { type: 'string' }, 'not-relevant': { type: 'boolean' }, note: { type: 'string' },
  }, true);
  const fail = (msg: string) => (process.stderr.write(`review: ${msg}\n`), 2);
  if (positionals.length > 1) return fail(`give one item's id, not "${positionals.join(' ')}"`);
  const id = Number(positionals[0]);
  if (!Number.isInteger(id) || id < 1) return fail(`give the item's id (a number from \`lakivahti items\`), not "${positionals[0] ?? ''}"`);
  if (!values.reviewer?.trim()) return fail('--reviewer NAME is required: every decision records who made it');
  if (!!values.goals === !!values['not-relevant']) return fail('give either --goals GOAL[,GOAL] or --not-relevant');
  const ctx = openContext(values);
  try {
    const known = loadTaxonomy(ctx.feedsDir).goals.map((g) => g.id);
    const goals = (values.goals ?? '').split(',').map((g) => g.trim()).filter(Boolean);
    const relevant = !values['not-relevant'];
    try {
      recordReview(ctx.db, known, { itemId: id, reviewer: values.reviewer, relevant, goals, note: values.note ?? null });
    } catch (err) {
      if (err instanceof ReviewError) return fail(err.message);
      throw err;
    }
    process.stdout.write(`recorded: #${id} ${relevant ? `relevant (${goals.join(', ')})` : 'not relevant'} by ${values.reviewer.trim()}\n`);
    return 0;
  } finally {
    await closeContext(ctx);
  }
}
