/**
 * The segmentation dictionary: a trie over lower-case syllables built from word lists, plus
 * (optionally) the learned boundary model that scores competing readings.
 *
 * Lists live under `config/lexicon/words/`, one lower-case word a line (`#` comments):
 * `vntk-*.txt` and `pyvi-*.txt` are general lists, every other `*.txt` is curated (its words
 * win ties). `pyvi-boundary-weights.tsv` holds the boundary model; the `pyvi-*.txt` list is
 * also the word list that model's pair/triple features were trained with.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { normaliseForMatching } from '../normalise.js';
import { compileBoundaryModel, parseBoundaryWeights, type BoundaryModel, type BoundaryWeights } from './boundary-model.js';

/** A compiled word dictionary: a trie over lower-case syllables. */
export interface WordDictionary {
  /** Number of multi-syllable words. */
  readonly size: number;
  /** Syllable → small integer id (every syllable that occurs in a word). */
  readonly ids: ReadonlyMap<string, number>;
  /** Trie nodes for words' first syllables, indexed by syllable id. */
  readonly roots: readonly (TrieNode | undefined)[];
  /** Learned boundary evidence; without it readings are scored by word count alone. */
  readonly boundary?: BoundaryModel;
}

/** One trie node; `word` marks the end of a dictionary word. */
export interface TrieNode {
  word: boolean;
  /** A curated, frequent press word: scores higher than a general-list word. */
  preferred: boolean;
  /** Children by syllable id: integer keys hash far faster than strings. */
  next: Map<number, TrieNode> | null;
}

/** One dictionary word and whether it comes from a curated (preferred) list. */
export interface DictionaryWord {
  word: string;
  preferred?: boolean;
  /** Name of the list the word comes from (entries confirmed by two lists are trusted more). */
  list?: string;
}

/** Optional learned model for {@link buildWordDictionary}. */
export interface BoundaryModelSource {
  weights: BoundaryWeights;
  /** The word list the model's pair/triple features were trained with. */
  crfWords: Iterable<string>;
}

const DEFAULT_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../../config/lexicon/words');
/** The boundary model's file name inside a word-list directory. */
export const BOUNDARY_WEIGHTS_FILE = 'pyvi-boundary-weights.tsv';
/**
 * Phrases the general lists hold that press convention splits (head + modifier, time + deictic,
 * quantity phrases: `tuyến đường`, `chiều nay`, `hàng vạn`): removed from the general lists, not a
 * word list itself.
 */
export const NOT_WORDS_FILE = 'not-words.txt';

function syllablesOf(raw: string): string[] {
  return normaliseForMatching(raw).toLowerCase().trim().split(/\s+/);
}

/**
 * Build a dictionary from words (any case, any tone convention; one-syllable words ignored).
 * General-list phrases are filtered (see `plausibleWords`); curated entries all stay.
 */
export function buildWordDictionary(words: Iterable<string | DictionaryWord>, model?: BoundaryModelSource): WordDictionary {
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
  let size = 0;
  for (const { syllables, preferred } of plausibleWords(words)) {
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
  if (!model) return { size, ids, roots };
  const crf = [...model.crfWords].map(syllablesOf).filter((s) => s.length === 2 || s.length === 3);
  const boundary = compileBoundaryModel(model.weights, crf, idOf)();
  return { size, ids, roots, boundary };
}

/** Numerals: `ba tháng`, `hai chục` in a general list are counted phrases, not words. */
const NUMERALS = new Set('hai ba bốn sáu bảy tám chín mười'.split(' '));
/**
 * Function words that mostly start phrases, not words: a general-list entry beginning with one
 * (`có nhà`, `có công`, `không phải`, `của công`) is kept only when two independent general lists
 * both have it (`có thể`, `không khí`); `trong`, `từ`, `đến` likewise (`trong khoảng`, `từ ngày`,
 * `đến nay`). Other prepositions and `cho`/`một` are left out: too many of their entries are real
 * words (`cho phép`, `cho vay`, `một cửa`).
 */
const FUNCTION_WORDS = new Set('có không của được các những là đã sẽ đang mà trong từ đến'.split(' '));
/** Rank prefixes stay outside the title they modify (`Phó Thủ_tướng`, `phó Giám_đốc`). */
const RANK_PREFIXES = new Set(['phó']);

/**
 * Normalise entries and drop general-list entries that are compositional phrases rather than
 * lexical words (curated entries are always kept):
 * - 4+ syllables (`độ tuổi lao động`);
 * - 3 syllables made of a head syllable plus a word of the lists (`giấy chứng nhận` = `giấy` +
 *   `chứng_nhận`, `vườn quốc gia`): press convention keeps such head + modifier phrases split;
 *   lexicalised ones are listed in the curated list (`nhà đầu tư`). Word + suffix entries
 *   (`vận động viên`, `hợp tác xã`) are kept;
 * - a numeral or a rank prefix followed by a syllable (`ba tháng`, `phó thủ tướng`);
 * - an entry starting with a function word that only one general list has (see FUNCTION_WORDS).
 */
function plausibleWords(words: Iterable<string | DictionaryWord>): { syllables: string[]; preferred: boolean }[] {
  const all: { syllables: string[]; preferred: boolean; list: string }[] = [];
  for (const item of words) {
    const { word: raw, preferred = false, list = '' } = typeof item === 'string' ? { word: item } : item;
    const syllables = syllablesOf(raw);
    if (syllables.length < 2 || syllables[0] === '' || (syllables.length >= 4 && !preferred)) continue;
    all.push({ syllables, preferred, list });
  }
  const known = new Set(all.map((e) => e.syllables.join(' ')));
  // Which general lists have each entry.
  const listings = new Map<string, Set<string>>();
  for (const e of all) {
    if (e.preferred) continue;
    const key = e.syllables.join(' ');
    let lists = listings.get(key);
    if (!lists) listings.set(key, (lists = new Set()));
    lists.add(e.list);
  }
  return all.filter(({ syllables, preferred }) => {
    if (preferred) return true;
    const first = syllables[0] as string;
    if (NUMERALS.has(first) || RANK_PREFIXES.has(first)) return false;
    if (FUNCTION_WORDS.has(first) && (listings.get(syllables.join(' '))?.size ?? 0) < 2) return false;
    if (syllables.length === 3 && known.has(syllables.slice(1).join(' '))) return false;
    return true;
  });
}

function readList(file: string): string[] {
  const out: string[] = [];
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const word = line.replace(/#.*/, '').trim();
    if (word) out.push(word);
  }
  return out;
}

/** General (uncurated) lists: their words never win ties and their phrases are filtered. */
function isGeneralList(file: string): boolean {
  return file.startsWith('vntk-') || file.startsWith('pyvi-');
}

/**
 * Load every `*.txt` word list in `dir` and, when present, the boundary model
 * (`pyvi-boundary-weights.tsv`, whose pair features use the `pyvi-*.txt` lists) and the
 * phrases to drop from the general lists ({@link NOT_WORDS_FILE}).
 * @throws Error naming the directory when it holds no word list, or the file of a bad model.
 */
export function loadWordDictionary(dir: string = DEFAULT_DIR): WordDictionary {
  const files = readdirSync(dir).filter((f) => f.endsWith('.txt') && f !== NOT_WORDS_FILE).sort();
  if (files.length === 0) throw new Error(`no word list (*.txt) in ${dir}`);
  const notWordsFile = join(dir, NOT_WORDS_FILE);
  const notWords = new Set(existsSync(notWordsFile) ? readList(notWordsFile).map((w) => syllablesOf(w).join(' ')) : []);
  const words: DictionaryWord[] = [];
  const crfWords: string[] = [];
  for (const f of files) {
    const preferred = !isGeneralList(f);
    const list = readList(join(dir, f));
    for (const word of list) if (preferred || !notWords.has(syllablesOf(word).join(' '))) words.push({ word, preferred, list: f });
    // The boundary model's pair features were trained with the full list: keep it whole.
    if (f.startsWith('pyvi-')) crfWords.push(...list);
  }
  const weightsFile = join(dir, BOUNDARY_WEIGHTS_FILE);
  if (!existsSync(weightsFile)) return buildWordDictionary(words);
  const weights = parseBoundaryWeights(readFileSync(weightsFile, 'utf8'), normaliseForMatching, weightsFile);
  return buildWordDictionary(words, { weights, crfWords });
}

let defaultDictionary: WordDictionary | null = null;

/** The dictionary shipped under `config/lexicon/words/`, loaded once. */
export function defaultWordDictionary(): WordDictionary {
  defaultDictionary ??= loadWordDictionary();
  return defaultDictionary;
}
