// A real SMTP server on 127.0.0.1 (smtp-server) that keeps what arrived, parsed by mailparser, and can refuse or hold.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { SMTPServer } from 'smtp-server';
import { simpleParser, type ParsedMail } from 'mailparser';

export interface Received {
  /** RCPT TO addresses of the envelope. */
  to: string[];
  mail: ParsedMail;
  raw: string;
  /** The SMTP session (connection) it came over. */
  session: string;
}

export interface TestSmtp {
  url: string;
  port: number;
  received: Received[];
  /** Refuse the next `count` messages after DATA with this reply code (451: try later; 550: refused). */
  refuseData(code: number, count?: number): void;
  /** Refuse this recipient at RCPT TO with this code, every time. */
  refuseRecipient(address: string, code: number): void;
  /**
   * Take the next `count` messages (they count as received: the server has them) and drop the connection before
   * answering, as a server that crashes or a link that fails after the end of the data does.
   */
  dropAfterData(count?: number): void;
  /** Hold messages after the first `after` accepted ones: DATA is read but never answered. */
  holdAfter(after: number): void;
  /** Resolves when `n` messages have arrived (or a message is being held, for `held`). */
  waitFor(n: number, timeoutMs?: number): Promise<void>;
  held(): number;
  /** Answer the held messages: accepted, or refused with this reply code; later ones are not held. */
  release(code?: number): void;
  close(): Promise<void>;
}

const failure = (code: number, text: string) => Object.assign(new Error(text), { responseCode: code });

/** Start a server on a free port of 127.0.0.1. */
export async function startSmtp(): Promise<TestSmtp> {
  const received: Received[] = [];
  let refuse: { code: number; count: number } | null = null;
  const refusedRcpt = new Map<string, number>();
  let holdFrom = Infinity;
  let drop = 0;
  let holding = 0;
  const heldAnswers: ((code?: number) => void)[] = [];
  const waiters: (() => void)[] = [];
  const notify = () => waiters.splice(0).forEach((w) => w());
  const server = new SMTPServer({
    authOptional: true, closeTimeout: 200, disabledCommands: ['STARTTLS', 'AUTH'], logger: false, banner: 'lakivahti test',
    onRcptTo(address, _session, cb) {
      const code = refusedRcpt.get(address.address.toLowerCase());
      cb(code ? failure(code, `${address.address}: no such mailbox`) : null);
    },
    onData(stream, session, cb) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        if (refuse && refuse.count > 0) {
          refuse.count--;
          return cb(failure(refuse.code, refuse.code < 500 ? 'Try again later' : 'Message refused'));
        }
        const raw = Buffer.concat(chunks).toString('utf8');
        if (drop > 0) {
          drop--;
          return void simpleParser(raw).then((mail) => {
            received.push({ to: session.envelope.rcptTo.map((r) => r.address), mail, raw, session: session.id });
            const conn = [...(server as unknown as { connections: Set<{ id: string; _socket: { destroy(): void } }> }).connections].find((c) => c.id === session.id);
            conn?._socket.destroy();
            notify();
          });
        }
        const accept = () => void simpleParser(raw).then((mail) => {
          received.push({ to: session.envelope.rcptTo.map((r) => r.address), mail, raw, session: session.id });
          cb(null);
          notify();
        }, cb);
        if (received.length >= holdFrom) {
          holding++;
          heldAnswers.push((code) => (holding--, code ? cb(failure(code, code < 500 ? 'Try again later' : 'Message refused')) : accept()));
          notify();
          return; // not answered until released: the client waits until then, or until it is killed
        }
        accept();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const port = (server.server.address() as { port: number }).port;
  return {
    url: `smtp://127.0.0.1:${port}`, port, received,
    refuseData: (code, count = 1) => void (refuse = { code, count }),
    dropAfterData: (count = 1) => void (drop = count),
    refuseRecipient: (address, code) => void refusedRcpt.set(address.toLowerCase(), code),
    holdAfter: (after) => void (holdFrom = after),
    held: () => holding,
    release: (code) => {
      holdFrom = Infinity;
      for (const answer of heldAnswers.splice(0)) answer(code);
    },
    waitFor: (n, timeoutMs = 30_000) => new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`only ${received.length} messages arrived (wanted ${n})`)), timeoutMs);
      const check = () => (received.length + holding >= n ? (clearTimeout(timer), resolve()) : waiters.push(check));
      check();
    }),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/**
 * For the tests of one file: a scratch folder `lakivahti-NAME-…` and an SMTP server, made before them (the fields set
 * then) and gone after them.
 */
export function smtpForTests(name: string): { dir: string; smtp: TestSmtp } {
  const scratch = {} as { dir: string; smtp: TestSmtp };
  beforeAll(async () => {
    scratch.dir = fs.mkdtempSync(path.join(os.tmpdir(), `lakivahti-${name}-`));
    scratch.smtp = await startSmtp();
  });
  afterAll(async () => {
    await scratch.smtp?.close();
    if (scratch.dir) fs.rmSync(scratch.dir, { recursive: true, force: true });
  });
  return scratch;
}
