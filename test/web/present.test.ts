// The pure parts of the read pages: deadlines in words, escaping before marking, search marks, the filter's
// query string, safe links, weeks and the chart, and source errors in plain Finnish.
import { describe, expect, it } from 'vitest';
import { deadlineView, escapeHtml, markText, phraseRanges, summaryAbove } from '../../src/web/routes/present.js';
import { searchAlternatives, searchRanges } from '../../src/web/routes/search-marks.js';
import { parseItemQuery, queryString, type KnownValues } from '../../src/web/routes/item-query.js';
import { safeHref } from '../../src/web/routes/item.js';
import { barChart, weekMondays } from '../../src/web/routes/week-chart.js';
import { healthLine, sourceHealth } from '../../src/web/routes/source-health.js';
import { plainError } from '../../src/present/source-words.js';
import { createAnalyzer } from '../../src/tag/analyze.js';
import { searchQuery } from '../../src/tag/index-terms.js';
import type { SourceDef } from '../../src/model.js';
import type { SourceState } from '../../src/store/index.js';

describe('the summary above the text', () => {
  const summary = 'Asetuksella tarkistettaisiin rahoituksen perusteita, mukaan lukien pelastustoimen osuus & riskikerroin.';
  it.each([
    // lausuntopalvelu: the description is the text's first paragraph, with markup and entities.
    ['<p>Asetuksella tarkistettaisiin rahoituksen\n perusteita, mukaan lukien <em>pelastustoimen</em> osuus &amp; riskikerroin.</p><p>Lisää.</p>', null],
    // Cut to the summary's size with an ellipsis.
    ['<p>Asetuksella tarkistettaisiin rahoituksen perusteita, mukaan lukien pelastustoimen osuus &amp; riskikerroin ja paljon muuta.</p>', 'cut'],
    // A text that says something else, or begins with the same words and goes on differently: the summary stays.
    ['<p>Lausuntoaika päättyy 11.12.2026.</p>', summary],
    ['<p>Asetuksella tarkistettaisiin rahoituksen perusteita.</p><p>Muuta.</p>', summary],
    ['', summary],
  ])('%s', (html, shown) => {
    const cut = 'Asetuksella tarkistettaisiin rahoituksen perusteita, mukaan lukien pelastustoimen osuus & riskikerroin…';
    if (shown === 'cut') expect(summaryAbove(cut, html)).toBeNull();
    else expect(summaryAbove(summary, html)).toBe(shown);
  });
});

describe('deadlines in words', () => {
  it.each([
    ['2026-12-02', '2026-12-02', 'päättyy tänään', false, 'deadline-soon'],
    ['2026-12-02', '2026-12-03', 'huomenna', false, 'deadline-soon'],
    ['2026-12-02', '2026-12-09', '7 pv jäljellä', false, 'deadline-soon'],
    ['2026-12-02', '2026-12-10', '8 pv jäljellä', false, 'deadline'],
    ['2026-12-02', '2026-12-01', 'päättyi eilen', true, 'deadline-past'],
    ['2026-12-02', '2026-11-22', 'päättyi 10 pv sitten', true, 'deadline-past'],
    // Across the change to summer time the days still count whole.
    ['2027-03-27', '2027-03-29', '2 pv jäljellä', false, 'deadline-soon'],
  ])('today %s, deadline %s: %s', (today, deadline, left, past, cls) => {
    expect(deadlineView(deadline, today)).toMatchObject({ left, past, cls });
  });

  it('no deadline is no view', () => expect(deadlineView(null, '2026-12-02')).toBeNull());
});

describe('marking matches', () => {
  it('escapes first, then marks, so stored markup stays text', () => {
    const text = '<script>alert(1)</script> pelastuslain muutos & "lainaus"';
    const html = markText(text, phraseRanges(text, ['pelastuslain', 'script']));
    expect(html).toBe('&lt;<mark>script</mark>&gt;alert(1)&lt;/<mark>script</mark>&gt; <mark>pelastuslain</mark> muutos &amp; &quot;lainaus&quot;');
  });

  it('overlapping ranges mark once', () => {
    expect(markText('pelastuslaitos', [[0, 8], [0, 14]])).toBe('<mark>pelastus</mark>laitos');
  });

  it('escapes every character handlebars escapes', () => expect(escapeHtml(`<>&"'\`=`)).toBe('&lt;&gt;&amp;&quot;&#39;&#96;&#61;'));

  it('marks the words the store search finds: inflected forms and compounds, not look-alikes', () => {
    const analyzer = createAnalyzer('snowball');
    const alts = searchAlternatives(searchQuery('pelastuslaki kunta', analyzer)!);
    const text = 'Pelastuslain muutos koskee kuntien ja kuntayhtymien tehtäviä; kuusi kuukautta.';
    const marked = markText(text, searchRanges(text, 'fi', alts, analyzer));
    expect(marked).toContain('<mark>Pelastuslain</mark>');
    expect(marked).toContain('<mark>kuntien</mark>');
    expect(marked).not.toContain('<mark>kuusi</mark>');
    expect(marked).not.toContain('<mark>kuukautta</mark>');
  });

  it("finds a word's index terms once, whatever texts it comes back in (list rows share their words)", () => {
    const snowball = createAnalyzer('snowball');
    const asked: string[] = [];
    const analyzer = { ...snowball, analyze: (word: string, lang: 'fi' | 'sv') => (asked.push(word), snowball.analyze(word, lang)) };
    const alts = searchAlternatives(searchQuery('pelastuslaki', snowball)!);
    const marks = (text: string) => markText(text, searchRanges(text, 'fi', alts, analyzer, new Map()));
    expect(marks('Pelastuslain muutos 1')).toBe('<mark>Pelastuslain</mark> muutos 1');
    expect(asked.filter((w) => w === 'pelastuslain')).toHaveLength(1);
    // Another row's text, another page's answers per word: the word's terms are already known.
    expect(marks('Pelastuslain muutos 2 ja kunnat')).toBe('<mark>Pelastuslain</mark> muutos 2 ja kunnat');
    expect(asked.filter((w) => w === 'pelastuslain')).toHaveLength(1);
    expect(asked).toContain('kunnat');
  });

  it('marks ranges given out of order, and text with nothing to escape or mark, as before', () => {
    expect(markText('a b c', [[4, 5], [0, 1]])).toBe('<mark>a</mark> b <mark>c</mark>');
    expect(markText('pelastus', [])).toBe('pelastus');
    expect(markText('a<b', [])).toBe('a&lt;b');
  });

  it('analyses a text\'s words once for every search that marks it, with the same marks', () => {
    const snowball = createAnalyzer('snowball');
    // The real analyzer, its calls counted.
    let calls = 0;
    const analyzer = { ...snowball, analyze: (word: string, lang: 'fi' | 'sv') => (calls++, snowball.analyze(word, lang)) };
    const text = 'Pelastuslain muutos koskee kuntien ja kuntayhtymien tehtäviä; kuusi kuukautta.';
    const marks = (q: string) => markText(text, searchRanges(text, 'fi', searchAlternatives(searchQuery(q, snowball)!), analyzer));
    expect(marks('pelastuslaki')).toBe('<mark>Pelastuslain</mark> muutos koskee kuntien ja kuntayhtymien tehtäviä; kuusi kuukautta.');
    expect(calls).toBeGreaterThan(0);
    calls = 0;
    // Another search, a new page's answers per word: the words and their keys are the text's, already found.
    expect(marks('kunta')).toBe('Pelastuslain muutos koskee <mark>kuntien</mark> ja <mark>kuntayhtymien</mark> tehtäviä; kuusi kuukautta.');
    expect(marks('tehtävä')).toBe('Pelastuslain muutos koskee kuntien ja kuntayhtymien <mark>tehtäviä</mark>; kuusi kuukautta.');
    expect(calls).toBe(0);
  });

  it("marks a searched identifier's words where they stand together, in any spelling searched, and not its numbers elsewhere", () => {
    const analyzer = createAnalyzer('snowball');
    const text = 'Hallituksen esitys HE 196/2026 vp pelastuslaiksi; 196 henkilöä, vuonna 2026 ja RP196/2026 rd.';
    const marks = (q: string) => markText(text, searchRanges(text, 'fi', searchAlternatives(searchQuery(q, analyzer)!), analyzer));
    const want = 'Hallituksen esitys <mark>HE</mark> <mark>196</mark>/<mark>2026</mark> vp pelastuslaiksi; 196 henkilöä, vuonna 2026 ja <mark>RP196</mark>/<mark>2026</mark> rd.';
    for (const q of ['HE 196/2026', 'rp 196/2026 rd', 'he196/2026vp']) expect(marks(q)).toBe(want);
    expect(marks('HE 196/2026 pelastuslaki')).toBe(want.replace('pelastuslaiksi', '<mark>pelastuslaiksi</mark>'));
    // A phrase typed in quotes: its words together are marked, as they were by their own terms.
    expect(markText('kunnan talous ja kunnat', searchRanges('kunnan talous ja kunnat', 'fi', searchAlternatives(searchQuery('"kunnan talous"', analyzer)!), analyzer)))
      .toBe('<mark>kunnan</mark> <mark>talous</mark> ja <mark>kunnat</mark>');
  });

  // One whole-or-prefix match for a word's keys, its written forms and a phrase's words (FTS5 expressions as the store writes them).
  it.each([
    ['a whole term: every word with it for a key (lager and lagen by their stem)', '"lag"', '<mark>lag</mark> och <mark>lager</mark>; <mark>brand-lagen</mark>, <mark>Lag-ändring</mark>'],
    ['a whole term: not a key it only starts', '"la"', 'lag och lager; brand-lagen, Lag-ändring'],
    ['a prefix: every key it starts', '"lag"*', '<mark>lag</mark> och <mark>lager</mark>; <mark>brand-lagen</mark>, <mark>Lag-ändring</mark>'],
    ['a whole term as written: a piece of a hyphened word, lowercased', '{title summary} : "lag"', '<mark>lag</mark> och lager; brand-lagen, <mark>Lag-ändring</mark>'],
    ['a prefix as written', '{title summary} : "lage"*', 'lag och <mark>lager</mark>; <mark>brand-lagen</mark>, Lag-ändring'],
    ['a phrase, its last term a prefix', '"och" + "la"*', 'lag <mark>och</mark> <mark>lager</mark>; brand-lagen, Lag-ändring'],
    ['a phrase of whole terms, written pieces included', '"lager" + "lagen"', 'lag och <mark>lager</mark>; <mark>brand-lagen</mark>, Lag-ändring'],
    ['a phrase whose whole term is only a prefix there', '"och" + "la"', 'lag och lager; brand-lagen, Lag-ändring'],
  ])('marks %s', (_, fts, want) => {
    const text = 'lag och lager; brand-lagen, Lag-ändring';
    expect(markText(text, searchRanges(text, 'sv', searchAlternatives(fts), createAnalyzer('snowball')))).toBe(want);
  });

  it('reads the alternatives of an FTS5 expression, quotes included', () => {
    expect(searchAlternatives('("pelastus"* OR "pelastus") AND ("a""b")')).toEqual([
      { text: 'pelastus', prefix: true }, { text: 'pelastus', prefix: false }, { text: 'a"b', prefix: false },
    ]);
  });
});

describe('the items filter as a query string', () => {
  const known: KnownValues = {
    goals: ['services', 'welfare-reform'], sources: ['stm', 'lausuntopalvelu'], organisations: () => ['Sisäministeriö'],
    search: (t) => (/\w/.test(t) ? `"${t}"` : null),
  };

  it('reads every filter and keeps what was given for links', () => {
    const p = parseItemQuery({ q: 'pelastus', goal: 'services', source: 'stm', org: 'Sisäministeriö', kind: 'bill', stage: 'committee',
      lang: 'sv', from: '2026-11-01', to: '2026-11-30', reviewed: 'ei', deadline: 'kylla' }, known);
    expect(p.errors).toEqual([]);
    expect(p.filter).toEqual({
      goal: 'services', source: 'stm', organisations: ['Sisäministeriö'], kind: 'bill', stage: 'committee', language: 'sv',
      from: '2026-10-31T22:00:00.000Z', until: '2026-11-30T22:00:00.000Z', reviewed: false, hasDeadline: true, match: '"pelastus"',
    });
    expect(queryString(p.form, { before: 'x' })).toBe('?q=pelastus&goal=services&source=stm&org=Sis%C3%A4ministeri%C3%B6&kind=bill&stage=committee&lang=sv&from=2026-11-01&to=2026-11-30&reviewed=ei&deadline=kylla&before=x');
  });

  it('a control character leaves its filter unread and out of the form and links', () => {
    const p = parseItemQuery({ q: 'pelastus\u0000', goal: 'services' }, known);
    expect([p.filter, queryString(p.form)]).toEqual([{ goal: 'services' }, '?goal=services']);
  });

  it('empty values are no filter', () => {
    const p = parseItemQuery({ q: '', goal: '', source: ' ' }, known);
    expect([p.filter, p.errors, queryString(p.form)]).toEqual([{}, [], '']);
  });

  it.each([
    [{ goal: 'palvelut' }, 'Tuntematon tavoite "palvelut". Mahdolliset arvot: services (services), welfare-reform (welfare-reform).'],
    [{ source: 'yle' }, 'Tuntematon lähde "yle"'],
    [{ kind: 'memo' }, 'Tuntematon asiakirjatyyppi "memo". Mahdolliset arvot: statement-request (lausuntopyyntö)'],
    [{ stage: 'done' }, 'Tuntematon asian vaihe "done"'],
    [{ lang: 'en' }, 'Tuntematon kieli "en". Mahdolliset arvot: fi (suomi), sv (ruotsi).'],
    [{ org: 'Kela' }, 'Organisaatiolta "Kela" ei ole tallennettu yhtään asiakirjaa'],
    [{ from: '2026-02-30' }, 'Päivämäärää "2026-02-30" (alkaen) ei ole: kuussa 2/2026 on 28 päivää.'],
    [{ to: '30.11.2026' }, 'Päivämäärä "30.11.2026" (asti) ei kelpaa: anna se muodossa VVVV-KK-PP'],
    [{ from: '2026-12-01', to: '2026-11-01' }, 'Alkupäivä 2026-12-01 on loppupäivän 2026-11-01 jälkeen.'],
    [{ reviewed: 'yes' }, 'Suodattimen "tarkistettu" arvo "yes" ei kelpaa'],
    [{ deadline: '1' }, 'Suodattimen "määräaika" arvo "1" ei kelpaa'],
    [{ q: '!!!' }, 'Hakutekstissä "!!!" ei ole sanoja, joita hakea.'],
    [{ q: 'a'.repeat(201) }, 'Hakuteksti on liian pitkä'],
    [{ goal: ['services', 'welfare-reform'] }, 'Suodatin "goal" on annettu useammin kuin kerran'],
    [{ before: '2026-11-01_x' }, 'Sivun osoite ei kelpaa'],
    // A cursor on no real instant (a crafted address) listed from the top; 30 February Date reads as 2 March.
    [{ before: '2026-13-01T00:00:00.000Z_5' }, 'Sivun osoite ei kelpaa'],
    [{ before: '2026-12-32T00:00:00.000Z_5' }, 'Sivun osoite ei kelpaa'],
    [{ after: '2026-02-30T10:00:00.000Z_5' }, 'Sivun osoite ei kelpaa'],
    [{ after: '2026-12-01T24:00:00Z_5' }, 'Sivun osoite ei kelpaa'],
    // A control character in any filter is named, not read (the search box echoed a NUL).
    [{ q: 'a\u0000b' }, 'Haussa on ohjausmerkki (U+0000, 2. merkki)'],
    [{ org: '\u001b[2J' }, 'Suodattimen "org" arvossa on ohjausmerkki (U+001B, 1. merkki)'],
    [{ from: '2026-11-01\u0000' }, 'Suodattimen "from" arvossa on ohjausmerkki (U+0000, 11. merkki)'],
  ])('%j is refused in Finnish', (query, message) => {
    const p = parseItemQuery(query as Record<string, unknown>, known);
    expect(p.errors.join(' ')).toContain(message);
  });
});

describe('links from feeds', () => {
  it.each([
    ['https://example.fi/a?b=1', 'https://example.fi/a?b=1'],
    ['http://example.fi/', 'http://example.fi/'],
    ['javascript:alert(1)', null],
    [' JavaScript:alert(1)', null],
    ['data:text/html,<script>alert(1)</script>', null],
    ['/relative', null],
    ['vbscript:x', null],
    [null, null],
  ])('%s → %s', (url, href) => expect(safeHref(url)).toBe(href));
});

describe('weeks and the chart', () => {
  it('weeks start on Mondays, the last one holding today', () => {
    expect(weekMondays('2026-12-02', 3)).toEqual(['2026-11-16', '2026-11-23', '2026-11-30']);
    expect(weekMondays('2026-11-29', 1)).toEqual(['2026-11-23']);
  });

  it('draws one bar a week from numbers only, this week set apart, hidden from screen readers', () => {
    const svg = barChart([0, 5, 10]);
    expect(svg.match(/<rect /g)).toHaveLength(3);
    expect(svg).toContain('aria-hidden="true"');
    expect(svg).toMatch(/<rect class="bar bar-now" x="80" y="2" width="37" height="26">/);
    expect(svg).not.toMatch(/style=|<script/);
  });
});

describe('source health in plain Finnish and Swedish', () => {
  it.each([
    ['fetch: the server answered HTTP 500 Internal Server Error', 'Palvelimella on häiriö (HTTP 500).'],
    ['fetch: the server answered HTTP 404 Not Found', 'Osoitetta ei löytynyt palvelimelta (HTTP 404); lähteen osoite on ehkä muuttunut.'],
    ['fetch: could not find the host x.fi (DNS lookup failed)', 'Palvelimen nimeä ei löytynyt: verkkoyhteys puuttuu tai osoite on väärä.'],
    ['fetch: the server is rate limiting us (HTTP 429); retry after 60 s', 'Palvelin pyysi hakemaan harvemmin; haetaan uudelleen myöhemmin.'],
    ['fetch: x.fi did not answer within 30 s', 'Palvelin ei vastannut ajoissa.'],
    ['parse: no items found: the page layout or the API may have changed', 'Lähteestä ei löytynyt yhtään asiakirjaa; sivun rakenne tai rajapinta on ehkä muuttunut.'],
    ['parse: unexpected close tag', 'Syötteen tai sivun sisältöä ei voitu lukea; sen muoto on ehkä muuttunut.'],
    ['interrupted: the process (pid 12) ended before the run finished', 'Haku keskeytyi, koska ohjelma pysähtyi kesken haun.'],
    // A run that `serve` or `crawl` stopped, as pipeline.ts stores it: the cause in brackets is what the abort did to
    // the request, not the source's fault, so the sentence is the interruption's (it read "Yhteys katkesi kesken haun.").
    ['interrupted: the process was stopping before the run finished (fetch: the connection to 127.0.0.1:3499 closed before the whole response arrived)', 'Haku keskeytyi, koska ohjelma pysähtyi kesken haun.'],
    ['interrupted: the process was stopping before the run finished (fetch: x.fi did not answer within 30 s)', 'Haku keskeytyi, koska ohjelma pysähtyi kesken haun.'],
    ['something nobody foresaw', 'Haku epäonnistui.'],
  ])('%s', (error, finnish) => expect(plainError(error)).toBe(finnish));

  const def = (id: string) => ({ id, name: id.toUpperCase() }) as SourceDef;
  const state = (id: string, lastStatus: string | null) => ({ id, lastStatus, lastError: 'fetch: the server answered HTTP 503' }) as SourceState;

  it('all well is said only when every source is well', () => {
    const all = sourceHealth([def('a'), def('b')], [state('a', 'ok'), state('b', 'not-modified')]);
    expect(healthLine(all, 0)).toEqual({ text: '2/2 kunnossa', ok: true });
    expect(healthLine(all, 1)).toEqual({ text: '2/2 kunnossa; 1 virheellinen lähdemäärittely', ok: false });
  });

  it('names the failing sources and those not fetched yet', () => {
    const all = sourceHealth([def('a'), def('b'), def('c'), def('d')], [state('a', 'ok'), state('b', 'error'), state('c', 'interrupted')]);
    expect(healthLine(all, 0)).toEqual({ text: '1/4 kunnossa; haut epäonnistuvat: B, C; 1 lähde on vielä hakematta', ok: false });
    expect(all[1].error).toBe('Palvelimella on häiriö (HTTP 503).');
  });

  it('no sources at all is not all well', () => expect(healthLine([], 0).ok).toBe(false));

  it.each([
    ['fetch: the server answered HTTP 500 Internal Server Error', 'Servern har en störning (HTTP 500).'],
    ['fetch: the server answered HTTP 403 Forbidden', 'Servern tillät inte att sidan lästes (HTTP 403).'],
    ['fetch: x.fi did not answer within 30 s', 'Servern svarade inte i tid.'],
    ['interrupted: the process (pid 12) ended before the run finished', 'Hämtningen avbröts, eftersom programmet stannade mitt i hämtningen.'],
    ['interrupted: the process was stopping before the run finished (fetch: the connection to x.fi was reset)', 'Hämtningen avbröts, eftersom programmet stannade mitt i hämtningen.'],
    ['something nobody foresaw', 'Hämtningen misslyckades.'],
    [null, 'Hämtningen misslyckades.'],
  ])('in Swedish for a Swedish page: %s', (error, swedish) => expect(plainError(error, 'sv')).toBe(swedish));

  it('a failing source\'s error follows the page\'s language', () => {
    const all = sourceHealth([def('a')], [state('a', 'error')], 'sv');
    expect(all[0].error).toBe('Servern har en störning (HTTP 503).');
    expect(sourceHealth([def('a')], [state('a', 'error')])[0].error).toBe('Palvelimella on häiriö (HTTP 503).');
  });
});
