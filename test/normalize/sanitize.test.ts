import { describe, expect, it } from 'vitest';
import { sanitizeHtml } from '../../src/normalize/sanitize.js';

const BASE = 'https://example.fi/uutiset/1';
const REL = 'rel="noopener nofollow"';

describe('sanitizeHtml', () => {
  it.each<[string | null | undefined, string]>([
    [null, ''],
    ['', ''],
    // A stray "<" or ">", or a tag closed twice, is not plain markup: the parser escapes or mends it.
    ['<p>a > b</p>', '<p>a &gt; b</p>'],
    ['<p>1 < 2</p>', '<p>1 &lt; 2</p>'],
    ['<p>a</p></p>', '<p>a</p><p></p>'],
    ['<p><b>x</p></b>', '<p><b>x</b></p>'],
    ['<p>Teksti <strong>vahva</strong> <em>kursiivi</em> <b>b</b> <i>i</i><br></p>', '<p>Teksti <strong>vahva</strong> <em>kursiivi</em> <b>b</b> <i>i</i><br /></p>'],
    ['<ul><li>a</li></ul><ol><li>b</li></ol><blockquote>c</blockquote>', '<ul><li>a</li></ul><ol><li>b</li></ol><blockquote>c</blockquote>'],
    ['<h1>h1</h1><h2 style="color:red">h2</h2><h3>h3</h3><h4>h4</h4><h5>h5</h5>', 'h1<h2>h2</h2><h3>h3</h3><h4>h4</h4>h5'],
    ['<table><caption>c</caption><thead><tr><th colspan="2">o</th></tr></thead><tbody><tr><td rowspan="1" onclick="x()">s</td></tr></tbody></table>', '<table><caption>c</caption><thead><tr><th colspan="2">o</th></tr></thead><tbody><tr><td rowspan="1">s</td></tr></tbody></table>'],
    // links: absolute, rel forced, only http/https/mailto
    ['<a href="liite.pdf">liite</a>', `<a ${REL} href="https://example.fi/uutiset/liite.pdf">liite</a>`],
    ['<a href="/sivu#kohta" target="_blank" rel="opener">sivu</a>', `<a ${REL} href="https://example.fi/sivu#kohta">sivu</a>`],
    ['<a href="mailto:kirjaamo@example.fi">posti</a>', `<a ${REL} href="mailto:kirjaamo@example.fi">posti</a>`],
    ['<a href="javascript:alert(1)">x</a>', `<a ${REL}>x</a>`],
    ['<a href="JaVaScRiPt:alert(1)">x</a>', `<a ${REL}>x</a>`],
    ['<a href="java&#x09;script:alert(1)">x</a>', `<a ${REL}>x</a>`],
    ['<a href="data:text/html;base64,PHNjcmlwdD4=">x</a>', `<a ${REL}>x</a>`],
    ['<a href="https://example.fi/ok" onmouseover="x()">ok</a>', `<a ${REL} href="https://example.fi/ok">ok</a>`],
    // executable things go entirely
    ['<script>alert(1)</script>jäljelle', 'jäljelle'],
    ['<img src=x onerror=alert(1)>kuva', 'kuva'],
    ['<svg onload=alert(1)></svg><iframe src="https://evil.example/"></iframe>ok', 'ok'],
    ['<style>body{}</style><form action="https://evil.example"><input name="p"></form>lomake', 'lomake'],
    ['<p onclick="alert(1)" style="x" class="c" id="i">p</p>', '<p>p</p>'],
    // the fast path for plain paragraphs must not let anything unbalanced or unescaped through
    ['<p>Kappale <strong>vahva</strong></p><p>toinen &amp; kolmas</p>', '<p>Kappale <strong>vahva</strong></p><p>toinen &amp; kolmas</p>'],
    ['<b>lihava loppuun asti', '<b>lihava loppuun asti</b>'],
    ['<p>a & b</p>', '<p>a &amp; b</p>'],
    ['<p>a</b></p>', '<p>a</p>'],
    ['<p>"lainaus" <i>x</p></i>', '<p>"lainaus" <i>x</i></p>'],
  ])('%j → %j', (html, expected) => {
    expect(sanitizeHtml(html, BASE)).toBe(expected);
  });

  it('drops relative links when there is no base', () => {
    expect(sanitizeHtml('<a href="/x">x</a>', null)).toBe(`<a ${REL}>x</a>`);
  });
});
