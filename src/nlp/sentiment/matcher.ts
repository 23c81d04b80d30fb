/**
 * Longest-match phrase matcher over syllable tokens: a trie keyed by lower-case syllable, so
 * each text position costs one map lookup per matched syllable. Accented text is matched
 * exactly (after tone-placement normalisation), so a plain syllable never stands for an
 * accented one (`ban` ≠ `bẩn`); fully unaccented text is matched on a folded trie.
 */
import { foldForSearch } from '../fold.js';
import type { FieldTokens } from './tokens.js';
import { SENTENCE_BEFORE, SEMICOLON_BEFORE } from './tokens.js';

interface Node<T> {
  value: T | null;
  /** Length of the phrase ending here (syllables). */
  next: Map<string, Node<T>> | null;
}

/** One match: token range [first, last) and the payload. */
export interface SyllableMatch<T> {
  first: number;
  last: number;
  value: T;
}

/** A compiled phrase set with an accented and a folded trie. */
export interface SyllableMatcher<T> {
  readonly size: number;
  /** Leftmost-longest, non-overlapping matches; phrases never cross a sentence or `;` break. */
  match(tokens: FieldTokens): SyllableMatch<T>[];
}

function insert<T>(root: Node<T>, syllables: string[], value: T, keep: (old: T, incoming: T) => T): void {
  let node = root;
  for (const s of syllables) {
    node.next ??= new Map();
    let child = node.next.get(s);
    if (!child) {
      child = { value: null, next: null };
      node.next.set(s, child);
    }
    node = child;
  }
  node.value = node.value === null ? value : keep(node.value, value);
}

/**
 * Compile phrases (already lower-case, tone-normalised, single-spaced).
 * @param foldable - whether a phrase may match on unaccented text; single-syllable sentiment
 *   words are not (`hai` could be hai/hại/hài).
 * @param keepFolded - which payload wins when two phrases fold to the same key.
 */
export function compileSyllableMatcher<T>(
  phrases: Iterable<[string, T]>,
  foldable: (phrase: string, value: T) => boolean,
  keepFolded: (old: T, incoming: T) => T,
): SyllableMatcher<T> {
  const exact: Node<T> = { value: null, next: null };
  const folded: Node<T> = { value: null, next: null };
  let size = 0;
  for (const [phrase, value] of phrases) {
    const syllables = phrase.split(' ');
    insert(exact, syllables, value, (_old, incoming) => incoming);
    if (foldable(phrase, value)) insert(folded, foldForSearch(phrase).split(' '), value, keepFolded);
    size++;
  }
  return {
    size,
    match(tokens) {
      const root = tokens.unaccented ? folded : exact;
      const out: SyllableMatch<T>[] = [];
      const { count, lower, gap } = tokens;
      for (let i = 0; i < count; ) {
        let node: Node<T> | undefined = root;
        let bestLength = 0;
        let best: T | null = null;
        for (let k = i; k < count; k++) {
          if (k > i && (gap[k] as number) & (SENTENCE_BEFORE | SEMICOLON_BEFORE)) break;
          node = node.next?.get(lower[k] as string);
          if (!node) break;
          if (node.value !== null) {
            bestLength = k - i + 1;
            best = node.value;
          }
        }
        if (best !== null) {
          out.push({ first: i, last: i + bestLength, value: best });
          i += bestLength;
        } else i++;
      }
      return out;
    },
  };
}
