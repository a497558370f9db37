// The digest page's introduction: one text, sent as written to every recipient, so the page says when Swedish
// recipients get it too (the e-mail's own words are Swedish for them; the introduction is what the secretariat wrote).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDigestDb } from '../digest/seed.js';
import { Browser } from '../helpers/web.js';
import { servePages, webDeps } from './support.js';
import { mailConfig } from '../../src/mail/config.js';
import { insertSubscription } from '../../src/store/subscriptions.js';
import type { Db } from '../../src/store/index.js';

let db: Db;
let site: Awaited<ReturnType<typeof servePages>>;

beforeAll(async () => {
  db = seedDigestDb(':memory:');
  site = await servePages(webDeps(db, { mail: mailConfig({}) }), 'admin');
}, 60_000);

afterAll(async () => {
  await site.close();
  db.close();
});

describe('the introduction of the network digest', () => {
  it('says it goes as written to Swedish recipients too, only when there are any', async () => {
    const token = Browser.token((await site.browser.get('/digest')).html);
    expect((await site.browser.post('/digest/draft', { _csrf: token })).res.status).toBe(303);
    insertSubscription(db, { email: 'verkosto@example.fi', kind: 'network', createdBy: 'test', now: new Date().toISOString() });
    expect((await site.browser.get('/digest')).html).not.toContain('ruotsinkielisille');
    insertSubscription(db, { email: 'natverk@example.fi', kind: 'network', lang: 'sv', createdBy: 'test', now: new Date().toISOString() });
    const html = (await site.browser.get('/digest')).html;
    expect(html).toContain('Johdanto lähtee sellaisenaan myös ruotsinkielisille vastaanottajille (1): kirjoita se molemmilla kielillä, jos he tarvitsevat sen ruotsiksi.');
  });
});
