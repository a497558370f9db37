// `lakivahti subscriptions add EMAIL … | list [--json] | remove ID`: who receives the digest by e-mail.
import { getMatter, listSourceStates } from '../store/index.js';
import { FREQUENCIES, insertSubscription, listSubscriptions, unsubscribe, type Frequency } from '../store/subscriptions.js';
import { closeContext, openContext, resolvePaths } from '../app/context.js';
import { fiDateTime } from '../app/format.js';
import { loadTaxonomy } from '../tag/taxonomy.js';
import { createAnalyzer } from '../tag/analyze.js';
import { searchQuery } from '../tag/index-terms.js';
import { parseCommand, UsageError, writeLine } from './args.js';

export const usage = `usage: lakivahti subscriptions add EMAIL [--goal GOAL]… [--source ID]… [--organisation NAME]…
                                      [--matter N]… [--search TEXT] [--every immediately|daily|weekly]
                                      [--lang fi|sv] [--db PATH]
       lakivahti subscriptions add EMAIL --network [--lang fi|sv] [--db PATH]
       lakivahti subscriptions list [--json] [--db PATH]
       lakivahti subscriptions remove ID [--db PATH]

Who receives the digest by e-mail. add with --network: the network's weekly digest (the
secretariat's approved draft), at most one per address. add with what to follow: a personal digest
of new items with any of the goals, from any of the sources or organisations, in any of the matters
(numbers), or found by the saved search, and the stage changes and deadline moves of those matters;
weekly unless --every says otherwise (Monday 08.00 Helsinki time), Finnish unless --lang sv.
list prints every subscription (--json: one object a line, with its id) and only reads; remove ID
ends one (as its unsubscribe link does; its history stays).
`;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export async function subscriptionsCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseCommand(args, {
    json: { type: 'boolean' }, network: { type: 'boolean' }, goal: { type: 'string', multiple: true },
    source: { type: 'string', multiple: true }, organisation: { type: 'string', multiple: true },
    matter: { type: 'string', multiple: true }, search: { type: 'string' }, every: { type: 'string' }, lang: { type: 'string' },
  });
  const [sub, arg, ...extra] = positionals;
  if (extra.length) throw new UsageError(`unexpected argument "${extra[0]}"`);
  if (sub === 'list') return list(values, arg);
  if (sub === 'remove') return remove(values, arg);
  if (sub !== 'add') throw new UsageError(sub ? `unknown subcommand "${sub}" (add, list, remove)` : 'give a subcommand: add, list or remove');

  if (!arg) throw new UsageError('add needs the recipient\'s e-mail address');
  if (!EMAIL.test(arg) || arg.length > 320) throw new UsageError(`"${arg}" is not an e-mail address`);
  const every = (values.every ?? 'weekly') as Frequency;
  if (!FREQUENCIES.includes(every)) throw new UsageError(`--every must be one of ${FREQUENCIES.join(', ')}, not "${values.every}"`);
  const lang = values.lang ?? 'fi';
  if (lang !== 'fi' && lang !== 'sv') throw new UsageError(`--lang must be fi or sv, not "${lang}"`);
  const goals = values.goal ?? [];
  const sources = values.source ?? [];
  const organisations = (values.organisation ?? []).map((o) => o.trim()).filter(Boolean);
  const follows = goals.length + sources.length + organisations.length + (values.matter?.length ?? 0) + (values.search !== undefined ? 1 : 0);
  if (values.network && follows) throw new UsageError('--network is the whole network digest; it takes no --goal, --source, --organisation, --matter or --search');
  if (values.network && every !== 'weekly') throw new UsageError('the network digest is weekly; --every does not apply to --network');
  if (!values.network && !follows) throw new UsageError('say what to follow (--goal, --source, --organisation, --matter, --search) or give --network');
  const known = loadTaxonomy(resolvePaths(values).feedsDir).goals.map((g) => g.id);
  for (const g of goals) if (!known.includes(g)) throw new UsageError(`unknown goal "${g}" (goals: ${known.join(', ')})`);
  const matters = (values.matter ?? []).map((m) => {
    if (!/^[1-9]\d{0,14}$/.test(m)) throw new UsageError(`--matter takes a matter's number, not "${m}"`);
    return Number(m);
  });
  if (values.search !== undefined && (values.search.length > 200 || searchQuery(values.search, createAnalyzer()) === null))
    throw new UsageError(`--search "${values.search}" has no words to search for (or is longer than 200 characters)`);

  const ctx = openContext(values);
  try {
    const sourceIds = [...new Set([...ctx.sources.map((d) => d.id), ...listSourceStates(ctx.db).map((s) => s.id)])].sort();
    for (const s of sources) if (!sourceIds.includes(s)) throw new UsageError(`unknown source "${s}" (sources: ${sourceIds.join(', ')})`);
    for (const m of matters) if (!getMatter(ctx.db, m)) throw new UsageError(`no matter number ${m} (see lakivahti matters)`);
    const kind = values.network ? 'network' : 'personal';
    if (kind === 'network' && listSubscriptions(ctx.db, { email: arg }).some((s) => s.kind === 'network' && !s.unsubscribedAt)) {
      process.stderr.write(`subscriptions: ${arg} already receives the network digest\n`);
      return 1;
    }
    const id = insertSubscription(ctx.db, {
      email: arg, kind, every, lang, goals, sources, organisations, matters, search: values.search ?? null,
      createdBy: 'cli', now: new Date().toISOString(),
    });
    process.stdout.write(`tilaus ${id} lisätty: ${arg} (${kind === 'network' ? 'verkoston viikkokatsaus' : `oma katsaus, ${every}`}, ${lang})\n`);
    return 0;
  } finally {
    await closeContext(ctx);
  }
}

async function list(values: { json?: boolean; db?: string; feeds?: string }, arg: string | undefined): Promise<number> {
  if (arg !== undefined) throw new UsageError(`list takes no arguments, not "${arg}"`);
  const ctx = openContext(values, { access: 'read' });
  try {
    for (const s of listSubscriptions(ctx.db)) {
      const follows = [...s.goals.map((g) => `tavoite ${g}`), ...s.sources.map((x) => `lähde ${x}`), ...s.organisations.map((o) => `organisaatio ${o}`),
        ...s.matters.map((m) => `asia ${m}`), ...(s.search ? [`haku "${s.search}"`] : [])].join(', ');
      const state = s.unsubscribedAt ? `  PERUTTU ${fiDateTime(s.unsubscribedAt)}` : s.pausedAt ? `  KESKEYTETTY: ${s.pauseReason}` : '';
      const line = values.json ? JSON.stringify(s)
        : `#${s.id}  ${s.email}  ${s.kind === 'network' ? 'verkoston viikkokatsaus' : `${s.every}: ${follows}`}  ${s.lang}${state}`;
      if (!(await writeLine(line))) break;
    }
    return 0;
  } finally {
    await closeContext(ctx);
  }
}

async function remove(values: { db?: string; feeds?: string }, arg: string | undefined): Promise<number> {
  if (!arg || !/^[1-9]\d{0,14}$/.test(arg)) throw new UsageError(arg ? `remove takes a subscription's number, not "${arg}"` : 'remove needs the subscription\'s number (see subscriptions list)');
  const ctx = openContext(values);
  try {
    if (!unsubscribe(ctx.db, Number(arg), new Date().toISOString())) {
      process.stderr.write(`subscriptions: no subscription number ${arg}\n`);
      return 1;
    }
    process.stdout.write(`tilaus ${arg} peruttu\n`);
    return 0;
  } finally {
    await closeContext(ctx);
  }
}
