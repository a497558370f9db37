// Failures on the web view: a Finnish page without stack or paths whatever NODE_ENV, and /healthz that checks.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { serveWebApp } from '../helpers/web.js';
import { openDb, syncSources, type Db } from '../../src/store/index.js';
import type { SourceDef } from '../../src/model.js';

const def = { id: 'sm', name: 'Sisäministeriö', url: 'https://example.fi/' } as SourceDef;
let db: Db;
let close: () => Promise<void>;
let base: string;
let problems: string[] = [];
const env = process.env.NODE_ENV;

beforeAll(async () => {
  process.env.NODE_ENV = 'development';
  db = openDb(':memory:');
  syncSources(db, [def]);
  ({ base, close } = await serveWebApp({ db, sources: [def], configErrors: [], goalLabels: {}, problems: () => problems }));
});

afterAll(() => {
  process.env.NODE_ENV = env;
  void close();
  if (db.open) db.close();
});

describe('web view failures', () => {
  it('/healthz runs a real query and names what is wrong', async () => {
    expect(await (await fetch(`${base}/healthz`)).json()).toEqual({ ok: true });
    problems = ['Tietokantatiedosto x.sqlite on korvattu toisella palvelimen ollessa käynnissä; käynnistä Lakivahti uudelleen.'];
    const res = await fetch(`${base}/healthz`);
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({ ok: false, reasons: problems });
    const page = await (await fetch(`${base}/`)).text();
    expect(page).toContain('<p class="banner" role="alert">Tietokantatiedosto x.sqlite on korvattu');
    problems = [];
  });

  // Before the database is closed below: the visitor (not signed in) reaches the sign-in gate, which reads it.
  it('a form too large, or with too many fields, is a 413 page that says so', async () => {
    // Refused before the CSRF check or the sign-in gate: body-parser reads the body first.
    for (const body of [`note=${'a'.repeat(70_000)}`, Array.from({ length: 300 }, (_, i) => `f${i}=1`).join('&')]) {
      const res = await fetch(`${base}/items/1/review`, { method: 'POST', body, headers: { 'content-type': 'application/x-www-form-urlencoded' } });
      expect(res.status).toBe(413);
      expect(await res.text()).toContain('Lomake oli liian suuri (enintään 64 KiB), joten mitään ei tallennettu.');
    }
  });

  it('a malformed URL is a 400 page, not a stack', async () => {
    const res = await fetch(`${base}/%E0%A4%A`);
    expect(res.status).toBeLessThan(500);
    expect(await res.text()).not.toMatch(/URIError|at decode/);
  });

  it('a failing database gives a Finnish error page without stack or paths, the detail on stderr, and /healthz 503', async () => {
    const logged: string[] = [];
    const spy = vi.spyOn(process.stderr, 'write').mockImplementation((c: string | Uint8Array) => (logged.push(String(c)), true));
    db.close();
    try {
      const res = await fetch(`${base}/`);
      expect(res.status).toBe(500);
      const html = await res.text();
      expect(html).toContain('<html lang="fi">');
      expect(html).toContain('Sivua ei voitu näyttää palvelimen virheen vuoksi');
      expect(html).not.toMatch(/\bat \S+ \(|\/work\/|node_modules|\.ts:\d|database connection/);
      const health = await fetch(`${base}/healthz`);
      expect(health.status).toBe(503);
      expect(((await health.json()) as { reasons: string[] }).reasons[0]).toMatch(/^Tietokanta ei vastaa: /);
    } finally {
      spy.mockRestore();
    }
    expect(logged.join('')).toMatch(/"event":"request_failed".*"path":"\/".*"status":500.*database connection is not open/);
  });
});
