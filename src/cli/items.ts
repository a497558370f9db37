// `lakivahti items [--json] [--source ID] [--since DATE] [--limit N] [--search TEXT] [--relevant] [--goal G] [--joint]`.
import { listItems, listSourceStates, type ItemQuery } from '../store/index.js';
import { finnishDate, helsinkiDate, parseDate } from '../parse/dates.js';
import { closeContext, openContext } from '../app/context.js';
import { listingFilters } from './filters.js';
import { fiDateTime } from '../app/format.js';
import { parseCommand, writeLine } from './args.js';
import { isCandidateOn, isDeadlineUnknownCandidate } from '../store/candidates.js';
import { dayFaultEnglish, writtenDayFault } from '../app/day-fault.js';

export const usage = `usage: lakivahti items [--json] [--source ID] [--since DATE] [--limit N] [--search TEXT]
                      [--relevant] [--goal GOAL] [--joint] [--db PATH] [--feeds DIR]

Stored items, newest first (50 unless --limit). Times are Helsinki time; --json prints one object
a line with ISO 8601 instants (and each item's matter: its number, or null; a statute's
inForce: the day its text says it comes into force, or null; joint: whether it is an open joint-response candidate
today, as --joint lists them; jointDeadlineUnknown: a candidate whose deadline is not known). --search finds words in
any inflected form; --joint lists open joint-response candidates, nearest deadline first, and after them those whose
deadline is not known ([määräaika ei tiedossa]). Reads the database without changing it.
`;

export async function itemsCommand(args: string[]): Promise<number> {
  const { values } = parseCommand(args, {
    json: { type: 'boolean' }, source: { type: 'string' }, since: { type: 'string' }, limit: { type: 'string' },
    search: { type: 'string' }, relevant: { type: 'boolean' }, goal: { type: 'string' }, joint: { type: 'boolean' },
  });
  const fail = (msg: string) => (process.stderr.write(`items: ${msg}\n`), 2);
  const filters = listingFilters(values, 50);
  if ('error' in filters) return fail(filters.error);
  const { limit, match } = filters;
  const since = values.since === undefined ? undefined : parseDate(values.since);
  if (since === null) {
    // A date in a known form whose day does not exist is named as such, not as a wrong form.
    const fault = writtenDayFault(values.since!);
    if (fault) return fail(`--since "${values.since}" is no date: ${dayFaultEnglish(fault)}`);
    return fail(`--since "${values.since}" is not a date (use e.g. 2026-11-01 or 1.11.2026)`);
  }

  const ctx = openContext(values, { access: 'read' });
  try {
    if (values.source !== undefined) {
      // Sources defined now, and any removed since whose items are still stored.
      const known = [...new Set([...ctx.sources.map((d) => d.id), ...listSourceStates(ctx.db).map((s) => s.id)])].sort();
      if (!known.includes(values.source)) return fail(`no source "${values.source}" (known: ${known.join(', ')})`);
    }
    const today = helsinkiDate(new Date());
    const query: ItemQuery = {
      source: values.source, since, limit, match, goal: values.goal,
      relevant: values.relevant ? true : undefined,
      jointFrom: values.joint ? today : undefined,
    };
    const rows = listItems(ctx.db, query);
    // The candidates whose deadline is not known come after the dated ones, in the same --limit.
    if (values.joint && rows.length < (limit ?? 50)) rows.push(...listItems(ctx.db, { ...query, jointFrom: undefined, jointUnknown: true, limit: (limit ?? 50) - rows.length }));
    for (const r of rows) {
      let line: string;
      if (values.json) {
        const { id, source, title, url, published, summary, language, identifiers, deadline, organisation, kind, stage, relevant, goals, primary, matter, inForce } = r;
        // Whether it is a candidate today, as --joint lists them (the stored verdict is the tag stage's, made when tagged).
        const joint = isCandidateOn(r, today);
        const jointDeadlineUnknown = isDeadlineUnknownCandidate(r);
        line = JSON.stringify({ id, source, title, url, published, summary, language, identifiers, deadline, organisation, kind, stage, relevant, goals, primary, joint,
          matter, inForce, jointDeadlineUnknown }); // fields added after the earlier ones, whose order scripts may read
      } else {
        const dl = r.deadline ? `  [määräaika ${finnishDate(r.deadline) ?? r.deadline}]` : isDeadlineUnknownCandidate(r) ? '  [määräaika ei tiedossa]' : '';
        const goals = r.goals.length ? `  {${r.goals.join(', ')}}` : '';
        const matter = r.matter === null ? '' : `  (asia ${r.matter})`;
        line = `#${r.id}  ${fiDateTime(r.published, '-')}  ${r.source}  ${r.title}${dl}${goals}${matter}`;
      }
      if (!(await writeLine(line))) break;
    }
    return 0;
  } finally {
    await closeContext(ctx);
  }
}
