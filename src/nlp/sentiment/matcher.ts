/**
 * Longest-match phrase matcher over syllable tokens: a trie over interned lower-case syllable
 * ids (typed arrays), so each text position costs an array read or a hash probe per syllable. Accented text is matched
 * exactly (after tone-placement normalisation), so a plain syllable never stands for an
 * accented one (`ban` ≠ `bẩn`); fully unaccented text is matched on a folded trie.
 */
import { foldForSearch } from '../fold.js';
import { IdTrie } from '../id-trie.js';
import type { FieldTokens } from './tokens.js';
import { SENTENCE_BEFORE, SEMICOLON_BEFORE, SYLLABLES } from './tokens.js';

/** A trie over syllable ids with the payload of the phrase ending at each node. */
interface Trie<T> {
  ids: IdTrie;
  values: (T | undefined)[];
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

function insert<T>(trie: Trie<T>, syllables: string[], value: T, keep: (old: T, incoming: T) => T): void {
  let node = 0;
  for (const s of syllables) node = trie.ids.add(node, SYLLABLES.intern(s));
  const old = trie.values[node];
  trie.values[node] = old === undefined ? value : keep(old, value);
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
  const exact: Trie<T> = { ids: new IdTrie(), values: [] };
  const folded: Trie<T> = { ids: new IdTrie(), values: [] };
  let size = 0;
  for (const [phrase, value] of phrases) {
    const syllables = phrase.split(' ');
    insert(exact, syllables, value, (_old, incoming) => incoming);
    if (foldable(phrase, value)) insert(folded, foldForSearch(phrase).split(' '), value, keepFolded);
    size++;
  }
  for (const trie of [exact, folded]) while (trie.values.length < trie.ids.nodes) trie.values.push(undefined);
  return {
    size,
    match(tokens) {
      const { ids: trie, values } = tokens.unaccented ? folded : exact;
      const out: SyllableMatch<T>[] = [];
      const { count, ids, gap } = tokens;
      for (let i = 0; i < count; ) {
        let node = trie.child(0, ids[i] as number);
        let bestLength = 0;
        let best: T | undefined;
        for (let k = i; node >= 0; ) {
          const value = values[node];
          if (value !== undefined) {
            bestLength = k - i + 1;
            best = value;
          }
          if (++k >= count || (gap[k] as number) & (SENTENCE_BEFORE | SEMICOLON_BEFORE)) break;
          node = trie.child(node, ids[k] as number);
        }
        if (best !== undefined) {
          out.push({ first: i, last: i + bestLength, value: best });
          i += bestLength;
        } else i++;
      }
      return out;
    },
  };
}
