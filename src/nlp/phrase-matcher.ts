/**
 * Fast multi-syllable phrase matching for Vietnamese.
 *
 * Vietnamese words are sequences of syllables separated by spaces, so a phrase like `cao tốc`
 * must match the syllables `cao` + `tốc`, never the inside of a longer word. Text is split into
 * syllable tokens once; phrases are compiled into a map from their first folded syllable to the
 * candidate phrases, so each text position costs one map lookup plus a few comparisons.
 *
 * Accents: a text syllable that carries diacritics must match the phrase syllable exactly
 * (tone placement ignored: `hoà` = `hòa`), so `sắp nhập` does not hit `sáp nhập`. A text syllable
 * written without any diacritics (unaccented input, URLs, headlines typed on a phone) matches the
 * folded phrase syllable, so `sap nhap tinh` still finds `sáp nhập tỉnh`.
 */
import { foldForSearch } from './fold.js';

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

/** One phrase match. */
export interface PhraseMatch<T> {
  /** Index of the first token. */
  first: number;
  /** Index after the last token. */
  last: number;
  /** Character offsets in the input string, end exclusive. */
  start: number;
  end: number;
  /** The phrase as written in the configuration. */
  phrase: string;
  /** Payloads of every entry that declared this phrase. */
  payloads: T[];
}

/** Input entry for {@link compilePhraseMatcher}. */
export interface PhraseEntry<T> {
  phrase: string;
  payload: T;
}

/** A compiled phrase set. */
export interface PhraseMatcher<T> {
  /** Number of distinct phrases compiled. */
  readonly size: number;
  /**
   * Find phrase occurrences in tokenised text.
   * @param overlapping - false (default): leftmost-longest, non-overlapping; true: every phrase at every position.
   */
  match(tokens: readonly SyllableToken[], overlapping?: boolean): PhraseMatch<T>[];
}

const TONE_MARKS: Record<string, string> = { '\u0300': '2', '\u0301': '1', '\u0303': '4', '\u0309': '3', '\u0323': '5' };
const TONE_RE = /[\u0300\u0301\u0303\u0309\u0323]/g;

interface SyllableForms {
  key: string;
  folded: string;
  plain: boolean;
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
  forms = { key: `${toneless.normalize('NFC')}${tone}`, folded, plain: folded === lower };
  if (formCache.size >= FORM_CACHE_LIMIT) formCache.clear();
  formCache.set(lower, forms);
  return forms;
}

/** Per raw token (case kept): forms plus case flags, so repeated words cost one map lookup. */
interface RawForms extends SyllableForms {
  lower: string;
  upper: boolean;
  capital: boolean;
}
const rawCache = new Map<string, RawForms>();

/**
 * Token with its per-word forms shared through the cache: allocating three fields per token
 * instead of nine makes tokenising a 3 KB article about four times faster.
 */
class Token implements SyllableToken {
  constructor(
    readonly start: number,
    readonly end: number,
    readonly breakBefore: boolean,
    /** Shared per-word forms; hot loops read them directly instead of through the getters. */
    readonly f: RawForms,
  ) {}
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

function rawForms(raw: string): RawForms {
  let f = rawCache.get(raw);
  if (f) return f;
  const lower = raw.toLowerCase();
  const forms = syllableForms(lower);
  const first = raw.charAt(0);
  f = { ...forms, lower, upper: raw !== lower && raw === raw.toUpperCase(), capital: first !== first.toLowerCase() };
  if (rawCache.size >= FORM_CACHE_LIMIT) rawCache.clear();
  rawCache.set(raw, f);
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
function gapBreak(text: string, from: number, to: number, previousLength: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 33 || c === 63 || c === 0x2026 || c === 10 || c === 13) return true;
    // `TP. Hồ Chí Minh`, `ông Nguyễn Văn A.`: a dot after a short abbreviation is not a break.
    if ((c === 46 || c === 59 || c === 58) && previousLength > 2 && i + 1 < to) {
      const n = text.charCodeAt(i + 1);
      if (n === 32 || n === 9 || n === 0xa0) return true;
    }
  }
  return false;
}

/**
 * Split text into syllable tokens with offsets. Input should already be NFC (the analyser
 * normalises at its boundary); offsets refer to the string given.
 */
export function tokenizeSyllables(text: string): SyllableToken[] {
  const tokens: SyllableToken[] = [];
  let previousEnd = 0;
  let previousLength = 0;
  const n = text.length;
  let i = 0;
  while (i < n) {
    if (WORD[text.charCodeAt(i)] !== 1) {
      i++;
      continue;
    }
    const start = i;
    while (i < n && WORD[text.charCodeAt(i)] === 1) i++;
    const raw = text.slice(start, i);
    const f = rawForms(raw);
    const breakBefore = tokens.length > 0 && start > previousEnd && gapBreak(text, previousEnd, start, previousLength);
    tokens.push(new Token(start, i, breakBefore, f));
    previousEnd = i;
    previousLength = raw.length;
  }
  return tokens;
}

interface CompiledPhrase<T> {
  phrase: string;
  keys: string[];
  folded: string[];
  /** One-syllable acronyms (`AI`, `GDP`) only match capitals: `ai` is the Vietnamese "who". */
  needsUpper: boolean;
  /** One-syllable proper nouns (`Gaza`) only match a capitalised syllable. */
  needsCapital: boolean;
  payloads: T[];
}

/** Forms of a token without getter calls (tokens from {@link tokenizeSyllables} share them). */
type Forms = Pick<SyllableToken, 'key' | 'folded' | 'plain' | 'upper' | 'capital'>;
const formsOf = (t: SyllableToken): Forms => (t as Partial<Token>).f ?? t;

function syllableMatches(token: SyllableToken, key: string, folded: string): boolean {
  const f = formsOf(token);
  return f.key === key || (f.plain && f.folded === folded);
}

/**
 * Compile phrases into a matcher. Phrases are split into syllables exactly as text is, so
 * punctuation inside a phrase (`57-NQ/TW`, `TP.HCM`) is ignored consistently.
 * @throws Error when a phrase has no syllable at all.
 */
export function compilePhraseMatcher<T>(entries: Iterable<PhraseEntry<T>>): PhraseMatcher<T> {
  const byFirst = new Map<string, CompiledPhrase<T>[]>();
  const byIdentity = new Map<string, CompiledPhrase<T>>();
  for (const entry of entries) {
    const tokens = tokenizeSyllables(entry.phrase.normalize('NFC'));
    if (tokens.length === 0) throw new Error(`phrase "${entry.phrase}" contains no syllable`);
    const keys = tokens.map((t) => t.key);
    const caseMark = tokens.length === 1 ? `#${tokens[0]?.upper ? 'U' : ''}${tokens[0]?.capital ? 'C' : ''}` : '';
    const identity = `${keys.join(' ')}${caseMark}`;
    const existing = byIdentity.get(identity);
    if (existing) {
      existing.payloads.push(entry.payload);
      continue;
    }
    const single = tokens.length === 1 ? (tokens[0] as SyllableToken) : null;
    const needsUpper = single !== null && single.upper && /^\p{L}{2,}$/u.test(entry.phrase.trim());
    const needsCapital = single !== null && single.capital;
    const compiled: CompiledPhrase<T> = { phrase: entry.phrase, keys, folded: tokens.map((t) => t.folded), needsUpper, needsCapital, payloads: [entry.payload] };
    byIdentity.set(identity, compiled);
    const first = compiled.folded[0] as string;
    const list = byFirst.get(first);
    if (list) list.push(compiled);
    else byFirst.set(first, [compiled]);
  }
  // Two-level index (first, second folded syllable) keeps candidate lists short for common
  // first syllables (`giá`, `công`, `nhà`); longest first, so the first full match is the longest.
  interface Bucket {
    singles: CompiledPhrase<T>[];
    bySecond: Map<string, CompiledPhrase<T>[]>;
  }
  const index = new Map<string, Bucket>();
  for (const [first, list] of byFirst) {
    const bucket: Bucket = { singles: [], bySecond: new Map() };
    for (const c of list) {
      if (c.keys.length === 1) bucket.singles.push(c);
      else {
        const second = c.folded[1] as string;
        const l = bucket.bySecond.get(second);
        if (l) l.push(c);
        else bucket.bySecond.set(second, [c]);
      }
    }
    for (const l of bucket.bySecond.values()) l.sort((a, b) => b.keys.length - a.keys.length);
    index.set(first, bucket);
  }

  function tryCandidate(tokens: readonly SyllableToken[], i: number, cand: CompiledPhrase<T>): boolean {
    const n = cand.keys.length;
    if (i + n > tokens.length) return false;
    for (let k = 0; k < n; k++) {
      const t = tokens[i + k] as SyllableToken;
      if ((k > 0 && t.breakBefore) || !syllableMatches(t, cand.keys[k] as string, cand.folded[k] as string)) return false;
    }
    return true;
  }

  function matchAt(tokens: readonly SyllableToken[], i: number, all: boolean, out: PhraseMatch<T>[]): number {
    const head = tokens[i] as SyllableToken;
    const hf = formsOf(head);
    const bucket = index.get(hf.folded);
    if (!bucket) return 0;
    let longest = 0;
    const next = tokens[i + 1];
    const multi = next && !next.breakBefore ? bucket.bySecond.get(formsOf(next).folded) : undefined;
    if (multi) {
      for (const cand of multi) {
        const n = cand.keys.length;
        if ((!all && n <= longest) || !tryCandidate(tokens, i, cand)) continue;
        out.push({ first: i, last: i + n, start: head.start, end: (tokens[i + n - 1] as SyllableToken).end, phrase: cand.phrase, payloads: cand.payloads });
        if (n > longest) longest = n;
        if (!all) return longest;
      }
    }
    for (const cand of bucket.singles) {
      if ((!all && longest > 0) || (cand.needsUpper && !hf.upper) || (cand.needsCapital && !hf.capital)) continue;
      if (!syllableMatches(head, cand.keys[0] as string, cand.folded[0] as string)) continue;
      out.push({ first: i, last: i + 1, start: head.start, end: head.end, phrase: cand.phrase, payloads: cand.payloads });
      if (longest === 0) longest = 1;
      if (!all) return longest;
    }
    return longest;
  }

  return {
    size: byIdentity.size,
    match(tokens, overlapping = false) {
      const out: PhraseMatch<T>[] = [];
      for (let i = 0; i < tokens.length; ) {
        const consumed = matchAt(tokens, i, overlapping, out);
        i += overlapping || consumed === 0 ? 1 : consumed;
      }
      return out;
    },
  };
}
