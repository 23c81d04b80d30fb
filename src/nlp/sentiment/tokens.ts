/**
 * Fast syllable scanner for sentiment: one pass over the text, no regexp per token, no object
 * per syllable. Records what separates each syllable from the previous one (sentence break,
 * comma), which the clause logic needs.
 */
import { SliceInterner } from '../intern.js';
import { indexedTokens, LOWER_SYLLABLES, TOKEN_ACCENTED, TOKEN_OWN_SCAN, type IndexedToken, type SyllableToken } from '../syllables.js';

/**
 * Syllables of one field as parallel typed arrays (only the first `count` slots are valid: the
 * arrays of a reused view are longer).
 */
export interface TokenView {
  count: number;
  /** Id of each lower-case syllable in {@link SYLLABLES} (-1: not interned). */
  ids: Int32Array;
  start: Int32Array;
  end: Int32Array;
  /** Bit flags, see SENTENCE_BEFORE, COMMA_BEFORE, SEMICOLON_BEFORE. */
  gap: Uint8Array;
  /** True when the field has no Vietnamese diacritic at all (typed without accents). */
  unaccented: boolean;
}

/** A {@link TokenView} with the lower-case strings too (for tests and callers that read them). */
export interface FieldTokens extends TokenView {
  /** Lower-case syllables (text already tone-normalised by `normaliseForMatching`). */
  lower: string[];
}

/**
 * The tokens of a view worth a closer look, listed while the view is built: token 0, every token
 * with a gap before it, and every token whose syllable id is marked. Clause structure changes
 * only at such tokens, so the clause pass visits these few instead of every token.
 */
export interface NotableTokens {
  /** 1 at the syllable ids to list (ids past its end are unmarked). */
  readonly marks: Uint8Array;
  /** Token indices, ascending; the first `count` are valid. */
  list: Int32Array;
  count: number;
}

/** {@link NotableTokens} of a view built without listing them (the scanner's). */
export function listNotable(view: TokenView, into: NotableTokens): void {
  if (into.list.length < view.count) into.list = new Int32Array(Math.max(view.count, into.list.length * 2));
  const { marks, list } = into;
  let count = 0;
  for (let k = 0; k < view.count; k++) {
    const id = view.ids[k] as number;
    if (k === 0 || view.gap[k] !== 0 || (id >= 0 && id < marks.length && marks[id] !== 0)) list[count++] = k;
  }
  into.count = count;
}

/** A sentence ends between this syllable and the previous one. */
export const SENTENCE_BEFORE = 1;
/** A comma or colon separates it from the previous one (ends negation/movement scope). */
export const COMMA_BEFORE = 2;
/** A semicolon: a clause boundary that is not a sentence boundary. */
export const SEMICOLON_BEFORE = 4;

const FLATTEN = /^/;
/**
 * Canonical lower-case syllables with stable ids shared with the lexicon tries (which intern
 * their phrases here): no slice per token, and the trie walks on integers. The same table the
 * syllable tokeniser fills, so its tokens carry these ids already.
 */
export const SYLLABLES = LOWER_SYLLABLES;
/** Tokens whose trailing dot is not a full stop (`TP. Hồ Chí Minh`, `ThS. Lê`, `Q. 1`). */
const ABBREVIATIONS = new Set(['tp', 'q', 'p', 'x', 'h', 'tx', 'tt', 'kp', 'ths', 'ts', 'pgs', 'gs', 'bs', 'ks', 'th', 'ng', 'mr', 'ms', 'dr', 'st', 'tr']);

function isWordCharSlow(c: number): boolean {
  return (
    (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7) ||
    (c >= 0x300 && c <= 0x36f) || (c >= 0x1e00 && c <= 0x1eff)
  );
}
/** {@link isWordCharSlow} as a table up to U+1EFF (nothing above is a word character). */
const WORD_CHAR = Uint8Array.from({ length: 0x1f00 }, (_, c) => (isWordCharSlow(c) ? 1 : 0));
function isWordChar(c: number): boolean {
  return c < 0x1f00 && WORD_CHAR[c] === 1;
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 0xa0;
}

/**
 * Scan `text` (NFC, `normaliseForMatching` output) into syllables. Digits and letters joined by
 * `.`/`,` (`1.234`, `TP.HCM`) stay one token. A `.` after a
 * known abbreviation (`TP. Hồ Chí Minh`, `Q. 1`) is not a sentence break.
 */
export function scanField(text: string): FieldTokens {
  // Concatenated input (a cons string) makes every charCodeAt walk the tree: flatten it first.
  FLATTEN.test(text);
  // `İ` is the one letter whose lower case is longer: keep whole-text lower-casing for it, where
  // offsets into the lower-cased text shift (the original behaviour, kept byte for byte).
  if (text.includes('\u0130')) return scanFieldLowered(text);
  const n = text.length;
  const capacity = (n >> 1) + 1;
  const ids = new Int32Array(capacity);
  const starts = new Int32Array(capacity);
  const ends = new Int32Array(capacity);
  const gaps = new Uint8Array(capacity);
  const lower: string[] = [];
  let unaccented = true;
  let count = 0;
  let gap = 0;
  let i = 0;
  let lastEnd = -1;
  let lastLower = '';
  while (i < n) {
    const c = text.charCodeAt(i);
    if (!isWordChar(c)) {
      gap |= boundaryOf(c, c === 46 && lastEnd === i && lastLower.length <= 4 && ABBREVIATIONS.has(lastLower));
      i++;
      continue;
    }
    const start = i;
    let hash = SliceInterner.HASH_SEED;
    while (i < n) {
      const d = text.charCodeAt(i);
      if (isWordChar(d)) {
        if (d >= 0xc0) unaccented = false;
      } else if (!((d === 46 || d === 44) && i + 1 < n && isWordChar(text.charCodeAt(i + 1)) && !isSpace(text.charCodeAt(i + 1)))) break;
      hash = SliceInterner.hashStep(hash, d);
      i++;
    }
    // Lower-casing Latin letters is context-free, so a token's lower case can be cached by its raw form.
    const forms = lowerOfRaw(text, start, i, hash);
    const k = count++;
    ids[k] = forms.id;
    lower.push(forms.lower);
    starts[k] = start;
    ends[k] = i;
    gaps[k] = k === 0 ? 0 : gap;
    gap = 0;
    lastEnd = i;
    lastLower = forms.lower;
  }
  return { count, lower, ids, start: starts, end: ends, gap: gaps, unaccented };
}

/**
 * {@link scanField} built from the syllable tokens the analyser already has for the same text
 * (`tokenizeSyllables(text)`, uncapped), instead of scanning the text again. Syllables joined
 * by a `.` or `,` with nothing else between them (`1.234`, `TP.HCM`) become one token, as the
 * scanner makes them. Returns null when the scanner would split some syllable differently
 * (characters outside its word set): the caller then scans.
 */
export function fieldTokensFromSyllables(text: string, syllables: readonly SyllableToken[]): FieldTokens | null {
  const n = syllables.length;
  const view: FieldTokens = { count: 0, lower: [], ids: new Int32Array(n), start: new Int32Array(n), end: new Int32Array(n), gap: new Uint8Array(n), unaccented: true };
  if (!fillFromSyllables(text, syllables, view)) return null;
  for (let k = 0; k < view.count; k++) view.lower.push(lowerOf(text, view, k));
  return view;
}

/** Lower case of token k: the interned string, or (not interned) its slice lower-cased, as the scanner makes it. */
function lowerOf(text: string, view: TokenView, k: number): string {
  const id = view.ids[k] as number;
  return id >= 0 ? SYLLABLES.str(id) : text.slice(view.start[k], view.end[k]).toLowerCase();
}

/** Arrays of a reusable {@link TokenView} grown to hold `n` tokens (contents not kept). */
function ensureCapacity(view: TokenView, n: number): void {
  if (view.ids.length >= n) return;
  const size = Math.max(n, view.ids.length * 2, 256);
  view.ids = new Int32Array(size);
  view.start = new Int32Array(size);
  view.end = new Int32Array(size);
  view.gap = new Uint8Array(size);
}

/**
 * {@link fieldTokensFromSyllables} into a caller's reusable view (grown as needed), without the
 * lower-case strings, so scoring a field allocates nothing; lists the {@link NotableTokens} too
 * when given. Returns false (view unspecified) when the scanner would split some syllable differently.
 */
export function fillFromSyllables(text: string, syllables: readonly SyllableToken[], view: TokenView, notable: NotableTokens | null = null): boolean {
  const tokens = indexedTokens(syllables);
  const n = tokens.length;
  ensureCapacity(view, n);
  if (notable !== null && notable.list.length < n) notable.list = new Int32Array(Math.max(n, notable.list.length * 2));
  const marks = notable !== null ? notable.marks : NO_MARKS;
  const notableList = notable !== null ? notable.list : null;
  let notableCount = 0;
  const { ids, start: starts, end: ends, gap: gaps } = view;
  let any = 0;
  let count = 0;
  let lastStart = -1;
  let lastEnd = -1;
  let lastId = -1;
  // The character after the previous token: read once, for both its join test and the next gap.
  let lastAfter = -1;
  for (let i = 0; i < n; ) {
    const first = tokens[i] as IndexedToken;
    let flags = first.flags;
    const start = first.start;
    let end = first.end;
    let after = text.charCodeAt(end);
    let j = i + 1;
    // `1.234.567`, `TP.HCM`: one scanner token across single dots and commas.
    while ((after === 46 || after === 44) && j < n) {
      const next = tokens[j] as IndexedToken;
      if (next.start !== end + 1) break;
      flags |= next.flags;
      end = next.end;
      after = text.charCodeAt(end);
      j++;
    }
    any |= flags;
    if (any & TOKEN_OWN_SCAN) return false;
    let id: number;
    if (j === i + 1) id = first.f.lowerId;
    else {
      const joined = text.slice(start, end).toLowerCase();
      id = SYLLABLES.id(joined, 0, joined.length);
    }
    let gap = 0;
    // Most syllables are one space apart: nothing to classify.
    if (count > 0 && !(lastAfter === 32 && start === lastEnd + 1)) {
      for (let c = lastEnd; c < start; c++) {
        const ch = text.charCodeAt(c);
        if (ch === 46 /* . */) {
          if (!(c === lastEnd && closesAbbreviation(text, lastId, lastStart, lastEnd))) gap |= SENTENCE_BEFORE;
        } else if (ch === 33 || ch === 63 || ch === 0x2026 || ch === 10 || ch === 13) gap |= SENTENCE_BEFORE;
        else if (ch === 59) gap |= SEMICOLON_BEFORE;
        else if (ch === 44 || ch === 58) gap |= COMMA_BEFORE;
      }
    }
    const k = count++;
    ids[k] = id;
    starts[k] = start;
    ends[k] = end;
    gaps[k] = gap;
    if (notableList !== null && (gap !== 0 || k === 0 || (id >= 0 && id < marks.length && marks[id] !== 0))) notableList[notableCount++] = k;
    lastStart = start;
    lastEnd = end;
    lastId = id;
    lastAfter = after;
    i = j;
  }
  if (notable !== null) notable.count = notableCount;
  view.count = count;
  view.unaccented = (any & TOKEN_ACCENTED) === 0;
  return true;
}

const NO_MARKS = new Uint8Array(0);

/** Ids of {@link ABBREVIATIONS} (interned up front, so a syllable's id answers without its string). */
const ABBREVIATION_IDS = new Set([...ABBREVIATIONS].map((a) => SYLLABLES.intern(a)));

/** The token [start, end) (its id, or its lower case when it has none) is a known abbreviation. */
function closesAbbreviation(text: string, id: number, start: number, end: number): boolean {
  if (id >= 0) return ABBREVIATION_IDS.has(id);
  const lower = text.slice(start, end).toLowerCase();
  return lower.length <= 4 && ABBREVIATIONS.has(lower);
}

/** Raw (case-kept) syllables → their lower-case form and id in {@link SYLLABLES}. */
const RAW = new SliceInterner();
let lowerByRaw: { id: number; lower: string }[] = [];
let rawGeneration = 0;
function lowerOfRaw(text: string, start: number, end: number, hash: number): { id: number; lower: string } {
  const raw = RAW.idHashed(text, start, end, hash);
  if (RAW.generation !== rawGeneration) {
    lowerByRaw = [];
    rawGeneration = RAW.generation;
  }
  let forms = lowerByRaw[raw];
  if (forms === undefined) {
    const lower = RAW.str(raw).toLowerCase();
    const id = SYLLABLES.id(lower, 0, lower.length);
    forms = { id, lower: id >= 0 ? SYLLABLES.str(id) : lower };
    lowerByRaw[raw] = forms;
  }
  return forms;
}

/** The original scanner, lower-casing the whole text first (used only for text with `İ`). */
function scanFieldLowered(text: string): FieldTokens {
  const lowerText = text.toLowerCase();
  // V8 may return toLowerCase() in a form where every slice() copies; a regexp run flattens it.
  FLATTEN.test(lowerText);
  const sameLength = lowerText.length === text.length;
  const n = text.length;
  const capacity = (n >> 1) + 1;
  const out: FieldTokens = { count: 0, lower: [], ids: new Int32Array(capacity), start: new Int32Array(capacity), end: new Int32Array(capacity), gap: new Uint8Array(capacity), unaccented: true };
  let gap = 0;
  let i = 0;
  let lastStart = -1;
  let lastEnd = -1;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (!isWordChar(c)) {
      gap |= boundaryOf(c, c === 46 && lastEnd === i && lastEnd - lastStart <= 4 && ABBREVIATIONS.has(lowerText.slice(lastStart, lastEnd)));
      i++;
      continue;
    }
    const start = i;
    while (i < n) {
      const d = text.charCodeAt(i);
      if (isWordChar(d)) {
        if (d >= 0xc0) out.unaccented = false;
        i++;
      } else if ((d === 46 || d === 44) && i + 1 < n && isWordChar(text.charCodeAt(i + 1)) && !isSpace(text.charCodeAt(i + 1))) i++;
      else break;
    }
    const k = out.count++;
    if (sameLength) {
      const id = SYLLABLES.id(lowerText, start, i);
      out.ids[k] = id;
      out.lower.push(id >= 0 ? SYLLABLES.str(id) : lowerText.slice(start, i));
    } else {
      const lower = text.slice(start, i).toLowerCase();
      out.ids[k] = SYLLABLES.id(lower, 0, lower.length);
      out.lower.push(lower);
    }
    out.start[k] = start;
    out.end[k] = i;
    out.gap[k] = k === 0 ? 0 : gap;
    gap = 0;
    lastStart = start;
    lastEnd = i;
  }
  return out;
}

/**
 * The boundary a non-word character marks before the next token: `.` ends a sentence unless it
 * closes a known abbreviation (`TP.`, `UBND.`), as do `!`, `?`, `…` and line breaks; `;` and
 * `,`/`:` mark weaker clause boundaries; anything else marks none.
 */
function boundaryOf(c: number, closesAbbreviation: boolean): number {
  if (c === 46 /* . */) return closesAbbreviation ? 0 : SENTENCE_BEFORE;
  if (c === 33 || c === 63 || c === 0x2026 || c === 10 || c === 13) return SENTENCE_BEFORE;
  if (c === 59) return SEMICOLON_BEFORE;
  if (c === 44 || c === 58) return COMMA_BEFORE;
  return 0;
}
