/**
 * Emerging issues: terms (words and word pairs), entities or stories whose frequency in the current
 * window jumps against a trailing background, scored with Dunning's log-likelihood ratio (G²).
 * Works on any key, so it also finds issues outside every configured topic.
 */
import { foldForSearch } from '../../nlp/fold.js';
import { normaliseVietnamese } from '../../nlp/normalise.js';
import { segmentWords } from '../../nlp/segment.js';

/** One emerging key. */
export interface EmergingTerm {
  /** Folded key (accent-free, lower case). */
  key: string;
  /** Most frequent original spelling, for display. */
  label: string;
  current: number;
  background: number;
  /** Expected current count at the background rate. */
  expected: number;
  ratio: number;
  /** G² statistic; 10.83 ≈ p < 0.001 for one degree of freedom. */
  llr: number;
}

/** Options of {@link findEmerging}. */
export interface EmergingOptions {
  /** Documents in each period (the rate denominators). */
  currentTotal: number;
  backgroundTotal: number;
  /** @defaultValue 3 */
  minCount?: number;
  /** @defaultValue 3 */
  minRatio?: number;
  /** @defaultValue 10.83 */
  minLlr?: number;
  /** @defaultValue 10 */
  limit?: number;
  /** Display labels by key. */
  labels?: Map<string, string>;
}

/** Keys over-represented in `current` against `background`, best first. */
export function findEmerging(current: Map<string, number>, background: Map<string, number>, options: EmergingOptions): EmergingTerm[] {
  const { currentTotal: n1, backgroundTotal: n2 } = options;
  if (n1 <= 0) return [];
  const out: EmergingTerm[] = [];
  for (const [key, a] of current) {
    if (a < (options.minCount ?? 3)) continue;
    const b = background.get(key) ?? 0;
    // Half a document of background smoothing: a term never seen before is new, not infinitely new.
    const expected = (n1 * (b + 0.5)) / Math.max(n2, 1);
    const ratio = a / expected;
    if (ratio < (options.minRatio ?? 3)) continue;
    const llr = logLikelihoodRatio(a, b, n1, Math.max(n2, b));
    if (llr < (options.minLlr ?? 10.83)) continue;
    out.push({ key, label: options.labels?.get(key) ?? key, current: a, background: b, expected: round(expected), ratio: round(ratio), llr: round(llr) });
  }
  return dropSubsumed(out.sort((x, y) => y.llr - x.llr)).slice(0, options.limit ?? 10);
}

/** Drop a term when a longer kept term contains it and is (almost) as frequent: `thu hồi` under `thu hồi đất`. */
function dropSubsumed(terms: EmergingTerm[]): EmergingTerm[] {
  const byLength = [...terms].sort((a, b) => b.key.length - a.key.length);
  const kept = new Set<EmergingTerm>();
  for (const t of byLength) {
    const covered = [...kept].some((k) => ` ${k.key} `.includes(` ${t.key} `) && k.current >= 0.8 * t.current);
    if (!covered) kept.add(t);
  }
  return terms.filter((t) => kept.has(t));
}

/** Dunning's G² for a term seen `a` times in `n1` documents vs `b` times in `n2`. */
export function logLikelihoodRatio(a: number, b: number, n1: number, n2: number): number {
  const c = n1 - a;
  const d = n2 - b;
  const n = n1 + n2;
  const xlx = (x: number) => (x > 0 ? x * Math.log(x) : 0);
  return 2 * (xlx(a) + xlx(b) + xlx(c) + xlx(d) + xlx(n) - xlx(a + b) - xlx(c + d) - xlx(a + c) - xlx(b + d));
}

/** Syllables that carry no topic on their own; terms starting or ending with one are skipped. */
const STOP_SYLLABLES = new Set(
  'va la cua cac nhung duoc cho voi trong co nay da se mot nguoi the thi ma de khi tai tu ve theo den tren duoi sau truoc nhu cung con rat moi nhieu it hay hoac vi nen neu do day kia ay ra vao lai bi o gay'.split(' '),
);

/**
 * Document frequency of terms over texts (each counted once per text). Texts are segmented into
 * words (dictionary longest match, src/nlp/segment.ts); a term is a multi-syllable word
 * (`bức xúc`) or two adjacent words (`thu hồi đất`). Terms never cross punctuation and never
 * start or end on a function word. Returns folded keys with their most common spelling.
 */
export function countPhrases(texts: string[]): { counts: Map<string, number>; labels: Map<string, string> } {
  const counts = new Map<string, number>();
  const spellings = new Map<string, Map<string, number>>();
  for (const raw of texts) {
    const seen = new Set<string>();
    for (const clause of normaliseVietnamese(raw).split(/[.,;:!?()\[\]"“”'‘’\n\t–—]+/u)) {
      const words = segmentWords(clause).map((w) => w.replace(/_/g, ' '));
      const candidates: string[] = [];
      for (let i = 0; i < words.length; i++) {
        if (words[i]!.includes(' ')) candidates.push(words[i]!);
        if (i + 1 < words.length) candidates.push(`${words[i]} ${words[i + 1]}`);
      }
      for (const phrase of candidates) {
        const folded = foldForSearch(phrase);
        const syllables = folded.split(' ');
        if (STOP_SYLLABLES.has(syllables[0]!) || STOP_SYLLABLES.has(syllables[syllables.length - 1]!) || syllables.every((w) => /^[\d.,/-]+$/.test(w))) continue;
        if (seen.has(folded)) continue;
        seen.add(folded);
        counts.set(folded, (counts.get(folded) ?? 0) + 1);
        const label = phrase.toLowerCase();
        const byLabel = spellings.get(folded) ?? new Map<string, number>();
        byLabel.set(label, (byLabel.get(label) ?? 0) + 1);
        spellings.set(folded, byLabel);
      }
    }
  }
  const labels = new Map<string, string>();
  for (const [key, byLabel] of spellings) labels.set(key, [...byLabel].sort((x, y) => y[1] - x[1])[0]![0]);
  return { counts, labels };
}

function round(v: number): number {
  return Math.round(v * 100) / 100;
}
