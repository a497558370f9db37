// The digest at scale: 1,000 subscribers over 100,000 items and 5,000 matters (`npm run bench:digest`). Prints the
// time to build every digest, to render them, the peak memory, and the send rate against a local SMTP server.
// Nothing is asserted; targets: building under 10 s, peak memory under 300 MB.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SMTPServer } from 'smtp-server';
import { openDb, saveRun, syncSources, saveBoardEntry } from '../src/store/index.js';
import { advanceWatermark, insertSubscription, type Frequency } from '../src/store/subscriptions.js';
import { contentHash } from '../src/normalize/key.js';
import { mailConfig } from '../src/mail/config.js';
import { digestEnv } from '../src/mail/env.js';
import { networkDigest, personalDigests, prepareDeliveries, renderFor, sendDue } from '../src/mail/deliver.js';
import { smtpTransport } from '../src/mail/transport.js';
import { defaultFeedsDir } from '../src/paths.js';
import type { SourceDef, TaggedItem } from '../src/model.js';

const ITEMS = Number(process.env.BENCH_ITEMS ?? 100_000);
const MATTERS = 5_000;
const SUBSCRIBERS = Number(process.env.BENCH_SUBSCRIBERS ?? 1_000);
const SOURCES = ['lausunto', 'eduskunta', 'sm', 'stm'];
const GOALS = ['services', 'welfare-reform', 'internal-security'];
const ORGS = ['Sisäministeriö', 'Sosiaali- ja terveysministeriö', 'Valtiovarainministeriö', 'Oikeusministeriö', 'Eduskunta'];
const WORDS = ['pelastuslaitos', 'hyvinvointialue', 'valmiuslaki', 'sisäinen turvallisuus', 'rahoitus', 'ensihoito', 'varautuminen'];
const DAY = 86_400_000;
const now = new Date();
const yearAgo = now.getTime() - 365 * DAY;

let peak = 0;
const sample = () => (peak = Math.max(peak, process.memoryUsage().rss));
const sampler = setInterval(sample, 20);

function item(source: string, n: number): TaggedItem {
  const relevant = n % 5 < 2;
  const goal = GOALS[n % 3];
  const word = WORDS[n % WORDS.length];
  // Every tenth item names a matter: its own identifier (n % 20 === 0) or one it is about (n % 20 === 10).
  const matter = Math.floor(n / 20) % MATTERS;
  const i: Omit<TaggedItem, 'hash'> = {
    sourceId: source, key: `k${n}`, guid: `g${n}`, url: `https://example.fi/${source}/${n}`,
    title: `${word} ${n}: hallituksen esitys ja lausuntopyyntö`, summary: `Asia VN/${matter}/2026 etenee.`, contentHtml: '',
    published: new Date(yearAgo + (n / ITEMS) * 365 * DAY).toISOString(), updated: null,
    // One in a thousand is an open statement round, due in the coming weeks.
    deadline: n % 1000 === 0 ? new Date(now.getTime() + ((n % 40) + 1) * DAY).toISOString().slice(0, 10) : null,
    language: n % 9 === 0 ? 'sv' : 'fi', organisation: ORGS[n % ORGS.length],
    kind: n % 1000 === 0 ? 'statement-request' : 'press-release', stage: null, consultation: null,
    identifiers: n % 10 ? [] : [{ type: 'diary', value: `VN/${matter}/2026`, role: n % 20 === 0 ? 'self' : 'about' }],
    searchTerms: `${word} hallitus`,
    tags: {
      relevant, goals: relevant ? [{ goal, score: 4 }] : [], primary: relevant ? goal : null, scores: { [goal]: relevant ? 4 : 0.5 },
      evidence: relevant ? [{ rule: 'term', term: word, field: 'title', match: word, goals: { [goal]: 3 } }] : [],
      joint: relevant && n % 1000 === 0, jointReason: '', taxonomyVersion: 'bench',
    },
  };
  return { ...i, hash: contentHash(i) };
}

const ms = (t: number) => `${Math.round(performance.now() - t)} ms`;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lakivahti-bench-digest-'));
const db = openDb(path.join(dir, 'db.sqlite'), { synchronous: 'NORMAL' });
const smtp = new SMTPServer({
  authOptional: true, disabledCommands: ['STARTTLS', 'AUTH'], logger: false,
  onData(stream, _s, cb) {
    stream.on('data', () => undefined);
    stream.on('end', () => cb(null));
  },
});
try {
  let t = performance.now();
  syncSources(db, SOURCES.map((id) => ({ id, name: id, url: `https://example.fi/${id}` }) as SourceDef));
  for (let from = 0; from < ITEMS; from += 5_000) {
    const source = SOURCES[(from / 5_000) % SOURCES.length];
    const at = new Date().toISOString();
    saveRun(db, {
      run: { sourceId: source, startedAt: at, finishedAt: at, status: 'ok', found: 5_000, created: 0, updated: 0, error: null, notes: [] },
      items: Array.from({ length: 5_000 }, (_, k) => item(source, from + k)), nextRunAt: null,
    });
  }
  // Later runs move matters: half of them get a government proposal (a stage change), the open rounds' deadlines move.
  const at = new Date().toISOString();
  const run = (source: string, items: TaggedItem[]) => saveRun(db, {
    run: { sourceId: source, startedAt: at, finishedAt: at, status: 'ok', found: items.length, created: 0, updated: 0, error: null, notes: [] }, items, nextRunAt: null,
  });
  run('eduskunta', Array.from({ length: MATTERS / 2 }, (_, k) => {
    const i: Omit<TaggedItem, 'hash'> = { ...item('eduskunta', ITEMS + k), key: `he${k}`, guid: `he${k}`, kind: 'bill', title: `HE ${k + 1}/2026 vp ${WORDS[k % WORDS.length]}`,
      identifiers: [{ type: 'he', value: `HE ${k + 1}/2026 vp`, role: 'self' }, { type: 'diary', value: `VN/${k * 2}/2026`, role: 'about' }] };
    return { ...i, hash: contentHash(i) };
  }));
  for (const source of SOURCES) {
    const rounds = Array.from({ length: ITEMS / 1000 }, (_, k) => k * 1000).filter((n) => SOURCES[Math.floor(n / 5_000) % SOURCES.length] === source)
      .map((n) => { const i: Omit<TaggedItem, 'hash'> = { ...item(source, n), deadline: new Date(now.getTime() + ((n % 40) + 8) * DAY).toISOString().slice(0, 10) }; return { ...i, hash: contentHash(i) }; });
    if (rounds.length) run(source, rounds);
  }
  // Spread arrivals and matter changes over the past year, in the order they were numbered (as crawls leave them).
  const lastItem = db.prepare('SELECT max(id) FROM items').pluck().get() as number;
  db.prepare(`UPDATE items SET first_seen_at = strftime('%Y-%m-%dT%H:%M:%fZ', ?, '+' || (id * 31536000 / ?) || ' seconds')`).run(new Date(yearAgo).toISOString(), lastItem);
  const events = db.prepare('SELECT max(id) FROM matter_events').pluck().get() as number;
  db.prepare(`UPDATE matter_events SET at = strftime('%Y-%m-%dT%H:%M:%fZ', ?, '+' || (id * 31536000 / ?) || ' seconds')`).run(new Date(yearAgo).toISOString(), events);
  for (let n = 0; n < 200; n++) saveBoardEntry(db, { itemId: ((n * 449) % ITEMS) + 1, owner: `Omistaja ${n}`, internalDeadline: null, status: 'drafting', responseUrl: null, by: 'bench', now: now.toISOString() });
  const counts = db.prepare('SELECT (SELECT count(*) FROM items) AS items, (SELECT count(*) FROM matters) AS matters, (SELECT count(*) FROM matter_events) AS events').get();
  console.log(`seeded ${JSON.stringify(counts)} in ${ms(t)}`);

  // Subscribers: 50 to the network digest, the rest personal; half have had a digest a week ago, half never.
  const weekAgo = new Date(now.getTime() - 7 * DAY).toISOString();
  const mark = {
    itemId: db.prepare('SELECT max(id) FROM items WHERE first_seen_at <= ?').pluck().get(weekAgo) as number,
    eventId: (db.prepare('SELECT max(id) FROM matter_events WHERE at <= ?').pluck().get(weekAgo) as number | null) ?? 0,
    at: weekAgo,
  };
  const every: Frequency[] = ['weekly', 'daily', 'immediately'];
  for (let n = 0; n < SUBSCRIBERS; n++) {
    const email = `tilaaja${n}@example.fi`;
    const id = n < 50
      ? insertSubscription(db, { email, kind: 'network', lang: n % 10 ? 'fi' : 'sv', createdBy: 'bench', now: now.toISOString() })
      : insertSubscription(db, {
        email, kind: 'personal', every: every[n % 3], lang: n % 10 ? 'fi' : 'sv', createdBy: 'bench', now: now.toISOString(),
        goals: n % 4 === 0 ? [] : [GOALS[n % 3]], sources: n % 4 === 0 ? [SOURCES[n % 4]] : [], organisations: n % 7 === 0 ? [ORGS[n % 5]] : [],
        matters: [n % MATTERS, (n * 7) % MATTERS, (n * 13) % MATTERS], search: n % 10 === 5 ? WORDS[n % WORDS.length] : null,
      });
    if (n % 2) advanceWatermark(db, id, mark);
  }
  db.exec('ANALYZE');

  const env = digestEnv({ db, tagStage: null, feedsDir: defaultFeedsDir }, mailConfig({ LAKIVAHTI_BASE_URL: 'https://lakivahti.example.fi' }));
  global.gc?.();
  peak = process.memoryUsage().rss;
  t = performance.now();
  const personal = [...personalDigests(env, every, now)];
  const network = (['fi', 'sv'] as const).map((lang) => networkDigest(env, undefined, lang, now));
  const built = performance.now() - t;
  const entries = personal.reduce((s, o) => s + o.digest.groups.reduce((g, x) => g + x.items.length, 0) + o.digest.moved.length, 0);
  console.log(`built ${personal.length} personal + ${network.length} network digests (${entries} entries) in ${Math.round(built)} ms (target < 10000)`);
  t = performance.now();
  let bytes = 0;
  for (const o of personal) if (!o.digest.empty) bytes += renderFor(o, env.config, 'secret').html.length;
  console.log(`rendered the non-empty personal digests (${Math.round(bytes / 1e6)} MB of HTML) in ${ms(t)}`);
  sample();
  console.log(`peak memory while building and rendering: ${Math.round(peak / 1e6)} MB RSS (target < 300)`);

  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  const url = `smtp://127.0.0.1:${(smtp.server.address() as { port: number }).port}`;
  const sending = { ...env, config: { ...env.config, smtpUrl: url } };
  personal.length = 0;
  global.gc?.();
  peak = process.memoryUsage().rss;
  t = performance.now();
  const report = prepareDeliveries(sending, { frequencies: every, network: 'build', approveBy: 'bench', now });
  sample();
  console.log(`recorded ${report.recorded.length} messages (with their watermarks) in ${ms(t)}, peak ${Math.round(peak / 1e6)} MB RSS`);
  const transport = smtpTransport(url);
  t = performance.now();
  const results = await sendDue(sending, transport);
  const secs = (performance.now() - t) / 1000;
  transport.close();
  console.log(`sent ${results.filter((r) => r.ok).length} messages over SMTP to 127.0.0.1 in ${secs.toFixed(1)} s: ${Math.round(results.length / secs)} messages/s`);
  console.log(`load average ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}; ${os.cpus().length} cores`);
} finally {
  clearInterval(sampler);
  smtp.close(() => undefined);
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
}
