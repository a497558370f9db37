// Which 5xx refusals are the subscriber's: a refused recipient or message pauses the subscription (SendError.permanent),
// but a server that refuses the connection, the login or the sender refuses every message alike: an SMTP server that
// greeted with "554 go away" or a wrong SMTP_URL password (535) paused every subscription it was asked to send to.
import { afterEach, expect, it } from 'vitest';
import net from 'node:net';
import { SendError, smtpTransport } from '../../src/mail/transport.js';

/** A scripted SMTP server on 127.0.0.1: `answer` gives the reply to each command (the greeting is asked for as CONN). */
async function scripted(answer: (command: string) => string): Promise<{ url: string; close(): Promise<void> }> {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
    s.on('error', () => undefined);
    let inData = false;
    let buffered = '';
    s.write(`${answer('CONN')}\r\n`);
    s.on('data', (chunk) => {
      buffered += chunk.toString('latin1');
      let at: number;
      while ((at = buffered.indexOf('\r\n')) >= 0) {
        const line = buffered.slice(0, at);
        buffered = buffered.slice(at + 2);
        if (inData) {
          if (line === '.') (inData = false), s.write(`${answer('END')}\r\n`);
          continue;
        }
        const command = line.toUpperCase().startsWith('MAIL FROM') ? 'MAIL FROM' : line.toUpperCase().startsWith('RCPT TO') ? 'RCPT TO' : line.split(' ')[0].toUpperCase();
        const reply = answer(command);
        if (command === 'DATA' && reply.startsWith('354')) inData = true;
        if (command === 'QUIT') s.end(`${reply}\r\n`);
        else s.write(`${reply}\r\n`);
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  return {
    url: `smtp://user:secret@127.0.0.1:${port}`,
    close: () => new Promise((resolve) => {
      for (const s of sockets) s.destroy();
      server.close(() => resolve());
    }),
  };
}

/** Answers as a server that takes everything, except `refused`'s command. */
const taking = (refused: string, reply: string) => (command: string): string => {
  if (command === refused) return reply;
  switch (command) {
    case 'CONN': return '220 test ESMTP';
    case 'EHLO': return '250-test\r\n250 AUTH PLAIN LOGIN';
    case 'AUTH': return '235 ok';
    case 'DATA': return '354 go on';
    case 'QUIT': return '221 bye';
    default: return '250 ok';
  }
};

let closing: (() => Promise<void>) | null = null;
afterEach(async () => {
  await closing?.();
  closing = null;
});

/** The SendError one message's send fails with. */
async function failure(refused: string, reply: string): Promise<SendError> {
  const server = await scripted(taking(refused, reply));
  closing = server.close;
  const transport = smtpTransport(server.url);
  try {
    await transport.send({ from: 'lakivahti@example.fi', to: 'a@example.fi', subject: 's', html: '<p>x</p>', text: 'x', messageId: '<m1@example.fi>', unsubscribeUrl: 'https://example.fi/u' });
  } catch (err) {
    return err as SendError;
  } finally {
    transport.close();
  }
  throw new Error('the message was sent');
}

it.each([
  ['the greeting', 'CONN', '554 5.7.1 no service for you'],
  ['the login', 'AUTH', '535 5.7.8 authentication failed'],
  ['the sender', 'MAIL FROM', '553 5.7.1 sender not allowed'],
])('a server refusing %s (5xx) is not a refusal of the recipient: retried, the subscription kept', async (_what, command, reply) => {
  const e = await failure(command, reply);
  expect(e).toBeInstanceOf(SendError);
  expect(e.message).toContain(reply.slice(0, 3));
  expect(e.permanent).toBe(false);
}, 60_000);

it.each([
  ['the recipient', 'RCPT TO', '550 5.1.1 no such user'],
  ['the message', 'END', '554 5.6.0 message refused'],
])('a server refusing %s (5xx) refuses it for good', async (_what, command, reply) => {
  const e = await failure(command, reply);
  expect(e.message).toContain(reply.slice(0, 3));
  expect(e.permanent).toBe(true);
}, 60_000);
