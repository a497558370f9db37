// Signing in to the web app from a test, as a browser does: read the form's token, post it, keep the cookie.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createWebApp } from '../../src/web/app.js';
import type { WebDeps } from '../../src/web/deps.js';
import { hashPassword } from '../../src/web/auth/password.js';
import { insertUser, type Db, type Role } from '../../src/store/index.js';
import { helsinkiDate } from '../../src/parse/dates.js';
import { weekMondays } from '../../src/web/routes/week-chart.js';
import { quickHash as quickHashOf } from './quick-hash.js';

/**
 * Whether a Helsinki date falls in this week (Monday to Sunday in Helsinki), as the overview buckets deadlines: a
 * deadline a few days away is next week's from Friday on, and a test expecting "this week" failed then.
 */
export function inThisWeek(date: string): boolean {
  const monday = weekMondays(helsinkiDate(new Date()), 1)[0];
  return date >= monday && date < new Date(Date.parse(`${monday}T00:00:00Z`) + 7 * 86_400_000).toISOString().slice(0, 10);
}

export const PASSWORD = 'oikein-pitka-salasana';

/** The whole web app (createWebApp) over `deps` on a free loopback port: its address without a trailing slash, and a closer. */
export async function serveWebApp(deps: WebDeps): Promise<{ base: string; close(): Promise<void> }> {
  const server = await new Promise<Server>((resolve) => {
    const s = createWebApp(deps).listen(0, '127.0.0.1', () => resolve(s));
  });
  return {
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** quickHash (test/helpers/quick-hash.ts) with this file's default password. */
export function quickHash(password = PASSWORD): string {
  return quickHashOf(password);
}

/**
 * Create an account and return its e-mail address: its hash quickHash's (a sign-in checks it as the product checks a
 * hash stored before a cost raise), or with `product` the real scrypt hash at the product's cost. The product's cost
 * is tested where hashing is the subject (test/process/users, test/web/auth, test/web/account-password); elsewhere
 * an account is set-up, and two scrypt runs at N=2^17 (the hash, then the sign-in's check) took 0.6 s quietly and
 * many seconds at load in each of some 40 files (session 54).
 */
export async function addUser(db: Db, email: string, role: Role, password = PASSWORD, cost: 'product' | 'quick' = 'quick'): Promise<string> {
  const passwordHash = cost === 'quick' ? quickHash(password) : await hashPassword(password);
  insertUser(db, { email, role, passwordHash, now: new Date().toISOString() });
  return email;
}

/** A cookie jar of one: the cookies a response set, merged into what was held. `headers` go with every request. */
export class Browser {
  cookies = new Map<string, string>();
  constructor(readonly base: string, readonly headers: Record<string, string> = {}) {}

  private keep(res: Response): void {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const at = pair.indexOf('=');
      const [name, value] = [pair.slice(0, at), pair.slice(at + 1)];
      if (value === '' || /Expires=Thu, 01 Jan 1970/i.test(c)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  get cookie(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  async get(path: string): Promise<{ res: Response; html: string }> {
    const res = await fetch(this.base + path, { headers: { ...this.headers, cookie: this.cookie }, redirect: 'manual' });
    this.keep(res);
    return { res, html: await res.text() };
  }

  async post(path: string, form: Record<string, string | string[]>): Promise<{ res: Response; html: string }> {
    const body = new URLSearchParams();
    for (const [k, v] of Object.entries(form)) for (const x of ([] as string[]).concat(v)) body.append(k, x);
    const res = await fetch(this.base + path, { method: 'POST', body, headers: { ...this.headers, cookie: this.cookie }, redirect: 'manual' });
    this.keep(res);
    return { res, html: await res.text() };
  }

  /** The CSRF token of the forms on a page. */
  static token(html: string): string {
    const m = /name="_csrf" value="([^"]+)"/.exec(html);
    if (!m) throw new Error(`no CSRF token on the page: ${html.slice(0, 300)}`);
    return m[1];
  }

  /** Sign in through the form; returns the redirect's response. */
  async signIn(email: string, password = PASSWORD, next = '/'): Promise<Response> {
    const { html } = await this.get('/login');
    const { res } = await this.post('/login', { _csrf: Browser.token(html), email, password, next });
    return res;
  }

  /** Make a personal feed token on /account, as the person would: the token (shown once) and its number. */
  async feedToken(label = 'syötelukija'): Promise<{ token: string; id: number }> {
    const made = await this.post('/account/feed-tokens', { _csrf: Browser.token((await this.get('/account')).html), label });
    const token = /<code class="token">([\w-]{43})<\/code>/.exec(made.html)?.[1];
    const id = /action="\/account\/feed-tokens\/(\d+)\/revoke"/.exec(made.html)?.[1];
    if (made.res.status !== 201 || !token || !id) throw new Error(`no feed token made: ${made.res.status} ${made.html.slice(0, 300)}`);
    return { token, id: Number(id) };
  }

  /** Revoke one of this person's feed tokens. */
  async revokeFeedToken(id: number): Promise<void> {
    const res = await this.post(`/account/feed-tokens/${id}/revoke`, { _csrf: Browser.token((await this.get('/account')).html) });
    if (res.res.status !== 303) throw new Error(`revoking feed token ${id} failed: ${res.res.status}`);
  }

  /** The token of this session's forms (from a signed-in page). */
  async token(path = '/board'): Promise<string> {
    return Browser.token((await this.get(path)).html);
  }
}
