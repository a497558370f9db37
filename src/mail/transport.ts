// The SMTP client (nodemailer): one message at a time over a pooled connection that is kept open for the whole run
// (close() ends it), with the SMTP reply code kept for deciding on retries.
import nodemailer from 'nodemailer';
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
  language?: 'fi' | 'sv';
}

export interface MailTransport {
  send(mail: OutgoingMail): Promise<void>;
  close(): void;
}

/** A failed send: `permanent` for a 5xx reply (the address or message is refused), else worth retrying. */
export class SendError extends Error {
  constructor(message: string, readonly permanent: boolean) {
    super(message);
    this.name = 'SendError';
  }
}

/** A transport over SMTP_URL; a run reuses its connection instead of opening one per message. */
export function smtpTransport(url: string): MailTransport {
  const ca = extraCa();
  const t = nodemailer.createTransport({ url, pool: true, maxConnections: 2, ...(ca ? { tls: { ca } } : {}) });
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
        const e = err as Error & { responseCode?: number; response?: string; code?: string };
        const code = e.responseCode;
        const what = code ? `SMTP ${code}: ${(e.response ?? e.message).trim()}` : `${e.code ? `${e.code}: ` : ''}${e.message}`;
        throw new SendError(what, code !== undefined && code >= 500 && code < 600);
      }
    },
    close: () => t.close(),
  };
}
