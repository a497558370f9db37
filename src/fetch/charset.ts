// Decoding a body to text: BOM, then the Content-Type charset, then the XML prolog or HTML meta, else UTF-8.

/** Where the charset came from. */
export type CharsetSource = 'bom' | 'header' | 'xml-prolog' | 'html-meta' | 'default' | 'content';

export interface Decoded {
  text: string;
  /** WHATWG encoding name actually used, e.g. "utf-8", "windows-1252". */
  encoding: string;
  source: CharsetSource;
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

/** A decoder for a label, or null if the label is unknown to WHATWG Encoding. */
function decoderFor(label: string): Decoder | null {
  try {
    const decoder = new TextDecoder(label.trim(), { ignoreBOM: true });
    return decoder.encoding === 'windows-1252' ? windows1252 : decoder;
  } catch {
    return null;
  }
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
  const candidates: { label: string | null; source: CharsetSource }[] = [
    { label: headerCharset(contentType), source: 'header' },
    declaredCharset(bytes) ?? { label: null, source: 'default' },
  ];
  for (const { label, source } of candidates) {
    if (!label) continue;
    const decoder = decoderFor(label);
    if (!decoder) continue; // an unknown label: try the next clue, then UTF-8
    // A document readable as ASCII that declares UTF-16 is lying (WHATWG: treat as UTF-8).
    const usable = source === 'header' || !decoder.encoding.startsWith('utf-16') ? decoder : decoderFor('utf-8')!;
    return checked(bytes, usable, source);
  }
  return checked(bytes, decoderFor('utf-8')!, 'default');
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * Decode with the chosen encoding unless the bytes prove the label wrong, as mislabelled Finnish feeds do:
 * "UTF-8" bytes that are not valid UTF-8 are Latin-1 (read as windows-1252), and "ISO-8859-1" bytes that are
 * valid UTF-8 with multi-byte sequences are UTF-8 (Latin-1 text almost never forms such sequences).
 */
function checked(bytes: Uint8Array, decoder: Decoder, source: CharsetSource): Decoded {
  if (decoder.encoding === 'utf-8') {
    try {
      return { text: strictUtf8.decode(bytes), encoding: 'utf-8', source };
    } catch {
      return { text: windows1252.decode(bytes), encoding: 'windows-1252', source: 'content' };
    }
  }
  if (decoder === windows1252 && bytes.some((b) => b >= 0x80)) {
    try {
      return { text: strictUtf8.decode(bytes), encoding: 'utf-8', source: 'content' };
    } catch {
      /* really single-byte */
    }
  }
  return { text: decoder.decode(bytes), encoding: decoder.encoding, source };
}
