/**
 * Syllable tokens of Vietnamese text with their per-syllable forms (lower case, tone-independent
 * key, accent-folded form, case flags) and process-wide integer ids for the key and the folded
 * form, which the phrase matchers index by. Repeated syllables share one forms object, found
 * by hashing the characters in place (no slice per token).
 */
import { foldForSearch } from './fold.js';
import { codeUnitsOf } from './code-units.js';
import { SliceInterner } from './intern.js';
import { grownTo } from './typed-grow.js';

/** One syllable of a text, with its offsets in the (NFC) input string. */
export interface SyllableToken {
  /** Start offset (UTF-16 code units) in the input string. */
  readonly start: number;
  /** End offset, exclusive. */
  readonly end: number;
  /** Lower-case NFC syllable. */
  readonly lower: string;
  /** Tone-placement-independent key: toneless lower-case syllable + tone digit. */
  readonly key: string;
  /** Accent-folded lower-case syllable (đ→d). */
  readonly folded: string;
  /** True when the syllable carries no diacritics (its folded form equals its lower form). */
  readonly plain: boolean;
  /** True when a sentence/clause break separates this token from the previous one. */
  readonly breakBefore: boolean;
  /** True when the syllable is written in capitals (acronyms such as `AI`, `GDP`). */
  readonly upper: boolean;
  /** True when the syllable starts with a capital letter (proper nouns, sentence starts). */
  readonly capital: boolean;
}

const TONE_MARKS: Record<string, string> = { '\u0300': '2', '\u0301': '1', '\u0303': '4', '\u0309': '3', '\u0323': '5' };
const TONE_RE = /[\u0300\u0301\u0303\u0309\u0323]/g;

interface SyllableForms {
  key: string;
  folded: string;
  plain: boolean;
  /** Process-wide integer ids of `key` and `folded`: matchers compare and index by these. */
  keyId: number;
  foldedId: number;
}

/** Interned strings → small integers (the syllable inventory is a few tens of thousands). */
const keyIds = new Map<string, number>();
const foldedIds = new Map<string, number>();
/**
 * Past this many distinct strings, text syllables no longer get new ids (-1: they cannot be in
 * any compiled phrase anyway), which bounds memory on adversarial input.
 */
const MAX_IDS = 500_000;
function internId(ids: Map<string, number>, s: string, force = false): number {
  let id = ids.get(s);
  if (id === undefined) {
    if (ids.size >= MAX_IDS && !force) return -1;
    ids.set(s, (id = ids.size));
  }
  return id;
}
/** Phrase syllables always get an id; cached text forms that missed one are dropped. */
export function forceIds(f: TokenForms): TokenForms {
  if (f.keyId >= 0 && f.foldedId >= 0) return f;
  formCache.clear();
  rawCache.clear();
  rawById = [];
  return makeRawForms(f.key, f.folded, f.plain, internId(keyIds, f.key, true), internId(foldedIds, f.folded, true), f.lower, f.upper, f.capital);
}

/** Cache of per-syllable forms: the Vietnamese syllable inventory is small, so this stays hot. */
const formCache = new Map<string, SyllableForms>();
const FORM_CACHE_LIMIT = 200_000;

/** Forms of one lower-case syllable (cached). */
export function syllableForms(lower: string): SyllableForms {
  let forms = formCache.get(lower);
  if (forms) return forms;
  const decomposed = lower.normalize('NFD');
  let tone = '0';
  const toneless = decomposed.replace(TONE_RE, (mark) => {
    tone = TONE_MARKS[mark] ?? '0';
    return '';
  });
  const folded = foldForSearch(lower);
  const key = `${toneless.normalize('NFC')}${tone}`;
  forms = { key, folded, plain: folded === lower, keyId: internId(keyIds, key), foldedId: internId(foldedIds, folded) };
  if (formCache.size >= FORM_CACHE_LIMIT) formCache.clear();
  formCache.set(lower, forms);
  return forms;
}

/**
 * Canonical lower-case syllables with stable ids, shared with the sentiment lexicon's tries
 * (which intern their phrases here). Past the limit new text syllables get id -1 (they cannot be
 * in any phrase compiled before), so memory stays bounded.
 */
export const LOWER_SYLLABLES = new SliceInterner(500_000, 'refuse');

/** Per raw token (case kept): forms plus case flags, so repeated words cost one map lookup. */
interface RawForms extends SyllableForms {
  lower: string;
  upper: boolean;
  capital: boolean;
  /** TOKEN_* bits. */
  flags: number;
  /** Id of `lower` in {@link LOWER_SYLLABLES} (-1: not interned). */
  lowerId: number;
  /** `lower` as the canonical string of {@link LOWER_SYLLABLES} when interned. */
  lowerCanonical: string;
}
const rawCache = new Map<string, RawForms>();

/**
 * Token with its per-word forms shared through the cache: allocating three fields per token
 * instead of nine makes tokenising a 3 KB article about four times faster.
 */
/** Bits of {@link IndexedToken.flags}. */
export const TOKEN_PLAIN = 1;
export const TOKEN_UPPER = 2;
export const TOKEN_CAPITAL = 4;
/** Folded form longer than one character. */
export const TOKEN_LONG = 8;
/** Folded form of 2+ characters that is not all digits (a topic-model feature). */
export const TOKEN_FEATURE = 16;
/** Has a character at or above U+00C0 (an accented letter, for the sentiment scanner). */
export const TOKEN_ACCENTED = 32;
/**
 * The sentiment scanner would split this syllable differently (a character outside its word
 * set, such as `²`, Greek or an astral character, or the `İ` it lower-cases as a whole text).
 */
export const TOKEN_OWN_SCAN = 64;

/** A token with its ids and flags inline: hot loops read one object, not a chain of them. */
export interface IndexedToken extends SyllableToken {
  readonly foldedId: number;
  readonly keyId: number;
  /** TOKEN_* bits. */
  readonly flags: number;
  /** Shared per-word forms (strings). */
  readonly f: TokenForms;
}

/**
 * Token with its per-word forms shared through the cache: allocating a few fields per token
 * instead of nine makes tokenising a 3 KB article about four times faster. Ids and flags are
 * copied in because reading them through the shared object costs a cache miss per token.
 */
class Token implements IndexedToken {
  // Plain assignments in one constructor (no class-field defines): one hidden class, no transitions.
  declare readonly start: number;
  declare readonly end: number;
  declare readonly breakBefore: boolean;
  declare readonly foldedId: number;
  declare readonly keyId: number;
  declare readonly flags: number;
  /** Shared per-word forms; hot loops read them directly instead of through the getters. */
  declare readonly f: RawForms;
  /** `foldedId`, `keyId` and `flags` are those of `f`, passed in so the tokeniser need not read `f` (a cache miss). */
  constructor(start: number, end: number, breakBefore: boolean, f: RawForms, foldedId = f.foldedId, keyId = f.keyId, flags = f.flags) {
    (this as { start: number }).start = start;
    (this as { end: number }).end = end;
    (this as { breakBefore: boolean }).breakBefore = breakBefore;
    (this as { foldedId: number }).foldedId = foldedId;
    (this as { keyId: number }).keyId = keyId;
    (this as { flags: number }).flags = flags;
    (this as { f: RawForms }).f = f;
  }
  get lower(): string {
    return this.f.lower;
  }
  get key(): string {
    return this.f.key;
  }
  get folded(): string {
    return this.f.folded;
  }
  get plain(): boolean {
    return this.f.plain;
  }
  get upper(): boolean {
    return this.f.upper;
  }
  get capital(): boolean {
    return this.f.capital;
  }
}

/**
 * Tokens as {@link IndexedToken}s: those from {@link tokenizeSyllables} as they are, hand-built ones converted.
 * @param count - only the first this many will be read (the rest may come back unconverted)
 */
export function indexedTokens(tokens: readonly SyllableToken[], count = tokens.length): readonly IndexedToken[] {
  if (isRecentTokenArray(tokens)) return tokens as readonly Token[];
  const n = Math.min(count, tokens.length);
  for (let i = 0; i < n; i++) {
    if (!(tokens[i] instanceof Token)) {
      const head = n < tokens.length ? tokens.slice(0, n) : tokens;
      return head.map((x) => (x instanceof Token ? x : new Token(x.start, x.end, x.breakBefore, formsOfToken(x) as RawForms)));
    }
  }
  return tokens as readonly Token[];
}

/** Every RawForms is built here, so all share one hidden class (hot loops stay monomorphic). */
function makeRawForms(key: string, folded: string, plain: boolean, keyId: number, foldedId: number, lower: string, upper: boolean, capital: boolean, raw = lower): RawForms {
  const lowerId = LOWER_SYLLABLES.id(lower, 0, lower.length);
  const lowerCanonical = lowerId >= 0 ? LOWER_SYLLABLES.str(lowerId) : lower;
  return { key, folded, plain, keyId, foldedId, lower, upper, capital, flags: flagsOf(folded, plain, upper, capital) | scanBits(raw), lowerId, lowerCanonical };
}

/** Word characters of the sentiment scanner (`sentiment/tokens.ts`): a subset of {@link WORD}. */
function isScannerWordChar(c: number): boolean {
  return (
    (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7) ||
    (c >= 0x300 && c <= 0x36f) || (c >= 0x1e00 && c <= 0x1eff)
  );
}

function scanBits(raw: string): number {
  let bits = 0;
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c >= 0xc0) bits |= TOKEN_ACCENTED;
    if (c === 0x130 || !isScannerWordChar(c)) bits |= TOKEN_OWN_SCAN;
  }
  return bits;
}

/**
 * The last few arrays made by {@link tokenizeSyllables}, with their lengths: still that long,
 * they hold only Tokens. A small ring, not a WeakMap: a WeakMap entry per tokenised field made
 * the ephemeron table grow until it forced full collections (~10 % of analyse time); stages
 * check the arrays of the item being analysed, which are always among the last few made.
 */
const RECENT_ARRAYS = 16;
const recentArrays: (readonly SyllableToken[] | undefined)[] = new Array(RECENT_ARRAYS).fill(undefined);
const recentLengths = new Int32Array(RECENT_ARRAYS).fill(-1);
let recentNext = 0;
function rememberTokenArray(tokens: readonly SyllableToken[]): void {
  recentArrays[recentNext] = tokens;
  recentLengths[recentNext] = tokens.length;
  recentNext = (recentNext + 1) % RECENT_ARRAYS;
}
function isRecentTokenArray(tokens: readonly SyllableToken[]): boolean {
  for (let k = 0; k < RECENT_ARRAYS; k++) if (recentArrays[k] === tokens) return recentLengths[k] === tokens.length;
  return false;
}

function flagsOf(folded: string, plain: boolean, upper: boolean, capital: boolean): number {
  let digits = folded.length > 0;
  for (let i = 0; i < folded.length && digits; i++) digits = folded.charCodeAt(i) >= 48 && folded.charCodeAt(i) <= 57;
  return (plain ? TOKEN_PLAIN : 0) | (upper ? TOKEN_UPPER : 0) | (capital ? TOKEN_CAPITAL : 0) | (folded.length > 1 ? TOKEN_LONG : 0) | (folded.length >= 2 && !digits ? TOKEN_FEATURE : 0);
}

function rawForms(raw: string): RawForms {
  let f = rawCache.get(raw);
  if (f) return f;
  const lower = raw.toLowerCase();
  const forms = syllableForms(lower);
  const first = raw.charAt(0);
  const upper = raw !== lower && raw === raw.toUpperCase();
  const capital = first !== first.toLowerCase();
  f = makeRawForms(forms.key, forms.folded, forms.plain, forms.keyId, forms.foldedId, lower, upper, capital, raw);
  if (rawCache.size >= FORM_CACHE_LIMIT) rawCache.clear();
  rawCache.set(raw, f);
  return f;
}

const FLATTEN = /^/;
/** Raw tokens interned straight from the text, with their forms by id: no slice per token. */
const rawInterner = new SliceInterner();
let rawById: (RawForms | undefined)[] = [];
/** Fields of {@link rawData} per raw id: folded-form id, key id, TOKEN_* flags. */
const RAW_STRIDE = 4;
/**
 * Ids and flags of `rawById[id]` copied side by side into one array (valid where `rawById[id]`
 * is set): the tokeniser reads one cache line instead of the scattered forms object.
 */
let rawData = new Int32Array(RAW_STRIDE << 12);
let rawGeneration = 0;

/** Forms of a raw id seen for the first time (or again after the forms were dropped), its ids copied. */
function formsOfNewRaw(id: number): RawForms {
  const f = rawForms(rawInterner.str(id));
  rawById[id] = f;
  rawData = grownTo(rawData, RAW_STRIDE * (id + 1));
  rawData[RAW_STRIDE * id] = f.foldedId;
  rawData[RAW_STRIDE * id + 1] = f.keyId;
  rawData[RAW_STRIDE * id + 2] = f.flags;
  return f;
}

/** 1 for code units that belong to words (letters, marks, digits, surrogate halves), built once (~5 ms). */
const WORD = ((): Uint8Array => {
  const table = new Uint8Array(65536);
  const re = /[\p{L}\p{M}\p{N}]/u;
  for (let c = 0; c < 65536; c++) {
    if ((c >= 0xd800 && c <= 0xdfff) || re.test(String.fromCharCode(c))) table[c] = 1;
  }
  return table;
})();

/** Gap between two tokens: hard break (`!?…` or newline) or soft break (`.;:` then space). */
function gapBreak(units: Uint16Array, from: number, to: number, previousLength: number): boolean {
  for (let i = from; i < to; i++) {
    const c = units[i] as number;
    if (c === 33 || c === 63 || c === 0x2026 || c === 10 || c === 13) return true;
    // `TP. Hồ Chí Minh`, `ông Nguyễn Văn A.`: a dot after a short abbreviation is not a break.
    if ((c === 46 || c === 59 || c === 58) && previousLength > 2 && i + 1 < to) {
      const n = units[i + 1] as number;
      if (n === 32 || n === 9 || n === 0xa0) return true;
    }
  }
  return false;
}

const HASH_SEED = SliceInterner.HASH_SEED;

/**
 * Split text into syllable tokens with offsets. Input should already be NFC (the analyser
 * normalises at its boundary); offsets refer to the string given.
 * @param maxTokens - stop after this many (the first tokens are the same as without the cap)
 */
export function tokenizeSyllables(text: string, maxTokens = Infinity): SyllableToken[] {
  // Consumers scan the text with charCodeAt too: flatten a concatenated (cons) string once for them.
  FLATTEN.test(text);
  const units = codeUnitsOf(text);
  const tokens: SyllableToken[] = [];
  let previousEnd = 0;
  let previousLength = 0;
  const n = text.length;
  let i = 0;
  while (i < n && tokens.length < maxTokens) {
    let c = units[i] as number;
    if (WORD[c] !== 1) {
      i++;
      continue;
    }
    const start = i;
    let hash = HASH_SEED;
    // units[n] is 0, no word character: the run ends there at the latest.
    do {
      hash = SliceInterner.hashStep(hash, c);
      c = units[++i] as number;
    } while (WORD[c] === 1);
    const id = rawInterner.idOfUnits(text, units, start, i, hash);
    if (rawInterner.generation !== rawGeneration) {
      rawById = [];
      rawGeneration = rawInterner.generation;
    }
    const f = rawById[id] ?? formsOfNewRaw(id);
    const breakBefore = tokens.length > 0 && start > previousEnd && gapBreak(units, previousEnd, start, previousLength);
    const at = RAW_STRIDE * id;
    tokens.push(new Token(start, i, breakBefore, f, rawData[at] as number, rawData[at + 1] as number, rawData[at + 2] as number));
    previousEnd = i;
    previousLength = i - start;
  }
  rememberTokenArray(tokens);
  return tokens;
}
/** Per-syllable forms of a token, with the interned ids of its key and folded form. */
export type TokenForms = Readonly<RawForms>;

/**
 * The shared forms of a token: free for tokens from {@link tokenizeSyllables}; hand-built tokens
 * get ids looked up (-1 for a string never interned, which no compiled phrase can contain).
 */
export function formsOfToken(t: SyllableToken): TokenForms {
  const f = (t as Partial<Token>).f;
  if (f) return f;
  return makeRawForms(t.key, t.folded, t.plain, keyIds.get(t.key) ?? -1, foldedIds.get(t.folded) ?? -1, t.lower, t.upper, t.capital);
}
