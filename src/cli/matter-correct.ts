// `lakivahti matter merge A B` and `lakivahti matter split ID ITEM`: corrections by people, stored with who and when.
import { checkMerge, checkSplit, CorrectionError, getItem, matterCorrections, matterMembers, mergeMatters, splitItem, type Db, type StoredCorrection } from '../store/index.js';
import { closeContext, openContext } from '../app/context.js';
import { fiDateTime } from '../app/format.js';
import { controlProblem } from '../app/control-chars.js';
import { parseCommand, Refused, UsageError } from './args.js';
import { mergedAway, resolveMatter } from './matter.js';
import { parseId } from '../parse/id.js';

/** A correction in Finnish, for `matter ID`'s joins. */
export function describeCorrection(c: StoredCorrection): string {
  const what = c.kind === 'merge'
    ? `yhdistetty käsin: #${c.item} ja #${c.other}${c.matter !== c.otherMatter ? ` (asiat ${c.matter} ja ${c.otherMatter})` : ''}`
    : `erotettu käsin: #${c.item} asiasta ${c.matter}`;
  return `${what}, ${c.reviewer} ${fiDateTime(c.at)}${c.note ? `: ${c.note}` : ''}`;
}

/** What `matter merge` says when the two are one matter already: which, and the correction that made them one. */
function alreadyMerged(db: Db, named: string[], matter: number, gone: number | undefined): string {
  const by = gone === undefined ? undefined : matterCorrections(db, matter).filter((c) => c.kind === 'merge' && c.otherMatter === gone).at(-1);
  const how = by ? `: asia ${gone} yhdistettiin siihen korjauksella ${by.id} (${by.reviewer} ${fiDateTime(by.at)})` : '';
  return `${named[0]} ja ${named[1]} ovat jo sama asia ${matter}${how}; mitään ei muutettu`;
}

/** What `matter split` says when the item was split off the matter already and is alone in its own; else undefined. */
function alreadySplit(db: Db, matter: number, item: number): string | undefined {
  const own = getItem(db, item)?.matter ?? null;
  if (own === null || own === matter || matterMembers(db, own).length !== 1) return undefined;
  const by = matterCorrections(db, own).filter((c) => c.kind === 'split' && c.item === item && c.matter === matter).at(-1);
  if (!by) return undefined;
  return `asiakirja #${item} on jo erotettu asiasta ${matter} omaksi asiakseen ${own} korjauksella ${by.id} (${by.reviewer} ${fiDateTime(by.at)}); mitään ei muutettu`;
}

const OPTIONS = { reviewer: { type: 'string' }, note: { type: 'string' } } as const;

export async function correctCommand(kind: 'merge' | 'split', args: string[]): Promise<number> {
  const { values, positionals } = parseCommand(args, OPTIONS, true);
  if (positionals.length !== 2)
    throw new UsageError(kind === 'merge' ? 'merge needs two matters: matter merge A B --reviewer NAME' : 'split needs a matter and an item: matter split ID ITEM --reviewer NAME');
  const reviewer = values.reviewer?.trim();
  if (!reviewer) throw new UsageError(`--reviewer NAME is required: a ${kind} is stored with who made it`);
  // An escape or a line break in a name, an escape in a note, as `review` refuses them (src/app/control-chars.ts).
  const control = controlProblem('--reviewer', reviewer) ?? controlProblem('--note', values.note ?? '', { lines: true });
  if (control) throw new Refused(control);
  const item = kind === 'split' ? parseId(positionals[1].trim().replace(/^#/, '')) : 0;
  if (item === undefined) throw new UsageError(`"${positionals[1]}" is not an item number (as \`items\` shows it)`);
  // Everything is checked on a read-only connection first (a database that is not there is named by it), so a mistake
  // writes nothing at all.
  const refs: number[] = [];
  const reader = openContext(values, { access: 'read' });
  try {
    const gone: { id: number; into: number }[] = [];
    for (const ref of kind === 'merge' ? positionals : [positionals[0]]) {
      const id = resolveMatter(reader.db, ref.trim());
      if (id === undefined) throw new UsageError(`no matter holds ${ref}`);
      const into = mergedAway(reader.db, id);
      if (into !== undefined) gone.push({ id, into });
      refs.push(into ?? id);
    }
    // Merged already (the same command run again, or a matter named by an identifier the merge took along): what was
    // asked holds, so nothing is written and the run succeeds, as a second relink or digest --send changes nothing.
    if (kind === 'merge' && refs[0] === refs[1] && (gone.length || positionals[0].trim() !== positionals[1].trim())) {
      process.stdout.write(alreadyMerged(reader.db, positionals.map((p) => p.trim()), refs[0], gone[0]?.id) + '\n');
      return 0;
    }
    if (gone.length) throw new UsageError(`matter ${gone[0].id} was merged into matter ${gone[0].into}: give ${gone[0].into}`);
    if (kind === 'merge') checkMerge(reader.db, refs[0], refs[1]);
    else {
      // Split off already (the same command run again): the item is alone in the matter that split made.
      const done = alreadySplit(reader.db, refs[0], item);
      if (done) {
        process.stdout.write(`${done}\n`);
        return 0;
      }
      checkSplit(reader.db, refs[0], item);
    }
  } catch (err) {
    if (err instanceof CorrectionError) throw new UsageError(err.message);
    throw err;
  } finally {
    await closeContext(reader);
  }
  const ctx = openContext(values, { access: 'change' });
  try {
    const by = { reviewer, note: values.note ?? null, now: new Date().toISOString() };
    if (kind === 'merge') {
      const r = mergeMatters(ctx.db, refs[0], refs[1], by);
      process.stdout.write(`asiat ${refs[0]} ja ${refs[1]} yhdistetty asiaksi ${r.matter}: asian ${refs[1]} asiakirjat (${r.moved}) siirrettiin ` +
        `siihen, eikä asiaa ${refs[1]} enää ole; korjaus ${r.correction}, ${reviewer}` +
        (r.followers ? `; ${r.followers === 1 ? 'sitä seurannut tilaus seuraa' : `sitä seuranneet ${r.followers} tilausta seuraavat`} nyt asiaa ${r.matter}` : '') + '\n');
    } else {
      const r = splitItem(ctx.db, refs[0], item, by);
      process.stdout.write(`asiakirja #${item} erotettu asiasta ${refs[0]} omaksi asiakseen ${r.matter}; korjaus ${r.correction}, ${reviewer}` +
        (r.kept.length ? ` (muut asiakirjat pidetään yhdessä korjauksilla ${r.kept.join(', ')})` : '') + '\n');
    }
    return 0;
  } catch (err) {
    // Someone changed the matters between the check and the write.
    if (err instanceof CorrectionError) throw new UsageError(err.message);
    throw err;
  } finally {
    await closeContext(ctx);
  }
}
