// `lakivahti items [--json] [--source ID] [--since DATE] [--limit N] [--search TEXT] [--relevant] [--goal G] [--joint]`.
import { listItems, type ItemQuery } from '../store/index.js';
import { helsinkiDate, parseDate } from '../parse/dates.js';
import { createAnalyzer } from '../tag/analyze.js';
import { searchQuery } from '../tag/index-terms.js';
import { openContext, parseCommand, closeContext } from './context.js';

export async function itemsCommand(args: string[]): Promise<number> {
  const { values } = parseCommand(args, {
    json: { type: 'boolean' }, source: { type: 'string' }, since: { type: 'string' }, limit: { type: 'string' },
    search: { type: 'string' }, relevant: { type: 'boolean' }, goal: { type: 'string' }, joint: { type: 'boolean' },
  });
  const fail = (msg: string) => (process.stderr.write(`items: ${msg}\n`), 2);
  const limit = values.limit === undefined ? 50 : Number(values.limit);
  if (!Number.isInteger(limit) || limit < 1) return fail(`--limit must be a positive whole number, not "${values.limit}"`);
  const since = values.since === undefined ? undefined : parseDate(values.since);
  if (since === null) return fail(`--since "${values.since}" is not a date (use e.g. 2026-11-01 or 1.11.2026)`);
  const match = values.search === undefined ? undefined : searchQuery(values.search, createAnalyzer());
  if (match === null) return fail(`--search "${values.search}" has no words to search for`);

  const ctx = openContext(values);
  try {
    const query: ItemQuery = {
      source: values.source, since, limit, match, goal: values.goal,
      relevant: values.relevant ? true : undefined,
      jointFrom: values.joint ? helsinkiDate(new Date()) : undefined,
    };
    for (const r of listItems(ctx.db, query)) {
      if (values.json) {
        const { id, source, title, url, published, summary, language, identifiers, deadline, organisation, kind, stage, relevant, goals, primary, joint } = r;
        const line = { id, source, title, url, published, summary, language, identifiers, deadline, organisation, kind, stage, relevant, goals, primary, joint };
        process.stdout.write(JSON.stringify(line) + '\n');
      } else {
        const dl = r.deadline ? `  [määräaika ${r.deadline}]` : '';
        const goals = r.goals.length ? `  {${r.goals.join(', ')}}` : '';
        process.stdout.write(`#${r.id}  ${(r.published ?? '').slice(0, 10) || '----------'}  ${r.source}  ${r.title}${dl}${goals}\n`);
      }
    }
    return 0;
  } finally {
    await closeContext(ctx);
  }
}
