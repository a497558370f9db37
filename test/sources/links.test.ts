// Every shipped source against its recorded snapshot, as the demo runs it (def.url on a local mirror):
// stored links lead to the pages people read, and HE numbers come out in one canonical form.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMirror, mirrorUrl } from '../../src/demo/mirror.js';
import { normalizeItem } from '../../src/normalize/index.js';
import { sourceModule } from '../../src/sources/index.js';
import type { Item } from '../../src/model.js';
import { allItems, testContext } from '../helpers/source.js';
import { FEEDS_DIR, FIXTURES_DIR, loadDef } from './yaml-def.js';

const ids = fs.readdirSync(FEEDS_DIR).filter((f) => f.endsWith('.yaml')).map((f) => f.replace(/\.yaml$/, ''));
/** Hosts and paths that serve machines, not people. */
const API = /^https?:\/\/(?:api\.|opendata\.)|\/api\/|\.svc\b|\/akn\/|[?&]q=%7B/i;

describe('stored item links and identifiers of every fixture source', () => {
  const items = new Map<string, Item[]>();
  beforeAll(async () => {
    for (const id of ids) {
      const mirror = await startMirror(path.join(FIXTURES_DIR, id));
      try {
        const def = loadDef(id, mirrorUrl(loadDef(id).url, mirror.origin));
        const found = await allItems((await sourceModule(def.module!)).collect(def, testContext()));
        if (found === 'not-modified') throw new Error(`${id}: unexpected not-modified`);
        items.set(id, found.map((raw) => normalizeItem(raw, def)));
      } finally {
        await mirror.close();
      }
    }
  });
  afterAll(() => items.clear());

  it('reads every source', () => {
    expect([...items.keys()].sort()).toEqual([...ids].sort());
    for (const [id, list] of items) expect(list.length, id).toBeGreaterThan(0);
  });

  it.each(ids)('%s: every link is a public page, never an API URL or the local mirror', (id) => {
    for (const item of items.get(id)!) {
      expect(item.url, `${id}: ${item.title}`).toMatch(/^https:\/\//);
      expect(item.url!, `${id}: ${item.title}`).not.toMatch(/127\.0\.0\.1|localhost/);
      expect(item.url!, `${id}: ${item.title}`).not.toMatch(API);
    }
  });

  it.each(ids)('%s: every HE number is stored as "HE n/yyyy vp", and every one in the text is found', (id) => {
    for (const item of items.get(id)!) {
      const he = item.identifiers.filter((i) => i.type === 'he').map((i) => i.value);
      for (const h of he) expect(h).toMatch(/^HE [1-9]\d*\/\d{4} vp$/);
      for (const m of `${item.title} ${item.summary}`.matchAll(/\b(?:HE|RP)\s*0*(\d+)\/(\d{4})/g))
        expect(he, `${id}: ${item.title}`).toContain(`HE ${m[1]}/${m[2]} vp`);
    }
  });
});
