// Decoding a body to text: BOM, then the Content-Type charset, then the XML prolog or HTML meta, else UTF-8;
// stray bad bytes become U+FFFD, and only overwhelming evidence in the bytes overrules a label.

/** Where the charset came from. */
export type CharsetSource = 'bom' | 'header' | 'xml-prolog' | 'html-meta' | 'default' | 'content';

export interface Decoded {
  text: string;
  /** WHATWG encoding name actually used, e.g. "utf-8", "windows-1252". */
  encoding: string;
  source: CharsetSource;
  /** Ill-formed byte sequences replaced with U+FFFD (only when decoding UTF-8 that had some). */
  replaced?: number;
}

const BOMS: [number[], string][] = [
  [[0xef, 0xbb, 0xbf], 'utf-8'],
  [[0xfe, 0xff], 'utf-16be'],
  [[0xff, 0xfe], 'utf-16le'],
];

type Decoder = { encoding: string; decode(bytes: Uint8Array): string };

// WHATWG windows-1252 bytes 0x80–0x9F; the rest of the encoding is ISO-8859-1.
const CP1252_HIGH =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

/**
 * Node 20.18.3+ decodes windows-1252 (and so iso-8859-1, latin1, ascii) as plain Latin-1, giving C1 controls
 * instead of €, curly quotes and dashes (nodejs/node#56542, #60888); decode it ourselves.
 */
const windows1252: Decoder = {
  encoding: 'windows-1252',
  decode: (bytes) =>
    Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
      .toString('latin1')
      .replace(/[\x80-\x9f]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80]),
};

/** Decoders by label (a TextDecoder without `stream` keeps no state between calls, so one serves every body). */
const decoders = new Map<string, Decoder | null>();

/** A decoder for a label, or null if the label is unknown to WHATWG Encoding. */
function decoderFor(label: string): Decoder | null {
  let decoder = decoders.get(label);
  if (decoder !== undefined) return decoder;
  try {
    const made = new TextDecoder(label.trim(), { ignoreBOM: true });
    decoder = made.encoding === 'windows-1252' ? windows1252 : made;
  } catch {
    decoder = null;
  }
  // Labels come from servers and documents: an odd one is kept only while the map is small.
  if (decoders.size < 64) decoders.set(label, decoder);
  return decoder;
}

/** The charset parameter of a Content-Type header, if any. */
export function headerCharset(contentType: string | null | undefined): string | null {
  const m = /;\s*charset\s*=\s*("?)([^";,\s]+)\1/i.exec(contentType ?? '');
  return m ? m[2] : null;
}

/** The encoding named in the XML prolog or an HTML meta tag within the first 1024 bytes. */
export function declaredCharset(bytes: Uint8Array): { label: string; source: CharsetSource } | null {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, 1024)).toString('latin1');
  const xml = /^\s*<\?xml[^>]*?\sencoding\s*=\s*["']([^"']+)["']/i.exec(head);
  if (xml) return { label: xml[1], source: 'xml-prolog' };
  const meta = /<meta[^>]+charset\s*=\s*["']?([^"'\s/>;]+)/i.exec(head);
  if (meta) return { label: meta[1], source: 'html-meta' };
  return null;
}

/** Decode a body to a string, stripping any BOM; unknown labels fall back to UTF-8. */
export function decodeBody(bytes: Uint8Array, contentType: string | null): Decoded {
  for (const [bom, encoding] of BOMS) {
    if (bom.every((b, i) => bytes[i] === b)) {
      return { text: new TextDecoder(encoding, { ignoreBOM: true }).decode(bytes.subarray(bom.length)), encoding, source: 'bom' };
    }
  }
  // The header first, then (only when it names no encoding we know) the document's own declaration.
  const header = headerCharset(contentType);
  const labelled = header === null ? null : decoderFor(header);
  if (labelled) return checked(bytes, labelled, 'header');
  const declared = declaredCharset(bytes);
  const decoder = declared && decoderFor(declared.label);
  if (declared && decoder) {
    // A document readable as ASCII that declares UTF-16 is lying (WHATWG: treat as UTF-8).
    return checked(bytes, decoder.encoding.startsWith('utf-16') ? decoderFor('utf-8')! : decoder, declared.source);
  }
  return checked(bytes, decoderFor('utf-8')!, 'default');
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const lenientUtf8 = new TextDecoder('utf-8', { ignoreBOM: true });

/** Bytes windows-1252 leaves undefined: text in that encoding never holds them. */
const CP1252_UNDEFINED = new Set([0x81, 0x8d, 0x8f, 0x90, 0x9d]);
/** A body labelled UTF-8 is read as windows-1252 only with at least this many ill-formed sequences. */
const LABELLED_MIN_INVALID = 3;
/** A body labelled single-byte is read as UTF-8 despite ill-formed bytes only with this many well-formed sequences per one. */
const UTF8_MAJORITY = 20;

/** What one pass over the bytes as UTF-8 finds: well-formed multi-byte sequences, ill-formed ones, bytes windows-1252 lacks. */
interface Utf8Evidence {
  multibyte: number;
  invalid: number;
  notCp1252: number;
}

/**
 * The UTF-8 sequence starting at i: its length and whether it is well-formed (Unicode table 3-7). An ill-formed
 * one is its maximal subpart, the bytes a decoder replaces with one U+FFFD.
 */
function sequenceAt(bytes: Uint8Array, i: number): { length: number; ok: boolean } {
  const b = bytes[i];
  const need = b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : 0;
  if (need === 0) return { length: 1, ok: false };
  // The second byte's range depends on the lead (no overlongs, surrogates or code points past U+10FFFF).
  const lo = b === 0xe0 ? 0xa0 : b === 0xf0 ? 0x90 : 0x80;
  const hi = b === 0xed ? 0x9f : b === 0xf4 ? 0x8f : 0xbf;
  for (let k = 1; k <= need; k++) {
    const c = bytes[i + k];
    const inRange = k === 1 ? c >= lo && c <= hi : c >= 0x80 && c <= 0xbf;
    if (!inRange) return { length: k, ok: false };
  }
  return { length: need + 1, ok: true };
}

function utf8Evidence(bytes: Uint8Array): Utf8Evidence {
  const evidence: Utf8Evidence = { multibyte: 0, invalid: 0, notCp1252: 0 };
  for (let i = 0; i < bytes.length; ) {
    if (bytes[i] < 0x80) {
      i++;
      continue;
    }
    const { length, ok } = sequenceAt(bytes, i);
    if (ok) evidence.multibyte++;
    else {
      evidence.invalid++;
      for (let k = i; k < i + length; k++) if (CP1252_UNDEFINED.has(bytes[k])) evidence.notCp1252++;
    }
    i += length;
  }
  return evidence;
}

/** UTF-8 with each ill-formed sequence replaced by U+FFFD, and how many there were. */
function replacingUtf8(bytes: Uint8Array, invalid: number, source: CharsetSource): Decoded {
  return { text: lenientUtf8.decode(bytes), encoding: 'utf-8', source, replaced: invalid };
}

/**
 * Decode with the chosen encoding unless the bytes prove the label wrong, as mislabelled Finnish feeds do.
 * A stray bad byte proves nothing: the body is decoded as labelled and only that byte becomes U+FFFD, so one
 * broken item never rewrites the others. The label loses only to overwhelming evidence:
 * - "UTF-8" bytes with no well-formed multi-byte sequence at all, several ill-formed ones, and only bytes that
 *   windows-1252 defines are Latin-1 text. Read as windows-1252 they differ from a UTF-8 reading only in
 *   those bytes (the rest is ASCII, the same in both), so the switch can never garble text that was right.
 * - "ISO-8859-1" bytes that are well-formed UTF-8 with multi-byte sequences, or nearly so (twenty well-formed
 *   sequences to each ill-formed one), are UTF-8: Latin-1 text almost never forms such sequences.
 */
function checked(bytes: Uint8Array, decoder: Decoder, source: CharsetSource): Decoded {
  if (decoder.encoding === 'utf-8') {
    try {
      return { text: strictUtf8.decode(bytes), encoding: 'utf-8', source };
    } catch {
      const { multibyte, invalid, notCp1252 } = utf8Evidence(bytes);
      const latin1 = multibyte === 0 && notCp1252 === 0 && invalid >= (source === 'default' ? 1 : LABELLED_MIN_INVALID);
      if (latin1) return { text: windows1252.decode(bytes), encoding: 'windows-1252', source: 'content' };
      return replacingUtf8(bytes, invalid, source);
    }
  }
  if (decoder === windows1252 && bytes.some((b) => b >= 0x80)) {
    try {
      return { text: strictUtf8.decode(bytes), encoding: 'utf-8', source: 'content' };
    } catch {
      const { multibyte, invalid } = utf8Evidence(bytes);
      if (multibyte >= UTF8_MAJORITY * invalid) return replacingUtf8(bytes, invalid, 'content');
    }
  }
  return { text: decoder.decode(bytes), encoding: decoder.encoding, source };
}
