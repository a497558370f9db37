// `lakivahti matter ID [--json]`: one matter with its items in time order, why they are joined, who mentions it.
import { getMatter, matterTitle, mattersByIdentifier, mergedInto, type Db } from '../store/index.js';
import { identifierWithin, typedIdentifier } from '../parse/identifiers.js';
import { finnishDate } from '../parse/dates.js';
import { describeJoin } from '../link/explain.js';
import { describeCorrection } from './matter-correct.js';
import { STAGE_NAMES } from '../present/stage-names.js';
import { describeMatterEvent, type MatterEventValues } from '../present/matter-events.js';
import { inlineTitle, Shown, terminalLine } from '../app/control-chars.js';
import { shownControls } from '../shown-controls.js';
import { closeContext, openContext } from '../app/context.js';
import { fiDateTime, fiWhen } from '../app/format.js';
import { parseCommand, Refused, UsageError, writeLine } from './args.js';
import { note } from '../stderr-line.js';
import { parseId } from '../parse/id.js';

export const usage = `usage: lakivahti matter ID [--json] [--db PATH] [--feeds DIR]
       lakivahti matter merge A B --reviewer NAME [--note TEXT]
       lakivahti matter split ID ITEM --reviewer NAME [--note TEXT]

One matter: its stages with their dates (a statute not yet in force says the day it comes into
force, when its text gives one), the statement deadline and who has answered, its items
oldest first, the identifiers that join them and who stated them, what changed since it was
first stored (items that joined, stage, deadline and title moved; --json: events), and the
items that only mention it. ID is a matter's number or one of its identifiers ("HE 184/2026
vp", "VN/31234/2026"); an identifier two matters hold (after a split) lists both and asks for the
number (exit 2); a matter merged into another leads to that one (said on stderr). --json prints it as one object (inForce: the day its statute comes or came into
force, or null). Reads the database without changing it. The
joins include people's corrections: who, when and why.

merge: matters A and B become one, numbered A (B's items move to A and B is gone). split: item
ITEM (its number, as in \`items\`) leaves matter ID into a matter of its own; the rest stays one
matter numbered ID. Either run again says it is done already and changes nothing (exit 0).
Both are stored with the reviewer and time, never overwritten, and kept by every later crawl and
\`relink\`: a split item is joined to nothing through its identifiers again
(a later merge can join it), a merge holds whatever identifiers say.
`;

/** A parliament document's or a statute's number as typed ("HE 1/1899 vp", "5/2200"): its year. */
const OUT_OF_YEARS = /^(?:[A-Za-zÄÖäö]{1,6}\s*)?\d{1,5}\s*\/\s*(\d{4})(?:\s*(?:vp|rd))?$/i;

/**
 * A matter's number, or the matter holding an identifier (undefined when none does); a UsageError for neither, and
 * for an identifier two or more matters hold (after a reviewer split one): the person picks by number.
 */
export function resolveMatter(db: Db, ref: string): number | undefined {
  if (/^\d+$/.test(ref)) {
    const id = parseId(ref);
    if (id === undefined) throw new UsageError(`"${ref}" is not a matter number (as \`matters\` shows it: no leading zero, at most 15 digits)`);
    return id;
  }
  const identifier = typedIdentifier(ref);
  if (!identifier) {
    const within = identifierWithin(ref);
    const extra = within && [within.before, within.after].filter(Boolean).map((t) => `"${t}"`).join(' and ');
    if (within) throw new UsageError(`"${ref}" has ${extra} beside the identifier ${within.value}; give the identifier alone`);
    // Written as a parliament document's or a statute's number, but of a year none has (the identifiers' rule, 1900–2199).
    const year = OUT_OF_YEARS.exec(ref)?.[1];
    if (year && !/^(?:19|20|21)/.test(year)) throw new UsageError(`"${ref}" is no identifier: its year ${year} is not within 1900–2199`);
    throw new UsageError(`"${ref}" is neither a matter number nor an identifier (e.g. HE 184/2026 vp, VN/31234/2026)`);
  }
  const found = mattersByIdentifier(db, identifier.type, identifier.value);
  if (found.length > 1)
    throw new UsageError(`${found.length} matters hold ${identifier.value}; give the matter's number:\n` + found.map((m) => `  matter ${m.id}: ${m.title}`).join('\n'));
  return found[0]?.id;
}

/** The matter a reviewer merged matter `id` into, when `id` is gone that way (the web's old links follow it too). */
export function mergedAway(db: Db, id: number | undefined): number | undefined {
  // Its row alone: getMatter read every item of a matter (twice per `matter N`, 10,000 items' rows) to see it exists.
  const into = id === undefined || matterTitle(db, id) !== undefined ? undefined : mergedInto(db, id);
  return into === id ? undefined : into;
}

/** A change in words for a terminal: the titles of a title or item event set apart (inlineTitle), every value shown. */
function eventShown(e: MatterEventValues): Shown {
  const value = (v: string | null) => (v === null ? null : e.type === 'title' || e.type === 'item' ? inlineTitle(v).text : shownControls(v));
  return new Shown(describeMatterEvent({ ...e, old: value(e.old), new: value(e.new) }, 'fi'));
}

export async function run(args: string[]): Promise<number> {
  if (args[0] === 'merge' || args[0] === 'split') return (await import('./matter-correct.js')).correctCommand(args[0], args.slice(1));
  const { values, positionals } = parseCommand(args, { json: { type: 'boolean' } }, true);
  if (positionals.length !== 1) throw new UsageError('give one matter: its number or an identifier such as "HE 184/2026 vp"');
  const ref = positionals[0].trim();
  const ctx = openContext(values, { access: 'read' });
  try {
    let id = resolveMatter(ctx.db, ref);
    const into = mergedAway(ctx.db, id);
    if (into !== undefined) {
      note(`matter ${id} was merged into matter ${into}; this is matter ${into}`, { lines: true });
      id = into;
    }
    const m = id === undefined ? undefined : getMatter(ctx.db, id);
    if (!m) throw new Refused(`no matter ${/^\d+$/.test(ref) ? ref : `holds ${ref}`}`, 1);
    if (values.json) {
      const item = (r: (typeof m.members)[number]) => ({ id: r.id, source: r.source, title: r.title, url: r.url, published: r.published, kind: r.kind, stage: r.stage, deadline: r.deadline });
      const { id: mid, title, identifiers, stage, stageAt, deadline, answered, goals, stages, joins, corrections, inForce } = m;
      const events = m.events.map(({ type, old, new: after, at, itemId }) => ({ type, old, new: after, at, itemId }));
      await writeLine(JSON.stringify({ id: mid, title, identifiers, stage, stageAt, deadline, answered, goals, stages, items: m.members.map(item), joins,
        corrections, mentionedIn: m.mentionedIn.map(item), events, inForce }));
      return 0;
    }
    const lines = [
      terminalLine`asia ${m.id}: ${inlineTitle(m.title)}`,
      `tunnukset: ${m.identifiers.join(', ') || '–'}`,
      ...(m.deadline ? [`lausuntojen määräaika: ${finnishDate(m.deadline) ?? m.deadline}`] : []),
      ...(m.answered.length ? [`lausunnon antaneet: ${m.answered.join(', ')}`] : []),
      ...(m.goals.length ? [`tavoitteet: ${m.goals.join(', ')}`] : []),
      'vaiheet:',
      // "In force" is dated by a day, the others by the instant of the item that showed them (a day's start: its day).
      ...m.stages.map((s) => `  ${STAGE_NAMES.fi[s.stage]}${s.at ? ` ${s.at.length === 10 ? finnishDate(s.at) : fiWhen(s.at)}` : ' (päivämäärä ei tiedossa)'}  (#${s.item})`),
      ...(m.inForce && m.stage !== 'in-force' ? [`  tulee voimaan ${finnishDate(m.inForce)}`] : []),
      'asiakirjat:',
      ...m.members.map((r) => terminalLine`  #${r.id}  ${fiWhen(r.published, '-')}  ${r.source}  ${inlineTitle(r.title)}`),
      ...(m.joins.length || m.corrections.length
        ? ['yhdistetty:', ...m.joins.map((j) => `  ${describeJoin(j)}`), ...m.corrections.map((c) => `  ${describeCorrection(c)}`)] : []),
      ...(m.events.length
        ? ['muutokset:', ...m.events.map((e) => terminalLine`  ${fiDateTime(e.at)}  ${eventShown(e)}${e.itemId === null ? '' : `  (#${e.itemId})`}`)] : []),
      ...(m.mentionedIn.length ? ['mainittu myös:', ...m.mentionedIn.map((r) => terminalLine`  #${r.id}  ${fiWhen(r.published, '-')}  ${r.source}  ${inlineTitle(r.title)}`)] : []),
    ];
    for (const l of lines) if (!(await writeLine(l))) break;
    return 0;
  } finally {
    await closeContext(ctx);
  }
}
