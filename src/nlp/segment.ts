/**
 * Vietnamese word segmentation by dictionary longest match over syllables.
 *
 * Output convention (VLSP style): one string per word, the syllables of a multi-syllable word
 * joined with `_` in their original case (`Chính_phủ`, `chậm`, `tiến_độ`); punctuation is
 * dropped; numbers, codes and acronyms (`1.234.567`, `TP.HCM`, `COVID-19`) are single tokens.
 * Runs of capitalised syllables that the dictionary does not claim are proper names and become
 * one word (`Phạm_Minh_Chính`), except that a run never swallows the first syllable of a
 * dictionary word that continues past it (`Bộ Tài_chính`, not `Bộ_Tài chính`).
 *
 * The dictionary is a set of plain text files, one lower-case word a line (`#` comments), under
 * `config/lexicon/words/`; entries are normalised with the same tone convention as text.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { normaliseForMatching } from './normalise.js';

/** A compiled word dictionary: a trie over lower-case syllables. */
export interface WordDictionary {
  /** Number of multi-syllable words. */
  readonly size: number;
  /** Syllable → small integer id (every syllable that occurs in a word). */
  readonly ids: ReadonlyMap<string, number>;
  /** Trie nodes for words' first syllables, indexed by syllable id. */
  readonly roots: readonly (TrieNode | undefined)[];
}

interface TrieNode {
  word: boolean;
  /** A curated, frequent press word: wins ties between two readings (`nguyên | chủ_tịch`). */
  preferred: boolean;
  /** Children by syllable id: integer keys hash far faster than strings. */
  next: Map<number, TrieNode> | null;
}

/** One dictionary word and whether it comes from a curated (preferred) list. */
export interface DictionaryWord {
  word: string;
  preferred?: boolean;
}

const DEFAULT_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../config/lexicon/words');

/**
 * Build a dictionary from words (any case, any tone convention; one-syllable words ignored).
 * General-list entries of four or more syllables are dropped: in such lists they are mostly
 * phrases (`độ tuổi lao động`) that press segmentation keeps split; curated entries stay.
 */
export function buildWordDictionary(words: Iterable<string | DictionaryWord>): WordDictionary {
  const ids = new Map<string, number>();
  const roots: (TrieNode | undefined)[] = [];
  const idOf = (syllable: string): number => {
    let id = ids.get(syllable);
    if (id === undefined) {
      id = ids.size;
      ids.set(syllable, id);
    }
    return id;
  };
  const entries = plausibleWords(words);
  let size = 0;
  for (const { syllables, preferred } of entries) {
    const first = idOf(syllables[0] as string);
    let node = (roots[first] ??= { word: false, preferred: false, next: null });
    for (const s of syllables.slice(1)) {
      const id = idOf(s);
      node.next ??= new Map();
      let child = node.next.get(id);
      if (!child) {
        child = { word: false, preferred: false, next: null };
        node.next.set(id, child);
      }
      node = child;
    }
    if (!node.word) size++;
    node.word = true;
    node.preferred ||= preferred;
  }
  return { size, ids, roots };
}

/** Numerals: `ba tháng`, `hai chục` in a general list are counted phrases, not words. */
const NUMERALS = new Set('hai ba bốn sáu bảy tám chín mười'.split(' '));
/** Rank prefixes stay outside the title they modify (`Phó Thủ_tướng`, `phó Giám_đốc`). */
const RANK_PREFIXES = new Set(['phó']);

/**
 * Normalise entries and drop general-list entries that are compositional phrases rather than
 * lexical words (curated entries are always kept):
 * - 4+ syllables (`độ tuổi lao động`);
 * - 3 syllables made of a head syllable plus a word of the lists (`giấy chứng nhận` = `giấy` +
 *   `chứng_nhận`, `vườn quốc gia`, `giờ cao điểm`): press convention keeps such head + modifier
 *   phrases split; lexicalised ones are listed in the curated list (`nhà đầu tư`,
 *   `nhà khoa học`). Word + suffix entries (`vận động viên`, `hợp tác xã`) are kept;
 * - a numeral or a rank prefix followed by a syllable (`ba tháng`, `phó thủ tướng`).
 */
function plausibleWords(words: Iterable<string | DictionaryWord>): { syllables: string[]; preferred: boolean }[] {
  const all: { syllables: string[]; preferred: boolean }[] = [];
  for (const item of words) {
    const { word: raw, preferred = false } = typeof item === 'string' ? { word: item } : item;
    const syllables = normaliseForMatching(raw).toLowerCase().trim().split(/\s+/);
    if (syllables.length < 2 || syllables[0] === '' || (syllables.length >= 4 && !preferred)) continue;
    all.push({ syllables, preferred });
  }
  const known = new Set(all.map((e) => e.syllables.join(' ')));
  return all.filter(({ syllables, preferred }) => {
    if (preferred) return true;
    const first = syllables[0] as string;
    if (NUMERALS.has(first) || RANK_PREFIXES.has(first)) return false;
    if (syllables.length === 3) {
      if (known.has(syllables.slice(1).join(' '))) return false;
    }
    return true;
  });
}

/**
 * Load every `*.txt` word list in `dir` (one word a line, `#` comments). Lists whose file name
 * starts with `vntk-` are general; every other list is curated (its words win ties).
 * @throws Error naming the directory when it holds no word list.
 */
export function loadWordDictionary(dir: string = DEFAULT_DIR): WordDictionary {
  const files = readdirSync(dir).filter((f) => f.endsWith('.txt')).sort();
  if (files.length === 0) throw new Error(`no word list (*.txt) in ${dir}`);
  const words: DictionaryWord[] = [];
  for (const f of files) {
    const preferred = !f.startsWith('vntk-');
    for (const line of readFileSync(join(dir, f), 'utf8').split('\n')) {
      const word = line.replace(/#.*/, '').trim();
      if (word) words.push({ word, preferred });
    }
  }
  return buildWordDictionary(words);
}

let defaultDictionary: WordDictionary | null = null;

/** The dictionary shipped under `config/lexicon/words/`, loaded once. */
export function defaultWordDictionary(): WordDictionary {
  defaultDictionary ??= loadWordDictionary();
  return defaultDictionary;
}

/**
 * Syllables of a text as parallel arrays (no object per syllable: a 3 KB article has ~600 of
 * them and allocation dominated the run time).
 */
interface Syllables {
  count: number;
  lower: string[];
  start: Int32Array;
  end: Int32Array;
  /** Bit flags: BREAK_BEFORE, CAPITALISED, OPAQUE. */
  flags: Uint8Array;
}

/** A punctuation mark or line break separates the syllable from the previous one. */
const BREAK_BEFORE = 1;
const CAPITALISED = 2;
/** Acronyms, numbers and codes never join a name run. */
const OPAQUE = 4;

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

/** Hand-written scanner over one lower-cased copy: several times faster than a regex. */
function toSyllables(text: string): Syllables {
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
    for (;;) {
      const d = text.charCodeAt(i);
      if (isWordChar(d)) {
        if (d >= 48 && d <= 57) flags |= OPAQUE;
        i++;
      } else if (isJoiner(d) && i + 1 < n && isWordChar(text.charCodeAt(i + 1)) && i > start) {
        flags |= OPAQUE;
        i++;
      } else break;
    }
    const lower = sameLength ? lowerText.slice(start, i) : text.slice(start, i).toLowerCase();
    if (text.charCodeAt(start) !== lower.charCodeAt(0)) {
      flags |= CAPITALISED;
      const raw = text.slice(start, i);
      if (raw.length > 1 && raw === raw.toUpperCase()) flags |= OPAQUE;
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

/**
 * For every position, the lengths of the dictionary words starting there, as bit masks (bit L
 * set for a word of L syllables; bit 1 always set), plus masks of the preferred ones. One trie
 * walk per position, so the look-ahead below costs array reads only.
 */
function wordLengthMasks(dict: WordDictionary, syl: Syllables): { all: Int32Array; preferred: Int32Array } {
  const n = syl.count;
  const all = new Int32Array(n);
  const preferred = new Int32Array(n);
  // One string lookup per syllable; everything after works on integers.
  const ids = new Int32Array(n);
  for (let i = 0; i < n; i++) ids[i] = dict.ids.get(syl.lower[i] as string) ?? -1;
  for (let i = 0; i < n; i++) {
    let mask = 2;
    let pref = 0;
    const id = ids[i] as number;
    let node = id >= 0 ? dict.roots[id] : undefined;
    for (let k = i + 1; node && node.next && k < n && k - i < 30; k++) {
      if ((syl.flags[k] as number) & BREAK_BEFORE) break;
      const next = ids[k] as number;
      if (next < 0) break;
      node = node.next.get(next);
      if (!node) break;
      if (node.word) {
        mask |= 1 << (k - i + 1);
        if (node.preferred) pref |= 1 << (k - i + 1);
      }
    }
    all[i] = mask;
    preferred[i] = pref;
  }
  return { all, preferred };
}

function highestBit(mask: number): number {
  return 31 - Math.clz32(mask);
}

/**
 * Choose the first word at i with a two-word look-ahead (MMSEG-style): maximise the syllables
 * two words cover, then prefer readings that use curated words, then the longer first word.
 * `nguyên chủ tịch` → `nguyên | chủ_tịch`; `có nhà ở` → `có | nhà_ở`.
 */
function chooseWord(masks: { all: Int32Array; preferred: Int32Array }, syl: Syllables, i: number): number {
  const mask = masks.all[i] as number;
  if (mask === 2) return 1;
  const preferredMask = masks.preferred[i] as number;
  let best = 1;
  let bestCover = -1;
  let bestPreferred = -1;
  for (let length = highestBit(mask); length >= 1; length--) {
    if (!(mask & (1 << length))) continue;
    const next = i + length;
    let cover = length;
    let preferred = preferredMask & (1 << length) ? 1 : 0;
    if (next < syl.count && !((syl.flags[next] as number) & BREAK_BEFORE)) {
      const nextLength = highestBit(masks.all[next] as number);
      cover += nextLength;
      if ((masks.preferred[next] as number) & (1 << nextLength)) preferred++;
    }
    if (cover > bestCover || (cover === bestCover && preferred > bestPreferred)) {
      best = length;
      bestCover = cover;
      bestPreferred = preferred;
    }
  }
  return best;
}

/**
 * Titles and heads that are capitalised before a name but are not part of it
 * (`Ông Nguyễn_Văn_Nam`, `Liên Bộ Công_Thương`, `Theo Bộ_trưởng`).
 */
const NOT_NAME = new Set(
  'ông bà anh chị em cô chú bác cụ phó bộ sở cục vụ liên tổng ban viện ủy hội đoàn theo tại ngày các những tỉnh huyện xã phường quận thị tp tx sông núi chợ cầu đường phố luật'.split(' '),
);

/** Length of the run of capitalised, non-opaque syllables starting at i (same phrase). */
function nameRun(syl: Syllables, i: number): number {
  let k = i;
  while (k < syl.count) {
    const f = syl.flags[k] as number;
    if (!(f & CAPITALISED) || f & OPAQUE || (k > i && f & BREAK_BEFORE) || NOT_NAME.has(syl.lower[k] as string)) break;
    k++;
  }
  return k - i;
}

/**
 * Segment text into words (see the module comment for the output convention). Input should be
 * normalised (`normaliseVietnamese`) so tone placement matches the dictionary.
 * @example segmentWords('Chính phủ đẩy nhanh giải ngân') // ['Chính_phủ', 'đẩy_nhanh', 'giải_ngân']
 */
export function segmentWords(text: string, dict: WordDictionary = defaultWordDictionary()): string[] {
  const syl = toSyllables(text);
  const masks = wordLengthMasks(dict, syl);
  const longestAt = (k: number): number => highestBit(masks.all[k] as number);
  const words: string[] = [];
  for (let i = 0; i < syl.count; ) {
    let length = chooseWord(masks, syl, i);
    const run = (syl.flags[i] as number) & CAPITALISED ? nameRun(syl, i) : 1;
    if (run >= 2 && length < run) {
      // Shrink the name run so it does not take the head of a dictionary word running past it.
      let end = i + run;
      while (end - i >= 2 && longestAt(end - 1) > 1 && end - 1 + longestAt(end - 1) > i + run) end--;
      if (end - i >= 2) length = Math.max(length, end - i);
    }
    let word = text.slice(syl.start[i] as number, syl.end[i] as number);
    for (let k = i + 1; k < i + length; k++) word += `_${text.slice(syl.start[k] as number, syl.end[k] as number)}`;
    words.push(word);
    i += length;
  }
  return words;
}

