/**
 * Vietnamese features for the trainable topic model: folded syllables plus syllable bigrams.
 *
 * `natural`'s default tokenizer splits on non-ASCII letters and its Porter stemmer is English:
 * both destroy Vietnamese. Syllable bigrams approximate multi-syllable words (`đường sắt` →
 * `duong_sat`) without a segmenter, and folding makes accented and unaccented text agree.
 */
import { indexedTokens, TOKEN_FEATURE, type IndexedToken, type SyllableToken } from '../phrase-matcher.js';

/** Body text beyond this many characters adds little topic signal and costs time. */
export const MODEL_TEXT_CHARS = 600;

/** Tokenised fields the model reads. */
export interface FeatureFields {
  title: readonly SyllableToken[];
  lead: readonly SyllableToken[];
  text: readonly SyllableToken[];
}

/**
 * Visit every feature occurrence (model.ts scores the same rules on syllable ids in its hot path;
 * a unit test holds the two equal): `visit(syllable, null)` for a unigram and
 * `visit(previous, syllable)` for a bigram (whose feature string is `previous_syllable`).
 */
export function visitTopicFeatures(fields: FeatureFields, visit: (a: string, b: string | null) => void): void {
  visitField(indexedTokens(fields.title), Infinity, visit);
  visitField(indexedTokens(fields.lead), Infinity, visit);
  visitField(indexedTokens(fields.text), MODEL_TEXT_CHARS, visit);
}

function visitField(tokens: readonly IndexedToken[], maxChars: number, visit: (a: string, b: string | null) => void): void {
  let previous: string | null = null;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as IndexedToken;
    if (t.start >= maxChars) break;
    // Single letters and bare numbers carry no topic.
    if (!(t.flags & TOKEN_FEATURE)) {
      previous = null;
      continue;
    }
    const s = t.f.folded;
    visit(s, null);
    if (previous !== null && !t.breakBefore) visit(previous, s);
    previous = s;
  }
}

/** Distinct feature strings (`syllable`, `previous_syllable`) for title + lead + head of body. */
export function topicFeatures(fields: FeatureFields): string[] {
  const out = new Set<string>();
  visitTopicFeatures(fields, (a, b) => out.add(b === null ? a : `${a}_${b}`));
  return [...out];
}
