/**
 * Character-set detection and decoding for fetched pages.
 *
 * Order (WHATWG "encoding sniffing", simplified): forced charset › BOM › Content-Type header ›
 * `<meta charset>` / `<meta http-equiv>` / XML declaration in the first 4 KB › UTF-8.
 * A BOM beats the header because it cannot be there by accident, while headers often lie.
 * A page labelled Latin-1/Windows-1252/1258 whose bytes are valid UTF-8 with multi-byte
 * sequences is decoded as UTF-8: a frequent server misconfiguration on Vietnamese sites.
 */
import iconv from 'iconv-lite';

/** Where the charset came from, for diagnostics. */
export type CharsetSource = 'forced' | 'bom' | 'header' | 'meta' | 'default' | 'utf8-override';

/** The outcome of {@link decodeBody}. */
export interface DecodedText {
  /** NFC-normalised text, BOM removed. */
  text: string;
  /** Encoding actually used to decode (canonical lower-case name). */
  charset: string;
  source: CharsetSource;
  /** The label found but not usable (unknown to iconv-lite), if any. */
  unknownLabel?: string;
}

const SNIFF_BYTES = 4096;

/** Labels that browsers treat as Windows-1252 and that servers put on UTF-8 pages by mistake. */
const SINGLE_BYTE_SUSPECTS = new Set([
  'iso-8859-1', 'iso8859-1', 'latin1', 'l1', 'iso_8859-1', 'windows-1252', 'cp1252', 'us-ascii', 'ascii',
  'windows-1258', 'cp1258',
]);

/** WHATWG maps these labels to Windows-1252, a superset that gives printable characters for 0x80–0x9F. */
const WINDOWS_1252_ALIASES = new Set(['iso-8859-1', 'iso8859-1', 'latin1', 'l1', 'iso_8859-1', 'us-ascii', 'ascii']);

/** The `charset` parameter of a Content-Type header value, lower-cased, or null. */
export function charsetFromContentType(contentType: string | null | undefined): string | null {
  if (!contentType) return null;
  const m = /;\s*charset\s*=\s*"?([^";\s]+)"?/i.exec(contentType);
  return m ? m[1]!.toLowerCase() : null;
}

/** The encoding named by a byte-order mark, and the BOM length. */
export function charsetFromBom(bytes: Uint8Array): { charset: string; length: number } | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { charset: 'utf-8', length: 3 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { charset: 'utf-16be', length: 2 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { charset: 'utf-16le', length: 2 };
  return null;
}

/** A charset declared inside the document (HTML meta or XML declaration) within its first 4 KB. */
export function charsetFromMarkup(bytes: Uint8Array): string | null {
  // Latin-1 maps bytes 1:1, so ASCII markup is readable whatever the real encoding is.
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, SNIFF_BYTES)).toString('latin1');
  const xml = /^\s*<\?xml[^>]*?\bencoding\s*=\s*["']([\w.:-]+)["']/i.exec(head);
  if (xml) return xml[1]!.toLowerCase();
  const meta = /<meta\b[^>]*?\bcharset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head);
  return meta ? meta[1]!.toLowerCase() : null;
}

/** True when `bytes` is well-formed UTF-8 and contains at least one multi-byte sequence. */
export function isMultiByteUtf8(bytes: Uint8Array): boolean {
  if (!bytes.some((b) => b >= 0x80)) return false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

function canonical(label: string): string | null {
  const lower = label.trim().toLowerCase();
  if (lower === 'utf8') return 'utf-8';
  if (WINDOWS_1252_ALIASES.has(lower)) return 'windows-1252';
  return iconv.encodingExists(lower) ? lower : null;
}

/** Chooses the encoding for a body; see the module comment for the order. */
export function detectCharset(
  bytes: Uint8Array,
  contentType: string | null | undefined,
  forceCharset?: string,
): { charset: string; source: CharsetSource; unknownLabel?: string } {
  if (forceCharset) {
    const forced = canonical(forceCharset);
    if (!forced) throw new RangeError(`forceCharset: unknown encoding "${forceCharset}"`);
    return { charset: forced, source: 'forced' };
  }
  const bom = charsetFromBom(bytes);
  if (bom) return { charset: bom.charset, source: 'bom' };

  let unknownLabel: string | undefined;
  for (const [label, source] of [
    [charsetFromContentType(contentType), 'header'],
    [charsetFromMarkup(bytes), 'meta'],
  ] as const) {
    if (!label) continue;
    const charset = canonical(label);
    if (!charset) {
      unknownLabel ??= label;
      continue;
    }
    if (SINGLE_BYTE_SUSPECTS.has(label) && isMultiByteUtf8(bytes)) {
      return { charset: 'utf-8', source: 'utf8-override' };
    }
    return { charset, source, ...(unknownLabel ? { unknownLabel } : {}) };
  }
  return { charset: 'utf-8', source: 'default', ...(unknownLabel ? { unknownLabel } : {}) };
}

/** Decodes a body to NFC text using {@link detectCharset}. */
export function decodeBody(bytes: Uint8Array, contentType: string | null | undefined, forceCharset?: string): DecodedText {
  const found = detectCharset(bytes, contentType, forceCharset);
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // iconv-lite strips a leading BOM for the Unicode encodings by default.
  const text = iconv.decode(buffer, found.charset).normalize('NFC');
  return { text, ...found };
}
