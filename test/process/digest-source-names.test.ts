// A digest names each item's source in the digest's language: a Swedish subscriber's message named them in Finnish
// ("Eduskunta – hallituksen esitykset ja valiokuntien mietinnöt" in a message otherwise in Swedish).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseDocument } from 'yaml';
import { mirrorUrl, startMirror, type Mirror } from '../../src/demo/mirror.js';
import { defaultFeedsDir, fixturesDir } from '../../src/paths.js';
import { run } from '../helpers/process.js';

let dir: string;
let db: string;
let mirror: Mirror;
let sv: string;
const fi = 'Eduskunta – hallituksen esitykset ja valiokuntien mietinnöt';

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'digest-source-names-'));
  const feeds = path.join(dir, 'feeds');
  fs.mkdirSync(path.join(feeds, 'sources'), { recursive: true });
  const doc = parseDocument(fs.readFileSync(path.join(defaultFeedsDir, 'sources', 'eduskunta.yaml'), 'utf8'));
  sv = String(doc.get('nameSv'));
  mirror = await startMirror(path.join(fixturesDir, 'sources', 'eduskunta'));
  doc.set('url', mirrorUrl(String(doc.get('url')), mirror.origin));
  fs.writeFileSync(path.join(feeds, 'sources', 'eduskunta.yaml'), doc.toString());
  db = path.join(dir, 'db.sqlite');
  const crawl = await run(['crawl', '--db', db, '--feeds', feeds]);
  expect(crawl.code, crawl.err).toBe(0);
  for (const [email, lang] of [['sv@example.fi', 'sv'], ['fi@example.fi', 'fi']]) {
    const added = await run(['subscriptions', 'add', email, '--source', 'eduskunta', '--every', 'daily', '--lang', lang, '--db', db]);
    expect(added.code, added.err).toBe(0);
  }
}, 120_000);

afterAll(async () => {
  await mirror.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('a digest names the sources in its language', { timeout: 120_000 }, () => {
  it("a Swedish subscriber's digest names the source by its Swedish name, a Finnish one's by its Finnish name", async () => {
    expect(sv).toMatch(/^Riksdagen – /);
    const out = path.join(dir, 'preview');
    const preview = await run(['digest', '--preview', '--out', out, '--db', db]);
    expect(preview.code, preview.err).toBe(0);
    const read = (email: string, ext: string) => {
      const file = fs.readdirSync(out).find((f) => f.includes(email) && f.endsWith(ext));
      if (!file) throw new Error(`no ${ext} preview for ${email} in ${fs.readdirSync(out).join(', ')}`);
      return fs.readFileSync(path.join(out, file), 'utf8');
    };
    for (const ext of ['.txt', '.html']) {
      expect(read('sv@example.fi', ext), ext).toContain(sv);
      expect(read('sv@example.fi', ext), ext).not.toContain(fi);
      expect(read('fi@example.fi', ext), ext).toContain(fi);
      expect(read('fi@example.fi', ext), ext).not.toContain(sv);
    }
  });
});
