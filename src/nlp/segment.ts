/**
 * Vietnamese word segmentation: the best path through the lattice of dictionary words.
 *
 * Output convention (VLSP style): one string per word, the syllables of a multi-syllable word
 * joined with `_` in their original case (`Chính_phủ`, `chậm`, `tiến_độ`); punctuation is
 * dropped; numbers, codes and acronyms (`1.234.567`, `TP.HCM`, `COVID-19`) are single tokens.
 * Runs of capitalised syllables that the dictionary does not claim are proper names and become
 * one word (`Phạm_Minh_Chính`), except that a run never swallows the first syllable of a
 * dictionary word that continues past it (`Bộ Tài_chính`, not `Bộ_Tài chính`).
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
import { float64Scratch, int32Scratch, uint8Scratch } from './segment/scratch.js';
import * as flags from './segment/syllables.js';
import { toSyllables, type Syllables } from './segment/syllables.js';

// Local copies: imported bindings compile to getter calls under tsx, costly in the inner loops.
const BREAK_BEFORE = flags.BREAK_BEFORE;
const CAPITALISED = flags.CAPITALISED;
const OPAQUE = flags.OPAQUE;

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
}

/** Scoring used with a boundary model. */
export const DEFAULT_SCORING: Readonly<SegmentScoring> = { crf: 0.5, generalWord: 0.5, curatedWord: 6, perJoin: 3 };
/** Without a model: fewest words, curated words break ties. */
const MAX_MATCH: Readonly<SegmentScoring> = { crf: 0, generalWord: 0, curatedWord: 0.5, perJoin: 1 };

/**
 * For every position, the lengths of the dictionary words starting there, as bit masks (bit L
 * set for a word of L syllables; bit 1 always set), plus masks of the curated ones.
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
    for (let k = i + 1; node && node.next && k < n && k - i < MAX_WORD; k++) {
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
 * Titles and heads that are capitalised before a name but are not part of it
 * (`Ông Nguyễn_Văn_Nam`, `Liên Bộ Công_Thương`, `Theo Bộ_trưởng`).
 */
const NOT_NAME = new Set(
  'ông bà anh chị em cô chú bác cụ phó bộ sở cục vụ liên tổng ban viện ủy hội đoàn theo tại ngày các những tỉnh huyện xã phường quận tp tx sông núi chợ cầu đường phố luật'.split(' '),
);

/** Longest word the lattice holds (bit masks are 32-bit). */
const MAX_WORD = 30;

/** Length of the run of capitalised, non-opaque syllables starting at i (same phrase; at most {@link MAX_WORD}). */
function nameRun(syl: Syllables, i: number): number {
  let k = i;
  while (k < syl.count && k - i < MAX_WORD) {
    const f = syl.flags[k] as number;
    if (!(f & CAPITALISED) || f & OPAQUE || (k > i && f & BREAK_BEFORE) || NOT_NAME.has(syl.lower[k] as string)) break;
    k++;
  }
  return k - i;
}

/**
 * Proper-name spans: a capitalised run of 2+ syllables that no dictionary word at its start
 * covers, shrunk so it does not take the head of a dictionary word running past it. Returns
 * the span length at each start (0 elsewhere).
 */
function nameSpans(syl: Syllables, all: Int32Array): Int32Array {
  const spans = scratch.names.take(syl.count, 0);
  for (let i = 0; i < syl.count; ) {
    const run = (syl.flags[i] as number) & CAPITALISED ? nameRun(syl, i) : 0;
    if (run < 2) {
      i++;
      continue;
    }
    let end = i + run;
    while (end - i >= 2 && highestBit(all[end - 1] as number) > 1 && end - 1 + highestBit(all[end - 1] as number) > i + run) end--;
    if (end - i >= 2 && highestBit(all[i] as number) < end - i) {
      spans[i] = end - i;
      i = end;
    } else i++;
  }
  return spans;
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
  const names = nameSpans(syl, masks.all);
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
    for (let L = 1; L <= MAX_WORD && s + L <= n; L++) {
      if (L > 1) {
        if (mustCut[s + L - 1] && !names[s]) break;
        evidence += w.crf * (join[s + L - 1] as number);
        transitions += w.crf * (L === 2 ? t.transBI : t.transII);
      }
      if (!(mask & (1 << L)) || noCut[s + L]) continue;
      let gain = transitions;
      if (L > 1) gain += evidence + (pref & (1 << L) ? w.curatedWord : w.generalWord) + w.perJoin * (L - 1);
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
