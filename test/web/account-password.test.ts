// A person changes their own password on /account: the current one is required, the new one is checked (length,
// common passwords), and the person's other sessions end while this one goes on.
import { describe, expect, it } from 'vitest';
import { Browser, PASSWORD } from '../helpers/web.js';
import { listActions, type Db } from '../../src/store/index.js';
import { passwordProblem } from '../../src/web/auth/password.js';
import { servePages, useSite, webDeps, type Site } from './support.js';

let db: Db;
let site: Site;
const EMAIL = 'reader@example.fi';
const NEW = 'uusi hyvä salasana 2026';

useSite('reader', (s) => ({ db, site } = s));

describe('the password rule', () => {
  it.each([
    ['lyhyt-11mrk', /at least 12 characters \(this one has 11\)/],
    ['1qaz2wsx3edc', /list of common passwords/],
    ['QWERTY123456', /list of common passwords/],
    ['kalle.virtanen', /cannot be the e-mail address/],
    ['x'.repeat(257), /at most 256 characters/],
    ['salasana\u0000pitka', /control character \(U\+0000 at character 9\)/],
    ['😀salasana\tpitka', /control character \(U\+0009 at character 10\)/],
    ['salasana-pitka\u0085', /control character \(U\+0085 at character 15\)/],
  ])('refuses %s', (pw, why) => expect(passwordProblem(pw, 'kalle.virtanen@example.fi')?.en).toMatch(why));

  it.each([['oikein-pitka-salasana'], ['ääkköset ja välilyönnit käyvät'], ['123qweasdzxc!']])('accepts %s', (pw) => expect(passwordProblem(pw, 'a@example.fi')).toBeNull());
});

describe('changing one\'s password', () => {
  it('needs the current password and a good new one; each refusal says why in Finnish and changes nothing', async () => {
    const b = site.browser;
    const token = await b.token('/account');
    const cases: [Record<string, string>, string][] = [
      [{ current: 'väärä-salasana-123', password: NEW, again: NEW }, 'Nykyinen salasana oli väärä.'],
      [{ current: PASSWORD, password: 'lyhyt', again: 'lyhyt' }, 'Salasanassa on oltava vähintään 12 merkkiä (tässä on 5).'],
      [{ current: PASSWORD, password: 'qwerty123456', again: 'qwerty123456' }, 'Salasana on yleisten salasanojen luettelossa'],
      [{ current: PASSWORD, password: NEW, again: `${NEW}!` }, 'Uudet salasanat eivät olleet samat.'],
    ];
    for (const [form, message] of cases) {
      const res = await b.post('/account/password', { _csrf: token, ...form });
      expect(res.res.status).toBe(400);
      expect(res.html).toContain(message);
      expect(res.html).toContain('Salasanaa ei vaihdettu.');
    }
    expect((await new Browser(site.base).signIn(EMAIL, PASSWORD)).status).toBe(303);
  }, 60_000);

  it('changes it: the other sessions end, this one goes on and says so, and only the new password signs in', async () => {
    const other = new Browser(site.base);
    expect((await other.signIn(EMAIL, PASSWORD)).status).toBe(303);
    expect((await other.get('/account')).res.status).toBe(200);
    const b = site.browser;
    const res = await b.post('/account/password', { _csrf: await b.token('/account'), current: PASSWORD, password: NEW, again: NEW });
    expect(res.res.status).toBe(303);
    expect(res.res.headers.get('location')).toBe('/account');
    const page = await b.get('/account');
    expect(page.res.status).toBe(200);
    expect(page.html).toContain('<div class="flash" role="status" id="viesti" tabindex="-1"><p>Salasana vaihdettu. Muut istuntosi päätettiin; tämä jatkuu.</p></div>');
    expect((await other.get('/account')).res.status).toBe(401);
    expect((await new Browser(site.base).signIn(EMAIL, PASSWORD)).status).toBe(401);
    expect((await new Browser(site.base).signIn(EMAIL, NEW)).status).toBe(303);
    expect(listActions(db, `user:${db.prepare('SELECT id FROM users WHERE email = ?').pluck().get(EMAIL)}`).map((a) => a.action)).toContain('password-change');
  }, 60_000);
});

describe('wrong current passwords', () => {
  it('are limited when sent at once too: of 8 sent together, 5 are tried and 3 refused', async () => {
    // Each was checked against the limit before any had failed, so all 8 were tried.
    const other = await servePages(webDeps(db), 'admin');
    try {
      const b = other.browser;
      const token = await b.token('/account');
      const statuses = await Promise.all(Array.from({ length: 8 }, (_, n) =>
        b.post('/account/password', { _csrf: token, current: `väärä-kerralla-${n}`, password: NEW, again: NEW }).then((r) => r.res.status)));
      expect([statuses.filter((s) => s === 400).length, statuses.filter((s) => s === 429).length]).toEqual([5, 3]);
    } finally {
      await other.close();
    }
  }, 60_000);

  it('are limited as sign-in is: after 5 in 15 minutes the form refuses (429, Finnish, Retry-After), the right one too', async () => {
    const other = await servePages(webDeps(db), 'reviewer');
    try {
      const b = other.browser;
      const token = await b.token('/account');
      const attempt = (current: string) => b.post('/account/password', { _csrf: token, current, password: NEW, again: NEW });
      for (let n = 1; n <= 5; n++) {
        const wrong = await attempt(`väärä-salasana-${n}`);
        expect([n, wrong.res.status]).toEqual([n, 400]);
        expect(wrong.html).toContain('Nykyinen salasana oli väärä.');
      }
      const refused = await attempt(PASSWORD);
      expect(refused.res.status).toBe(429);
      expect(Number(refused.res.headers.get('retry-after'))).toBeGreaterThan(14 * 60);
      expect(refused.html).toContain('Nykyinen salasana annettiin väärin liian monta kertaa. Salasanaa ei vaihdettu. Yritä uudelleen 15 minuutin kuluttua.');
      // Nothing changed: the old password still signs in, and the person is still signed in here.
      expect((await new Browser(other.base).signIn('reviewer@example.fi', PASSWORD)).status).toBe(303);
      expect((await b.get('/account')).res.status).toBe(200);
      // Another person's form is not affected by this one's failures.
      const own = site.browser;
      const theirs = await own.post('/account/password', { _csrf: await own.token('/account'), current: 'väärä-salasana-x', password: NEW, again: NEW });
      expect(theirs.res.status).toBe(400);
    } finally {
      await other.close();
    }
  }, 90_000);
});
