// `lakivahti relink [--dry-run]`: rebuild every matter from the stored items' identifiers (idempotent).
import { relinkAll } from '../store/index.js';
import { closeContext, openContext } from '../app/context.js';
import { parseCommand } from './args.js';

export const usage = `usage: lakivahti relink [--dry-run] [--db PATH] [--feeds DIR]

Rebuild every join between items from their stored identifiers: matters that belong together are
merged, wrong joins split, and each matter's title, stage and deadline derived again. Running it
twice changes nothing the second time. --dry-run says what would change and reads the database
without changing it. (Items stored before identifier roles existed join once their source is
crawled again.)
`;

export async function run(args: string[]): Promise<number> {
  const { values } = parseCommand(args, { 'dry-run': { type: 'boolean' } });
  const dryRun = values['dry-run'] === true;
  const ctx = openContext(values, { access: dryRun ? 'read' : 'change' });
  try {
    const r = relinkAll(ctx.db, new Date().toISOString(), { dryRun });
    const verb = dryRun ? 'would be' : 'were';
    process.stdout.write(`${r.matters} matters; ${r.moved} items ${verb} moved, ${r.created} matters ${verb} created, ` +
      `${r.removed} removed, ${r.resummarized} given a new title, stage or deadline\n`);
    return 0;
  } finally {
    await closeContext(ctx);
  }
}
