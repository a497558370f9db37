// `lakivahti serve`'s CSV export (written a page at a time, session 59) when the reader goes away after its first
// bytes, as a download cancelled or `curl … | head -1` does: the export stops writing (writePages stops once the
// response is gone, as the CLI's listings stop for `| head -1`), the server answers on, and a shutdown finds no answer
// left in flight: exit 0 with nothing on stderr and no connections cut.
import http from 'node:http';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prepareReviewerStore, serveSignedIn } from '../helpers/serve-reviewer.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lakivahti-serve-export-closed-'));
let store: { db: string; feeds: string };

beforeAll(async () => {
  // 3,000 items: 30 pages of rows, far more than the socket's buffers take while the reader is gone.
  store = await prepareReviewerStore(dir, { items: 3000 });
}, 120_000);

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('serve with an export whose reader went away', () => {
  it('stops the export, answers on, and on SIGTERM exits 0 with nothing in flight and nothing on stderr', async () => {
    const { child, base, browser } = await serveSignedIn(store);
    try {
      const first = await new Promise<string>((resolve, reject) => {
        const req = http.get(`${base}/items.csv`, { headers: { cookie: browser.cookie } }, (res) => {
          // The first bytes arrived: the reader goes away, its connection closed.
          res.once('data', (chunk: Buffer) => (resolve(String(chunk)), req.destroy()));
        });
        req.on('error', (err) => (err.message === 'socket hang up' ? undefined : reject(err)));
      });
      expect(first.split('\r\n')[0]).toMatch(/^\uFEFFnumero;/);
      const health = await fetch(`${base}/healthz`);
      expect(health.status).toBe(200);
      child.proc.kill('SIGTERM');
      const done = await child.done;
      expect([done.code, done.err]).toEqual([0, '']);
      expect(done.out).toMatch(/"event":"stopping"[\s\S]*"event":"stopped"/);
      expect(done.out).not.toContain('connections_cut');
    } finally {
      child.proc.kill('SIGKILL');
    }
  }, 120_000);
});
