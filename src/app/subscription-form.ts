// The rules of a new subscription, shared by `subscriptions add` and the web view's form: each refusal names its field,
// in English for the command line, and for the page as a word of its dictionary (src/present/words-subscriptions.ts).
import { matterTitle, listOrganisations, listSourceStates, mergedInto, type Db } from '../store/index.js';
import type { Lang } from '../model.js';
import { FREQUENCIES, type Follows, type Frequency, type SubscriptionKind } from '../store/subscriptions.js';
import { createAnalyzer, type Analyzer } from '../tag/analyze.js';
import { searchQuery } from '../tag/index-terms.js';
import { canonicalAddress, invisibleCharacter, notAnAddress } from '../parse/address.js';
import { controlCharacter, controlProblem } from './control-chars.js';
import { organisationKey, organisationKeys } from './organisations.js';
import { parseId } from '../parse/id.js';

/** What a person asked for, as typed (the CLI's options or the form's fields). */
export interface SubscriptionRequest {
  email: string;
  network: boolean;
  goals: string[];
  sources: string[];
  organisations: string[];
  /** Matter numbers as typed. */
  matters: string[];
  search?: string;
  every?: string;
  lang?: string;
}

/** What the request is checked against. */
export interface SubscriptionRules {
  goals: string[];
  sources: string[];
  matterExists(n: number): boolean;
  /** The matter a reviewer merged a gone number into (an older digest's "asia 10"), followed in its place. */
  mergedInto?(n: number): number | undefined;
  /** Whether a saved search has words to search for. */
  searchable(text: string): boolean;
}

/** A checked request: what insertSubscription takes, less who made it and when. */
export interface CheckedSubscription extends Follows {
  email: string;
  kind: SubscriptionKind;
  every: Frequency;
  lang: Lang;
}

/** A refused request: the field, the English message (the CLI's usage error) and the page's word with its values. */
export class SubscriptionError extends Error {
  constructor(readonly field: string, message: string, readonly word: string, readonly values: Record<string, string> = {}) {
    super(message);
    this.name = 'SubscriptionError';
  }
}

let analyzer: Analyzer | undefined;

/** The rules over the stored data: the taxonomy's goals, sources configured or stored, matters stored. */
export function storedRules(db: Db, configured: { id: string }[], goals: string[]): SubscriptionRules {
  return {
    goals,
    sources: [...new Set([...configured.map((s) => s.id), ...listSourceStates(db).map((s) => s.id)])].sort(),
    matterExists: (n) => matterTitle(db, n) !== undefined,
    mergedInto: (n) => mergedInto(db, n),
    searchable: (text) => searchQuery(text, (analyzer ??= createAnalyzer())) !== null,
  };
}

/** The longest organisation name followed (Finland's longest agency names are under 100 characters). */
const ORGANISATION_CHARS = 200;

/** Check a request against the rules; throws SubscriptionError naming the first field that is wrong. */
export function checkSubscription(r: SubscriptionRequest, rules: SubscriptionRules): CheckedSubscription {
  const fail = (field: string, en: string, word: string, values: Record<string, string> = {}): never => {
    throw new SubscriptionError(field, en, word, values);
  };
  const typed = r.email.trim();
  if (!typed) fail('email', "add needs the recipient's e-mail address", 'subForm.noEmail');
  // Named, not shown: the address it is in looks like the one meant (or, after an override, reads backwards).
  const notEmail = notAnAddress(typed);
  if (notEmail !== null) {
    const invisible = invisibleCharacter(typed);
    if (invisible) fail('email', notEmail, 'subForm.emailInvisible', { code: invisible.code, at: String(invisible.at) });
    fail('email', notEmail, 'subForm.badEmail', { email: typed });
  }
  const email = canonicalAddress(typed)!;
  const every = (r.every || 'weekly') as Frequency;
  if (!FREQUENCIES.includes(every)) fail('every', `--every must be one of ${FREQUENCIES.join(', ')}, not "${r.every}"`, 'subForm.every', { every: String(r.every) });
  const lang = (r.lang || 'fi') as Lang;
  if (lang !== 'fi' && lang !== 'sv') fail('lang', `--lang must be fi or sv, not "${lang}"`, 'subForm.lang', { lang });
  const organisations = r.organisations.map((o) => o.trim()).filter(Boolean);
  const search = r.search?.trim() ? r.search.trim() : undefined;
  const follows = r.goals.length + r.sources.length + organisations.length + r.matters.length + (search !== undefined ? 1 : 0);
  // A line break or a terminal's escape (a script's variable of two lines, a crafted form): no stored text holds one,
  // and stored it broke `subscriptions list`'s one line per subscription and reached the terminal as it was.
  for (const [field, option, value] of [...organisations.map((o) => ['organisations', '--organisation', o]), ...(search ? [['search', '--search', search]] : [])]) {
    const c = controlCharacter(value);
    if (c) fail(field, controlProblem(option, value)!, field === 'search' ? 'subForm.controlSearch' : 'subForm.controlOrganisation', { code: c.code, at: String(c.at) });
  }
  // Bounded as a search is (the form's 64 KiB let one of 10,000 characters through): no organisation's name comes near.
  for (const o of organisations)
    if (o.length > ORGANISATION_CHARS)
      fail('organisations', `--organisation is ${o.length} characters long; an organisation's name is at most ${ORGANISATION_CHARS}`, 'subForm.organisationLength', { length: String(o.length), max: String(ORGANISATION_CHARS) });
  if (r.network && follows)
    fail('network', '--network is the whole network digest; it takes no --goal, --source, --organisation, --matter or --search', 'subForm.networkFollows');
  if (r.network && every !== 'weekly') fail('every', 'the network digest is weekly; --every does not apply to --network', 'subForm.networkEvery');
  if (!r.network && !follows)
    fail('follows', 'say what to follow (--goal, --source, --organisation, --matter, --search) or give --network', 'subForm.follows');
  for (const g of r.goals) if (!rules.goals.includes(g)) fail('goals', `unknown goal "${g}" (goals: ${rules.goals.join(', ')})`, 'subForm.goal', { goal: g });
  for (const s of r.sources) if (!rules.sources.includes(s)) fail('sources', `unknown source "${s}" (sources: ${rules.sources.join(', ')})`, 'subForm.source', { source: s });
  const matters = r.matters.map((m) => {
    const n = parseId(m.trim());
    if (n === undefined) fail('matters', `--matter takes a matter's number, not "${m}"`, 'subForm.matterNumber', { matter: m });
    return n!;
  });
  // A number merged away is followed as the matter it became, as a subscription that followed it before the merge is.
  const live = matters.map((m) => (rules.matterExists(m) ? m : rules.mergedInto?.(m))
    ?? fail('matters', `no matter number ${m} (see lakivahti matters)`, 'subForm.noMatter', { matter: String(m) }));
  if (search !== undefined && (search.length > 200 || !rules.searchable(search)))
    fail('search', `--search "${search}" has no words to search for (or is longer than 200 characters)`, 'subForm.search', { search });
  return {
    email, kind: r.network ? 'network' : 'personal', every, lang, goals: [...new Set(r.goals)], sources: [...new Set(r.sources)],
    // One organisation is followed in any letter case, so "Sisäministeriö" and "sisäministeriö" are one (the first kept).
    organisations: organisations.filter((o, n) => organisations.findIndex((x) => organisationKey(x) === organisationKey(o)) === n),
    matters: [...new Set(live)], search: search ?? null,
  };
}

/** The typed matter numbers that were merged away, each with the matter followed in its place (said to the person). */
export function mergedMatters(db: Db, typed: readonly string[]): { asked: number; into: number }[] {
  return typed.flatMap((t) => {
    const asked = parseId(t.trim());
    const into = asked === undefined || matterTitle(db, asked) !== undefined ? undefined : mergedInto(db, asked);
    return into === undefined ? [] : [{ asked: asked!, into }];
  });
}

/**
 * The followed organisations no stored item names, in any letter case. An organisation is followed as typed (one that
 * has published nothing yet may), so a typo would follow nothing for ever: the CLI and the page both say which.
 */
export function unknownOrganisations(db: Db, organisations: readonly string[]): string[] {
  const known = new Set(listOrganisations(db).flatMap(organisationKeys));
  return organisations.filter((o) => !known.has(organisationKey(o)));
}
