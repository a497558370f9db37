// The taxonomy's goal and scope labels for the web view and the digest (src/app/goal-labels.ts): without a tag stage
// (its taxonomy broken, or a context opened without one) they are read from the file, and each reading parses and
// checks the whole taxonomy (a second at load): read once for every label a server or a digest needs.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { closeContext, openContext } from '../../src/app/context.js';
import { goalLabels, taxonomyLabels } from '../../src/app/goal-labels.js';
import { serveApp } from '../../src/app/serve.js';
import { digestEnv } from '../../src/mail/env.js';
import { mailConfig } from '../../src/mail/config.js';
import { defaultFeedsDir } from '../../src/paths.js';
import { openDb } from '../../src/store/index.js';
import { loadTaxonomy } from '../../src/tag/taxonomy.js';

vi.mock('../../src/tag/taxonomy.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../src/tag/taxonomy.js')>();
  return { ...original, loadTaxonomy: vi.fn(original.loadTaxonomy) };
});
const reads = vi.mocked(loadTaxonomy);

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lakivahti-labels-'));
  reads.mockClear();
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("the taxonomy's labels without a tag stage", () => {
  it('are every goal and scope in both languages, from one reading', () => {
    const labels = taxonomyLabels({ tagStage: null, feedsDir: defaultFeedsDir });
    expect(reads).toHaveBeenCalledTimes(1);
    const taxonomy = reads.getMockImplementation()!(defaultFeedsDir);
    for (const lang of ['fi', 'sv'] as const) {
      expect(labels.goals[lang]).toEqual(Object.fromEntries(taxonomy.goals.map((g) => [g.id, g.label[lang]])));
      expect(labels.scopes[lang]).toEqual(Object.fromEntries(taxonomy.scopes.map((s) => [s.id, s.label[lang]])));
    }
    expect(Object.keys(labels.goals.fi)).toEqual(['services', 'welfare-reform', 'internal-security']);
    expect(goalLabels({ tagStage: null, feedsDir: defaultFeedsDir }, 'sv')).toEqual(labels.goals.sv);
  });

  it('are empty, each shown by its id, when the taxonomy is broken', () => {
    fs.writeFileSync(path.join(dir, 'taxonomy.yaml'), 'goals: [\n');
    expect(taxonomyLabels({ tagStage: null, feedsDir: dir })).toEqual({ goals: { fi: {}, sv: {} }, scopes: { fi: {}, sv: {} } });
  });

  it("are read once for a server's web view", async () => {
    const ctx = openContext({ db: path.join(dir, 'l.sqlite'), feeds: defaultFeedsDir }, { access: 'serve' });
    try {
      reads.mockClear();
      const served = serveApp(ctx, { schedule: false });
      served.close();
      expect(reads).toHaveBeenCalledTimes(1);
    } finally {
      await closeContext(ctx);
    }
  });

  it("are read once for a digest's environment", () => {
    const db = openDb(':memory:');
    try {
      const env = digestEnv({ db, tagStage: null, feedsDir: defaultFeedsDir }, mailConfig({}));
      expect(reads).toHaveBeenCalledTimes(1);
      expect(env.labels.sv['welfare-reform']).toBeTruthy();
    } finally {
      db.close();
    }
  });
});
