import { afterAll, describe, expect, it } from 'vitest';
import type { RawItem, SourceDef } from '../../src/model.js';
import { capHtml, cleanText, CONTENT_MAX_BYTES, normalizeItem, sanitizeHtml } from '../../src/normalize/index.js';
import { startServer } from '../helpers/server.js';
import { createFetcher } from '../../src/fetch/index.js';
import { refreshSource } from '../../src/pipeline.js';
import { openDb, syncSources } from '../../src/store/index.js';

const def: SourceDef = {
  id: 'big', name: 'Big', url: 'https://example.fi/feed.xml', kind: 'rss', module: 'rss', schedule: '*/30 * * * *',
  language: 'fi', tags: [], itemKind: 'news', mayBeEmpty: false, options: {}, file: 'feeds/sources/big.yaml',
};
const bytes = (s: string) => Buffer.byteLength(s);
const paragraph = 'Pelastuslain muutos koskee väestönsuojia, hätäkeskuksia &amp; ensihoitoa – lausunnot 15.3.2027 mennessä. ';
/** About `size` bytes of plain paragraphs. */
const paragraphs = (size: number) => `<p>${paragraph.repeat(Math.ceil(size / bytes(paragraph)))}</p>`;

describe('normalize: the content cap', () => {
  it('cuts a 1 MiB summary kept as content to 200 KiB, notes it, and marks it in Finnish', () => {
    const notes: string[] = [];
    const raw: RawItem = { guid: 'g', title: 'Pitkä', summary: paragraphs(1024 * 1024) };
    const item = normalizeItem(raw, def, (m) => notes.push(m));
    expect(bytes(item.contentHtml)).toBeLessThanOrEqual(CONTENT_MAX_BYTES);
    expect(bytes(item.contentHtml)).toBeGreaterThan(CONTENT_MAX_BYTES * 0.9);
    expect(item.contentHtml.endsWith('<p>[… sisältö katkaistu]</p>')).toBe(true);
    expect(sanitizeHtml(item.contentHtml)).toBe(item.contentHtml); // well-formed: sanitizing changes nothing
    expect(notes).toEqual(['content cut from 1 MiB to 200 KiB']);
    // The summary is plain text capped at 4,000 characters, cut at a word with an ellipsis.
    expect(item.summary.length).toBeLessThanOrEqual(4000);
    expect(item.summary.endsWith('…')).toBe(true);
    expect(normalizeItem(raw, def).hash).toBe(item.hash); // the same cut every run: no false updates
  });

  it('marks a Swedish item in Swedish', () => {
    const item = normalizeItem({ title: 'Lång', language: 'sv', content: paragraphs(300 * 1024) }, def);
    expect(item.contentHtml.endsWith('<p>[… innehållet avkortat]</p>')).toBe(true);
  });

  it('leaves content under the cap as it is, with no note', () => {
    const notes: string[] = [];
    const html = paragraphs(150 * 1024);
    expect(normalizeItem({ title: 'x', content: html }, def, (m) => notes.push(m)).contentHtml).toBe(html);
    expect(notes).toEqual([]);
    expect(capHtml(html, 'fi')).toBeNull();
  });

  // Small caps, so every cut position is tried against awkward markup.
  const shapes: [string, string][] = [
    ['entities everywhere', `<p>${'&amp;&lt;&gt;&quot;ä'.repeat(400)}</p>`],
    ['long links (cuts inside tags)', `<p>${'<a href="https://example.fi/a?b=1&amp;c=2" rel="noopener nofollow">linkki</a> '.repeat(100)}</p>`],
    ['deep nesting (closing tags overshoot)', `${'<ul><li><b><i>'.repeat(200)}x${'</i></b></li></ul>'.repeat(200)}`],
    ['multi-byte characters', `<p>${'äöå€😀'.repeat(1000)}</p>`],
    ['a table', `<table><tbody>${'<tr><td>a</td><td>b &amp; c</td></tr>'.repeat(200)}</tbody></table>`],
    ['one word with no spaces', `<p>${'x'.repeat(10_000)}</p>`],
  ];
  for (const max of [600, 1000, 1777, 4096]) {
    it.each(shapes)(`cuts %s safely at ${max} bytes`, (_name, input) => {
      const html = sanitizeHtml(input);
      const capped = capHtml(html, 'fi', max)!;
      expect(capped.fromBytes).toBe(bytes(html));
      expect(bytes(capped.html)).toBeLessThanOrEqual(max);
      expect(capped.html).not.toContain('\uFFFD'); // no character split
      expect(sanitizeHtml(capped.html)).toBe(capped.html); // no broken tag or entity, every tag closed
      const kept = cleanText(capped.html.replace('<p>[… sisältö katkaistu]</p>', ''));
      expect(cleanText(html).startsWith(kept)).toBe(true); // a prefix of the text, nothing invented
      expect(capped.html.endsWith('<p>[… sisältö katkaistu]</p>')).toBe(true);
    });
  }
});

describe('pipeline: the cut is noted on the run', () => {
  const db = openDb(':memory:');
  const fetch = createFetcher({ deadlineMs: 5000 });
  afterAll(async () => {
    await fetch.close();
    db.close();
  });

  it('records "item N: content cut from X to 200 KiB" and stores at most 200 KiB', async () => {
    const escaped = paragraphs(1024 * 1024).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
    const rss = `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>T</title>
      <item><guid>small</guid><title>Lyhyt</title><description>Lyhyt kuvaus</description></item>
      <item><guid>big</guid><title>Pitkä</title><description>${escaped}</description></item></channel></rss>`;
    const server = await startServer({
      '/feed.xml': (_req, res) => void res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(rss),
    });
    try {
      const d = { ...def, url: `${server.url}/feed.xml` };
      syncSources(db, [d]);
      const run = await refreshSource(d, { db, fetch });
      expect(run).toMatchObject({ status: 'ok', created: 2 });
      expect(run.notes).toEqual(['item 2: content cut from 1 MiB to 200 KiB']);
      const stored = db.prepare('SELECT length(CAST(content_html AS BLOB)) AS n FROM items WHERE guid = ?').get('big') as { n: number };
      expect(stored.n).toBeLessThanOrEqual(CONTENT_MAX_BYTES);
    } finally {
      await server.close();
    }
  });
});
