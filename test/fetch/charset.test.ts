import { describe, expect, it } from 'vitest';
import { startServer, reply } from '../helpers/server.js';
import { decodeBody } from '../../src/fetch/index.js';
import { cleanup, fetcher } from './support.js';

const bytes = (...parts: (string | number[])[]) =>
  Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : Buffer.from(p))));

// 0xE4 is ä in ISO-8859-1 and windows-1252; 0x80 is € only in windows-1252 (WHATWG maps iso-8859-1 to it).
const cp1252 = bytes('<p>', [0xe4, 0x80], '</p>');

describe('fetch: charset through a real response', () => {
  it('decodes windows-1252 bytes named in the Content-Type header', async () => {
    const s = await startServer({ '/': reply(cp1252, { 'content-type': 'text/html; charset=windows-1252' }) });
    cleanup(s.close);
    const res = await fetcher()(`${s.url}/`);
    expect(res.body).toBe('<p>ä€</p>');
    expect(res.charset).toBe('windows-1252 (header)');
    expect(res.bytes).toBe(cp1252.length);
  });

  it('takes the XML prolog encoding when the header has none', async () => {
    const xml = bytes('<?xml version="1.0" encoding="ISO-8859-1"?><t>', [0xe4, 0xf6], '</t>');
    const s = await startServer({ '/': reply(xml, { 'content-type': 'application/xml' }) });
    cleanup(s.close);
    const res = await fetcher()(`${s.url}/`);
    expect(res.body).toBe('<?xml version="1.0" encoding="ISO-8859-1"?><t>äö</t>');
    expect(res.charset).toBe('windows-1252 (xml-prolog)');
  });
});

describe('fetch: one bad byte through a real response', () => {
  it('decodes as labelled, replaces only that byte and says so in the charset', async () => {
    const body = Buffer.concat([Buffer.from('<t>Äänekoski '), Buffer.from([0xff]), Buffer.from(' Jyväskylä</t>')]);
    const s = await startServer({ '/': reply(body, { 'content-type': 'text/xml; charset=utf-8' }) });
    cleanup(s.close);
    const res = await fetcher()(`${s.url}/`);
    expect(res.body).toBe('<t>Äänekoski \uFFFD Jyväskylä</t>');
    expect(res.charset).toBe('utf-8 (header, 1 invalid byte sequence replaced)');
  });
});

describe('decodeBody', () => {
  it.each([
    ['a UTF-8 BOM (beats the header, and is stripped)', bytes([0xef, 0xbb, 0xbf], 'x'), 'text/xml; charset=iso-8859-1', 'x', 'utf-8 (bom)'],
    ['a UTF-16LE BOM', Buffer.from([0xff, 0xfe, 0xe4, 0x00, 0x41, 0x00]), null, 'äA', 'utf-16le (bom)'],
    ['a UTF-16BE BOM', Buffer.from([0xfe, 0xff, 0x00, 0xe4, 0x00, 0x41]), 'text/plain', 'äA', 'utf-16be (bom)'],
    ['a header charset', cp1252, 'text/html; charset=windows-1252', '<p>ä€</p>', 'windows-1252 (header)'],
    ['windows-1252 quotes and dashes (0x91–0x97, 0x9F)', Buffer.from([0x91, 0x92, 0x93, 0x94, 0x96, 0x97, 0x9f]), 'text/plain; charset=windows-1252', '‘’“”–—Ÿ', 'windows-1252 (header)'],
    ['a quoted ISO-8859-1 header charset', cp1252, 'text/html; charset="ISO-8859-1"', '<p>ä€</p>', 'windows-1252 (header)'],
    ['a UTF-8 header', Buffer.from('åäö€'), 'application/json;charset=UTF-8', 'åäö€', 'utf-8 (header)'],
    ['the header before the prolog', bytes('<?xml version="1.0" encoding="utf-8"?>', [0xe4]), 'text/xml; charset=latin1', '<?xml version="1.0" encoding="utf-8"?>ä', 'windows-1252 (header)'],
    ["an XML prolog with single quotes", bytes("<?xml version='1.0' encoding='windows-1252'?>", [0x80]), 'text/xml', "<?xml version='1.0' encoding='windows-1252'?>€", 'windows-1252 (xml-prolog)'],
    ['an HTML meta charset', bytes('<html><head><meta charset="iso-8859-1"></head>', [0xe4]), 'text/html', '<html><head><meta charset="iso-8859-1"></head>ä', 'windows-1252 (html-meta)'],
    ['an HTML http-equiv meta', bytes('<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">', [0x80]), null, '<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">€', 'windows-1252 (html-meta)'],
    ['no charset anywhere (UTF-8)', Buffer.from('<rss>Ääni</rss>'), 'application/rss+xml', '<rss>Ääni</rss>', 'utf-8 (default)'],
    ['a bogus header label (falls back to UTF-8, no crash)', Buffer.from('äö'), 'text/html; charset=x-no-such-thing', 'äö', 'utf-8 (default)'],
    ['a bogus prolog label', bytes('<?xml version="1.0" encoding="klingon"?>', 'ok'), null, '<?xml version="1.0" encoding="klingon"?>ok', 'utf-8 (default)'],
    // A header that says UTF-16 is believed (only a label inside the document cannot be: it was read as ASCII).
    ['a UTF-16LE header charset without a BOM', Buffer.from('<a>Pelastuslaitos ä€</a>', 'utf16le'), 'text/xml; charset=utf-16le', '<a>Pelastuslaitos ä€</a>', 'utf-16le (header)'],
    ['a bare UTF-16 header charset (little-endian, per WHATWG)', Buffer.from('Räddningsverk', 'utf16le'), 'text/plain; charset="UTF-16"', 'Räddningsverk', 'utf-16le (header)'],
    ['a UTF-16BE header charset without a BOM', Buffer.from([0x00, 0xe4, 0x20, 0xac]), 'text/plain; charset=UTF-16BE', 'ä€', 'utf-16be (header)'],
    ['an ASCII document claiming UTF-16 in its prolog (read as UTF-8)', Buffer.from('<?xml version="1.0" encoding="UTF-16"?><a>ä</a>'), null, '<?xml version="1.0" encoding="UTF-16"?><a>ä</a>', 'utf-8 (xml-prolog)'],
  ])('uses %s', (_name, body, contentType, text, charset) => {
    const decoded = decodeBody(body, contentType);
    expect(decoded.text).toBe(text);
    expect(`${decoded.encoding} (${decoded.source})`).toBe(charset);
  });

  it('reads bytes that are not valid UTF-8 as Latin-1 instead of throwing or losing letters', () => {
    expect(decodeBody(Buffer.from([0x61, 0xff, 0x62]), null)).toMatchObject({ text: 'aÿb', encoding: 'windows-1252', source: 'content' });
  });

  it.each([
    // Windows-1252 bytes: ä = 0xE4, en dash = 0x96, € = 0x80.
    ['Latin-1 bytes labelled UTF-8 in the header', Buffer.concat([Buffer.from('Hätäkeskus ', 'latin1'), Buffer.from([0x96, 0x20, 0x80])]), 'text/xml; charset=utf-8', 'Hätäkeskus – €'],
    ['Latin-1 bytes with no label at all', Buffer.from('Pelastuslaitosten kumppanuusverkosto: väestönsuojat', 'latin1'), null, 'Pelastuslaitosten kumppanuusverkosto: väestönsuojat'],
    ['UTF-8 bytes labelled ISO-8859-1 in the prolog', Buffer.from('<?xml version="1.0" encoding="ISO-8859-1"?><t>Räddningsväsendet</t>'), null, '<?xml version="1.0" encoding="ISO-8859-1"?><t>Räddningsväsendet</t>'],
  ])('corrects a wrong charset: %s', (_name, bytes, contentType, text) => {
    expect(decodeBody(bytes, contentType)).toMatchObject({ text, source: 'content' });
  });

  // One bad byte in a body that is UTF-8 throughout: decoded as labelled, only that byte replaced.
  const utf8Feed = (bad: number[]) =>
    Buffer.concat([
      Buffer.from('<?xml version="1.0" encoding="UTF-8"?><rss><item><title>Äänekosken pelastuslaitos</title><title>Tiedote '),
      Buffer.from(bad),
      Buffer.from(' Jyväskylä</title><title>Hätäkeskus – €</title></rss>'),
    ]);
  const feedText = (bad: string) =>
    `<?xml version="1.0" encoding="UTF-8"?><rss><item><title>Äänekosken pelastuslaitos</title><title>Tiedote ${bad} Jyväskylä</title><title>Hätäkeskus – €</title></rss>`;

  it.each([
    ['labelled in the header and the prolog', [0xff], 'application/rss+xml; charset=utf-8', 'utf-8 (header)'],
    ['labelled in the prolog only', [0xe4], 'application/rss+xml', 'utf-8 (xml-prolog)'],
    ['with a truncated sequence', [0xc3], 'text/xml; charset=UTF-8', 'utf-8 (header)'],
    ['with a lone continuation byte', [0x80], 'text/xml; charset=UTF-8', 'utf-8 (header)'],
    ['with an overlong encoding', [0xc0, 0xaf], 'text/xml; charset=UTF-8', 'utf-8 (header)'],
  ])('keeps UTF-8 text whole around one bad byte %s', (_name, bad, contentType, charset) => {
    const decoded = decodeBody(utf8Feed(bad), contentType);
    expect(decoded.text).toBe(feedText('\uFFFD'.repeat(bad.length)));
    expect(`${decoded.encoding} (${decoded.source})`).toBe(charset);
    expect(decoded.replaced).toBe(bad.length);
  });

  it('keeps UTF-8 text whole around a bad byte even when labelled ISO-8859-1 (the body is UTF-8 throughout)', () => {
    const towns = 'Äänekoski Jyväskylä Hämeenlinna Pietarsaari – Närpiö Jämsä Mänttä-Vilppula Kärsämäki Ähtäri Kemijärvi Pyhäjärvi Hyvinkää Tornio ';
    const body = Buffer.concat([Buffer.from(towns), Buffer.from([0xe4]), Buffer.from(' Kröhkä')]);
    expect(decodeBody(body, 'text/xml; charset=iso-8859-1')).toMatchObject({
      text: `${towns}\uFFFD Kröhkä`,
      encoding: 'utf-8',
      source: 'content',
    });
  });

  it('keeps a UTF-8 label when the body mixes UTF-8 letters with stray Latin-1 ones', () => {
    const body = Buffer.concat([Buffer.from('Äänekoski '), Buffer.from('Hätäkeskus väestönsuojat', 'latin1')]);
    expect(decodeBody(body, 'text/xml; charset=utf-8')).toMatchObject({ text: 'Äänekoski H\uFFFDt\uFFFDkeskus v\uFFFDest\uFFFDnsuojat', encoding: 'utf-8', source: 'header' });
  });

  it('needs several bad bytes to overrule a UTF-8 label, and bytes that windows-1252 defines', () => {
    // One stray byte in ASCII text is a broken byte, not a Latin-1 document.
    expect(decodeBody(Buffer.from([0x61, 0xe4, 0x62]), 'text/xml; charset=utf-8')).toMatchObject({ text: 'a\uFFFDb', encoding: 'utf-8', source: 'header' });
    // 0x81 and 0x9D are not windows-1252 text.
    expect(decodeBody(Buffer.from([0x61, 0xe4, 0x81, 0xe4, 0x9d, 0xf6]), null)).toMatchObject({ text: 'a\uFFFD\uFFFD\uFFFD', encoding: 'utf-8', source: 'default', replaced: 3 });
  });

  it('counts the replaced sequences as the decoder replaces them (maximal subparts), on random bytes', () => {
    let seed = 42;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % 256;
    for (let round = 0; round < 300; round++) {
      const bytes = Buffer.from(Array.from({ length: 64 }, () => (next() < 128 ? 0x61 : 0x80 + (next() % 0x75))));
      const decoded = decodeBody(Buffer.concat([Buffer.from('Äänekoski '.repeat(100)), bytes]), 'text/plain; charset=utf-8');
      expect(decoded.encoding).toBe('utf-8');
      const fffd = [...decoded.text].filter((c) => c === '\uFFFD').length;
      expect(decoded.replaced ?? 0).toBe(fffd);
    }
  });
});


describe('decodeBody: labels and tables', () => {
  it('maps every byte 0x80–0x9F as the WHATWG windows-1252 index does', () => {
    const high = Buffer.from(Array.from({ length: 32 }, (_, i) => 0x80 + i));
    const expected =
      '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
      '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';
    expect(decodeBody(high, 'text/plain; charset=windows-1252')).toEqual({ text: expected, encoding: 'windows-1252', source: 'header' });
  });

  it('reads a prolog label with spaces inside its quotes', () => {
    const body = bytes('<?xml version="1.0" encoding=" ISO-8859-1 "?><t>', [0xe4], '</t>');
    expect(decodeBody(body, null)).toMatchObject({ text: '<?xml version="1.0" encoding=" ISO-8859-1 "?><t>ä</t>', encoding: 'windows-1252', source: 'xml-prolog' });
  });

  it('looks for a meta charset only in the first 1024 bytes', () => {
    const late = bytes(' '.repeat(1030), '<meta charset="windows-1252">', 'Ääni');
    expect(decodeBody(Buffer.from(late.toString('latin1'), 'utf8'), null)).toMatchObject({ encoding: 'utf-8', source: 'default' });
    const early = bytes(' '.repeat(900), '<meta charset="windows-1252">', [0x80]);
    expect(decodeBody(early, null)).toMatchObject({ encoding: 'windows-1252', source: 'html-meta' });
  });
});
