// The items table speaks the page's language: its headers, labels and notes are Swedish for a person who chose
// Swedish, on every page that shows it; the rows' values are escaped.
import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { viewsDir } from '../../src/paths.js';
import { word } from '../../src/present/words-web.js';
import { setUserLanguage, type Db } from '../../src/store/index.js';
import { itemRowHtml, itemTable, storedRowHtml } from '../../src/web/item-table.js';
import { rowView, type RowContext, type RowView } from '../../src/web/routes/present.js';
import type { ItemRow } from '../../src/store/index.js';
import { servePages, useSeededSite } from './support.js';

const row = (over: Partial<RowView & { unread: boolean }> = {}): RowView & { unread?: boolean } => ({
  id: 7, href: '/items/7', titleHtml: 'Pelastuslaki &amp; muuta', summaryHtml: undefined, lang: null, sourceName: 'Lähde <x>',
  organisation: 'Sisäministeriö', published: '2026-03-01T10:00:00Z', goals: [{ id: 'services', label: 'Palvelut' }],
  notRelevant: false, reviewedBy: null, deadline: null, matter: 12, matterStage: null, ...over,
});

describe('itemTable', () => {
  it.each([
    ['fi', ['<th scope="col">Asiakirja</th>', '<th scope="col">Asian vaihe</th>', '(lukematon)', 'ei koske verkostoa', '(tarkistettu)', '>asiakokonaisuus 12</a>']],
    ['sv', ['<th scope="col">Dokument</th>', '<th scope="col">Ärendets skede</th>', '(oläst)', 'gäller inte nätverket', '(granskad)', '>ärendehelhet 12</a>']],
  ] as const)('%s: its own words', (lang, words) => {
    const html = itemTable({ caption: 'Otsikko', rows: [row({ unread: true }), row({ id: 8, notRelevant: true, reviewedBy: 'juristi' })] }, lang);
    for (const w of words) expect(html).toContain(w);
    expect(html).toContain('Lähde &lt;x&gt;');
    expect(html.match(/<tr/g)).toHaveLength(3);
  });

  it.each(['fi', 'sv'] as const)('%s: on a phone its cells are labelled by column from pages.css, in the headers\' words and order', (lang) => {
    const css = fs.readFileSync(path.join(viewsDir, 'static', 'pages.css'), 'utf8');
    const scope = lang === 'sv' ? ':lang\\(sv\\)' : '';
    const labels = [2, 3, 4, 5, 6].map((n) => new RegExp(`\\.items${scope} tbody td:nth-child\\(${n}\\)::before \\{ content: "([^"]*): "; \\}`).exec(css)?.[1]);
    expect(labels).toEqual(['source', 'published', 'goals', 'deadline', 'stage'].map((k) => word(lang, `table.${k}`)));
    // The header row names the same columns in the same order (the row header first).
    const head = [...itemTable({ caption: 'C', rows: [row()] }, lang).matchAll(/<th scope="col">([^<]*)<\/th>/g)].map((m) => m[1]);
    expect(head.slice(1)).toEqual(labels);
    expect(itemTable({ caption: 'C', rows: [row()] }, lang)).not.toContain('data-label');
  });

  it('is Finnish when no language is given, with the markup it always had', () => {
    expect(itemTable({ caption: 'C', rows: [] })).toBe(`<table class="items">
<caption>C</caption>
<thead><tr><th scope="col">Asiakirja</th><th scope="col">Lähde</th><th scope="col">Julkaistu</th><th scope="col">Tavoitteet</th><th scope="col">Määräaika</th><th scope="col">Asian vaihe</th></tr></thead>
<tbody>
</tbody>
</table>`);
  });
});

describe('the items table on the pages', () => {
  let db: Db;
  let site: Awaited<ReturnType<typeof servePages>>;
  useSeededSite('reader', (s) => ({ db, site } = s));

  it('is Swedish on the list and the overview for a person who chose Swedish, Finnish again after', async () => {
    const id = db.prepare("SELECT id FROM users WHERE email = 'reader@example.fi'").pluck().get() as number;
    setUserLanguage(db, id, 'sv');
    try {
      for (const url of ['/items', '/']) {
        const html = (await site.browser.get(url)).html;
        expect(html).toContain('<th scope="col">Ärendets skede</th>');
        expect(html).not.toContain('<th scope="col">Asian vaihe</th>');
      }
    } finally {
      setUserLanguage(db, id, 'fi');
    }
    expect((await site.browser.get('/items')).html).toContain('<th scope="col">Asian vaihe</th>');
  }, 60_000);
});

describe('itemRowHtml', () => {
  // The list page hands the read state in beside the row, not in a copy of it ({ ...row, unread }): the copy was two
  // thirds of building a page's rows.
  it('marks the row unread when told so beside the row, as the row\'s own flag does', () => {
    const { unread: _, ...plain } = row();
    expect(itemRowHtml(plain, 'fi', true)).toBe(itemRowHtml({ ...plain, unread: true }, 'fi'));
    expect(itemRowHtml(plain, 'fi', true)).toContain('<tr class="unread">');
    expect(itemRowHtml({ ...plain, unread: true }, 'sv', false)).toBe(itemRowHtml(plain, 'sv'));
    expect(itemRowHtml(plain, 'fi', false)).not.toContain('unread');
  });
});

describe('storedRowHtml', () => {
  // The list page builds its rows straight from the stored rows, without a rowView object for each: the same markup.
  const stored = (over: Partial<ItemRow & { matterStage: string | null }> = {}): ItemRow & { matterStage?: string | null } => ({
    id: 41, source: 'stm', title: 'Laki "x" & <y> = z', url: null, published: '2026-03-01T22:30:00.000Z', summary: '', language: 'fi',
    identifiers: [], deadline: null, organisation: 'Sisä<ministeriö>', kind: 'bill', stage: null, relevant: true, goals: ['services', 'welfare-reform'],
    primary: 'services', joint: false, reviewedBy: null, matter: null, ...over,
  });
  const ctx = (lang: 'fi' | 'sv'): RowContext => ({ sourceName: (id) => `Lähde ${id} & co`, goalLabel: (id) => `${lang}:${id}<`, today: '2026-03-10', lang });
  const rows = [
    stored(),
    stored({ language: 'sv', deadline: '2026-03-12', matter: 12, matterStage: 'consultation', reviewedBy: 'juristi', relevant: false, goals: [] }),
    stored({ deadline: '2026-03-09', matter: 13, matterStage: null, organisation: null, published: null }),
    stored({ deadline: '2026-04-30', matter: 14, matterStage: 'an-unknown-stage', language: 'en', relevant: null }),
    stored({ deadline: '2026-03-10', title: 'plain' }),
  ];
  it.each(['fi', 'sv'] as const)('%s: is what itemRowHtml makes of the row\'s rowView, read or unread, marked or not', (lang) => {
    for (const r of rows)
      for (const unread of [false, true])
        for (const marks of [[], ['<mark>Laki</mark> x', 'Tiivistelmä <mark>x</mark>']] as string[][]) {
          const expected = itemRowHtml(rowView(r, ctx(lang), marks[0], marks[1]), lang, unread);
          expect(storedRowHtml(r, ctx(lang), unread, marks[0], marks[1])).toBe(expected);
        }
  });

  it('rowView carries no kind label: no table shows it', () => {
    expect(rowView(stored(), ctx('fi'))).not.toHaveProperty('kind');
  });
});
