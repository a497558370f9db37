// The subscriptions page's organisations on the real app: each organisation once whatever letter case its sources
// write, one item's two organisations as two, in Finnish order; a ticked one saved as followed and shown ticked again.
import { describe, expect, it } from 'vitest';
import { item, seedDigestDb, store } from '../digest/seed.js';
import { useSite, type Site } from './support.js';
import { mailConfig } from '../../src/mail/config.js';
import { insertSubscription, listSubscriptions } from '../../src/store/subscriptions.js';
import type { Db } from '../../src/store/index.js';

let db: Db;
let site: Site;

useSite('admin', (s) => ({ db, site } = s), {
  open: () => {
    const db = seedDigestDb(':memory:');
    const now = new Date();
    store(db, 'sm', [
      item({ source: 'sm', key: 'o1', title: 'Yhteinen tiedote', organisation: 'Pelastusopisto, sisäministeriö' }, now),
      item({ source: 'sm', key: 'o2', title: 'Tiedote', organisation: 'sisäministeriö' }, now),
      item({ source: 'sm', key: 'o3', title: 'Ålands tiedote', organisation: 'Ålands landskapsregering' }, now),
      item({ source: 'sm', key: 'o4', title: 'Aluehallitus', organisation: 'Länsi-Uudenmaan hyvinvointialue' }, now),
    ]);
    return db;
  },
  deps: { mail: mailConfig({}) },
});

const boxes = (html: string) =>
  [...html.matchAll(/<input type="checkbox" name="organisations" value="([^"]*)"( checked)?>/g)].map((m) => `${m[1]}${m[2] ? ' ✓' : ''}`);

describe('the organisations a person can tick', () => {
  it('are each one organisation once, in Finnish order, and a subscription to one of them reads as ticked', async () => {
    const { html } = await site.browser.get('/subscriptions');
    expect(boxes(html)).toEqual(['Eduskunta', 'Länsi-Uudenmaan hyvinvointialue', 'Pelastusopisto', 'Sisäministeriö', 'Ålands landskapsregering']);

    // Ticking one follows it, and the item that names it among two reaches the follower (the digest matches each name).
    const saved = await site.browser.post('/subscriptions', {
      _csrf: await site.browser.token('/subscriptions'), email: 'org@example.fi', kind: 'personal', organisations: 'Pelastusopisto', every: 'weekly', lang: 'fi',
    });
    expect(saved.res.status).toBe(303);
    const [s] = listSubscriptions(db, { email: 'org@example.fi' });
    expect(s.organisations).toEqual(['Pelastusopisto']);
    expect((await site.browser.get(`/subscriptions/${s.id}/edit`)).html).toContain('value="Pelastusopisto" checked>');

    // One followed in another letter case, or as the whole stored string, shows as ticked, not as a second box.
    const other = insertSubscription(db, { email: 'org2@example.fi', kind: 'personal', organisations: ['SISÄMINISTERIÖ'], createdBy: 'test', now: new Date().toISOString() });
    expect(boxes((await site.browser.get(`/subscriptions/${other}/edit`)).html)).toEqual(
      ['Eduskunta', 'Länsi-Uudenmaan hyvinvointialue', 'Pelastusopisto', 'SISÄMINISTERIÖ ✓', 'Ålands landskapsregering']);
    const whole = insertSubscription(db, { email: 'org3@example.fi', kind: 'personal', organisations: ['Pelastusopisto, sisäministeriö'], createdBy: 'test', now: new Date().toISOString() });
    expect(boxes((await site.browser.get(`/subscriptions/${whole}/edit`)).html)).toContain('Pelastusopisto, sisäministeriö ✓');
  });
});
