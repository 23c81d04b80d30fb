/**
 * Syllable scanner for word segmentation: splits text into syllables with their offsets and
 * case/shape flags, in one hand-written pass (several times faster than a regex).
 */

/**
 * Syllables of a text as parallel arrays (no object per syllable: a 3 KB article has ~600 of
 * them and allocation dominated the run time).
 */
export interface Syllables {
  count: number;
  lower: string[];
  start: Int32Array;
  end: Int32Array;
  /** Bit flags: {@link BREAK_BEFORE}, {@link CAPITALISED}, {@link OPAQUE}, {@link ALL_UPPER}, {@link DIGITS}. */
  flags: Uint8Array;
}

/** A punctuation mark or line break separates the syllable from the previous one. */
export const BREAK_BEFORE = 1;
/** The first letter is upper-case. */
export const CAPITALISED = 2;
/** Acronyms, numbers and codes: never join a name run or a dictionary word. */
export const OPAQUE = 4;
/** Every cased letter is upper-case (`UBND`, `A`). */
export const ALL_UPPER = 8;
/** Only digits (`2025`). */
export const DIGITS = 16;

const FLATTEN = /^/;

/** Latin letters (with Vietnamese diacritics, precomposed or combining) and digits. */
function isWordChar(c: number): boolean {
  return (
    (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7) ||
    (c >= 0x300 && c <= 0x36f) || (c >= 0x1e00 && c <= 0x1eff)
  );
}

/** `.`, `,`, `/`, `-` join two word characters into one token (`1.234`, `TP.HCM`, `COVID-19`). */
function isJoiner(c: number): boolean {
  return c === 46 || c === 44 || c === 47 || c === 45;
}

/** Split text into syllables (punctuation dropped, recorded as a break before the next one). */
export function toSyllables(text: string): Syllables {
  // Concatenated input (a cons string) makes every charCodeAt walk the tree: flatten it first.
  FLATTEN.test(text);
  let lowerText = text.toLowerCase();
  // V8 can return toLowerCase() results in a form where every slice() copies: a regexp run
  // flattens the string once (measured: 13 ms → 0.07 ms per 3 KB article).
  FLATTEN.test(lowerText);
  // Lower-casing Vietnamese never changes the length; for text where it does, go per token.
  const sameLength = lowerText.length === text.length;
  if (!sameLength) lowerText = text;
  const n = text.length;
  const capacity = (n >> 1) + 1;
  const out: Syllables = { count: 0, lower: [], start: new Int32Array(capacity), end: new Int32Array(capacity), flags: new Uint8Array(capacity) };
  let i = 0;
  let breakPending = true;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (!isWordChar(c)) {
      if (c !== 32 && c !== 10 && c !== 13 && c !== 9 && c !== 0xa0) breakPending = true;
      i++;
      continue;
    }
    const start = i;
    let flags = breakPending ? BREAK_BEFORE : 0;
    let digits = 0;
    for (;;) {
      const d = text.charCodeAt(i);
      if (isWordChar(d)) {
        if (d >= 48 && d <= 57) {
          flags |= OPAQUE;
          digits++;
        }
        i++;
      } else if (isJoiner(d) && i + 1 < n && isWordChar(text.charCodeAt(i + 1)) && i > start) {
        flags |= OPAQUE;
        i++;
      } else break;
    }
    if (digits === i - start) flags |= DIGITS;
    const lower = sameLength ? lowerText.slice(start, i) : text.slice(start, i).toLowerCase();
    if (text.charCodeAt(start) !== lower.charCodeAt(0)) {
      flags |= CAPITALISED;
      const raw = text.slice(start, i);
      if (raw === raw.toUpperCase()) {
        flags |= ALL_UPPER;
        if (raw.length > 1) flags |= OPAQUE;
      }
    }
    const k = out.count++;
    out.lower.push(lower);
    out.start[k] = start;
    out.end[k] = i;
    out.flags[k] = flags;
    breakPending = false;
  }
  return out;
}
