// The draft editor's pure parts: moving an entry among its peers, the sections as listed, delivery errors in Finnish and Swedish.
import { describe, expect, it } from 'vitest';
import { editorGroups, mailError, movedOrder } from '../../src/web/routes/digest-draft.js';
import type { Digest } from '../../src/digest/build.js';
import type { DraftEntry } from '../../src/store/digests.js';

const entry = (section: DraftEntry['section'], ref: string, position: number, goal: string | null = null, removed = false): DraftEntry =>
  ({ section, ref, position, goal, removed });

const ENTRIES = [
  entry('respond', 'matter:1', 0),
  entry('moved', 'event:4', 0),
  entry('new', 'item:10', 0, 'services'),
  entry('new', 'item:11', 1, 'welfare-reform'),
  entry('new', 'item:12', 2, 'services', true),
  entry('new', 'item:13', 3, 'services'),
];

describe('movedOrder', () => {
  it.each([
    ['item:13', 'up', ['item:10', 'item:11', 'item:13', 'item:12']],
    ['item:10', 'down', ['item:12', 'item:11', 'item:10', 'item:13']],
    // A new item moves among those of its own goal only: the welfare one has no peer.
    ['item:11', 'up', null],
    ['item:10', 'up', null],
    ['item:13', 'down', null],
    ['item:99', 'up', null],
  ] as const)('%s %s → %j', (ref, dir, want) => {
    expect(movedOrder(ENTRIES, 'new', ref, dir)).toEqual(want);
  });
});

const digest = (over: Partial<Digest>): Digest => ({
  kind: 'network', lang: 'fi', periodStart: '', periodEnd: '', intro: null, respond: [], moved: [], groups: [], empty: false, ...over,
});
const newItem = (id: number, title: string) =>
  ({ ref: `item:${id}`, item: id, title, url: null, source: 's', organisation: null, published: null, matter: null, why: `miksi ${id}` });

describe('editorGroups', () => {
  it('lists each section in the draft\'s order, new items under their goals, removed ones from the second digest, missing ones by number', () => {
    const edited = digest({
      respond: [{ ref: 'matter:1', matter: 1, item: 5, title: 'Kierros', deadline: '2026-12-24', organisation: null, owner: null, status: null, internalDeadline: null }],
      groups: [{ goal: 'services', label: 'Palvelut', items: [newItem(10, 'Kymmenen'), newItem(13, 'Kolmetoista')], more: 0 }],
    });
    const now = digest({ groups: [{ goal: 'services', label: 'Palvelut', items: [newItem(12, 'Kaksitoista')], more: 0 }] });
    const groups = editorGroups(ENTRIES, [edited, now], { services: 'Palvelut', 'welfare-reform': 'Sote' });
    expect(groups.map((g) => g.heading)).toEqual(['Vaatii yhteistä vastausta', 'Mikä liikkui', 'Uudet asiakirjat tavoitteittain: Palvelut', 'Uudet asiakirjat tavoitteittain: Sote']);
    expect(groups[0].rows[0]).toMatchObject({ title: 'Kierros', href: '/matters/1', detail: 'määräaika 24.12.2026 · ei vastuuhenkilöä · ei vielä yhteisvastaustaululla' });
    expect(groups[1].rows[0]).toMatchObject({ title: 'Muutos 4', href: '', detail: 'ei enää saatavilla' });
    expect(groups[2].rows.map((r) => [r.title, r.removed, r.first, r.last])).toEqual([
      ['Kymmenen', false, true, false], ['Kaksitoista', true, false, false], ['Kolmetoista', false, false, true],
    ]);
    expect(groups[3].rows[0]).toMatchObject({ title: 'Asiakirja #11', href: '/items/11', first: true, last: true });
  });

  it('speaks Swedish on a Swedish page: the mail\'s section headings and lines, goals in Swedish, missing ones by number', () => {
    const edited = digest({
      respond: [{ ref: 'matter:1', matter: 1, item: 5, title: 'Kierros', deadline: '2026-12-24', organisation: null, owner: null, status: null, internalDeadline: null }],
      groups: [{ goal: 'services', label: 'Tjänster', items: [newItem(10, 'Kymmenen'), newItem(13, 'Kolmetoista')], more: 0 }],
    });
    const groups = editorGroups(ENTRIES, [edited], { services: 'Tjänster' }, 'sv');
    expect(groups.map((g) => g.heading)).toEqual(['Kräver ett gemensamt svar', 'Vad som rörde sig', 'Nytt per mål: Tjänster', 'Nytt per mål: Övriga']);
    expect(groups[0].rows[0].detail).toBe('remisstid 24.12.2026 · ingen ansvarsperson · ännu inte på tavlan för gemensamma svar');
    expect(groups[1].rows[0]).toMatchObject({ title: 'Ändring 4', detail: 'inte längre tillgänglig' });
    expect(groups[3].rows[0]).toMatchObject({ title: 'Dokument #11' });
  });
});

describe('mailError', () => {
  it.each([
    ['SMTP 550: 550 poissa@example.fi: no such mailbox', 'ei tunne osoitetta'],
    ['pysyvä virhe: SMTP 550: 550 x', 'ei tunne osoitetta'],
    ['SMTP 552: mailbox full', 'postilaatikko on täynnä'],
    ['SMTP 554: rejected as spam', 'hylkäsi viestin (esimerkiksi roskapostisuodatin'],
    ['SMTP 535: 5.7.8 Authentication failed', 'SMTP_URL:n käyttäjätunnus ja salasana'],
    ['SMTP 451: 451 Try again later', 'tilapäinen virhe'],
    ['5 epäonnistunutta yritystä: SMTP 421: busy', 'tilapäinen virhe'],
    ['ECONNECTION: connect ECONNREFUSED 127.0.0.1:25', 'ei saatu yhteyttä'],
    ['EDNS: getaddrinfo ENOTFOUND mail.example.fi', 'nimeä ei löytynyt'],
    ['ETIMEDOUT: Connection timeout', 'ei vastannut ajoissa'],
    ['tilaus peruttu', 'Tilaus peruttiin'],
    ['jotain outoa', 'Viestin lähettäminen epäonnistui.'],
  ])('%s', (error, words) => {
    expect(mailError(error)).toContain(words);
  });

  it.each([
    ['SMTP 550: 550 poissa@example.fi: no such mailbox', 'känner inte till adressen'],
    ['SMTP 451: 451 Try again later', 'tillfälligt fel'],
    ['jotain outoa', 'Meddelandet kunde inte skickas.'],
    [null, 'Inget fel har sparats.'],
  ])('%s in Swedish', (error, words) => {
    expect(mailError(error, 'sv')).toContain(words);
  });
});
