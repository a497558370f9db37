import { describe, expect, it } from 'vitest';
import { absoluteUrl, resolveUrl } from '../../src/normalize/url.js';

const BASE = 'https://example.fi/feeds/feed.xml';

describe('absoluteUrl', () => {
  it.each<[string | null | undefined, string | null | undefined, string | null]>([
    ['https://example.fi/a', BASE, 'https://example.fi/a'],
    ['/ajankohtaista/1', BASE, 'https://example.fi/ajankohtaista/1'],
    ['liite.pdf', BASE, 'https://example.fi/feeds/liite.pdf'],
    ['../x', BASE, 'https://example.fi/x'],
    ['//Example.FI/Toinen', BASE, 'https://example.fi/Toinen'],
    ['HTTPS://WWW.Example.FI./Polku', null, 'https://www.example.fi/Polku'],
    ['https://example.fi/a#osio', BASE, 'https://example.fi/a'],
    ['https://example.fi/a?utm_source=rss&id=5&utm_medium=feed', BASE, 'https://example.fi/a?id=5'],
    ['https://example.fi/a?utm_source=rss', BASE, 'https://example.fi/a'],
    ['https://example.fi/a?', BASE, 'https://example.fi/a'],
    ['https://example.fi/a?fbclid=1&gclid=2', BASE, 'https://example.fi/a'],
    // other parameters keep their encoding exactly
    ["https://x.fi/Proposals?$filter=Name%20eq%20'x'&utm_campaign=y", null, "https://x.fi/Proposals?$filter=Name%20eq%20%27x%27"],
    ['https://x.fi/p?q=a+b&utm_x=1', null, 'https://x.fi/p?q=a+b'],
    ['  https://example.fi/välilyönti polku  ', null, 'https://example.fi/v%C3%A4lily%C3%B6nti%20polku'],
    ['http://example.fi:80/a', null, 'http://example.fi/a'],
    ['javascript:alert(1)', BASE, null],
    ['JaVaScRiPt:alert(1)', BASE, null],
    ['java\tscript:alert(1)', BASE, null],
    ['\u0001javascript:alert(1)', BASE, null],
    ['data:text/html,<script>alert(1)</script>', BASE, null],
    ['vbscript:msgbox', BASE, null],
    ['mailto:a@example.fi', BASE, null],
    ['ftp://example.fi/a', BASE, null],
    ['file:///etc/passwd', BASE, null],
    ['', BASE, null],
    [null, BASE, null],
    [undefined, BASE, null],
    ['/relative', null, null],
    ['/relative', 'not a url', null],
    ['https://example.fi/a', 'not a url', 'https://example.fi/a'],
    ['http://[::1', null, null],
    // An absolute http(s) href is parsed without the base; "https:x" (no "//") is still relative to an https base.
    ['https:foo', 'https://example.fi/a/b', 'https://example.fi/a/foo'],
    ['https://example.fi/#', BASE, 'https://example.fi/'],
    ['https://example.fi/a?#', BASE, 'https://example.fi/a'],
    ['https://example.fi/a?b=1#c?d', BASE, 'https://example.fi/a?b=1'],
  ])('absoluteUrl(%j, %j) → %j', (href, base, expected) => {
    expect(absoluteUrl(href, base)).toBe(expected);
  });

  it('resolveUrl keeps fragments and takes other schemes when asked', () => {
    expect(resolveUrl('/sivu#kohta', BASE)?.toString()).toBe('https://example.fi/sivu#kohta');
    expect(resolveUrl('mailto:a@example.fi', BASE, new Set(['mailto:']))?.toString()).toBe('mailto:a@example.fi');
  });
});
