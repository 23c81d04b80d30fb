/**
 * Vietnamese text normalisation at the analyser boundary.
 *
 * Convention chosen: Unicode NFC with the modern ("new style") tone placement used by most
 * Vietnamese newsrooms today: `hòa`, `khỏe`, `thủy` (tone on the first vowel of an open `oa`,
 * `oe`, `uy`), and `quý`, `giá` (the `u` of `qu` and the `i` of `gi` belong to the onset, so
 * the tone sits on the following vowel). Closed syllables (`hoàn`, `khuyến`) are the same in
 * both styles and are left alone.
 *
 * Two entry points:
 * - {@link normaliseVietnamese}: the full clean-up (may change the length: whitespace collapse,
 *   mojibake repair, invisible characters removed).
 * - {@link normaliseForMatching}: length-preserving on NFC input, so character offsets found on
 *   its output are valid offsets into `input.normalize('NFC')` (used for evidence offsets).
 */
import iconv from 'iconv-lite';
import { codeUnitsOf, stringOfCodeUnits } from './code-units.js';
import { grownTo } from './typed-grow.js';

const TONED: Record<string, readonly string[]> = {
  // base: [grave, acute, hook, tilde, dot]
  a: ['à', 'á', 'ả', 'ã', 'ạ'],
  e: ['è', 'é', 'ẻ', 'ẽ', 'ẹ'],
  i: ['ì', 'í', 'ỉ', 'ĩ', 'ị'],
  o: ['ò', 'ó', 'ỏ', 'õ', 'ọ'],
  u: ['ù', 'ú', 'ủ', 'ũ', 'ụ'],
  y: ['ỳ', 'ý', 'ỷ', 'ỹ', 'ỵ'],
  â: ['ầ', 'ấ', 'ẩ', 'ẫ', 'ậ'],
  ê: ['ề', 'ế', 'ể', 'ễ', 'ệ'],
  ô: ['ồ', 'ố', 'ổ', 'ỗ', 'ộ'],
  ă: ['ằ', 'ắ', 'ẳ', 'ẵ', 'ặ'],
  ơ: ['ờ', 'ớ', 'ở', 'ỡ', 'ợ'],
  ư: ['ừ', 'ứ', 'ử', 'ữ', 'ự'],
};

/** toned char (both cases) → [base char (same case), tone index] */
const TONE_OF = new Map<string, [string, number]>();
/** base char (both cases) → toned forms */
const WITH_TONE = new Map<string, readonly string[]>();
for (const [base, forms] of Object.entries(TONED)) {
  WITH_TONE.set(base, forms);
  WITH_TONE.set(base.toUpperCase(), forms.map((f) => f.toUpperCase()));
  forms.forEach((f, i) => {
    TONE_OF.set(f, [base, i]);
    TONE_OF.set(f.toUpperCase(), [base.toUpperCase(), i]);
  });
}

const toned = (chars: string): string => {
  const out: string[] = [];
  for (const c of chars) {
    const forms = WITH_TONE.get(c);
    if (forms) out.push(...forms);
  }
  return out.join('');
};

/** Latin letters incl. Vietnamese precomposed ones and combining marks, as code unit ranges. */
const LETTER_RANGES: readonly (readonly [number, number])[] = [
  [0x41, 0x5a],
  [0x61, 0x7a],
  [0xc0, 0x24f],
  [0x300, 0x36f],
  [0x1e00, 0x1eff],
];
const hex = (c: number): string => `\\u${c.toString(16).padStart(4, '0')}`;
/** {@link LETTER_RANGES} as a character class; no `u` flag (much faster). */
const LETTER_RE = new RegExp(`[${LETTER_RANGES.map(([from, to]) => `${hex(from)}-${hex(to)}`).join('')}]`);
const isLetter = (c: string | undefined): boolean => c !== undefined && LETTER_RE.test(c);
const GLIDE_NUCLEUS = new Set('aeiouyâêôăơưAEIOUYÂÊÔĂƠƯ');
/**
 * One scan for every pair that may be misplaced: `o`+toned a/e (`hoà`), `u`+toned y (`thuỷ`),
 * `q`+toned u (`qúy`), `g`+toned i (`gía`). Context is checked in the callback; no `u` flag and
 * no look-arounds keep this cheap on the 99% of text that needs nothing.
 */
const CANDIDATE = new RegExp(`[oO][${toned('aeAE')}]|[uU][${toned('yY')}]|[qQ][${toned('uU')}]|[gG][${toned('iI')}]`, 'g');

function fixPair(text: string, at: number, pair: string): string {
  const first = pair[0] as string;
  const second = pair[1] as string;
  const lowerFirst = first.toLowerCase();
  const [base, tone] = TONE_OF.get(second) as [string, number];
  if (lowerFirst === 'o' || lowerFirst === 'u') {
    // Only open syllables (`hoà`, not `hoàn`); `quỳ` keeps its tone (u is part of the onset).
    if (isLetter(text[at + 2])) return pair;
    if (lowerFirst === 'u' && (text[at - 1] === 'q' || text[at - 1] === 'Q')) return pair;
    return `${(WITH_TONE.get(first) as readonly string[])[tone]}${base}`;
  }
  // qu/gi onset: move the tone to the following nucleus vowel, when there is one.
  if (isLetter(text[at - 1])) return pair;
  const next = text[at + 2];
  if (next === undefined || !GLIDE_NUCLEUS.has(next)) return pair;
  return `${first}${base}`;
}

/** Unify tone placement on NFC text (length-preserving). */
function unifyTonePlacement(text: string): string {
  let out = '';
  let last = 0;
  CANDIDATE.lastIndex = 0;
  for (let m = CANDIDATE.exec(text); m !== null; m = CANDIDATE.exec(text)) {
    const pair = m[0];
    const fixed = fixPair(text, m.index, pair);
    if (fixed === pair) continue;
    let tail = 2;
    let replacement = fixed;
    if (fixed.length === 2 && (pair[0] as string).toLowerCase() !== 'o' && (pair[0] as string).toLowerCase() !== 'u') {
      // qu/gi: the tone moves onto the next vowel, so rewrite three characters.
      const next = text[m.index + 2] as string;
      const [, tone] = TONE_OF.get(pair[1] as string) as [string, number];
      replacement = `${fixed}${(WITH_TONE.get(next) as readonly string[])[tone]}`;
      tail = 3;
    }
    out += text.slice(last, m.index) + replacement;
    last = m.index + tail;
  }
  return last === 0 ? text : out + text.slice(last);
}

/** One-to-one character repairs: look-alike letters, typographic quotes and dashes, odd spaces. */
export const CHAR_MAP: Readonly<Record<string, string>> = {
  '\u00D0': 'Đ', // Icelandic Eth, a common stand-in for Đ in legacy encodings
  '\u00F0': 'đ',
  '\u0189': 'Đ', // African D
  '\u201C': '"', '\u201D': '"', '\u201E': '"', '\u201F': '"', '\u00AB': '"', '\u00BB': '"', '\u2033': '"',
  '\u2018': "'", '\u2019': "'", '\u201A': "'", '\u201B': "'", '\u2032': "'", '\u0060': "'",
  '\u2010': '-', '\u2011': '-', '\u2012': '-', '\u2013': '-', '\u2014': '-', '\u2015': '-', '\u2212': '-',
  '\u00A0': ' ', '\u2007': ' ', '\u202F': ' ', '\u2009': ' ', '\u200A': ' ', '\u2002': ' ', '\u2003': ' ', '\u3000': ' ',
  '\t': ' ', '\v': ' ', '\f': ' ',
  '\u200B': ' ', '\u200C': ' ', '\u200D': ' ', '\uFEFF': ' ', '\u00AD': ' ', '\u2028': '\n', '\u2029': '\n',
};
const COMBINING = /[\u0300-\u036F]/;
/**
 * {@link CHAR_MAP} by code unit (0 = kept): one typed-array read per character. Every key and
 * replacement is one UTF-16 unit, so mapping keeps offsets; a regexp replace with a callback per
 * quote or dash cost several times more on press text full of `“”` and `–`.
 */
const LOOKALIKE = ((): Uint16Array => {
  const table = new Uint16Array(0x10000);
  for (const [from, to] of Object.entries(CHAR_MAP)) {
    if (from.length !== 1 || to.length !== 1) throw new Error(`CHAR_MAP entry ${JSON.stringify(from)} → ${JSON.stringify(to)} is not one code unit to one`);
    table[from.charCodeAt(0)] = to.charCodeAt(0);
  }
  return table;
})();

/** Replace every {@link CHAR_MAP} key by its value (the input itself when there is none). */
function mapLookalikes(text: string): string {
  const n = text.length;
  let i = 0;
  while (i < n && LOOKALIKE[text.charCodeAt(i)] === 0) i++;
  if (i === n) return text;
  const parts: string[] = [];
  let from = 0;
  for (; i < n; i++) {
    const to = LOOKALIKE[text.charCodeAt(i)] as number;
    if (to === 0) continue;
    parts.push(text.slice(from, i), String.fromCharCode(to));
    from = i + 1;
  }
  parts.push(text.slice(from));
  return parts.join('');
}

/**
 * What a code unit may need in {@link normaliseForMatching}: {@link NEEDS_MAPPING}, or the second
 * letter of a {@link CANDIDATE} pair, by the first letter it pairs with.
 */
const NOTHING = 0;
const NEEDS_MAPPING = 1;
const AFTER_O = 2;
const AFTER_U = 3;
const AFTER_Q = 4;
const AFTER_G = 5;
const PASS_CLASS = ((): Uint8Array => {
  const table = new Uint8Array(0x10000);
  for (let c = 0; c < 0x10000; c++) if (LOOKALIKE[c] !== 0) table[c] = NEEDS_MAPPING;
  const mark = (chars: string, cls: number): void => {
    for (const c of chars) table[c.charCodeAt(0)] = cls;
  };
  mark(toned('aeAE'), AFTER_O);
  mark(toned('yY'), AFTER_U);
  mark(toned('uU'), AFTER_Q);
  mark(toned('iI'), AFTER_G);
  return table;
})();
/** The first letter of each pair class, lower-cased (`| 0x20` lower-cases exactly these ASCII letters). */
const FIRST_OF_CLASS = Uint8Array.of(0, 0, 0x6f, 0x75, 0x71, 0x67);
/** {@link LETTER_RANGES} and {@link GLIDE_NUCLEUS} by code unit. */
const LETTER = new Uint8Array(0x10000);
const NUCLEUS = new Uint8Array(0x10000);
for (const [from, to] of LETTER_RANGES) LETTER.fill(1, from, to + 1);
for (const c of GLIDE_NUCLEUS) NUCLEUS[c.charCodeAt(0)] = 1;

/**
 * Whether {@link unifyTonePlacement} rewrites the pair ending at `i` (`units[i]` of class `cls`,
 * `units[i - 1]` its first letter): {@link fixPair}'s tests, on code units. Look-alike mapping
 * never changes whether a character is a letter, a `q` or a nucleus vowel, so the answer is the
 * same before and after it.
 */
function toneFixAt(units: Uint16Array, i: number, cls: number, n: number): boolean {
  const at = i - 1;
  if (cls === AFTER_O || cls === AFTER_U) {
    // units[n] is 0, no letter: the end of the text reads as the end of the syllable.
    if (LETTER[units[i + 1] as number] === 1) return false;
    return !(cls === AFTER_U && at > 0 && ((units[at - 1] as number) | 0x20) === 0x71);
  }
  if (at > 0 && LETTER[units[at - 1] as number] === 1) return false;
  return i + 1 < n && NUCLEUS[units[i + 1] as number] === 1;
}

/** Second letters (by position) of the pairs whose tone moves, found by {@link mapAndUnify}'s pass. */
let toneFixes = new Int32Array(64);

/** One code unit of {@link WITH_TONE}: `base` (a one-unit vowel) with tone `tone`. */
function withTone(base: number, tone: number): number {
  return ((WITH_TONE.get(String.fromCharCode(base)) as readonly string[])[tone] as string).charCodeAt(0);
}

/**
 * Rewrite the pairs found by the pass in place, as {@link unifyTonePlacement} would (every fix
 * was decided on the text before any rewrite, as the regexp scan decides them).
 * @returns false when two rewrites overlap (`qúoà`): the original code then lengthens the text,
 *   which only it reproduces
 */
function applyToneFixes(units: Uint16Array, count: number): boolean {
  let last = 0;
  for (let k = 0; k < count; k++) {
    const i = toneFixes[k] as number;
    const at = i - 1;
    if (at < last) return false;
    const [base, tone] = TONE_OF.get(String.fromCharCode(units[i] as number)) as [string, number];
    const first = units[at] as number;
    const lowerFirst = first | 0x20;
    units[i] = base.charCodeAt(0);
    if (lowerFirst === 0x6f || lowerFirst === 0x75) {
      // `hoà` → `hòa`: the tone moves back onto the o/u.
      units[at] = withTone(first, tone);
      last = at + 2;
    } else {
      // `qúy`, `gía`: the tone moves forward onto the nucleus vowel.
      units[i + 1] = withTone(units[i + 1] as number, tone);
      last = at + 3;
    }
  }
  return true;
}

/**
 * {@link unifyTonePlacement} after {@link mapLookalikes}, in one pass over the code units that
 * returns `text` itself when neither changes anything (most fields). Look-alikes (curly quotes,
 * dashes: a third of press fields) are mapped in place, tones moved in place after the pass,
 * and the result decoded once.
 */
function mapAndUnify(text: string): string {
  const n = text.length;
  const units = codeUnitsOf(text);
  let mapped = false;
  let fixes = 0;
  for (let i = 0; i < n; i++) {
    const cls = PASS_CLASS[units[i] as number] as number;
    if (cls === NOTHING) continue;
    if (cls === NEEDS_MAPPING) {
      units[i] = LOOKALIKE[units[i] as number] as number;
      mapped = true;
    } else if (i > 0 && ((units[i - 1] as number) | 0x20) === FIRST_OF_CLASS[cls] && toneFixAt(units, i, cls, n)) {
      // Toned vowels are common; a pair with the right first letter is not, a tone to move rarer still.
      if (fixes === toneFixes.length) toneFixes = grownTo(toneFixes, fixes + 1);
      toneFixes[fixes++] = i;
    }
  }
  if (fixes > 0 && !applyToneFixes(units, fixes)) return unifyTonePlacement(mapLookalikes(text));
  return mapped || fixes > 0 ? stringOfCodeUnits(n) : text;
}

/**
 * Length-preserving normalisation for matching: NFC, tone placement, look-alike letters, quotes,
 * dashes, odd spaces (each mapped to one character). On NFC input the output has the same
 * length, so offsets carry over to `input.normalize('NFC')`.
 * @param alreadyNfc - the caller guarantees `text` is NFC (skips the check; the result is the same)
 */
export function normaliseForMatching(text: string, alreadyNfc = false): string {
  return mapAndUnify(nfcForMatching(text, alreadyNfc));
}

function nfcForMatching(text: string, alreadyNfc: boolean): string {
  // normalize() costs a full pass even on NFC text; most pages carry no combining mark at all.
  // A caller that normalised already (the analyser, at its boundary) skips even the check.
  return alreadyNfc || !COMBINING.test(text) ? text : text.normalize('NFC');
}

/**
 * {@link normaliseForMatching} as two plain steps (look-alikes, then a regexp scan for tones):
 * the specification its one-pass form must equal, kept for tests and as its fallback.
 */
export function normaliseForMatchingStepwise(text: string, alreadyNfc = false): string {
  return unifyTonePlacement(mapLookalikes(nfcForMatching(text, alreadyNfc)));
}

/**
 * A code unit outside the blocks where every character is NFC by itself and never composes with
 * the one before it (no combining class, NFC quick check "yes"): Basic Latin to IPA, Latin
 * Extended Additional (Vietnamese precomposed letters), general punctuation to currency signs.
 */
const MAYBE_NOT_NFC = /[^\u0000-\u02FF\u1E00-\u1EFF\u2002-\u20CF]/;

/**
 * `text.normalize('NFC')`, without calling it on text that is NFC for sure: Vietnamese press
 * text is all within the blocks of {@link MAYBE_NOT_NFC}, and one native regexp scan costs about
 * half of what `normalize` spends to find that nothing changes.
 */
export function toNfc(text: string): string {
  return isSurelyNfc(text) ? text : text.normalize('NFC');
}

/** True when every character of `text` lies in blocks that are NFC whatever surrounds them (false: normalise to know). */
export function isSurelyNfc(text: string): boolean {
  return !MAYBE_NOT_NFC.test(text);
}

/** UTF-8 read as Windows-1252: `Ä‘` for `đ`, `áº¡` for `ạ`, `Æ°` for `ư`. */
const MOJIBAKE = /Ã[\u0080-\u00BF€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ]|Ä[‘\u0090\u0091]|Æ[°¡\u00B0]|á[º»][\u0080-\u00BF€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ]/g;

/** Re-decode text that was UTF-8 mis-read as Windows-1252, when that clearly helps. */
export function repairMojibake(text: string): string {
  const hits = text.match(MOJIBAKE);
  if (!hits || hits.length < 2) return text;
  const repaired = iconv.decode(iconv.encode(text, 'win1252'), 'utf8');
  if (repaired.includes('\uFFFD')) return text;
  const left = repaired.match(MOJIBAKE)?.length ?? 0;
  return left < hits.length ? repaired : text;
}

const INVISIBLE = /[\u200B-\u200D\uFEFF\u00AD]/g;
const WHITESPACE_RUN = /[ \n\r]{2,}|\r/g;

/** One pass for all whitespace rules: a run with 2+ line breaks is a paragraph break. */
function collapseWhitespace(run: string): string {
  let breaks = 0;
  for (let i = 0; i < run.length; i++) if (run[i] === '\n' || (run[i] === '\r' && run[i + 1] !== '\n')) breaks++;
  return breaks === 0 ? ' ' : breaks === 1 ? '\n' : '\n\n';
}

/**
 * Full normalisation of Vietnamese text: mojibake repair, NFC, modern tone placement,
 * look-alike letters, straight quotes, ASCII dashes, invisible characters removed, runs of
 * spaces collapsed, paragraph breaks kept as `\n\n`, ends trimmed.
 * @example normaliseVietnamese('Thuỷ  lợi hoà  bình') // 'Thủy lợi hòa bình'
 */
export function normaliseVietnamese(text: string): string {
  const repaired = text.includes('Ã') || text.includes('Ä') || text.includes('á»') || text.includes('áº') ? repairMojibake(text) : text;
  return normaliseForMatching(repaired.replace(INVISIBLE, ''))
    .replace(WHITESPACE_RUN, collapseWhitespace)
    .trim();
}
