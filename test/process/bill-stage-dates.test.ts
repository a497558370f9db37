// A bill's stages as a crawl of Eduskunta and Hankeikkuna dates them, read back through `matters --json` and `matter` as processes.
// Eduskunta's module dates a bill by its latest processing event (the item moves up as Parliament handles it), so
// that date is when the bill was last handled, not when it was given: HE 158/2026 vp, given 24.9., answered 17.11.,
// was shown as "hallituksen esitys 17.11.2026", after its committee report of 9.11., and its reply as undated.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseDocument } from 'yaml';
import { mirrorUrl, startMirror, type Mirror } from '../../src/demo/mirror.js';
import { defaultFeedsDir, fixturesDir } from '../../src/paths.js';
import { run } from '../helpers/process.js';

interface Stage { stage: string; at: string | null }
interface MatterLine { identifiers: string[]; stage: string | null; stages: Stage[] }

let dir: string;
const mirrors: Mirror[] = [];
let db: string;
let feeds: string;
let matters: MatterLine[];
/** A copy of the Eduskunta fixtures the mirror serves (read at each request), for the last test to edit. */
let eduskuntaDir: string;

/** The Helsinki day of an instant, YYYY-MM-DD (a date-only event is stored as Helsinki's midnight). */
const helsinkiDay = (at: string) => new Date(at).toLocaleDateString('sv-SE', { timeZone: 'Europe/Helsinki' });

const stagesOf = (he: string): Record<string, string | null> => {
  const m = matters.find((x) => x.identifiers.includes(he));
  if (!m) throw new Error(`no matter holds ${he}`);
  return Object.fromEntries(m.stages.map((s) => [s.stage, s.at === null ? null : helsinkiDay(s.at)]));
};

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bill-stages-'));
  feeds = path.join(dir, 'feeds');
  fs.mkdirSync(path.join(feeds, 'sources'), { recursive: true });
  eduskuntaDir = path.join(dir, 'eduskunta');
  fs.cpSync(path.join(fixturesDir, 'sources', 'eduskunta'), eduskuntaDir, { recursive: true });
  for (const id of ['eduskunta', 'hankeikkuna']) {
    const doc = parseDocument(fs.readFileSync(path.join(defaultFeedsDir, 'sources', `${id}.yaml`), 'utf8'));
    const mirror = await startMirror(id === 'eduskunta' ? eduskuntaDir : path.join(fixturesDir, 'sources', id));
    mirrors.push(mirror);
    doc.set('url', mirrorUrl(String(doc.get('url')), mirror.origin));
    fs.writeFileSync(path.join(feeds, 'sources', `${id}.yaml`), doc.toString());
  }
  db = path.join(dir, 'db.sqlite');
  const crawl = await run(['crawl', '--db', db, '--feeds', feeds]);
  expect(crawl.code, crawl.err).toBe(0);
  const listed = await run(['matters', '--json', '--db', db]);
  expect(listed.code, listed.err).toBe(0);
  matters = listed.out.split('\n').filter(Boolean).map((l) => JSON.parse(l) as MatterLine);
}, 120_000);

afterAll(async () => {
  await Promise.all(mirrors.map((m) => m.close()));
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("a bill's stages are dated by what its item's date is", { timeout: 120_000 }, () => {
  it('a bill Parliament has answered: the reply dated by its answer, the proposal not by the answer', async () => {
    const he158 = stagesOf('HE 158/2026 vp');
    expect(he158['parliament-reply']).toBe('2026-11-17');
    expect(he158['government-proposal']).not.toBe('2026-11-17');
    expect(he158.committee).toBe('2026-11-09');
    // In order: no stage is dated after a later one.
    const dated = Object.values(he158).filter((d): d is string => d !== null);
    expect(dated).toEqual([...dated].sort());
    const shown = await run(['matter', 'HE 158/2026 vp', '--db', db]);
    expect(shown.out).toMatch(/^ {2}eduskunnan vastaus 17\.11\.2026\b/m);
    expect(shown.out).not.toMatch(/^ {2}hallituksen esitys 17\.11\.2026/m);
  });

  it('a bill in committee: the proposal is not dated by the last hearing', () => {
    // HE 190/2026 vp was given 29.10.; its latest event is a hearing on 18.11.
    const he190 = stagesOf('HE 190/2026 vp');
    expect(he190.committee).toBe('2026-11-18');
    expect(he190['government-proposal']).not.toBe('2026-11-18');
  });

  it('a bill just given, with no processing yet, is dated as given', () => {
    expect(stagesOf('HE 199/2026 vp')['government-proposal']).toBe('2026-11-27');
  });

  it("`matters` writes a stage's day as Helsinki's, as `matter` does (it wrote the UTC day: 17.11. for Helsinki's 18.11.)", async () => {
    const listed = await run(['matters', '--db', db]);
    const line = listed.out.split('\n').find((l) => l.includes('(HE 190/2026 vp)'))!;
    expect(line).toMatch(/\[valiokuntakäsittely 18\.11\.2026\]/);
    const shown = await run(['matter', 'HE 190/2026 vp', '--db', db]);
    // Eduskunta gives its events' days only: the day is shown alone, not as "klo 00.00", a time nobody gave.
    expect(shown.out).toMatch(/^ {2}valiokuntakäsittely 18\.11\.2026 {2}\(#\d+\)$/m);
    expect(shown.out).not.toContain('klo 00.00');
  });

  it('`items` and `matter` show a date-only item by its day, an item with a time by its time', async () => {
    const items = await run(['items', '--source', 'eduskunta', '--db', db]);
    expect(items.code, items.err).toBe(0);
    // HE 190/2026 vp is dated by its hearing of 18.11. (a day); HaVM 21/2026 vp was published 9.11. at 14.21.
    expect(items.out).toMatch(/^#\d+ {2}18\.11\.2026 {2}eduskunta {2}HE 190\/2026 vp /m);
    expect(items.out).not.toContain('klo 00.00');
    const shown = await run(['matter', 'HE 158/2026 vp', '--db', db]);
    expect(shown.out).toMatch(/^ {2}#\d+ {2}17\.11\.2026 {2}eduskunta {2}HE 158\/2026 vp /m);
    expect(shown.out).toMatch(/^ {2}#\d+ {2}9\.11\.2026 klo 14\.21 {2}eduskunta {2}HaVM 21\/2026 vp /m);
  });

  it('a bill is dated as given by its ANNETTU event, and in committee from the day it was sent there', async () => {
    // Eduskunta's processing events give the days (kasittelyt: ANNETTU, LAHVK, EV); the item is dated by the latest.
    expect(stagesOf('HE 158/2026 vp')['government-proposal']).toBe('2026-09-24');
    expect(stagesOf('HE 190/2026 vp')['government-proposal']).toBe('2026-10-29');
    // HE 171/2026 vp: sent to committee 14.10., its report 25.11., now in its first reading; HE 196/2026 vp: sent 11.11.
    expect(stagesOf('HE 171/2026 vp')).toEqual({ 'government-proposal': '2026-10-08', committee: '2026-10-14' });
    expect(stagesOf('HE 196/2026 vp')).toEqual({ 'government-proposal': '2026-11-05', committee: '2026-11-11' });
    const shown = await run(['matter', 'HE 158/2026 vp', '--db', db]);
    expect(shown.out).toMatch(/^ {2}hallituksen esitys 24\.9\.2026\b/m);
    expect(shown.out).not.toContain('päivämäärä ei tiedossa');
  });

  it('a project that states its government proposal has reached that stage, undated (as its reply and statute are)', async () => {
    // Hankeikkuna's real capture: TEM115:00/2020 states HE 311/2022 (heNumerot) and its comment round; the matter's
    // stage read "lausuntokierros" and `matters --stage statement-round` listed it, years after the bill.
    const m = matters.find((x) => x.identifiers.includes('HE 311/2022 vp'))!;
    expect(m.stage).toBe('government-proposal');
    expect(stagesOf('HE 311/2022 vp')).toEqual({ preparation: '2020-10-02', 'statement-round': null, 'government-proposal': null });
    const round = await run(['matters', '--json', '--stage', 'statement-round', '--db', db]);
    expect(round.out).not.toContain('HE 311/2022 vp');
    // TEM060:00/2016 states its bill, reply and statute: every stage of its path is there.
    expect(Object.keys(stagesOf('HE 256/2017 vp'))).toEqual(['preparation', 'government-proposal', 'parliament-reply', 'statute-published']);
  });

  it('a bill answered keeps its committee stage, crawled again as Eduskunta lists it then (the stage vanished)', async () => {
    // HE 190/2026 vp answered on 2.12.: its events go on (the hearing of 18.11. among them), its stage is the reply,
    // and no committee document of it is in the matter. Its committee stage was gone once the stage moved on.
    const file = path.join(eduskuntaDir, 'search-matters.json');
    const data = JSON.parse(fs.readFileSync(file, 'utf8')) as { results: { valtiopaivaasia: Record<string, any> }[] };
    const he190 = data.results.map((r) => r.valtiopaivaasia).find((m) => m.eduskuntatunnus.fi === 'HE 190/2026 vp')!;
    he190.viimeisinKasittelyvaihe = { fi: 'Eduskunnan vastaus', sv: 'Riksdagens svar' };
    he190.tila = { fi: 'Käsitelty', sv: 'Behandlad' };
    he190.kasittelyt.fi.push(
      { tapahtumapvm: '2026-12-02', kasittelytunnus: 'TP-2026-1202-3', yleinenkasittelyvaihe: 'Toinen käsittely', yleinenkasittelyvaihetunnus: 'TOINENKAS', valiokunta: null, jarjestys: 1, fraasi: null },
      { tapahtumapvm: '2026-12-02', kasittelytunnus: 'TP-2026-1202-4', yleinenkasittelyvaihe: 'Eduskunnan vastaus', yleinenkasittelyvaihetunnus: 'EV', valiokunta: null, jarjestys: 2, fraasi: null },
    );
    fs.writeFileSync(file, JSON.stringify(data));
    const crawl = await run(['crawl', '--db', db, '--feeds', feeds, '--source', 'eduskunta']);
    expect(crawl.code, crawl.err).toBe(0);
    const listed = await run(['matters', '--json', '--db', db]);
    matters = listed.out.split('\n').filter(Boolean).map((l) => JSON.parse(l) as MatterLine);
    expect(stagesOf('HE 190/2026 vp')).toEqual({ 'government-proposal': '2026-10-29', committee: '2026-11-18', 'parliament-reply': '2026-12-02' });
    const shown = await run(['matter', 'HE 190/2026 vp', '--db', db]);
    expect(shown.out).toMatch(/^ {2}valiokuntakäsittely 18\.11\.2026/m);
  });
});
