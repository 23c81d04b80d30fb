/**
 * Vietnamese features for the trainable topic model: folded syllables plus syllable bigrams.
 *
 * `natural`'s default tokenizer splits on non-ASCII letters and its Porter stemmer is English:
 * both destroy Vietnamese. Syllable bigrams approximate multi-syllable words (`đường sắt` →
 * `duong_sat`) without a segmenter, and folding makes accented and unaccented text agree.
 */
import type { SyllableToken } from '../phrase-matcher.js';

/** Body text beyond this many characters adds little topic signal and costs time. */
export const MODEL_TEXT_CHARS = 600;

const NUMERIC = /^\d+$/;

/** Tokenised fields the model reads. */
export interface FeatureFields {
  title: readonly SyllableToken[];
  lead: readonly SyllableToken[];
  text: readonly SyllableToken[];
}

/**
 * Visit every feature occurrence: `visit(syllable, null)` for a unigram and
 * `visit(previous, syllable)` for a bigram (whose feature string is `previous_syllable`).
 */
export function visitTopicFeatures(fields: FeatureFields, visit: (a: string, b: string | null) => void): void {
  for (const [tokens, maxChars] of [
    [fields.title, Infinity],
    [fields.lead, Infinity],
    [fields.text, MODEL_TEXT_CHARS],
  ] as const) {
    let previous: string | null = null;
    for (const t of tokens) {
      if (t.start >= maxChars) break;
      const s = t.folded;
      const c = s.charCodeAt(0);
      if (s.length < 2 || (c >= 48 && c <= 57 && NUMERIC.test(s))) {
        previous = null;
        continue;
      }
      visit(s, null);
      if (previous !== null && !t.breakBefore) visit(previous, s);
      previous = s;
    }
  }
}

/** Distinct feature strings (`syllable`, `previous_syllable`) for title + lead + head of body. */
export function topicFeatures(fields: FeatureFields): string[] {
  const out = new Set<string>();
  visitTopicFeatures(fields, (a, b) => out.add(b === null ? a : `${a}_${b}`));
  return [...out];
}
