/**
 * Learned word-boundary evidence for segmentation: a linear-chain CRF's feature weights
 * (pyvi 0.1.1, MIT, trained on Vietnamese news segmented in the VLSP style), read from
 * `config/lexicon/words/pyvi-boundary-weights.tsv` and evaluated per syllable.
 *
 * Each weight is w(I) − w(B): positive favours "this syllable continues the word begun before
 * it". The features are those pyvi computes: the syllable, its neighbours, their case, and
 * whether the syllable pair/triple is in pyvi's word list.
 */
import { float64Scratch, uint8Scratch } from './scratch.js';
import * as flags from './syllables.js';
import type { Syllables } from './syllables.js';

// Local copies: imported bindings compile to getter calls under tsx, costly in the inner loop.
const ALL_UPPER = flags.ALL_UPPER;
const BREAK_BEFORE = flags.BREAK_BEFORE;
const CAPITALISED = flags.CAPITALISED;
const DIGITS = flags.DIGITS;

/** Parsed weight table (syllables by text; compiled to ids by {@link compileBoundaryModel}). */
export interface BoundaryWeights {
  /** Syllable → [as current, as previous, as next] weight. */
  syllables: Map<string, [number, number, number]>;
  /** Boolean features (`bias`, `word.istitle()`, `-1:word.bi_gram()`, …) and `trans:B>I` etc. */
  features: Map<string, number>;
}

/** A boundary model bound to a dictionary's syllable ids. */
export interface BoundaryModel {
  /** Per syllable id, 3 weights: as current, as previous, as next syllable. */
  readonly perSyllable: Float32Array;
  /** The CRF's word list by syllable id: two-syllable words (first → seconds) and three-syllable ones. */
  readonly bigrams: Map<number, Set<number>>;
  readonly trigrams: Map<number, Map<number, Set<number>>>;
  readonly f: Readonly<Record<FeatureName, number>>;
}

const FEATURES = {
  bias: 'bias',
  upper: 'word.isupper()',
  title: 'word.istitle()',
  digit: 'word.isdigit()',
  prevTitle: '-1:word.istitle()',
  prevUpper: '-1:word.isupper()',
  prevBigram: '-1:word.bi_gram()',
  prevTrigram: '-2:word.tri_gram()',
  nextTitle: '+1:word.istitle()',
  nextUpper: '+1:word.isupper()',
  nextBigram: '+1:word.bi_gram()',
  nextTrigram: '+2:word.tri_gram()',
  transBB: 'trans:B>B',
  transBI: 'trans:B>I',
  transIB: 'trans:I>B',
  transII: 'trans:I>I',
} as const;
type FeatureName = keyof typeof FEATURES;

/**
 * Parse the weight table: `@feature<TAB>w` rows and `syllable<TAB>cur<TAB>prev<TAB>next` rows,
 * `#` comment lines. Syllables pass through `normalise` so tone placement matches the text.
 * @throws Error naming the line when a row is malformed.
 */
export function parseBoundaryWeights(text: string, normalise: (s: string) => string, where = 'boundary weights'): BoundaryWeights {
  const syllables = new Map<string, [number, number, number]>();
  const features = new Map<string, number>();
  const exact = new Set<string>();
  text.split('\n').forEach((line, i) => {
    if (line === '' || line.startsWith('#')) return;
    const cells = line.split('\t');
    const numbers = cells.slice(1).map(Number);
    if (numbers.length === 0 || numbers.some((x) => !Number.isFinite(x))) throw new Error(`${where}: line ${i + 1}: expected a name and numbers separated by tabs`);
    const name = cells[0] as string;
    if (name.startsWith('@')) {
      features.set(name.slice(1), numbers[0] as number);
      return;
    }
    if (numbers.length !== 3) throw new Error(`${where}: line ${i + 1}: a syllable row needs 3 weights`);
    const key = normalise(name).toLowerCase();
    // Old and new tone spellings were separate features; the spelling already in the
    // normalised form saw the text we will see, so it wins.
    if (syllables.has(key) && (exact.has(key) || key !== name)) return;
    if (key === name) exact.add(key);
    syllables.set(key, numbers as [number, number, number]);
  });
  for (const [, label] of Object.entries(FEATURES)) if (!features.has(label)) throw new Error(`${where}: missing feature @${label}`);
  return { syllables, features };
}

/**
 * Bind weights to syllable ids. `idOf` assigns ids (it grows the dictionary's id map);
 * `crfWords` are the CRF's own word list as lower-case syllable arrays.
 */
export function compileBoundaryModel(weights: BoundaryWeights, crfWords: Iterable<string[]>, idOf: (s: string) => number): () => BoundaryModel {
  const bigrams = new Map<number, Set<number>>();
  const trigrams = new Map<number, Map<number, Set<number>>>();
  for (const w of crfWords) {
    const [a, b, c] = w.map(idOf) as [number, number, number | undefined];
    if (c === undefined) {
      let seconds = bigrams.get(a);
      if (!seconds) bigrams.set(a, (seconds = new Set()));
      seconds.add(b);
    } else {
      let seconds = trigrams.get(a);
      if (!seconds) trigrams.set(a, (seconds = new Map()));
      let thirds = seconds.get(b);
      if (!thirds) seconds.set(b, (thirds = new Set()));
      thirds.add(c);
    }
  }
  const rows: [number, [number, number, number]][] = [];
  for (const [s, row] of weights.syllables) rows.push([idOf(s), row]);
  const f = Object.fromEntries(Object.entries(FEATURES).map(([k, label]) => [k, weights.features.get(label) as number])) as Record<FeatureName, number>;
  // The id map may still grow after this call (more words); size the table when asked.
  return () => {
    const maxId = rows.reduce((m, [id]) => Math.max(m, id), 0);
    const perSyllable = new Float32Array((maxId + 1) * 3);
    for (const [id, [cur, prev, next]] of rows) perSyllable.set([cur, prev, next], id * 3);
    return { perSyllable, bigrams, trigrams, f };
  };
}

function weightOf(model: BoundaryModel, id: number, slot: number): number {
  const at = id * 3 + slot;
  return id >= 0 && at < model.perSyllable.length ? (model.perSyllable[at] as number) : 0;
}

const pairScratch = uint8Scratch();
const tripleScratch = uint8Scratch();
const scoreScratch = float64Scratch();

/**
 * For every syllable k, the CRF's evidence that k continues the word of k−1 (w(I) − w(B)).
 * Neighbours across punctuation are treated as absent; positions after a break get 0 (they
 * always start a word). The result is a scratch buffer, valid until the next call.
 */
export function continuationScores(model: BoundaryModel, syl: Syllables, ids: Int32Array): Float64Array {
  const n = syl.count;
  const sylFlags = syl.flags;
  // pair[k] / triple[k]: syllables (k−1, k) / (k−2, k−1, k) form a word of the CRF's list.
  const pair = pairScratch.take(n + 1, 0);
  const triple = tripleScratch.take(n + 2, 0);
  for (let k = 1; k < n; k++) {
    if ((sylFlags[k] as number) & BREAK_BEFORE) continue;
    const id = ids[k] as number;
    const p = ids[k - 1] as number;
    if (id < 0 || p < 0) continue;
    if (model.bigrams.get(p)?.has(id)) pair[k] = 1;
    if (k >= 2 && !((sylFlags[k - 1] as number) & BREAK_BEFORE) && (ids[k - 2] as number) >= 0 && model.trigrams.get(ids[k - 2] as number)?.get(p)?.has(id)) triple[k] = 1;
  }
  const out = scoreScratch.take(n, 0);
  const { f } = model;
  for (let k = 0; k < n; k++) {
    const fk = sylFlags[k] as number;
    if (fk & BREAK_BEFORE) continue;
    let s = f.bias + weightOf(model, ids[k] as number, 0);
    if (fk & ALL_UPPER) s += f.upper;
    else if (fk & CAPITALISED) s += f.title;
    if (fk & DIGITS) s += f.digit;
    const fp = sylFlags[k - 1] as number;
    s += weightOf(model, ids[k - 1] as number, 1);
    if (fp & ALL_UPPER) s += f.prevUpper;
    else if (fp & CAPITALISED) s += f.prevTitle;
    if (pair[k]) s += f.prevBigram;
    if (triple[k]) s += f.prevTrigram;
    if (k + 1 < n && !((sylFlags[k + 1] as number) & BREAK_BEFORE)) {
      const fx = sylFlags[k + 1] as number;
      s += weightOf(model, ids[k + 1] as number, 2);
      if (fx & ALL_UPPER) s += f.nextUpper;
      else if (fx & CAPITALISED) s += f.nextTitle;
      if (pair[k + 1]) s += f.nextBigram;
      if (triple[k + 2]) s += f.nextTrigram;
    }
    out[k] = s;
  }
  return out;
}
