// decodeBody at the edges of its rules (written against the survivors of `npm run test:mutation -- charset`): the
// UTF-8 sequence table (Unicode 15, table 3-7, and the maximal-subpart rule of table 3-8 that WHATWG's decoder
// follows), the twenty-to-one majority that overrules an ISO-8859-1 label, and where a declaration may stand.
// Every byte and expected character below is written by hand from those tables.
import { describe, expect, it } from 'vitest';
import { decodeBody } from '../../src/fetch/index.js';

const AE = [0xc3, 0xa4]; // ä in UTF-8
const body = (...parts: (string | number[])[]) =>
  Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : Buffer.from(p))));
const utf8Label = 'text/xml; charset=utf-8';

describe('decodeBody: the UTF-8 sequence table when a body has a bad byte', () => {
  // Each well-formed sequence sits in a body labelled UTF-8 that also holds one stray 0xFF: the body is decoded as
  // labelled, the sequence is kept whole and only the 0xFF is replaced (and counted).
  it.each([
    ['the lowest two-byte lead C2', [0xc2, 0xa0], 0xa0],
    ['the highest two-byte lead DF with the highest second byte', [0xdf, 0xbf], 0x7ff],
    ['E0 with its lowest second byte A0 and a continuation 80', [0xe0, 0xa0, 0x80], 0x800],
    ['a continuation byte BF in third place', [0xe2, 0x80, 0xbf], 0x203f],
    ['the highest three-byte lead EF', [0xef, 0xbc, 0x81], 0xff01],
    ['ED with its highest second byte 9F (the last code point before the surrogates)', [0xed, 0x9f, 0xbf], 0xd7ff],
    ['F0 with its lowest second byte 90', [0xf0, 0x90, 0x80, 0x80], 0x10000],
    ['an emoji (F0 9F)', [0xf0, 0x9f, 0x98, 0x80], 0x1f600],
    ['the highest four-byte lead F4 with its highest second byte 8F (U+10FFFF)', [0xf4, 0x8f, 0xbf, 0xbf], 0x10ffff],
  ])('keeps %s', (_name, seq, codePoint) => {
    expect(decodeBody(body(AE, seq, [0xff], '.'), utf8Label)).toEqual({
      text: `ä${String.fromCodePoint(codePoint)}\uFFFD.`,
      encoding: 'utf-8',
      source: 'header',
      replaced: 1,
    });
  });

  // Ill-formed sequences: each maximal subpart (a lead and the continuation bytes it allows) is one U+FFFD, every
  // other byte its own.
  it.each([
    ['an overlong three-byte form (E0 80 80)', [0xe0, 0x80, 0x80], 3],
    ['an overlong three-byte form below U+0800 (E0 9F BF)', [0xe0, 0x9f, 0xbf], 3],
    ['a surrogate (ED A0 80)', [0xed, 0xa0, 0x80], 3],
    ['an overlong four-byte form (F0 80 80 80)', [0xf0, 0x80, 0x80, 0x80], 4],
    ['an overlong four-byte form below U+10000 (F0 8F BF BF)', [0xf0, 0x8f, 0xbf, 0xbf], 4],
    ['a code point past U+10FFFF (F4 90 80 80)', [0xf4, 0x90, 0x80, 0x80], 4],
    ['a lead byte past F4 (F5 80 80 80)', [0xf5, 0x80, 0x80, 0x80], 4],
    ['the overlong leads C0 and C1', [0xc0, 0x80, 0xc1, 0xbf], 4],
    ['a three-byte sequence cut after its second byte', [0xe1, 0x80], 1],
    ['a four-byte sequence cut after its third byte', [0xf1, 0x80, 0x80], 1],
  ])('replaces %s as the decoder does', (_name, seq, replaced) => {
    expect(decodeBody(body(AE, seq, 'x'), utf8Label)).toEqual({
      text: `ä${'\uFFFD'.repeat(replaced)}x`,
      encoding: 'utf-8',
      source: 'header',
      replaced,
    });
  });
});

describe('decodeBody: when bytes overrule an ISO-8859-1 label', () => {
  const latin1Label = 'text/plain; charset=iso-8859-1';
  const ae = (n: number) => Array.from({ length: n }, () => AE).flat();

  it('reads as UTF-8 at exactly twenty well-formed sequences to one ill-formed one', () => {
    expect(decodeBody(body(ae(20), [0xff]), latin1Label)).toEqual({ text: `${'ä'.repeat(20)}\uFFFD`, encoding: 'utf-8', source: 'content', replaced: 1 });
    expect(decodeBody(body(ae(40), [0xff, 0xff]), latin1Label)).toEqual({ text: `${'ä'.repeat(40)}\uFFFD\uFFFD`, encoding: 'utf-8', source: 'content', replaced: 2 });
  });

  it('keeps the label one well-formed sequence short of twenty to one', () => {
    // In windows-1252 (WHATWG's iso-8859-1) C3 is Ã, A4 is ¤ and FF is ÿ.
    expect(decodeBody(body(ae(19), [0xff]), latin1Label)).toEqual({ text: `${'Ã¤'.repeat(19)}ÿ`, encoding: 'windows-1252', source: 'header' });
    expect(decodeBody(body(ae(39), [0xff, 0xff]), latin1Label)).toEqual({ text: `${'Ã¤'.repeat(39)}ÿÿ`, encoding: 'windows-1252', source: 'header' });
  });

  it('says the content chose UTF-8 when the whole body is well-formed UTF-8', () => {
    expect(decodeBody(body('Hyvink', AE, AE), latin1Label)).toEqual({ text: 'Hyvinkää', encoding: 'utf-8', source: 'content' });
  });

  it('keeps the label of a body that is ASCII only (nothing to overrule it)', () => {
    expect(decodeBody(body('Pelastuslaki'), latin1Label)).toEqual({ text: 'Pelastuslaki', encoding: 'windows-1252', source: 'header' });
  });

  it('never overrules the label of another single-byte encoding', () => {
    // "Её" in windows-1251 is C5 B8, which is also well-formed UTF-8 (U+0178): the label stands.
    expect(decodeBody(body([0xc5, 0xb8]), 'text/plain; charset=windows-1251')).toEqual({ text: 'Её', encoding: 'windows-1251', source: 'header' });
  });
});

describe('decodeBody: byte order marks and declarations', () => {
  it('strips one byte order mark only: a second one is text (U+FEFF)', () => {
    expect(decodeBody(body([0xef, 0xbb, 0xbf, 0xef, 0xbb, 0xbf], 'a'), null)).toEqual({ text: '\uFEFFa', encoding: 'utf-8', source: 'bom' });
    expect(decodeBody(body([0xff, 0xfe, 0xff, 0xfe, 0x61, 0x00]), null)).toEqual({ text: '\uFEFFa', encoding: 'utf-16le', source: 'bom' });
  });

  it('takes an XML declaration only at the start of the document', () => {
    const text = '<html><p><?xml version="1.0" encoding="windows-1252"?></p></html>';
    expect(decodeBody(body(text), null)).toEqual({ text, encoding: 'utf-8', source: 'default' });
  });

  it('reads an XML declaration with spaces around the equals sign (XML 1.0: Eq ::= S? "=" S?)', () => {
    const text = '<?xml version="1.0" encoding = "windows-1252"?><t>';
    expect(decodeBody(body(text, [0xe4], '</t>'), null)).toEqual({ text: `${text}ä</t>`, encoding: 'windows-1252', source: 'xml-prolog' });
  });

  it('reads a header charset written with a space before the equals sign', () => {
    expect(decodeBody(body([0xe4]), 'text/plain; charset =windows-1252')).toEqual({ text: 'ä', encoding: 'windows-1252', source: 'header' });
  });

  it('reads a meta charset with spaces around the equals sign', () => {
    const text = '<html><head><meta charset = "windows-1252"></head></html>';
    expect(decodeBody(body(text), null)).toEqual({ text, encoding: 'windows-1252', source: 'html-meta' });
  });
});
