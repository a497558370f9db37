// The digest page's introduction: a Finnish one, and a Swedish one for the Swedish recipients (migration 024). Before,
// one text went as written to every recipient, so a Swedish recipient read the Finnish introduction unmarked.
import { describe, expect, it } from 'vitest';
import { seedDigestDb } from '../digest/seed.js';
import { Browser } from '../helpers/web.js';
import { useSite, type Site } from './support.js';
import { mailConfig } from '../../src/mail/config.js';
import { insertSubscription } from '../../src/store/subscriptions.js';
import type { Db } from '../../src/store/index.js';
import { openDigest } from '../../src/store/digests.js';

let db: Db;
let site: Site;

useSite('admin', (s) => ({ db, site } = s), { open: () => seedDigestDb(':memory:'), deps: { mail: mailConfig({}) } });

/** The preview's introduction cell (HTML e-mail): its lang attribute (null: the message's) and its text. */
function introCell(html: string) {
  const m = /<td class="intro"([^>]*)>([\s\S]*?)<\/td>/.exec(html);
  return m && { lang: /lang="(\w+)"/.exec(m[1])?.[1] ?? null, text: m[2] };
}

describe('the introduction of the network digest', () => {
  it('has a Swedish one the Swedish recipients get; without it they get the Finnish one, marked Finnish', async () => {
    const token = Browser.token((await site.browser.get('/digest')).html);
    expect((await site.browser.post('/digest/draft', { _csrf: token })).res.status).toBe(303);
    insertSubscription(db, { email: 'verkosto@example.fi', kind: 'network', createdBy: 'test', now: new Date().toISOString() });
    // The note on who gets which shows only when there are Swedish recipients.
    expect((await site.browser.get('/digest')).html).not.toContain('Ruotsinkielisiä vastaanottajia');
    insertSubscription(db, { email: 'natverk@example.fi', kind: 'network', lang: 'sv', createdBy: 'test', now: new Date().toISOString() });
    const page = (await site.browser.get('/digest')).html;
    expect(page).toContain('Ruotsinkielisiä vastaanottajia on 1: he saavat ruotsinkielisen johdannon, ja jos sitä ei ole, suomenkielisen.');
    expect(page).toMatch(/<label for="digest-intro-sv">Johdanto ruotsiksi/);
    expect(page).toMatch(/<textarea id="digest-intro-sv" name="intro_sv"[^>]* lang="sv"/);
    const id = openDigest(db)!.id;

    // Only the Finnish one: the Swedish preview carries it, marked as Finnish; the Finnish one carries it unmarked.
    expect((await site.browser.post(`/digest/${id}/intro`, { _csrf: token, intro: 'Hyvää viikkoa!', intro_sv: '' })).res.status).toBe(303);
    expect(introCell((await site.browser.get('/digest/preview?lang=sv')).html)).toEqual({ lang: 'fi', text: 'Hyvää viikkoa!<br>' });
    expect(introCell((await site.browser.get('/digest/preview?lang=fi')).html)).toEqual({ lang: null, text: 'Hyvää viikkoa!<br>' });

    // Both: each recipient gets their own, and the text message too.
    expect((await site.browser.post(`/digest/${id}/intro`, { _csrf: token, intro: 'Hyvää viikkoa!', intro_sv: 'Trevlig vecka!' })).res.status).toBe(303);
    expect(openDigest(db)).toMatchObject({ intro: 'Hyvää viikkoa!', introSv: 'Trevlig vecka!' });
    expect(introCell((await site.browser.get('/digest/preview?lang=sv')).html)).toEqual({ lang: null, text: 'Trevlig vecka!<br>' });
    expect(introCell((await site.browser.get('/digest/preview?lang=fi')).html)).toEqual({ lang: null, text: 'Hyvää viikkoa!<br>' });
    const edited = (await site.browser.get('/digest')).html;
    expect(edited).toMatch(/name="intro_sv"[^>]*>Trevlig vecka!<\/textarea>/);

    // A form without the Swedish field (an older page) changes only the Finnish one.
    expect((await site.browser.post(`/digest/${id}/intro`, { _csrf: token, intro: 'Hei' })).res.status).toBe(303);
    expect(openDigest(db)).toMatchObject({ intro: 'Hei', introSv: 'Trevlig vecka!' });
    // Too long is refused in the person's language, naming the length.
    const long = await site.browser.post(`/digest/${id}/intro`, { _csrf: token, intro: 'x', intro_sv: 'y'.repeat(4001) });
    expect(long.res.status).toBe(400);
    // An escape (a crafted form) would go out in every recipient's message: refused naming it; line breaks are kept.
    const escaped = await site.browser.post(`/digest/${id}/intro`, { _csrf: token, intro: 'Hei\r\n\u001b[2J' });
    expect([escaped.res.status, escaped.html]).toEqual([400, expect.stringContaining('on ohjausmerkki (U+001B, 5. merkki)')]);
    expect(openDigest(db)).toMatchObject({ intro: 'Hei', introSv: 'Trevlig vecka!' });
    expect((await site.browser.post(`/digest/${id}/intro`, { _csrf: token, intro: 'Hei\r\nkaikki' })).res.status).toBe(303);
    expect(openDigest(db)).toMatchObject({ intro: 'Hei\nkaikki' });
  });
});
