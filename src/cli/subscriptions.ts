// `lakivahti subscriptions add EMAIL … | list [--json] | remove ID`: who receives the digest by e-mail.
import { DISABLED_ACCOUNT, getSubscription, insertSubscription, listSubscriptions, unsubscribe } from '../store/subscriptions.js';
import { listOrganisations } from '../store/item-filter.js';
import type { Db } from '../store/index.js';
import { organisationKey } from '../app/organisations.js';
import { checkSubscription, mergedMatters, storedRules, SubscriptionError, unknownOrganisations, type CheckedSubscription } from '../app/subscription-form.js';
import { closeContext, openContext } from '../app/context.js';
import { fiDateTime } from '../app/format.js';
import { loadTaxonomy } from '../tag/taxonomy.js';
import { goalLabels } from '../app/goal-labels.js';
import { listSourceStates } from '../store/sources.js';
import { word } from '../present/words-web.js';
import { parseCommand, Refused, UsageError, writeLine } from './args.js';
import { note } from '../stderr-line.js';
import { parseId } from '../parse/id.js';
import { byFinnish } from '../collate.js';
import { resolveMatter } from './matter.js';

/** A --matter value as the form checks it: the matter's number, read as `matter` reads it (a number, or an identifier). */
function matterNumber(db: Db, ref: string): string {
  const id = resolveMatter(db, ref.trim());
  if (id === undefined) throw new UsageError(`no matter holds ${ref.trim()} (see lakivahti matters)`);
  return String(id);
}

export const usage = `usage: lakivahti subscriptions add EMAIL [--goal GOAL]… [--source ID]… [--organisation NAME]…
                                      [--matter N|IDENTIFIER]… [--search TEXT] [--every immediately|daily|weekly]
                                      [--lang fi|sv] [--db PATH]
       lakivahti subscriptions add EMAIL --network [--lang fi|sv] [--db PATH]
       lakivahti subscriptions list [--json] [--db PATH]
       lakivahti subscriptions remove ID [--db PATH]

Who receives the digest by e-mail. add with --network: the network's weekly digest (the
secretariat's approved draft), at most one per address. add with what to follow: a personal digest
of new items with any of the goals, from any of the sources or organisations, in any of the matters
(numbers, or an identifier a matter holds, as \`matter\` takes: HE 184/2026 vp), or found by the saved search, and the stage changes and deadline moves of those matters;
weekly unless --every says otherwise (Monday 08.00 Helsinki time), Finnish unless --lang sv.
list prints every subscription (--json: one object a line, with its id) and only reads; remove ID
ends one (as its unsubscribe link does; its history stays). An unknown goal, source or matter, a
bad address, or an option given an empty value, is refused (exit 2).
`;

export async function run(args: string[]): Promise<number> {
  const { values, positionals } = parseCommand(args, {
    json: { type: 'boolean' }, network: { type: 'boolean' }, goal: { type: 'string', multiple: true },
    source: { type: 'string', multiple: true }, organisation: { type: 'string', multiple: true },
    matter: { type: 'string', multiple: true }, search: { type: 'string' }, every: { type: 'string' }, lang: { type: 'string' },
  }, true);
  const [sub, arg, ...extra] = positionals;
  if (extra.length) throw new UsageError(`unexpected argument "${extra[0]}"`);
  if (sub === 'list') return list(values, arg);
  if (sub === 'remove') return remove(values, arg);
  if (sub !== 'add') throw new UsageError(sub ? `unknown subcommand "${sub}" (add, list, remove)` : 'give a subcommand: add, list or remove');

  // An empty value (an unset shell variable: `--search "$TERMS"`) is refused by name. The web form's blank field means
  // "not given", which here widened the subscription (an empty --search or --organisation followed the goal alone) or
  // took the default (an empty --every or --lang) without a word.
  for (const name of ['every', 'lang', 'search', 'organisation'] as const)
    for (const v of [values[name]].flat()) if (v !== undefined && v.trim() === '') throw new UsageError(`--${name} is empty; give a value or leave it out`);
  const ctx = openContext(values);
  try {
    const request = {
      email: arg ?? '', network: values.network === true, goals: values.goal ?? [], sources: values.source ?? [],
      organisations: values.organisation ?? [], matters: (values.matter ?? []).map((m) => matterNumber(ctx.db, m)), search: values.search,
      every: values.every, lang: values.lang,
    };
    const goals = loadTaxonomy(ctx.feedsDir).goals.map((g) => g.id);
    let checked: CheckedSubscription;
    try {
      checked = checkSubscription(request, storedRules(ctx.db, ctx.sources, goals));
    } catch (err) {
      throw err instanceof SubscriptionError ? new UsageError(err.message) : err;
    }
    const { email: address, kind, every, lang } = checked;
    if (kind === 'network' && listSubscriptions(ctx.db, { email: address }).some((s) => s.kind === 'network' && !s.unsubscribedAt)) {
      throw new Refused(`${address} already receives the network digest`, 1);
    }
    const id = insertSubscription(ctx.db, { ...checked, createdBy: 'cli', now: new Date().toISOString() });
    if (getSubscription(ctx.db, id)?.pauseReason === DISABLED_ACCOUNT)
      note(`the account of ${address} is disabled: the subscription is kept, paused, and sends nothing until the account is enabled again`, { lines: true });
    process.stdout.write(`tilaus ${id} lisätty: ${address} (${kind === 'network' ? 'verkoston viikkokatsaus' : `oma katsaus, ${word('fi', `every.${every}`)}`}, ${word('fi', `lang.in.${lang}`)})\n`);
    for (const { asked, into } of mergedMatters(ctx.db, request.matters))
      note(`matter ${asked} was merged into matter ${into}; the subscription follows matter ${into}`, { lines: true });
    // A followed organisation no stored item names may be a typo: say so, and which names the stored items use.
    const unknown = unknownOrganisations(ctx.db, checked.organisations);
    const known = unknown.length ? storedOrganisations(ctx.db) : [];
    for (const o of unknown)
      note(`no stored item names the organisation "${o}" yet; it is followed as typed, in any letter case (organisations: ${known.join(', ') || 'none yet'})`, { lines: true });
    return 0;
  } finally {
    await closeContext(ctx);
  }
}

/**
 * The stored organisations as a person picks one: each quoted (a source may name two, "Pelastusopisto, sisäministeriö"),
 * one per letter case (they are followed in any), in Finnish alphabetical order.
 */
function storedOrganisations(db: Db): string[] {
  const seen = new Set<string>();
  return listOrganisations(db).filter((o) => !seen.has(organisationKey(o)) && !!seen.add(organisationKey(o)))
    .sort(byFinnish).map((o) => `"${o}"`);
}

async function list(values: { json?: boolean; db?: string; feeds?: string }, arg: string | undefined): Promise<number> {
  if (arg !== undefined) throw new UsageError(`list takes no arguments, not "${arg}"`);
  const ctx = openContext(values, { access: 'read' });
  try {
    // The text is in Finnish words: goals by their labels, sources by their names, how often and in which language
    // (--json keeps the stored codes).
    const goals = values.json ? {} : goalLabels(ctx);
    const sources = values.json ? new Map<string, string>() : new Map(listSourceStates(ctx.db).map((x) => [x.id, x.name]));
    for (const s of listSubscriptions(ctx.db)) {
      const follows = [...s.goals.map((g) => `tavoite ${goals[g] ?? g}`), ...s.sources.map((x) => `lähde ${sources.get(x) ?? x}`),
        ...s.organisations.map((o) => `organisaatio ${o}`), ...s.matters.map((m) => `asia ${m}`), ...(s.search ? [`haku "${s.search}"`] : [])].join(', ');
      const state = s.unsubscribedAt ? `  PERUTTU ${fiDateTime(s.unsubscribedAt)}` : s.pausedAt ? `  KESKEYTETTY: ${s.pauseReason}` : '';
      const line = values.json ? JSON.stringify(s)
        : `#${s.id}  ${s.email}  ${s.kind === 'network' ? 'verkoston viikkokatsaus' : `${word('fi', `every.${s.every}`)}: ${follows}`}  ${word('fi', `lang.in.${s.lang}`)}${state}`;
      if (!(await writeLine(line))) break;
    }
    return 0;
  } finally {
    await closeContext(ctx);
  }
}

async function remove(values: { db?: string; feeds?: string }, arg: string | undefined): Promise<number> {
  const id = parseId(arg);
  if (id === undefined) throw new UsageError(arg ? `remove takes a subscription's number, not "${arg}"` : 'remove needs the subscription\'s number (see subscriptions list)');
  const ctx = openContext(values, { access: 'change' });
  try {
    const ended = unsubscribe(ctx.db, id, new Date().toISOString());
    if (!ended) {
      throw new Refused(`no subscription number ${arg}`, 1);
    }
    // An ended network subscription's number ends the one that now sends its mailbox the digest, as its link would.
    const also = ended.filter((x) => x !== id);
    process.stdout.write(`tilaus ${arg} peruttu${also.length ? `; samalla peruttiin tilaus ${also.join(', ')}, joka lähetti verkoston viikkokatsauksen samaan osoitteeseen` : ''}\n`);
    return 0;
  } finally {
    await closeContext(ctx);
  }
}
