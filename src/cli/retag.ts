// `lakivahti retag [--dry-run]`: re-tag every stored item with the current taxonomy; preview first with --dry-run.
import { listItemsForTagging, listLatestReviews, saveTagsMany } from '../store/index.js';
import { toTagInput } from '../tag/stage.js';
import type { ItemTags } from '../model.js';
import { closeContext, openTaggingContext } from '../app/context.js';
import { parseCommand } from './args.js';

export const usage = `usage: lakivahti retag [--dry-run] [--db PATH] [--feeds DIR]

Re-tag every stored item with the current taxonomy and record its version. --dry-run lists which
items would gain or lose which goal, and reads the database without changing it. An item a crawl
stores anew meanwhile is tagged again from its new text (exit 1 naming those that kept changing).
`;

/** "+internal-security −services", "relevant → not relevant": how one item's verdict changes. */
export function describeRetag(before: { relevant: boolean | null; goals: string[] }, after: ItemTags): string | null {
  const gained = after.goals.map((g) => g.goal).filter((g) => !before.goals.includes(g));
  const lost = before.goals.filter((g) => !after.goals.some((a) => a.goal === g));
  const parts = [...gained.map((g) => `+${g}`), ...lost.map((g) => `-${g}`)];
  if (before.relevant !== after.relevant)
    parts.unshift(before.relevant === null ? (after.relevant ? 'relevant' : 'not relevant') : after.relevant ? 'becomes relevant' : 'no longer relevant');
  return parts.length ? parts.join(' ') : null;
}

export async function retagCommand(args: string[]): Promise<number> {
  const { values } = parseCommand(args, { 'dry-run': { type: 'boolean' } });
  const ctx = await openTaggingContext(values, { access: values['dry-run'] ? 'read' : 'write' });
  try {
    if (!ctx.tagStage) {
      process.stderr.write(`retag: the taxonomy cannot be read, nothing was retagged: ${ctx.configErrors.find((e) => e.file === 'taxonomy')?.message}\n`);
      return 2;
    }
    const stage = ctx.tagStage;
    const rows = listItemsForTagging(ctx.db);
    const updates = rows.map((row) => ({ row, ...stage.tagInput(toTagInput(row)) }));
    // A reviewed item is shown as the reviewer decided whatever the tagger now says: its line says so.
    const reviewed = new Map(listLatestReviews(ctx.db).map((r) => [r.itemId, r]));
    let changed = 0;
    for (const u of updates) {
      const change = describeRetag(u.row, u.tags);
      if (!change) continue;
      changed++;
      const r = reviewed.get(u.row.id);
      const kept = r ? ` (reviewed by ${r.reviewer}: stays ${r.relevant ? r.goals.join(', ') || 'relevant' : 'not relevant'})` : '';
      process.stdout.write(`#${u.row.id} ${u.row.title.slice(0, 90)}: ${change}${kept}\n`);
    }
    const versions = [...new Set(rows.map((r) => r.taxonomyVersion ?? 'untagged'))].join(', ') || 'none';
    const verb = values['dry-run'] ? 'would change' : 'changed';
    process.stdout.write(
      `${changed} of ${rows.length} items ${verb} (taxonomy ${versions} → ${stage.taxonomy.version}); ` +
        `reviewers' decisions are kept and still take precedence\n`,
    );
    if (values['dry-run']) return 0;
    const save = (us: typeof updates) =>
      saveTagsMany(ctx.db, us.map((u) => ({ id: u.row.id, version: u.row.version, tags: u.tags, searchTerms: u.searchTerms })), new Date().toISOString());
    // An item a crawl stored a new version of while these were tagged is tagged again from what is stored now (its
    // old text's verdict would have overwritten the one for its new text); a few rounds, for a crawl still storing.
    let moved = save(updates);
    for (let round = 0; moved.length && round < 3; round++) moved = save(listItemsForTagging(ctx.db, moved).map((row) => ({ row, ...stage.tagInput(toTagInput(row)) })));
    if (moved.length) process.stderr.write(`retag: ${moved.length} items kept changing while they were retagged (a crawl storing them); run retag again: ${moved.join(', ')}\n`);
    return moved.length ? 1 : 0;
  } finally {
    await closeContext(ctx);
  }
}
