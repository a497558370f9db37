// The digest's settings from the environment, checked once, with a clear error naming the variable.
import { scheduleProblem } from '../config/schedule.js';
import { senderAddress } from '../parse/address.js';
import { envFlag, envWhole } from '../env-flag.js';
export interface MailConfig {
  /** SMTP_URL (smtp://user:pass@host:587, smtps://…); null: nothing is sent. */
  smtpUrl: string | null;
  /** LAKIVAHTI_MAIL_FROM: the sender. */
  from: string;
  /** LAKIVAHTI_BASE_URL: the web view's address for links in messages. */
  baseUrl: string;
  /** LAKIVAHTI_DIGEST_MAX_DAYS: how far back a first or late digest reaches. */
  maxDays: number;
  /** LAKIVAHTI_MAIL_RETRY_SECONDS: the first retry's delay; each later one waits four times longer. */
  retrySeconds: number;
  /** LAKIVAHTI_MAIL_MAX_ATTEMPTS: attempts before a delivery is given up and its subscription paused. */
  maxAttempts: number;
  /** LAKIVAHTI_DIGEST_AUTO_APPROVE=1: the network digest goes out at its time even if nobody approved the draft. */
  autoApprove: boolean;
  /** node-cron expressions (Helsinki time) of the weekly, daily and immediate ticks. */
  cron: { weekly: string; daily: string; immediately: string };
}

/**
 * Whether SMTP_URL is an address the mailer reads as written: smtp or smtps, a host, a port up to 65535, no path (a
 * query is nodemailer's options, `?tls.rejectUnauthorized=false`). What the mailer's url.parse could not read failed
 * as a bare "Invalid URL" and node's warning printed the whole address, password and all; a space, path or port past
 * 65535 was taken and failed only when something was due.
 */
function smtpAddress(raw: string): boolean {
  if (/\s/.test(raw) || !/^smtps?:\/\//i.test(raw) || !URL.canParse(raw)) return false;
  const url = new URL(raw);
  // The authority as typed, not as URL mends it: a raw / @ or unclosed [ there is read differently by url.parse.
  const authority = raw.slice(raw.indexOf('//') + 2).replace(/[?#].*$/s, '').replace(/\/$/, '');
  return url.hostname !== '' && (url.pathname === '' || url.pathname === '/') && !url.hash && !authority.includes('/')
    && authority.split('@').length <= 2;
}

/**
 * SMTP_URL as a message may quote it: its password, everything between the user's colon and the last @, left out. Read
 * as text, not as a URL: it is quoted because it is malformed. Not the sources page's (web/routes/sources.ts), which
 * links a parsed address with its user name left out too.
 */
const withoutPassword = (raw: string): string => raw.replace(/^([a-z]+:\/\/[^:@/]*:).*@/is, '$1…@');

/** LAKIVAHTI_BASE_URL without a trailing slash, or undefined when unset; throws naming it when malformed. */
export function configuredBaseUrl(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const baseUrl = env.LAKIVAHTI_BASE_URL?.trim();
  if (!baseUrl) return undefined;
  // The whole value, not its start: a space or line break after the host went into every link of every message and
  // into List-Unsubscribe; a query or fragment would take the paths appended to it.
  if (!/^https?:\/\/[^\s/?#<>"]+(?:\/[^\s?#<>"]*)?$/.test(baseUrl) || !URL.canParse(baseUrl))
    throw new Error(`LAKIVAHTI_BASE_URL must be an http(s) address with no spaces, query or fragment, not ${JSON.stringify(baseUrl)}`);
  return baseUrl.replace(/\/+$/, '');
}

/** Where the messages' links lead outside serve: LAKIVAHTI_BASE_URL, else this machine at PORT. */
function envBaseUrl(env: NodeJS.ProcessEnv): string {
  const port = env.PORT || '3000';
  // Without a base address the links use PORT: a malformed one was reported as a malformed LAKIVAHTI_BASE_URL, which
  // nobody had set.
  if (!env.LAKIVAHTI_BASE_URL?.trim() && !(/^\d{1,5}$/.test(port) && +port >= 1 && +port <= 65535))
    throw new Error(`PORT must be a port number (1–65535), not ${JSON.stringify(port)}: the links in messages use it while LAKIVAHTI_BASE_URL is unset`);
  return configuredBaseUrl(env) ?? `http://127.0.0.1:${port}`;
}

/**
 * Read the mail settings; throws naming the variable when one is malformed. `baseUrl`: where the links lead as serve
 * decided it at start (src/app/serve.ts); read from the environment when absent.
 */
export function mailConfig(env: NodeJS.ProcessEnv = process.env, baseUrl?: string): MailConfig {
  const smtpUrl = env.SMTP_URL?.trim() || null;
  if (smtpUrl && !smtpAddress(smtpUrl))
    throw new Error(`SMTP_URL must look like smtp://user:password@host:587 or smtps://host:465 (a password's / : @ % or space written %2F %3A %40 %25 %20), not "${withoutPassword(smtpUrl)}"`);
  baseUrl ??= envBaseUrl(env);
  const from = env.LAKIVAHTI_MAIL_FROM?.trim() || 'Lakivahti <lakivahti@localhost>';
  if (!senderAddress(from))
    throw new Error(`LAKIVAHTI_MAIL_FROM must be one address, as lakivahti@example.fi or "Lakivahti <lakivahti@example.fi>", not ${JSON.stringify(from)}`);
  return {
    smtpUrl, baseUrl, from,
    maxDays: envWhole(env, 'LAKIVAHTI_DIGEST_MAX_DAYS', 14, 1, 366),
    retrySeconds: envWhole(env, 'LAKIVAHTI_MAIL_RETRY_SECONDS', 300, 0, 86_400),
    maxAttempts: envWhole(env, 'LAKIVAHTI_MAIL_MAX_ATTEMPTS', 5, 1, 50),
    autoApprove: envFlag(env, 'LAKIVAHTI_DIGEST_AUTO_APPROVE'),
    cron: {
      weekly: schedule(env, 'LAKIVAHTI_DIGEST_WEEKLY', '0 8 * * 1'),
      daily: schedule(env, 'LAKIVAHTI_DIGEST_DAILY', '0 7 * * *'),
      immediately: schedule(env, 'LAKIVAHTI_DIGEST_IMMEDIATE', '*/10 * * * *'),
    },
  };
}

/** A node-cron expression checked as a source's schedule is (a malformed one had stopped serve after it listened). */
function schedule(env: NodeJS.ProcessEnv, name: string, fallback: string): string {
  const value = env[name]?.trim() || fallback;
  const problem = scheduleProblem(value);
  if (problem) throw new Error(`${name}: ${problem}`);
  return value;
}
