// `lakivahti digest --preview [--to EMAIL] [--out DIR]` | `digest --send [--approve]`: the digest by e-mail.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { closeContext, openContext } from '../app/context.js';
import { notAnAddress } from '../parse/address.js';
import { mailConfig } from '../mail/config.js';
import { digestEnv } from '../mail/env.js';
import { describeRefusedAddress, prepareDeliveries, previewAll, sendDue } from '../mail/deliver.js';
import { smtpTransport } from '../mail/transport.js';
import { fiDateTime } from '../app/format.js';
import { makeFolder, utf8Path } from '../paths.js';
import { fileKind, onStopSignal, parseCommand, Refused, signalStatus, UsageError, writeLine } from './args.js';
import { note } from '../stderr-line.js';
import type { Digest } from '../digest/build.js';

export { usage } from './digest-usage.js';

export async function run(args: string[]): Promise<number> {
  const { values } = parseCommand(args, {
    preview: { type: 'boolean' }, send: { type: 'boolean' }, approve: { type: 'boolean' }, to: { type: 'string' }, out: { type: 'string' },
    force: { type: 'boolean' },
  });
  if (!!values.preview === !!values.send) throw new UsageError('give either --preview or --send');
  if (values.send && (values.to !== undefined || values.out !== undefined)) throw new UsageError('--to and --out go with --preview');
  if (values.preview && values.approve) throw new UsageError('--approve goes with --send');
  if (values.force && values.out === undefined) throw new UsageError('--force goes with --out');
  // An empty --out (a script's unset variable) printed every message to standard output instead.
  if (values.out?.trim() === '') throw new UsageError('--out is empty: name a folder, or leave it out to print');
  if (values.out !== undefined) utf8Path(values.out, '--out');
  // Not an address at all (a typo, a name): refused rather than shown the network digest as nobody's.
  const notTo = values.to === undefined ? null : notAnAddress(values.to);
  if (notTo !== null) throw new UsageError(`--to ${notTo}`);
  let config;
  try {
    config = mailConfig();
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  return values.preview ? preview(values, config) : send(values, config);
}

/** What a previewed message holds, in its language: "4 uutta, 1 muutos", "1 ny, 0 ändringar", "ei mitään uutta". */
function countsNote(d: Digest): string {
  if (d.empty) return d.lang === 'sv' ? 'inget nytt' : 'ei mitään uutta';
  const items = d.groups.reduce((s, g) => s + g.items.length + g.more, 0);
  const moved = d.moved.length;
  return d.lang === 'sv'
    ? `${items} ${items === 1 ? 'ny' : 'nya'}, ${moved} ${moved === 1 ? 'ändring' : 'ändringar'}`
    : `${items} ${items === 1 ? 'uusi' : 'uutta'}, ${moved} ${moved === 1 ? 'muutos' : 'muutosta'}`;
}

/** --out's folder, made when missing; anything else in its place, or a place no folder can be made, is named. */
function outFolder(dir: string): void {
  try {
    makeFolder(dir);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new UsageError(`--out ${dir}: ${code === 'EEXIST' ? 'a file by that name exists; give a folder' : `cannot make the folder (${code})`}`);
  }
}

/** Refuse the files a preview would write into `dir` that are there already, unless `force`, and never a link, pipe or
 * device (a pipe held the preview for ever; a link's file would be written through). */
function refuseKeptFiles(dir: string, names: string[], force: boolean): void {
  const there = names.map((name) => ({ name, stat: fs.lstatSync(path.join(dir, name), { throwIfNoEntry: false }) })).filter((f) => f.stat);
  const odd = there.find((f) => !f.stat!.isFile());
  if (odd) throw new Refused(`--out ${dir}: ${odd.name} is not a plain file (${fileKind(odd.stat!)}); remove it or choose another folder`);
  if (there.length && !force)
    throw new Refused(`--out ${dir}: ${there[0].name}${there.length > 1 ? ` and ${there.length - 1} more of this preview's files are` : ' is'} there already; choose another folder, or add --force to write over them`);
}

async function preview(values: { to?: string; out?: string; force?: boolean; db?: string; feeds?: string }, config: ReturnType<typeof mailConfig>): Promise<number> {
  if (values.out) outFolder(values.out);
  const ctx = openContext(values, { access: 'read' });
  try {
    const messages = previewAll(digestEnv(ctx, config), new Date(), values.to);
    // ASCII only, and at most 200 of it: a name holds 255 bytes, and an address may be longer (a domain of 253). The
    // number keeps two names apart.
    const names = messages.map((m, n) => `${String(n + 1).padStart(3, '0')}-${m.subscription.email.replace(/[^A-Za-z0-9@._-]+/g, '_').slice(0, 200)}`);
    if (values.out) refuseKeptFiles(values.out, names.flatMap((name) => [`${name}.html`, `${name}.txt`]), !!values.force);
    // Nobody (or not this address) subscribes: what follows is the network digest as it would look, not theirs.
    if (messages.length === 1 && messages[0].subscription.id === 0)
      note(`${values.to ?? 'nobody'} ${values.to ? 'has no active subscription' : 'subscribes'}; showing the network digest as it would look`, { lines: true });
    for (const [n, m] of messages.entries()) {
      const who = m.subscription.email;
      const note = countsNote(m.digest);
      if (values.out) {
        const base = path.join(values.out, names[n]);
        // Without --force, a file made meanwhile is not written over either ('wx').
        const flag = values.force ? 'w' : 'wx';
        fs.writeFileSync(`${base}.html`, m.mail.html, { flag });
        fs.writeFileSync(`${base}.txt`, m.mail.text, { flag });
        if (!(await writeLine(`${who}: ${m.mail.subject} (${note}) → ${base}.html, ${base}.txt`))) break;
      } else if (!(await writeLine(`===== ${who}: ${m.mail.subject} (${note})\n\n${m.mail.text}\n----- HTML\n${m.mail.html}\n`))) break;
    }
    return 0;
  } finally {
    await closeContext(ctx);
  }
}

async function send(values: { approve?: boolean; db?: string; feeds?: string }, config: ReturnType<typeof mailConfig>): Promise<number> {
  if (!config.smtpUrl) throw new Refused('SMTP_URL is not set: nothing was sent or recorded (set e.g. SMTP_URL=smtp://mail.example.fi:587)', 1);
  const ctx = openContext(values, { access: 'change' });
  const transport = smtpTransport(config.smtpUrl);
  let stoppedBy: NodeJS.Signals | null = null;
  let unlisten: (() => void) | undefined;
  try {
    // Another process's lock is waited for as review and crawl wait (SQLite's 5 s), then exit 1 naming it; cron's
    // next run goes on. Before, each write of the sending waited until the lock was free, however long.
    const env = { ...digestEnv(ctx, config), lockWaitMs: 0 };
    // A signal (cron's timeout, a shutdown, a closed terminal) stops the run once the message in flight is answered and
    // recorded: killed there, it was left claimed by a process that was gone, and the next run sent it again. One that
    // comes while the messages due are recorded (one stretch of work, which hears of it only when done) stops the run
    // before it sends any, saying so: it died without a word. A second signal ends at once.
    unlisten = onStopSignal((signal) => void (stoppedBy = signal));
    const report = prepareDeliveries(env, {
      frequencies: ['immediately', 'daily', 'weekly'], network: 'build', now: new Date(),
      approveBy: values.approve ? `cli:${os.userInfo().username}` : undefined,
    });
    for (const r of report.refused) note(`${describeRefusedAddress(r)}`, { lines: true });
    if (report.waiting)
      process.stdout.write(`verkoston katsaus ${report.waiting.id} odottaa hyväksyntää (hyväksy verkkonäkymässä tai: lakivahti digest --send --approve)\n`);
    // A signal that came meanwhile is heard once the event loop polls again: the first turn may end the poll phase the
    // preparation ran in (its signal not yet read), the second passes a poll.
    for (let turn = 0; turn < 2; turn++) await new Promise((resolve) => setImmediate(resolve));
    if (stoppedBy) {
      note(`${stoppedBy}: stopped once the messages due were recorded (${report.recorded.length} recorded now), before sending any; the next run sends them`, { lines: true });
      return signalStatus(stoppedBy);
    }
    // Each line as its message is done: a run killed midway (cron's timeout, a shutdown) has said which went out.
    const results = await sendDue({ ...env, stopping: () => stoppedBy !== null }, transport, undefined, (r) =>
      process.stdout.write(r.ok ? `lähetetty: ${r.email}: ${r.subject}\n`
        : r.refused ? `OHITETTU: ${r.error}\n`
        : `EPÄONNISTUI: ${r.email}: ${r.error} (${r.retryAt ? `uusi yritys ${fiDateTime(r.retryAt)} jälkeen` : 'luovuttiin; tilaus keskeytetty'}${r.uncertain
          ? `; palvelin saattoi ottaa viestin vastaan, joten se voi tulla perille ${r.retryAt ? 'kahdesti, samalla Message-ID:llä' : 'silti'}` : ''})\n`));
    if (stoppedBy) {
      note(`${stoppedBy}: stopped after the message in flight was answered and recorded; the rest are left for the next run`, { lines: true });
      return signalStatus(stoppedBy);
    }
    if (!results.length) process.stdout.write('ei lähetettävää\n');
    return results.every((r) => r.ok) && !report.refused.length ? 0 : 1;
  } finally {
    unlisten?.();
    transport.close();
    await closeContext(ctx);
  }
}
