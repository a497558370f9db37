// Turning stored data into messages: build each subscriber's digest, record it with its watermark, send what is due.
import crypto from 'node:crypto';
import { isBusy, whenWritable, type Db } from '../store/db.js';
import { writeFailure, writeFailureText } from '../store/write-failure.js';
import {
  approveDigest, currentHighWater, getDigest, insertDraft, lastSentDigest, listDraftEntries, loadDigestData, markDigestSent,
  openDigest, searchItemIds, type StoredDigest,
} from '../store/digests.js';
import { advanceWatermark, getSubscription, listSubscriptions, pauseSubscription, type Frequency, type Subscription } from '../store/subscriptions.js';
import { claimNextDelivery, markDeliveryFailed, markDeliveryPaused, markDeliverySent, recordDelivery } from '../store/deliveries.js';
import { hasEnded, identityText, parseIdentity, thisProcess } from '../process-identity.js';
import { applyDraft, buildDigest, candidateItems, draftEntries, indexItems, sliceData, type Digest } from '../digest/build.js';
import type { Lang } from '../model.js';
import { periodAfter, widest, type Period } from '../digest/range.js';
import { helsinkiDate } from '../parse/dates.js';
import { renderDigest, type RenderedMail } from './render.js';
import { existingUnsubscribeSecret, signUnsubscribe, unsubscribeSecret, unsubscribeUrl } from './unsubscribe.js';
import type { MailConfig } from './config.js';
import { LONGEST_SEND_MS, SendError, type MailTransport } from './transport.js';
import { isMailAddress } from '../parse/address.js';

export interface DigestEnv {
  db: Db;
  /** Goal id → label, per language. */
  labels: Record<Lang, Record<string, string>>;
  config: MailConfig;
  /** A saved search's text → its FTS5 expression (null: no words); made lazily, since it may load Voikko. */
  searchMatch: (text: string) => string | null;
  /** Source id → name as stored now, in the message's language (it names the source as the web view does, not by its id). */
  sourceNames?: (lang: Lang) => Record<string, string>;
  /** Told when a write of sendDue's finds another connection holding the lock (it waits, off the event loop). */
  waiting?: () => void;
  /**
   * How long (ms) a write of sendDue's waits, beyond SQLite's own busy wait, for a lock another process holds before it
   * fails (a one-off command: 0); unset, until the lock is free (serve's job). A sent message's record waits at least
   * SENT_RECORD_WAIT_MS: giving up there leaves the message to be sent again by the next run.
   */
  lockWaitMs?: number;
  /**
   * Asked before each message is claimed: true ends sendDue there (a signal stops `digest --send`), so the message in
   * flight is answered and recorded first, and none is left claimed by a process that is gone, to be sent again.
   */
  stopping?: () => boolean;
}

/** One message for one subscription, built now. */
export interface Outgoing {
  subscription: Subscription;
  digest: Digest;
  period: Period;
  digestId: number | null;
}

const PLACEHOLDER = 'https://unsubscribe.invalid/placeholder';

/** A rendered digest with this subscription's signed unsubscribe link in place of the stand-in. */
function addressed(mail: RenderedMail, subscriptionId: number, config: MailConfig, secret: string | null): RenderedMail & { unsubscribeUrl: string } {
  // A preview made before any message was recorded has no secret yet (and a stand-in recipient no subscription).
  const url = unsubscribeUrl(config.baseUrl, secret && subscriptionId ? signUnsubscribe(secret, subscriptionId) : 'esikatselu');
  return { subject: mail.subject, html: mail.html.replaceAll(PLACEHOLDER, url), text: mail.text.replaceAll(PLACEHOLDER, url), unsubscribeUrl: url };
}

/** Render a digest for a subscription, with its signed unsubscribe link. */
export function renderFor(o: Outgoing, config: MailConfig, secret: string | null, preview = false): RenderedMail & { unsubscribeUrl: string } {
  // Rendered (and its CSS inlined) once per digest; the recipient's own link goes in after.
  return addressed(renderDigest(o.digest, { baseUrl: config.baseUrl, unsubscribeUrl: PLACEHOLDER, preview }), o.subscription.id, config, secret);
}

/**
 * The personal subscriptions' digests due now (those whose frequency is given), one at a time from one read of the
 * data, so a caller holds only the ones it has not finished with.
 */
export function* personalDigests(env: DigestEnv, frequencies: Frequency[], now: Date, only?: string): Generator<Outgoing> {
  const subs = listSubscriptions(env.db, { active: true, email: only }).filter((s) => s.kind === 'personal' && frequencies.includes(s.every));
  const high = currentHighWater(env.db);
  const periods = subs.map((s) => periodAfter(s.covered, high, now, env.config.maxDays));
  const wide = widest(periods);
  if (!wide) return;
  const data = loadDigestData(env.db, wide, helsinkiDate(now));
  const index = indexItems(data.items);
  const names = { fi: env.sourceNames?.('fi'), sv: env.sourceNames?.('sv') };
  for (const [n, s] of subs.entries()) {
    const period = periods[n];
    const match = s.search ? env.searchMatch(s.search) : null;
    const searchHits = match ? searchItemIds(env.db, match, period) : undefined;
    const digest = buildDigest({
      data: sliceData({ ...data, items: candidateItems(data.items, index, s, searchHits) }, period), lang: s.lang,
      labels: env.labels[s.lang], periodStart: period.periodStart, periodEnd: period.periodEnd, follows: s, searchHits, sourceNames: names[s.lang],
    });
    yield { subscription: s, digest, period, digestId: null };
  }
}

/** The period of the next network digest: after the last one sent. */
function nextNetworkPeriod(db: Db, now: Date, maxDays: number): Period {
  const last = lastSentDigest(db);
  return periodAfter(last ? { itemId: last.toItemId, eventId: last.toEventId, at: last.builtAt } : null, currentHighWater(db), now, maxDays);
}

/** A stored draft's period: what it covered when it was built. */
function draftPeriod(d: StoredDigest, maxDays: number): Period {
  return {
    fromItemId: d.fromItemId, toItemId: d.toItemId, fromEventId: d.fromEventId, toEventId: d.toEventId,
    coveredAt: d.periodStart, reachBack: new Date(Date.parse(d.periodEnd) - maxDays * 86_400_000).toISOString(),
    periodStart: d.periodStart, periodEnd: d.periodEnd,
  };
}

/** The network digest in a language: a stored draft as edited, or (no draft) what a draft built now would hold. */
export function networkDigest(env: DigestEnv, draft: StoredDigest | undefined, lang: Lang, now: Date): { digest: Digest; period: Period } {
  const period = draft ? draftPeriod(draft, env.config.maxDays) : nextNetworkPeriod(env.db, now, env.config.maxDays);
  const built = buildDigest({
    // Sliced to its own range too: a press release's copy whose first item an earlier digest held is marked (see sliceData).
    data: sliceData(loadDigestData(env.db, period, helsinkiDate(now)), period), lang, labels: env.labels[lang],
    periodStart: period.periodStart, periodEnd: period.periodEnd, sourceNames: env.sourceNames?.(lang),
  });
  return { digest: draft ? applyDraft(built, listDraftEntries(env.db, draft.id), draft.intro, draft.introSv) : built, period };
}

/** The open draft, or a new one when something moved or arrived since the last digest; undefined when nothing did. */
export function ensureDraft(env: DigestEnv, now: Date): StoredDigest | undefined {
  const open = openDigest(env.db);
  if (open) return open;
  const { digest, period } = networkDigest(env, undefined, 'fi', now);
  if (digest.empty) return undefined;
  const id = insertDraft(env.db, {
    periodStart: period.periodStart, periodEnd: period.periodEnd, fromItemId: period.fromItemId, toItemId: period.toItemId,
    fromEventId: period.fromEventId, toEventId: period.toEventId, builtAt: period.periodEnd,
  }, draftEntries(digest));
  return openDigest(env.db) ?? (() => { throw new Error(`draft ${id} vanished`); })();
}

/** Everything that would be sent now, without writing anything (`digest --preview`). */
export function previewAll(env: DigestEnv, now: Date, to?: string): (Outgoing & { mail: RenderedMail })[] {
  const secret = existingUnsubscribeSecret(env.db);
  const draft = openDigest(env.db);
  const network = listSubscriptions(env.db, { active: true, email: to }).filter((s) => s.kind === 'network');
  const out: Outgoing[] = [...network.map((s) => ({ subscription: s, ...networkDigest(env, draft, s.lang, now), digestId: draft?.id ?? null })),
    ...personalDigests(env, ['immediately', 'daily', 'weekly'], now, to)];
  if (!out.length) {
    // Nobody subscribes (or not this address): show the network digest as it would look.
    const stand: Subscription = {
      id: 0, email: to ?? '(verkoston katsaus)', userId: null, kind: 'network', every: 'weekly', lang: 'fi', goals: [], sources: [],
      organisations: [], matters: [], search: null, createdAt: '', createdBy: '', unsubscribedAt: null, pausedAt: null, pauseReason: null, covered: null,
    };
    out.push({ subscription: stand, ...networkDigest(env, draft, 'fi', now), digestId: draft?.id ?? null });
  }
  return out.map((o) => ({ ...o, mail: renderFor(o, env.config, secret, true) }));
}

const messageId = () => `<${crypto.randomUUID()}@lakivahti>`;

/** How many subscribers' messages are recorded in one transaction. */
const RECORD_CHUNK = 100;

export interface PrepareReport {
  /** Messages recorded now for sending. */
  recorded: { email: string; subject: string }[];
  /** Personal subscriptions with nothing new (their watermark moved on). */
  nothingNew: number;
  /** The network draft waiting for approval, if any. */
  waiting: StoredDigest | null;
  /** Subscriptions whose stored address the address rule refuses: nothing recorded for them, their period kept. */
  refused: RefusedAddress[];
}

/**
 * A subscription whose address, stored before the address rule (parse/address.ts), is not one mailbox ("x@example.fi>",
 * "a@x.fi, b@x.fi"): the mailer would send to another address than the one stored and shown, so nothing is sent to it.
 */
export interface RefusedAddress {
  subscription: number;
  /** The account it belongs to (a subscription made on the web), or null. */
  userId: number | null;
  email: string;
}

const refusal = (s: Subscription): RefusedAddress => ({ subscription: s.id, userId: s.userId, email: s.email });

/** What is wrong and how to fix it, in Finnish for the person running the digest. */
export function describeRefusedAddress(r: RefusedAddress): string {
  return `tilauksen ${r.subscription}${r.userId !== null ? ` (käyttäjätunnuksen ${r.userId})` : ''} osoite ${JSON.stringify(r.email)} ei ole yksi ` +
    'sähköpostiosoite, joten sille ei lähetetä mitään. Korjaa: lakivahti subscriptions remove ' + `${r.subscription} ja tilaa uudelleen oikealla osoitteella ` +
    `(subscriptions add${r.userId !== null ? '; käyttäjätunnukselle: users disable ja users add oikealla osoitteella' : ''})`;
}

/**
 * Record the messages due now, each with its subscription's new watermark in the same transaction, so a process
 * killed at any point neither loses nor repeats a period. The network digest ('build': a draft is made when none is
 * open) is recorded once approved (`approveBy` approves it now; `config.autoApprove` sends a draft as it is).
 */
export function prepareDeliveries(env: DigestEnv, opts: { frequencies: Frequency[]; network: 'build' | 'approved' | false; approveBy?: string; now: Date }): PrepareReport {
  const { db } = env;
  const report: PrepareReport = { recorded: [], nothingNew: 0, waiting: null, refused: [] };
  const secret = unsubscribeSecret(db);
  const nowIso = opts.now.toISOString();
  // Recorded a chunk of subscribers at a time, one transaction each: few commits, and only a chunk's messages in memory.
  let chunk: { o: Outgoing; mail: RenderedMail | null }[] = [];
  const record = () => db.transaction(() => {
    for (const { o, mail } of chunk) {
      // Changed since it was read (another process recorded this period, or it was edited, ended or paused): leave it
      // for the next run, which builds it afresh.
      if (JSON.stringify(getSubscription(db, o.subscription.id)) !== JSON.stringify(o.subscription)) continue;
      if (mail) {
        recordDelivery(db, {
          subscriptionId: o.subscription.id, digestId: null, email: o.subscription.email, periodStart: o.period.periodStart,
          periodEnd: o.period.periodEnd, fromItemId: o.period.fromItemId, toItemId: o.period.toItemId, fromEventId: o.period.fromEventId,
          toEventId: o.period.toEventId, messageId: messageId(), subject: mail.subject, html: mail.html, text: mail.text, now: nowIso,
        });
        report.recorded.push({ email: o.subscription.email, subject: mail.subject });
      } else report.nothingNew++;
      advanceWatermark(db, o.subscription.id, { itemId: o.period.toItemId, eventId: o.period.toEventId, at: o.period.periodEnd });
    }
    chunk = [];
  }).immediate();
  for (const o of personalDigests(env, opts.frequencies, opts.now)) {
    // Its watermark stays: once the address is put right (a new subscription), nothing here is lost or repeated.
    if (!isMailAddress(o.subscription.email)) {
      report.refused.push(refusal(o.subscription));
      continue;
    }
    chunk.push({ o, mail: o.digest.empty ? null : renderFor(o, env.config, secret) });
    if (chunk.length === RECORD_CHUNK) record();
  }
  if (chunk.length) record();
  if (!opts.network) return report;
  // 'approved': send a draft approved since the weekly tick built it, but build none.
  const draft = opts.network === 'build' ? ensureDraft(env, opts.now) : openDigest(db);
  if (!draft) return report;
  if (draft.status === 'draft' && (opts.approveBy || env.config.autoApprove))
    approveDigest(db, draft.id, opts.approveBy ?? 'automaattinen hyväksyntä', nowIso);
  const current = openDigest(db)!;
  if (current.status !== 'approved') return { ...report, waiting: current };
  // Built and rendered once per language before the write lock; addressed to the recipients as they are when recorded.
  const byLang = new Map<Lang, { period: Period; mail: RenderedMail }>();
  const inLang = (lang: Lang) => {
    if (!byLang.has(lang)) {
      const { digest, period } = networkDigest(env, current, lang, opts.now);
      byLang.set(lang, { period, mail: renderDigest(digest, { baseUrl: env.config.baseUrl, unsubscribeUrl: PLACEHOLDER }) });
    }
    return byLang.get(lang)!;
  };
  const network = () => listSubscriptions(db, { active: true }).filter((s) => s.kind === 'network');
  const recipients = (from: Subscription[]) => from.filter((s) => isMailAddress(s.email));
  const before = network();
  report.refused.push(...before.filter((s) => !isMailAddress(s.email)).map(refusal));
  for (const s of recipients(before)) inLang(s.lang);
  db.transaction(() => {
    // Approval taken back (and perhaps edited and given again) since it was read: this run sends none of it.
    const still = getDigest(db, current.id);
    if (still?.status !== 'approved' || still.approvedAt !== current.approvedAt) {
      if (still?.status === 'draft') report.waiting = still;
      return;
    }
    for (const s of recipients(network())) {
      const { period, mail: shared } = inLang(s.lang);
      const mail = addressed(shared, s.id, env.config, secret);
      const added = recordDelivery(db, {
        subscriptionId: s.id, digestId: current.id, email: s.email, periodStart: period.periodStart,
        periodEnd: period.periodEnd, fromItemId: period.fromItemId, toItemId: period.toItemId, fromEventId: period.fromEventId,
        toEventId: period.toEventId, messageId: messageId(), subject: mail.subject, html: mail.html, text: mail.text, now: nowIso,
      });
      if (added) report.recorded.push({ email: s.email, subject: mail.subject });
      advanceWatermark(db, s.id, { itemId: period.toItemId, eventId: period.toEventId, at: period.periodEnd });
    }
    markDigestSent(db, current.id, nowIso);
  }).immediate();
  return report;
}

export interface SendResult {
  email: string;
  subject: string;
  ok: boolean;
  error?: string;
  /** When a failed one is tried again (null: given up, its subscription paused). */
  retryAt?: string | null;
  /** Not sent because its address is not one the rule takes (recorded before the rule): given up, nothing paused. */
  refused?: RefusedAddress;
  /** The connection was lost before the server answered: it may have the message (SendError.uncertain). */
  uncertain?: boolean;
}

/**
 * How long a claim on a message holds against other processes: past the longest a send can take (it was ten minutes,
 * as long as nodemailer waits for one answer, so a send still waiting for the answer to its data was taken over by
 * cron's or serve's next run and the mailbox got it twice). A process that died on this host is seen at once.
 */
const LEASE_MS = LONGEST_SEND_MS + 5 * 60_000;
/** How long a one-off run waits to record a message it sent (see DigestEnv.lockWaitMs). */
const SENT_RECORD_WAIT_MS = 60_000;

/**
 * Send every recorded message that is due, one at a time, each tried at most once in this call; `sent` hears of each
 * as it is done (a run stopped midway has said which went out).
 */
export async function sendDue(env: DigestEnv, transport: MailTransport, now: () => Date = () => new Date(), sent?: (r: SendResult) => void): Promise<SendResult[]> {
  const { db, config } = env;
  const claimer = identityText(thisProcess());
  let last = 0;
  const results: SendResult[] = [];
  // Each write waits for a lock another process holds without holding up the event loop (serve's pages): one that
  // failed after a message went out would leave it claimed, and sent again once the claim expired.
  const write = <T>(w: () => T, waitMs = env.lockWaitMs) => {
    const until = waitMs === undefined ? Infinity : Date.now() + waitMs;
    return whenWritable(w, { waiting: env.waiting, stopping: () => Date.now() >= until });
  };
  const secret = await write(() => unsubscribeSecret(db));
  for (;;) {
    if (env.stopping?.()) return results;
    const at = now();
    const d = await write(() => claimNextDelivery(db, claimer, at.toISOString(), new Date(at.getTime() + LEASE_MS).toISOString(), (by) => !hasEnded(parseIdentity(by)), last));
    if (!d) return results;
    last = d.id;
    const sub = getSubscription(db, d.subscriptionId);
    if (!sub || sub.unsubscribedAt || sub.pausedAt) {
      await write(() => markDeliveryPaused(db, d.id, sub?.pauseReason ?? 'tilaus peruttu'));
      continue;
    }
    // Recorded before the address rule: the mailer would read it as another address (or several).
    if (!isMailAddress(d.email)) {
      const refused = refusal({ ...sub, email: d.email });
      await write(() => markDeliveryFailed(db, d.id, describeRefusedAddress(refused), null));
      results.push({ email: d.email, subject: d.subject, ok: false, error: describeRefusedAddress(refused), retryAt: null, refused });
      sent?.(results.at(-1)!);
      continue;
    }
    // Once the server has taken the message, a failure to record it is said as that (it goes again next run), whatever
    // else fails after it: an error naming only the database hid that the recipient had it.
    let delivered = false;
    try {
      await transport.send({
        from: config.from, to: d.email, subject: d.subject, html: d.html, text: d.text, messageId: d.messageId,
        unsubscribeUrl: unsubscribeUrl(config.baseUrl, signUnsubscribe(secret, sub.id)), language: sub.lang,
      });
      delivered = true;
      await write(() => markDeliverySent(db, d.id, now().toISOString()), env.lockWaitMs === undefined ? undefined : Math.max(env.lockWaitMs, SENT_RECORD_WAIT_MS))
        .catch((err: unknown) => {
          const failed = writeFailure(err);
          const why = isBusy(err) ? `database is locked (by another process, for over ${SENT_RECORD_WAIT_MS / 1000} s)`
            : failed ? writeFailureText(failed, db.name) : (err as Error).message;
          throw Object.assign(new Error(`${d.email} was sent "${d.subject}", but it could not be recorded: ${why}; the next run sends it again`), { code: (err as { code?: string }).code });
        });
      results.push({ email: d.email, subject: d.subject, ok: true });
      sent?.(results.at(-1)!);
    } catch (err) {
      const e = err instanceof SendError ? err : new SendError((err as Error).message, false);
      const giveUp = e.permanent || d.attempts >= config.maxAttempts;
      const retryAt = giveUp ? null : new Date(now().getTime() + config.retrySeconds * 1000 * 4 ** (d.attempts - 1)).toISOString();
      await write(() => db.transaction(() => {
        markDeliveryFailed(db, d.id, e.message, retryAt);
        if (giveUp) pauseSubscription(db, sub.id, `${e.permanent ? 'pysyvä virhe' : `${d.attempts} epäonnistunutta yritystä`}: ${e.message}`, now().toISOString());
      })()).catch((again: unknown) => {
        throw delivered ? err : again;
      });
      results.push({ email: d.email, subject: d.subject, ok: false, error: e.message, retryAt, uncertain: e.uncertain });
      sent?.(results.at(-1)!);
    }
  }
}
