// The digest's scheduled ticks: weekly (the network draft and weekly subscriptions), daily, and immediately (which
// also sends approved drafts and due retries).
import type { AppContext } from '../app/context.js';
import type { Frequency } from '../store/subscriptions.js';
import { mailConfig, type MailConfig } from './config.js';
import { whenWritable } from '../store/db.js';

export interface DigestJobs {
  cron: MailConfig['cron'];
  /** One tick's work; `stopping`: the process is shutting down (a wait for another process's lock ends). */
  run(tick: Frequency, stopping?: () => boolean): Promise<void>;
}

type Log = (fields: Record<string, unknown>) => void;

/**
 * The digest's jobs over a context, their messages linking under `baseUrl` (serve's); null (with the reason logged) when
 * the mail settings are malformed.
 */
export function digestJobs(ctx: Pick<AppContext, 'db' | 'tagStage' | 'feedsDir'>, log: Log, env: NodeJS.ProcessEnv = process.env, baseUrl?: string): DigestJobs | null {
  let config: MailConfig;
  try {
    config = mailConfig(env, baseUrl);
  } catch (err) {
    log({ event: 'digest_disabled', reason: (err as Error).message });
    return null;
  }
  return {
    cron: config.cron,
    async run(tick, stopping) {
      if (!config.smtpUrl) return log({ event: 'digest_skipped', tick, reason: 'SMTP_URL is not set' });
      // Loaded at the first tick that sends: serving pages never pays for the mail code (nodemailer, juice).
      const [{ digestEnv }, { describeRefusedAddress, prepareDeliveries, sendDue }, { smtpTransport }] = await Promise.all([
        import('./env.js'), import('./deliver.js'), import('./transport.js')]);
      // Serve's jobs write through a connection that does not wait for another process's lock: the wait is here,
      // with pages still answered, and the log says so.
      const waiting = () => log({ event: 'job_waiting_for_lock', job: `digest:${tick}` });
      const digest = { ...digestEnv(ctx, config), waiting };
      const report = await whenWritable(() => prepareDeliveries(digest, { frequencies: [tick], network: tick === 'weekly' ? 'build' : 'approved', now: new Date() }), { waiting, stopping });
      for (const r of report.refused) log({ event: 'digest_address_refused', subscription: r.subscription, user: r.userId, email: r.email, fix: describeRefusedAddress(r) });
      if (report.waiting) log({ event: 'digest_waiting_approval', digest_id: report.waiting.id });
      const transport = smtpTransport(config.smtpUrl);
      try {
        const results = await sendDue(digest, transport);
        log({ event: 'digest_sent', tick, recorded: report.recorded.length, sent: results.filter((r) => r.ok).length,
          failed: results.filter((r) => !r.ok).map((r) => ({ email: r.email, error: r.error, retry_at: r.retryAt ?? null, ...(r.uncertain ? { may_have_arrived: true } : {}) })) });
      } finally {
        transport.close();
      }
    },
  };
}
