// `lakivahti retag [--dry-run]`: re-tag every stored item with the current taxonomy; preview first with --dry-run.
import { countItemsBySource, listItemsForTagging, listLatestReviews, saveTagsMany, type StoredForTagging } from '../store/index.js';
import { toTagInput } from '../tag/stage.js';
import type { ItemTags } from '../model.js';
import { closeContext, openTaggingContext } from '../app/context.js';
import { onStopSignal, parseCommand, Refused, signalStatus } from './args.js';
import { note } from '../stderr-line.js';
import { inlineTitle, terminalLine } from '../app/control-chars.js';

export const usage = `usage: lakivahti retag [--dry-run] [--db PATH] [--feeds DIR]

Re-tag every stored item with the current taxonomy and record its version. --dry-run lists which
items would gain or lose which goal, and reads the database without changing it. An item a crawl
stores anew meanwhile is tagged again from its new text (exit 1 naming those that kept changing).
Items are saved 200 at a time, so other commands can write while it runs, and a reader may meanwhile
see some items at the new taxonomy version and the rest at the old. Ctrl-C, SIGTERM or SIGHUP stops it
after the items it is saving (exit 130 / 143 / 129): those saved are kept, and running it again finishes.
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

/**
 * Items read, tagged and saved at a time. Each page's verdicts are saved in one short transaction, so a crawl or a
 * review writing meanwhile gets the lock between two pages (while the next page is tagged), where one transaction for
 * every item held it past their busy timeout on a large database; and memory holds a page, not the database. 200, not
 * 1,000: a page's save is CPU and a sync, so it stretches with the machine's load, and at load 26 a save of 1,000 held
 * the lock 2.5–10.9 s (session 53, a lock probe beside test/process/retag-lock's commands), past a writer's 5 s, so a
 * `review` beside it failed "database is locked".
 */
const PAGE = 200;

export async function run(args: string[]): Promise<number> {
  const { values } = parseCommand(args, { 'dry-run': { type: 'boolean' } });
  const dryRun = values['dry-run'] === true;
  const ctx = await openTaggingContext(values, { access: dryRun ? 'read' : 'change' });
  // Ctrl-C, SIGTERM or SIGHUP (a closed terminal): the run stops after the page it is saving, every page saved so far
  // kept. A second signal ends at once (the page being saved is then rolled back). A dry run, which writes nothing, ends
  // at once.
  let stoppedBy: NodeJS.Signals | null = null;
  const unlisten = dryRun ? () => undefined : onStopSignal((signal) => (stoppedBy = signal));
  try {
    if (!ctx.tagStage) throw new Refused(`the taxonomy cannot be read, nothing was retagged: ${ctx.configErrors.find((e) => e.file === 'taxonomy')?.message}`);
    const stage = ctx.tagStage;
    const tag = (rows: StoredForTagging[]) => rows.map((row) => ({ row, ...stage.tagInput(toTagInput(row, stage.titleOnly)) }));
    const save = (us: ReturnType<typeof tag>) =>
      saveTagsMany(ctx.db, us.map((u) => ({ id: u.row.id, read: u.row, tags: u.tags, searchTerms: u.searchTerms })), new Date().toISOString());
    // A reviewed item is shown as the reviewer decided whatever the tagger now says: its line says so.
    const reviewed = new Map(listLatestReviews(ctx.db).map((r) => [r.itemId, r]));
    const versions = new Set<string>();
    let read = 0;
    let changed = 0;
    const kept: number[] = [];
    for (let after = 0; ; ) {
      const updates = tag(listItemsForTagging(ctx.db, { after, limit: PAGE }));
      if (!updates.length) break;
      after = updates[updates.length - 1].row.id;
      read += updates.length;
      for (const u of updates) {
        versions.add(u.row.taxonomyVersion ?? 'untagged');
        const change = describeRetag(u.row, u.tags);
        if (!change) continue;
        changed++;
        const r = reviewed.get(u.row.id);
        const shown = r ? ` (reviewed by ${r.reviewer}: stays ${r.relevant ? r.goals.join(', ') || 'relevant' : 'not relevant'})` : '';
        process.stdout.write(terminalLine`#${u.row.id} ${inlineTitle(u.row.title.slice(0, 90))}: ${change}${shown}\n`);
      }
      if (dryRun) continue;
      // An item a crawl stored a new version of while its page was tagged is tagged again from what is stored now (its
      // old text's verdict would have overwritten the one for its new text); a few rounds, for a crawl still storing.
      let moved = save(updates);
      for (let round = 0; moved.length && round < 3; round++) moved = save(tag(listItemsForTagging(ctx.db, { ids: moved })));
      kept.push(...moved);
      // Between pages the signal handlers run (tagging and saving never wait on anything).
      await new Promise((resolve) => setImmediate(resolve));
      if (stoppedBy) {
        note(`${stoppedBy}: stopped; ${read - kept.length} of ${[...countItemsBySource(ctx.db).values()].reduce((a, b) => a + b, 0)} items were retagged and saved, ` +
          'the rest are as they were; run retag again to finish', { lines: true });
        return signalStatus(stoppedBy);
      }
    }
    process.stdout.write(
      `${changed} of ${read} items ${dryRun ? 'would change' : 'changed'} (taxonomy ${[...versions].join(', ') || 'none'} → ${stage.taxonomy.version}); ` +
        `reviewers' decisions are kept and still take precedence\n`,
    );
    if (kept.length) note(`${kept.length} items kept changing while they were retagged (a crawl storing them); run retag again: ${kept.join(', ')}`, { lines: true });
    return kept.length ? 1 : 0;
  } finally {
    unlisten();
    await closeContext(ctx);
  }
}
