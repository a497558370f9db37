// Decoding a body to text: BOM, then the Content-Type charset, then the XML prolog or HTML meta, else UTF-8.

/** Where the charset came from. */
export type CharsetSource = 'bom' | 'header' | 'xml-prolog' | 'html-meta' | 'default';

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

/** A TextDecoder for a label, or null if the label is unknown to WHATWG Encoding. */
function decoderFor(label: string): TextDecoder | null {
  try {
    return new TextDecoder(label.trim(), { ignoreBOM: true });
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
  const meta =
    /<meta[^>]+charset\s*=\s*["']?([^"'\s/>;]+)/i.exec(head) ?? null;
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
    return { text: usable.decode(bytes), encoding: usable.encoding, source };
  }
  return { text: new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes), encoding: 'utf-8', source: 'default' };
}
