/**
 * Vietnamese word segmentation: the best path through the lattice of dictionary words.
 *
 * Output convention (VLSP style): one string per word, the syllables of a multi-syllable word
 * joined with `_` in their original case (`Chính_phủ`, `chậm`, `tiến_độ`); punctuation is
 * dropped; numbers, codes and acronyms (`1.234.567`, `TP.HCM`, `COVID-19`) are single tokens.
 * Runs of capitalised syllables that the dictionary does not claim are proper names and become
 * one word (`Phạm_Minh_Chính`), except that a run never swallows the first syllable of a
 * dictionary word that continues past it (`Bộ Tài_chính`, not `Bộ_Tài chính`), and a place that
 * opens a run stays apart from the official named after it (`src/nlp/segment/names.ts`).
 *
 * Candidate words come from the word lists (`src/nlp/segment/dictionary.ts`); among the
 * readings they allow, dynamic programming picks the one with the highest score: a bonus per
 * dictionary word (curated words more) plus a linear-chain CRF's evidence for each join and
 * boundary (`src/nlp/segment/boundary-model.ts`). That evidence is what rejects general-list
 * entries that are really a function word plus a word (`có nhà`, `không phải`) while keeping
 * lexical words. Without a boundary model the fewest-words reading wins (maximal matching).
 */
import { continuationScores, type BoundaryModel } from './segment/boundary-model.js';
import { defaultWordDictionary, type WordDictionary } from './segment/dictionary.js';
import * as names from './segment/names.js';
import { nameSpans } from './segment/names.js';
import { float64Scratch, int32Scratch, uint8Scratch } from './segment/scratch.js';
import * as flags from './segment/syllables.js';
import { toSyllables, type Syllables } from './segment/syllables.js';

// Local copies: imported bindings compile to getter calls under tsx, costly in the inner loops.
const BREAK_BEFORE = flags.BREAK_BEFORE;
const CAPITALISED = flags.CAPITALISED;
const MAX_WORD = names.MAX_WORD;

const scratch = {
  ids: int32Scratch(),
  all: int32Scratch(),
  preferred: int32Scratch(),
  names: int32Scratch(),
  noJoin: float64Scratch(),
  mustCut: uint8Scratch(),
  noCut: uint8Scratch(),
  score: float64Scratch(),
  backLength: int32Scratch(),
  backLabel: uint8Scratch(),
};

export { buildWordDictionary, defaultWordDictionary, loadWordDictionary } from './segment/dictionary.js';
export type { BoundaryModelSource, DictionaryWord, WordDictionary } from './segment/dictionary.js';

/** Weights of the path score; tuned on the dev split of the segmentation gold set only. */
export interface SegmentScoring {
  /** Scale of the CRF evidence. */
  crf: number;
  /** Bonus per general-list word. */
  generalWord: number;
  /** Bonus per curated word. */
  curatedWord: number;
  /** Bonus per joined syllable (per syllable past the first) of any dictionary word. */
  perJoin: number;
  /** Extra bonus for a dictionary word whose syllables are all capitalised (a listed name). */
  nameWord?: number;
}

/** Scoring used with a boundary model. */
export const DEFAULT_SCORING: Readonly<SegmentScoring> = { crf: 0.5, generalWord: 0.5, curatedWord: 6, perJoin: 3, nameWord: 4 };
/** Without a model: fewest words, curated words break ties. */
const MAX_MATCH: Readonly<SegmentScoring> = { crf: 0, generalWord: 0, curatedWord: 0.5, perJoin: 1 };

/**
 * For every position, the lengths of the dictionary words starting there, as bit masks (bit L
 * set for a word of L syllables; bit 1 always set), plus masks of the curated ones. A general-list
 * word never runs from a lower-case syllable into a capitalised one.
 */
function wordLengthMasks(dict: WordDictionary, syl: Syllables, ids: Int32Array): { all: Int32Array; preferred: Int32Array } {
  const n = syl.count;
  const all = scratch.all.take(n, 0);
  const preferred = scratch.preferred.take(n, 0);
  for (let i = 0; i < n; i++) {
    let mask = 2;
    let pref = 0;
    const id = ids[i] as number;
    let node = id >= 0 ? dict.roots[id] : undefined;
    const lowerStart = ((syl.flags[i] as number) & CAPITALISED) === 0;
    let intoName = false;
    for (let k = i + 1; node && node.next && k < n && k - i < MAX_WORD; k++) {
      const f = syl.flags[k] as number;
      if (f & BREAK_BEFORE) break;
      // A lower-case head before a capitalised name is two words (`sông Đà`, `miền Trung`,
      // `dịp Tết`) unless a curated list has the whole (`châu_Á`).
      if (lowerStart && f & CAPITALISED) intoName = true;
      const next = ids[k] as number;
      if (next < 0) break;
      node = node.next.get(next);
      if (!node) break;
      if (node.word && (!intoName || node.preferred)) {
        mask |= 1 << (k - i + 1);
        if (node.preferred) pref |= 1 << (k - i + 1);
      }
    }
    all[i] = mask;
    preferred[i] = pref;
  }
  return { all, preferred };
}

const ZERO_TRANS = { transBB: 0, transBI: 0, transIB: 0, transII: 0 };

/**
 * Best reading of the syllables as word lengths, by dynamic programming over (position, label
 * of the previous syllable): a word of L syllables labels its syllables B I…I, so the CRF's
 * transition weights apply; punctuation resets the chain.
 */
function bestPath(syl: Syllables, masks: { all: Int32Array; preferred: Int32Array }, model: BoundaryModel | undefined, ids: Int32Array, w: SegmentScoring): Int32Array {
  const n = syl.count;
  const join = model ? continuationScores(model, syl, ids) : scratch.noJoin.take(n, 0);
  const t = model ? model.f : ZERO_TRANS;
  const names = nameSpans(syl, masks.all, masks.preferred, scratch.names.take(n, 0));
  const nameWord = w.nameWord ?? 0;
  // mustCut[k]: a word boundary before k is required (name span edge); noCut[k]: forbidden.
  const mustCut = scratch.mustCut.take(n + 1, 0);
  const noCut = scratch.noCut.take(n + 1, 0);
  for (let i = 0; i < n; i++) {
    const L = names[i] as number;
    if (L === 0) continue;
    mustCut[i] = 1;
    mustCut[i + L] = 1;
    for (let k = i + 1; k < i + L; k++) noCut[k] = 1;
  }
  // score[2p + lab]: best score of a reading of syllables [0, p) whose last syllable has label lab (0 = B, 1 = I).
  const score = scratch.score.take(2 * (n + 1), -Infinity);
  const backLength = scratch.backLength.take(2 * (n + 1), 0);
  const backLabel = scratch.backLabel.take(2 * (n + 1), 0);
  score[0] = 0;
  for (let s = 0; s < n; s++) {
    if (noCut[s]) continue;
    const chainStart = s === 0 || ((syl.flags[s] as number) & BREAK_BEFORE) !== 0;
    const fromB = score[2 * s] as number;
    const fromI = score[2 * s + 1] as number;
    if (fromB === -Infinity && fromI === -Infinity) continue;
    const mask = names[s] ? 1 << (names[s] as number) : (masks.all[s] as number);
    const pref = masks.preferred[s] as number;
    let evidence = 0;
    let transitions = 0;
    let capitalised = ((syl.flags[s] as number) & CAPITALISED) !== 0;
    for (let L = 1; L <= MAX_WORD && s + L <= n; L++) {
      if (L > 1) {
        if (mustCut[s + L - 1] && !names[s]) break;
        evidence += w.crf * (join[s + L - 1] as number);
        transitions += w.crf * (L === 2 ? t.transBI : t.transII);
        capitalised &&= ((syl.flags[s + L - 1] as number) & CAPITALISED) !== 0;
      }
      if (!(mask & (1 << L)) || noCut[s + L]) continue;
      let gain = transitions;
      if (L > 1) gain += evidence + (pref & (1 << L) ? w.curatedWord : w.generalWord) + w.perJoin * (L - 1) + (capitalised ? nameWord : 0);
      const viaB = chainStart ? fromB : fromB + w.crf * t.transBB;
      const viaI = chainStart ? fromI : fromI + w.crf * t.transIB;
      const best = viaB >= viaI ? viaB : viaI;
      const at = 2 * (s + L) + (L > 1 ? 1 : 0);
      if (best + gain > (score[at] as number)) {
        score[at] = best + gain;
        backLength[at] = L;
        backLabel[at] = viaB >= viaI ? 0 : 1;
      }
    }
  }
  const lengths: number[] = [];
  let lab = (score[2 * n] as number) >= (score[2 * n + 1] as number) ? 0 : 1;
  for (let p = n; p > 0; ) {
    const at = 2 * p + lab;
    const L = backLength[at] as number;
    // Every position is reachable (a lone syllable is always a word); a 0 here is a bug.
    if (L <= 0) throw new Error(`segmentWords: no reading ends at syllable ${p}`);
    lengths.push(L);
    lab = backLabel[at] as number;
    p -= L;
  }
  return Int32Array.from(lengths.reverse());
}

/**
 * Segment text into words (see the module comment for the output convention). Input should be
 * normalised (`normaliseVietnamese`) so tone placement matches the dictionary.
 * @example segmentWords('Chính phủ đẩy nhanh giải ngân') // ['Chính_phủ', 'đẩy_nhanh', 'giải_ngân']
 */
export function segmentWords(text: string, dict: WordDictionary = defaultWordDictionary()): string[] {
  return segmentWith(text, dict, dict.boundary ? DEFAULT_SCORING : MAX_MATCH);
}

/** {@link segmentWords} with explicit scoring weights (for tuning and tests). */
export function segmentWith(text: string, dict: WordDictionary, scoring: SegmentScoring): string[] {
  const syl = toSyllables(text);
  const ids = scratch.ids.take(syl.count, -1);
  for (let i = 0; i < syl.count; i++) ids[i] = dict.ids.get(syl.lower[i] as string) ?? -1;
  const masks = wordLengthMasks(dict, syl, ids);
  const lengths = bestPath(syl, masks, dict.boundary, ids, scoring);
  const words: string[] = [];
  let i = 0;
  for (const length of lengths) {
    let word = text.slice(syl.start[i] as number, syl.end[i] as number);
    for (let k = i + 1; k < i + length; k++) word += `_${text.slice(syl.start[k] as number, syl.end[k] as number)}`;
    words.push(word);
    i += length;
  }
  return words;
}
