// `lakivahti matters [--json] [--goal G] [--stage S] [--search TEXT]`: matters, the one with the newest item first.
import { eachMatter, type MatterRow } from '../store/index.js';
import { finnishDate, helsinkiDate } from '../parse/dates.js';
import { MATTER_STAGES, type MatterStage } from '../link/stage.js';
import { STAGE_NAMES } from '../present/stage-names.js';
import { closeContext, openContext } from '../app/context.js';
import { listingFilters } from './filters.js';
import { parseCommand, Refused, writeLine } from './args.js';
import { inlineTitle, terminalLine } from '../app/control-chars.js';

export const usage = `usage: lakivahti matters [--json] [--goal GOAL] [--stage STAGE] [--search TEXT] [--limit N]
                        [--db PATH] [--feeds DIR]

Matters: the items of every source about one piece of legislation (a project, its statement
round, the government proposal, committee documents, parliament's reply, the statute), joined
through the identifiers the sources state. --json prints one object a line (id, title,
identifiers, stage, stageAt, deadline, goals, items, stages, inForce: the day its statute comes
or came into force, YYYY-MM-DD, or null). Stages: ${MATTER_STAGES.join(', ')}.
Reads the database without changing it.
`;

/** A matter as one JSON line. */
export function matterJson(m: MatterRow): string {
  const { id, title, identifiers, stage, stageAt, deadline, goals, items, stages, inForce } = m;
  return JSON.stringify({ id, title, identifiers, stage, stageAt, deadline, goals, items, stages, inForce });
}

/** A matter as one line for people. */
export function matterLine(m: MatterRow): Buffer {
  // A statute published but not yet in force says when it will be: "[säädös julkaistu 18.11.2026, voimaan 1.1.2027]".
  // A stage's instant is shown by its day in Helsinki, as `matter` shows it (an in-force stage is a day already).
  const coming = m.inForce && m.stage !== 'in-force' ? `, voimaan ${finnishDate(m.inForce)}` : '';
  const stage = m.stage ? `  [${STAGE_NAMES.fi[m.stage]}${m.stageAt ? ` ${finnishDate(m.stageAt.length === 10 ? m.stageAt : helsinkiDate(m.stageAt)) ?? ''}` : ''}${coming}]` : '';
  const dl = m.deadline ? `  [määräaika ${finnishDate(m.deadline) ?? m.deadline}]` : '';
  const ids = m.identifiers.length ? `  (${m.identifiers.slice(0, 3).join(', ')})` : '';
  const goals = m.goals.length ? `  {${m.goals.join(', ')}}` : '';
  return terminalLine`asia ${m.id}  ${inlineTitle(m.title)}${ids}${stage}${dl}${goals}  ${m.items.length} asiakirja${m.items.length === 1 ? '' : 'a'}`;
}

export async function run(args: string[]): Promise<number> {
  const { values } = parseCommand(args, {
    json: { type: 'boolean' }, goal: { type: 'string' }, stage: { type: 'string' }, search: { type: 'string' }, limit: { type: 'string' },
  });
  const { limit, match } = listingFilters(values);
  if (values.stage !== undefined && !(MATTER_STAGES as readonly string[]).includes(values.stage))
    throw new Refused(`unknown stage "${values.stage}" (stages: ${MATTER_STAGES.join(', ')})`);
  const ctx = openContext(values, { access: 'read' });
  try {
    for (const m of eachMatter(ctx.db, { stage: values.stage as MatterStage | undefined, goal: values.goal, match, limit })) {
      if (!(await writeLine(values.json ? matterJson(m) : matterLine(m)))) break;
    }
    return 0;
  } finally {
    await closeContext(ctx);
  }
}
