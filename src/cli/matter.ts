// `lakivahti matter ID [--json]`: one matter with its items in time order, why they are joined, who mentions it.
import { getMatter, matterByIdentifier } from '../store/index.js';
import { extractIdentifiers } from '../parse/identifiers.js';
import { finnishDate } from '../parse/dates.js';
import { describeJoin } from '../link/explain.js';
import { STAGE_LABELS } from '../link/stage.js';
import { closeContext, openContext } from '../app/context.js';
import { fiDateTime } from '../app/format.js';
import { parseCommand, UsageError, writeLine } from './args.js';

export const usage = `usage: lakivahti matter ID [--json] [--db PATH] [--feeds DIR]

One matter: its stages with their dates, the statement deadline and who has answered, its items
oldest first, the identifiers that join them and who stated them, and the items that only
mention it. ID is a matter's number or one of its
identifiers ("HE 184/2026 vp", "VN/31234/2026"). --json prints it as one object. Reads the
database without changing it.
`;

export async function matterCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseCommand(args, { json: { type: 'boolean' } });
  if (positionals.length !== 1) throw new UsageError('give one matter: its number or an identifier such as "HE 184/2026 vp"');
  const ref = positionals[0].trim();
  const ctx = openContext(values, { access: 'read' });
  try {
    let id: number | undefined;
    if (/^\d+$/.test(ref)) id = Number(ref);
    else {
      const [identifier] = extractIdentifiers('', [ref]);
      if (!identifier) throw new UsageError(`"${ref}" is neither a matter number nor an identifier (e.g. HE 184/2026 vp, VN/31234/2026)`);
      id = matterByIdentifier(ctx.db, identifier.type, identifier.value);
    }
    const m = id === undefined ? undefined : getMatter(ctx.db, id);
    if (!m) {
      process.stderr.write(`matter: no matter ${/^\d+$/.test(ref) ? ref : `holds ${ref}`}\n`);
      return 1;
    }
    if (values.json) {
      const item = (r: (typeof m.members)[number]) => ({ id: r.id, source: r.source, title: r.title, url: r.url, published: r.published, kind: r.kind, stage: r.stage, deadline: r.deadline });
      const { id: mid, title, identifiers, stage, stageAt, deadline, answered, goals, stages, joins } = m;
      await writeLine(JSON.stringify({ id: mid, title, identifiers, stage, stageAt, deadline, answered, goals, stages, items: m.members.map(item), joins,
        mentionedIn: m.mentionedIn.map(item) }));
      return 0;
    }
    const lines = [
      `asia ${m.id}: ${m.title}`,
      `tunnukset: ${m.identifiers.join(', ') || '–'}`,
      ...(m.deadline ? [`lausuntojen määräaika: ${finnishDate(m.deadline) ?? m.deadline}`] : []),
      ...(m.answered.length ? [`lausunnon antaneet: ${m.answered.join(', ')}`] : []),
      ...(m.goals.length ? [`tavoitteet: ${m.goals.join(', ')}`] : []),
      'vaiheet:',
      ...m.stages.map((s) => `  ${STAGE_LABELS[s.stage]}${s.at ? ` ${fiDateTime(s.at)}` : ' (päivämäärä ei tiedossa)'}  (#${s.item})`),
      'kohteet:',
      ...m.members.map((r) => `  #${r.id}  ${fiDateTime(r.published, '-')}  ${r.source}  ${r.title}`),
      ...(m.joins.length ? ['yhdistetty:', ...m.joins.map((j) => `  ${describeJoin(j)}`)] : []),
      ...(m.mentionedIn.length ? ['mainittu myös:', ...m.mentionedIn.map((r) => `  #${r.id}  ${fiDateTime(r.published, '-')}  ${r.source}  ${r.title}`)] : []),
    ];
    for (const l of lines) if (!(await writeLine(l))) break;
    return 0;
  } finally {
    await closeContext(ctx);
  }
}
