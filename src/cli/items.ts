// `lakivahti items [--json] [--source ID] [--since DATE] [--limit N]`: stored items.
import { listItems } from '../store/index.js';
import { parseDate } from '../parse/dates.js';
import { openContext, parseCommand } from './context.js';

export async function itemsCommand(args: string[]): Promise<number> {
  const { values } = parseCommand(args, {
    json: { type: 'boolean' }, source: { type: 'string' }, since: { type: 'string' }, limit: { type: 'string' }, search: { type: 'string' },
  });
  const limit = values.limit === undefined ? 50 : Number(values.limit);
  if (!Number.isInteger(limit) || limit < 1) {
    process.stderr.write(`items: --limit must be a positive whole number, not "${values.limit}"\n`);
    return 2;
  }
  const since = values.since === undefined ? undefined : parseDate(values.since);
  if (since === null) {
    process.stderr.write(`items: --since "${values.since}" is not a date (use e.g. 2026-11-01 or 1.11.2026)\n`);
    return 2;
  }
  const ctx = openContext(values);
  const rows = listItems(ctx.db, { source: values.source, since, limit, match: values.search });
  for (const r of rows) {
    if (values.json) {
      const { id, source, title, url, published, summary, language, identifiers, deadline, organisation } = r;
      process.stdout.write(JSON.stringify({ id, source, title, url, published, summary, language, identifiers, deadline, organisation }) + '\n');
    } else {
      const dl = r.deadline ? `  [määräaika ${r.deadline}]` : '';
      process.stdout.write(`${(r.published ?? '').slice(0, 10)}  ${r.source}  ${r.title}${dl}\n`);
    }
  }
  ctx.db.close();
  return 0;
}
