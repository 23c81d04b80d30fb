/**
 * Fast multi-syllable phrase matching for Vietnamese.
 *
 * Vietnamese words are sequences of syllables separated by spaces, so a phrase like `cao tốc`
 * must match the syllables `cao` + `tốc`, never the inside of a longer word. Text is split into
 * syllable tokens once (see `syllables.ts`); phrases are compiled into a trie over folded
 * syllable ids held in typed arrays, so each text position costs an array read, plus a hash
 * probe per further syllable where a phrase starts.
 *
 * Accents: a text syllable that carries diacritics must match the phrase syllable exactly
 * (tone placement ignored: `hoà` = `hòa`), so `sắp nhập` does not hit `sáp nhập`. A text syllable
 * written without any diacritics (unaccented input, URLs, headlines typed on a phone) matches the
 * folded phrase syllable, so `sap nhap tinh` still finds `sáp nhập tỉnh`.
 */
import { IdTrie } from './id-trie.js';
import { grownTo } from './typed-grow.js';
import { forceIds, formsOfToken, indexedTokens, tokenizeSyllables, TOKEN_CAPITAL, TOKEN_PLAIN, TOKEN_UPPER, type IndexedToken, type SyllableToken } from './syllables.js';

export {
  formsOfToken,
  indexedTokens,
  syllableForms,
  tokenizeSyllables,
  TOKEN_CAPITAL,
  TOKEN_FEATURE,
  TOKEN_LONG,
  TOKEN_PLAIN,
  TOKEN_UPPER,
  type IndexedToken,
  type SyllableToken,
  type TokenForms,
} from './syllables.js';

/** One phrase match. */
export interface PhraseMatch<T> {
  /** Index of the first token. */
  first: number;
  /** Index after the last token. */
  last: number;
  /** Character offsets in the input string, end exclusive. */
  start: number;
  end: number;
  /** The phrase as written in the configuration. */
  phrase: string;
  /** Payloads of every entry that declared this phrase. */
  payloads: T[];
}

/** Input entry for {@link compilePhraseMatcher}. */
export interface PhraseEntry<T> {
  phrase: string;
  payload: T;
}

/** A compiled phrase set. */
export interface PhraseMatcher<T> {
  /** Number of distinct phrases compiled. */
  readonly size: number;
  /**
   * Find phrase occurrences in tokenised text.
   * @param overlapping - false (default): leftmost-longest, non-overlapping; true: every phrase at every position.
   * @param maxTokens - match only the first this many tokens (same result as on `tokens.slice(0, maxTokens)`, without the copy)
   */
  match(tokens: readonly SyllableToken[], overlapping?: boolean, maxTokens?: number): PhraseMatch<T>[];
  /**
   * The matches {@link match} finds, in the same order, written into `out` (cleared first) as
   * token spans and phrase numbers: no object per match, for hot paths that look at most
   * matches only briefly.
   */
  matchInto(tokens: readonly SyllableToken[], out: MatchList, overlapping?: boolean, maxTokens?: number): void;
  /** The phrase numbered `k` (as in {@link MatchList.phrase}) as written in the configuration. */
  phraseText(k: number): string;
  /** Payloads of every entry that declared phrase `k`. */
  payloadsOf(k: number): readonly T[];
}

/** Matches as parallel typed arrays, reusable across calls (see {@link PhraseMatcher.matchInto}). */
export class MatchList {
  /** Number of matches held. */
  count = 0;
  /** Index of the first token of match i. */
  first: Int32Array = new Int32Array(64);
  /** Index after the last token of match i. */
  last: Int32Array = new Int32Array(64);
  /** Phrase number of match i. */
  phrase: Int32Array = new Int32Array(64);

  /** Append a match. */
  push(first: number, last: number, phrase: number): void {
    if (this.count === this.first.length) {
      this.first = grownTo(this.first, this.count + 1);
      this.last = grownTo(this.last, this.count + 1);
      this.phrase = grownTo(this.phrase, this.count + 1);
    }
    this.first[this.count] = first;
    this.last[this.count] = last;
    this.phrase[this.count++] = phrase;
  }
}

/** Bits of a phrase's case requirement. */
const NEEDS_UPPER = 1;
const NEEDS_CAPITAL = 2;

interface CompiledPhrase<T> {
  phrase: string;
  /** Tone-independent key id of each syllable (the trie path already fixes the folded ids). */
  keyIds: Int32Array;
  /** One-syllable acronyms (`AI`, `GDP`) only match capitals: `ai` is the Vietnamese "who". */
  needsUpper: boolean;
  /** One-syllable proper nouns (`Gaza`) only match a capitalised syllable. */
  needsCapital: boolean;
  payloads: T[];
}

/**
 * Compile phrases into a matcher. Phrases are split into syllables exactly as text is, so
 * punctuation inside a phrase (`57-NQ/TW`, `TP.HCM`) is ignored consistently.
 * @throws Error when a phrase has no syllable at all.
 */
export function compilePhraseMatcher<T>(entries: Iterable<PhraseEntry<T>>): PhraseMatcher<T> {
  const trie = new IdTrie();
  /** Phrases ending at each trie node, in declaration order. */
  const phrasesAt: (CompiledPhrase<T>[] | undefined)[] = [];
  const byIdentity = new Map<string, CompiledPhrase<T>>();
  for (const entry of entries) {
    const tokens = tokenizeSyllables(entry.phrase.normalize('NFC'));
    if (tokens.length === 0) throw new Error(`phrase "${entry.phrase}" contains no syllable`);
    const keys = tokens.map((t) => t.key);
    const caseMark = tokens.length === 1 ? `#${tokens[0]?.upper ? 'U' : ''}${tokens[0]?.capital ? 'C' : ''}` : '';
    const identity = `${keys.join(' ')}${caseMark}`;
    const existing = byIdentity.get(identity);
    if (existing) {
      existing.payloads.push(entry.payload);
      continue;
    }
    const single = tokens.length === 1 ? (tokens[0] as SyllableToken) : null;
    const needsUpper = single !== null && single.upper && /^\p{L}{2,}$/u.test(entry.phrase.trim());
    const needsCapital = single !== null && single.capital;
    const forms = tokens.map((t) => forceIds(formsOfToken(t)));
    const compiled: CompiledPhrase<T> = { phrase: entry.phrase, keyIds: Int32Array.from(forms, (f) => f.keyId), needsUpper, needsCapital, payloads: [entry.payload] };
    byIdentity.set(identity, compiled);
    let node = 0;
    for (const f of forms) node = trie.add(node, f.foldedId);
    (phrasesAt[node] ??= []).push(compiled);
  }
  while (phrasesAt.length < trie.nodes) phrasesAt.push(undefined);
  let longestPhrase = 1;
  for (const c of byIdentity.values()) longestPhrase = Math.max(longestPhrase, c.keyIds.length);

  // The phrases of each node flattened into typed arrays (node → range of slots, declaration
  // order kept): the walk reads a few adjacent numbers instead of chasing list → phrase →
  // key-array objects, which missed the cache on every candidate.
  const phraseList = [...byIdentity.values()];
  const indexOfPhrase = new Map(phraseList.map((c, k) => [c, k]));
  const nodeStart = new Int32Array(trie.nodes + 1);
  let slots = 0;
  for (let node = 0; node < trie.nodes; node++) {
    nodeStart[node] = slots;
    slots += phrasesAt[node]?.length ?? 0;
  }
  nodeStart[trie.nodes] = slots;
  const slotPhrase = new Int32Array(slots);
  const slotCase = new Uint8Array(slots);
  const slotKeys = new Int32Array(slots);
  let keyCount = 0;
  for (const list of phrasesAt) for (const c of list ?? []) keyCount += c.keyIds.length;
  const keyPool = new Int32Array(keyCount);
  let slot = 0;
  let key = 0;
  for (const list of phrasesAt) {
    for (const c of list ?? []) {
      slotPhrase[slot] = indexOfPhrase.get(c) as number;
      slotCase[slot] = (c.needsUpper ? NEEDS_UPPER : 0) | (c.needsCapital ? NEEDS_CAPITAL : 0);
      slotKeys[slot] = key;
      keyPool.set(c.keyIds, key);
      key += c.keyIds.length;
      slot++;
    }
  }

  /** The phrase in `slot` (its `d` syllables end at the node reached from token i) matches when every accented syllable has its key. */
  function accepts(slot: number, d: number, tokens: readonly IndexedToken[], i: number): boolean {
    const headFlags = (tokens[i] as IndexedToken).flags;
    const needs = slotCase[slot] as number;
    if (needs !== 0 && (((needs & NEEDS_UPPER) !== 0 && !(headFlags & TOKEN_UPPER)) || ((needs & NEEDS_CAPITAL) !== 0 && !(headFlags & TOKEN_CAPITAL)))) return false;
    const base = slotKeys[slot] as number;
    for (let k = 0; k < d; k++) {
      const t = tokens[i + k] as IndexedToken;
      if (t.keyId !== keyPool[base + k] && !(t.flags & TOKEN_PLAIN)) return false;
    }
    return true;
  }

  // Scratch path for one walk (matching is synchronous, so one per matcher is safe).
  const path = new Int32Array(longestPhrase);

  /**
   * Walk the trie from token i along the folded syllables (never across a break), then report
   * the phrases found longest first, declaration order within a length: the order the
   * taxonomy's nesting rule expects. Returns the longest length reported (0 = none).
   */
  function matchAt(tokens: readonly IndexedToken[], i: number, all: boolean, out: MatchList, count: number): number {
    let node = trie.child(0, (tokens[i] as IndexedToken).foldedId);
    if (node < 0) return 0;
    path[0] = node;
    let depth = 1;
    for (let k = i + 1; k < count && depth < path.length; k++) {
      const t = tokens[k] as IndexedToken;
      if (t.breakBefore) break;
      node = trie.child(node, t.foldedId);
      if (node < 0) break;
      path[depth++] = node;
    }
    let longest = 0;
    for (let d = depth; d >= 1; d--) {
      const node = path[d - 1] as number;
      const to = nodeStart[node + 1] as number;
      for (let slot = nodeStart[node] as number; slot < to; slot++) {
        if (!accepts(slot, d, tokens, i)) continue;
        out.push(i, i + d, slotPhrase[slot] as number);
        if (longest === 0) longest = d;
        if (!all) return longest;
      }
    }
    return longest;
  }

  function matchInto(input: readonly SyllableToken[], out: MatchList, overlapping = false, maxTokens = Infinity): readonly IndexedToken[] {
    const count = Math.min(input.length, maxTokens);
    // No copy of the head: the tokeniser's own array is then recognised as such, and only the head is checked.
    const tokens = indexedTokens(input, count);
    out.count = 0;
    for (let i = 0; i < count; ) {
      const consumed = matchAt(tokens, i, overlapping, out, count);
      i += overlapping || consumed === 0 ? 1 : consumed;
    }
    return tokens;
  }

  // Scratch list for match(): it copies the matches out as objects before returning.
  const scratch = new MatchList();

  return {
    size: byIdentity.size,
    match(input, overlapping = false, maxTokens = Infinity) {
      const tokens = matchInto(input, scratch, overlapping, maxTokens);
      const out: PhraseMatch<T>[] = [];
      for (let m = 0; m < scratch.count; m++) {
        const first = scratch.first[m] as number;
        const last = scratch.last[m] as number;
        const cand = phraseList[scratch.phrase[m] as number] as CompiledPhrase<T>;
        out.push({ first, last, start: (tokens[first] as IndexedToken).start, end: (tokens[last - 1] as IndexedToken).end, phrase: cand.phrase, payloads: cand.payloads });
      }
      return out;
    },
    matchInto(input, out, overlapping = false, maxTokens = Infinity) {
      matchInto(input, out, overlapping, maxTokens);
    },
    phraseText: (k) => (phraseList[k] as CompiledPhrase<T>).phrase,
    payloadsOf: (k) => (phraseList[k] as CompiledPhrase<T>).payloads,
  };
}
