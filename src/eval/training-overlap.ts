/**
 * Guard for training-only labelled sets: an item that restates a held-out test item (same event,
 * same wording) would leak the test split into training, so such items are refused.
 */
import { foldForSearch } from '../nlp/fold.js';

/** Thresholds on syllable-bigram Jaccard similarity of folded text. */
export const OVERLAP_LIMITS = { title: 0.4, titleLead: 0.25 } as const;

/** A labelled record with a headline and an optional lead. */
export interface HeadlineRecord {
  id?: unknown;
  title?: unknown;
  lead?: unknown;
}

/** One training item too close to a test item. */
export interface Overlap {
  trainId: string;
  testId: string;
  titleSimilarity: number;
  textSimilarity: number;
}

function bigrams(text: string): Set<string> {
  const syl = foldForSearch(text).split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  const out = new Set<string>();
  for (let i = 1; i < syl.length; i++) out.add(`${syl[i - 1]} ${syl[i]}`);
  return out;
}

function jaccard(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let both = 0;
  for (const x of a) if (b.has(x)) both++;
  return both / (a.size + b.size - both);
}

const str = (v: unknown): string => (typeof v === 'string' ? v : '');

/**
 * Training records whose headline, or headline + lead, is near a test record's
 * (bigram Jaccard at or above {@link OVERLAP_LIMITS}).
 */
export function overlapsWithTest(train: readonly HeadlineRecord[], test: readonly HeadlineRecord[]): Overlap[] {
  const held = test.map((r) => ({ id: String(r.id), title: bigrams(str(r.title)), text: bigrams(`${str(r.title)} ${str(r.lead)}`) }));
  const out: Overlap[] = [];
  for (const r of train) {
    const title = bigrams(str(r.title));
    const text = bigrams(`${str(r.title)} ${str(r.lead)}`);
    for (const h of held) {
      const t = jaccard(title, h.title);
      const x = jaccard(text, h.text);
      if (t >= OVERLAP_LIMITS.title || x >= OVERLAP_LIMITS.titleLead) out.push({ trainId: String(r.id), testId: h.id, titleSimilarity: t, textSimilarity: x });
    }
  }
  return out;
}
