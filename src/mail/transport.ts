// The SMTP client (nodemailer): one message at a time over a pooled connection that is kept open for the whole run
// (close() ends it), with the SMTP reply code kept for deciding on retries.
import nodemailer from 'nodemailer';
import type { Lang } from '../model.js';
import { extraCa } from '../trust.js';

export interface OutgoingMail {
  from: string;
  to: string;
  subject: string;
  html: string;
  text: string;
  messageId: string;
  unsubscribeUrl: string;
  /** The message's language (its subscription's), sent as Content-Language (RFC 3282) for readers and filters. */
  language?: Lang;
}

export interface MailTransport {
  send(mail: OutgoingMail): Promise<void>;
  close(): void;
}

/**
 * A failed send: `permanent` for a 5xx reply to the recipient or the message (the address or message is refused), else
 * worth retrying (a server that refuses the connection, the login or the sender refuses every recipient alike); `uncertain`
 * when the connection was lost or timed out with no answer once it was made, so the server may have taken the message
 * (after the end of its data: RFC 1047), and the retry may bring it a second time (under the same Message-ID).
 */
export class SendError extends Error {
  constructor(message: string, readonly permanent: boolean, readonly uncertain = false) {
    super(message);
    this.name = 'SendError';
  }
}

/**
 * How long one message may wait on the server, nodemailer's own limits written out: connecting, the greeting, and any
 * one answer (RFC 5321 4.5.3.2 gives the answer to the end of the data ten minutes, a content filter's time).
 */
const TIMEOUTS = { connectionTimeout: 2 * 60_000, greetingTimeout: 30_000, socketTimeout: 10 * 60_000 };
/**
 * Longer than one message's send can take on a server that answers each step at the last moment: a claim on a message
 * must outlast it, or another process takes a message over that is still being sent and sends it again.
 */
export const LONGEST_SEND_MS = TIMEOUTS.connectionTimeout + TIMEOUTS.greetingTimeout + 2 * TIMEOUTS.socketTimeout;

/** A transport over SMTP_URL; a run reuses its connection instead of opening one per message. */
export function smtpTransport(url: string): MailTransport {
  const ca = extraCa();
  const t = nodemailer.createTransport({ url, pool: true, maxConnections: 2, ...TIMEOUTS, ...(ca ? { tls: { ca } } : {}) });
  return {
    async send(m) {
      try {
        await t.sendMail({
          from: m.from, to: m.to, subject: m.subject, html: m.html, text: m.text, messageId: m.messageId,
          // RFC 8058 one-click unsubscribe: the mail client POSTs to the link, no page or session needed.
          headers: {
            'List-Unsubscribe': `<${m.unsubscribeUrl}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
            ...(m.language ? { 'Content-Language': m.language } : {}),
          },
        });
      } catch (err) {
        const e = err as Error & { responseCode?: number; response?: string; code?: string; command?: string };
        const code = e.responseCode;
        const what = code ? `SMTP ${code}: ${(e.response ?? e.message).trim()}` : `${e.code ? `${e.code}: ` : ''}${e.message}`;
        // Connecting, or the greeting, failed: nothing was sent.
        const lost = code === undefined && ['ECONNECTION', 'ESOCKET', 'ETIMEDOUT'].includes(e.code ?? '')
          && !/^connect |Greeting never received|Connection timeout/.test(e.message);
        // A 5xx is the recipient's only when it refused the recipient or the message (RCPT TO, DATA): one refusing the
        // connection, the login or the sender (a greeting of 554, a wrong password's 535) refuses every message alike,
        // and paused every subscription it was asked to send to.
        const permanent = code !== undefined && code >= 500 && code < 600 && (e.command === 'RCPT TO' || e.command === 'DATA');
        throw new SendError(what, permanent, lost);
      }
    },
    close: () => t.close(),
  };
}
