/**
 * Encoding to windows-1258, the legacy Vietnamese code page some provincial portals still use.
 * Windows-1258 has only a few precomposed toned letters: the rest are written as a base letter
 * (with its circumflex, breve or horn) followed by a combining tone mark, which is why decoders
 * must normalise to NFC afterwards.
 */
import iconv from 'iconv-lite';

const TONE_MARKS = new Set(['\u0300', '\u0301', '\u0303', '\u0309', '\u0323']);
let encodable: Set<string> | undefined;

function encodableChars(): Set<string> {
  if (!encodable) {
    const bytes = Buffer.from(Array.from({ length: 256 }, (_, i) => i));
    const decoded = iconv.decode(bytes, 'windows1258');
    encodable = new Set([...decoded].filter((ch) => ch !== '\ufffd'));
  }
  return encodable;
}

const charForms = new Map<string, string>();

/** The windows-1258 form of one NFC character (memoised: pages repeat the same few hundred). */
function charForm(ch: string): string {
  let form = charForms.get(ch);
  if (form !== undefined) return form;
  const chars = encodableChars();
  if (chars.has(ch)) {
    form = ch;
  } else {
    const marks = [...ch.normalize('NFD')];
    const shape = (marks.shift() ?? '') + marks.filter((m) => !TONE_MARKS.has(m)).join('');
    const tones = marks.filter((m) => TONE_MARKS.has(m) && chars.has(m)).join('');
    const base = shape.normalize('NFC');
    form = (chars.has(base) ? base : '?') + tones;
  }
  charForms.set(ch, form);
  return form;
}

/** Rewrites text into the composed/decomposed mix windows-1258 can represent. */
export function toWindows1258Form(text: string): string {
  let out = '';
  for (const ch of text.normalize('NFC')) out += ch.charCodeAt(0) < 0x80 ? ch : charForm(ch);
  return out;
}

/** Encodes text to windows-1258 bytes. */
export function encodeWindows1258(text: string): Buffer {
  return iconv.encode(toWindows1258Form(text), 'windows1258');
}
