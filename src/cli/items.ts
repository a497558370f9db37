// `lakivahti items [--json] [--source ID] [--since DATE] [--limit N] [--search TEXT] [--relevant] [--goal G] [--joint]`.
import { eachItem, listSourceStates, type ItemQuery, type ItemRow } from '../store/index.js';
import { finnishDate, helsinkiDate, parseDate } from '../parse/dates.js';
import { closeContext, openContext } from '../app/context.js';
import { listingFilters } from './filters.js';
import { fiWhen } from '../app/format.js';
import { parseCommand, Refused, writeLine } from './args.js';
import { isCandidateOn, isDeadlineUnknownCandidate } from '../store/candidates.js';
import { dayFaultEnglish, writtenDayFault } from '../app/day-fault.js';
import { inlineTitle, terminalLine } from '../app/control-chars.js';
import { itemSources } from '../present/item-sources.js';

export const usage = `usage: lakivahti items [--json] [--source ID] [--since DATE] [--limit N] [--search TEXT]
                      [--relevant] [--goal GOAL] [--joint] [--db PATH] [--feeds DIR]

Stored items, newest first (50 unless --limit). Times are Helsinki time; --json prints one object
a line with ISO 8601 instants (and each item's matter: its number, or null; a statute's
inForce: the day its text says it comes into force, or null; joint: whether it is an open joint-response candidate
today, as --joint lists them; jointDeadlineUnknown: a candidate whose deadline is not known; sources: every source
carrying the item, and sameAs: the item it is a copy of, or null). A press release reached through several feeds with
one link is listed once, as the item stored first, naming them all, unless --source asks for another. --search finds words in
any inflected form; --joint lists open joint-response candidates, nearest deadline first, and after them those whose
deadline is not known ([määräaika ei tiedossa]). Reads the database without changing it.
`;

export async function run(args: string[]): Promise<number> {
  const { values } = parseCommand(args, {
    json: { type: 'boolean' }, source: { type: 'string' }, since: { type: 'string' }, limit: { type: 'string' },
    search: { type: 'string' }, relevant: { type: 'boolean' }, goal: { type: 'string' }, joint: { type: 'boolean' },
  });
  const { limit, match } = listingFilters(values, 50);
  const since = values.since === undefined ? undefined : parseDate(values.since);
  if (since === null) {
    // A date in a known form whose day does not exist is named as such, not as a wrong form.
    const fault = writtenDayFault(values.since!);
    if (fault) throw new Refused(`--since "${values.since}" is no date: ${dayFaultEnglish(fault)}`);
    throw new Refused(`--since "${values.since}" is not a date (use e.g. 2026-11-01 or 1.11.2026)`);
  }

  const ctx = openContext(values, { access: 'read' });
  try {
    if (values.source !== undefined) {
      // Sources defined now, and any removed since whose items are still stored.
      const known = [...new Set([...ctx.sources.map((d) => d.id), ...listSourceStates(ctx.db).map((s) => s.id)])].sort();
      if (!known.includes(values.source)) throw new Refused(`no source "${values.source}" (known: ${known.join(', ')})`);
    }
    const today = helsinkiDate(new Date());
    const query: ItemQuery = {
      source: values.source, since, limit, match, goal: values.goal,
      relevant: values.relevant ? true : undefined,
      jointFrom: values.joint ? today : undefined,
    };
    // Rows are written a page at a time as they are read (a listing of 100,000 items held every one before its first
    // line), with no read open while the reader pauses. The candidates whose deadline is not known come after the
    // dated ones, in the same --limit.
    const queries: ItemQuery[] = values.joint ? [query, { ...query, jointFrom: undefined, jointUnknown: true }] : [query];
    for (const r of eachItem(ctx.db, queries, limit ?? 50)) {
      if (!(await writeLine(values.json ? itemJson(r, today) : itemLine(r)))) return 0;
    }
    return 0;
  } finally {
    await closeContext(ctx);
  }
}

/** An item as one JSON line (the fields after `joint` were added later; scripts may read the earlier ones' order). */
function itemJson(r: ItemRow, today: string): string {
  const { id, source, title, url, published, summary, language, identifiers, deadline, organisation, kind, stage, relevant, goals, primary, matter, inForce } = r;
  // Whether it is a candidate today, as --joint lists them (the stored verdict is the tag stage's, made when tagged).
  const joint = isCandidateOn(r, today);
  const jointDeadlineUnknown = isDeadlineUnknownCandidate(r);
  return JSON.stringify({ id, source, title, url, published, summary, language, identifiers, deadline, organisation, kind, stage, relevant, goals, primary, joint,
    matter, inForce, jointDeadlineUnknown, sources: itemSources(r), sameAs: r.sameAs ?? null });
}

/** An item as one line for people. */
function itemLine(r: ItemRow): Buffer {
  const dl = r.deadline ? `  [määräaika ${finnishDate(r.deadline) ?? r.deadline}]` : isDeadlineUnknownCandidate(r) ? '  [määräaika ei tiedossa]' : '';
  const goals = r.goals.length ? `  {${r.goals.join(', ')}}` : '';
  const matter = r.matter === null ? '' : `  (asia ${r.matter})`;
  // A release reached through two feeds names them all (valtioneuvosto+stm).
  const source = itemSources(r).join('+');
  return terminalLine`#${r.id}  ${fiWhen(r.published, '-')}  ${source}  ${inlineTitle(r.title)}${dl}${goals}${matter}`;
}
