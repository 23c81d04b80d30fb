import { foldForIndex } from '../../nlp/fold-index.js';

/** User search text split into tokens, ready to become FTS5 MATCH expressions. */
export interface ParsedSearchText {
  /** NFC lower-cased tokens with accents kept. */
  exact: string[];
  /** Accent-folded tokens (đ→d). */
  folded: string[];
  /** Whether the user typed any accent; only then does the exact-accent bonus apply. */
  accented: boolean;
}

// Anything that is not a letter, digit or combining mark separates tokens, the same rule as
// FTS5's unicode61 tokenizer, so quotes, `*`, `:`, `-`, parentheses never reach FTS5 syntax.
const SEPARATORS = /[^\p{L}\p{N}\p{M}]+/u;

// Typed in capitals these are search-engine habits, not Vietnamese words: terms are ANDed anyway,
// so dropping them gives what the user meant instead of requiring the word "and".
const BOOLEAN_OPERATORS = new Set(['AND', 'OR', 'NOT', 'NEAR']);

/**
 * Tokenise free text typed by a user. Returns `null` when nothing searchable remains
 * (e.g. only punctuation). Operators like `AND`/`NOT` become plain words: every token is later
 * emitted inside double quotes, so user input can never form FTS5 syntax.
 */
export function parseSearchText(text: string): ParsedSearchText | null {
  const exact = text
    .normalize('NFC')
    .split(SEPARATORS)
    .filter((t) => t.length > 0 && !BOOLEAN_OPERATORS.has(t))
    .map((t) => t.toLowerCase());
  const folded = exact.map((t) => foldForIndex(t)).filter((t) => t.length > 0);
  if (folded.length === 0) return null;
  const accented = exact.some((t) => foldForIndex(t) !== t);
  return { exact, folded, accented };
}

/** FTS5 expression matching all tokens anywhere in the document (implicit AND). */
export function allTermsExpression(tokens: readonly string[]): string {
  return tokens.map(quoteToken).join(' ');
}

/** FTS5 expression matching the tokens as one contiguous phrase. */
export function phraseExpression(tokens: readonly string[]): string {
  return quoteToken(tokens.join(' '));
}

// Tokens contain no double quotes after SEPARATORS split, but escape anyway so the invariant
// does not depend on that regex.
function quoteToken(token: string): string {
  return `"${token.replace(/"/g, '""')}"`;
}
