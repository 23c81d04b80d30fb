/**
 * Longest-match phrase matcher over syllable tokens: a trie over interned lower-case syllable
 * ids in typed arrays, so each text position costs one read of its syllable's head record, and
 * each further syllable a filter bit (and, rarely, a short edge scan). Matches go into a reused
 * {@link MatchList}, not an object each. Accented text is matched
 * exactly (after tone-placement normalisation), so a plain syllable never stands for an
 * accented one (`ban` ≠ `bẩn`); fully unaccented text is matched on a folded trie.
 */
import { foldForSearch } from '../fold.js';
import { IdTrie } from '../id-trie.js';
import type { TokenView } from './tokens.js';
import { SENTENCE_BEFORE, SEMICOLON_BEFORE, SYLLABLES } from './tokens.js';

/**
 * A trie over syllable ids laid out for the walk, where most reads are cache misses in a full
 * analysis (the other stages evict these tables): a phrase head costs one read of its record,
 * and a node's few edges sit side by side (a hash table scatters them).
 */
interface Trie {
  /** Per syllable id, [node (-1: no phrase starts with it), payload, first edge, end of edges]. */
  heads: Int32Array;
  /** Per node, [payload (index into the matcher's payloads, -1 none), first edge, end of edges]. */
  nodes: Int32Array;
  /** Edge e at [2e, 2e + 2): syllable id, child node. */
  edges: Int32Array;
  /** Bits of the hashed (node, syllable) pairs that label an edge below the root (see {@link edgeBit}). */
  deep: Uint8Array;
}

/**
 * A bit per hashed (node, syllable) pair that labels an edge below the root: most text
 * syllables follow a phrase head that they do not continue, and an 8 KB table that stays in
 * the L1 cache answers them instead of a probe of the trie's edge table.
 */
const EDGE_FILTER_BITS = 1 << 16;
function edgeBit(node: number, id: number): number {
  return ((Math.imul(node, 0x9e3779b1) ^ Math.imul(id, 0x85ebca6b)) >>> 0) & (EDGE_FILTER_BITS - 1);
}
function markEdge(filter: Uint8Array, node: number, id: number): void {
  const bit = edgeBit(node, id);
  filter[bit >>> 3] = (filter[bit >>> 3] as number) | (1 << (bit & 7));
}

/**
 * Matches of one text as parallel arrays, reused from call to call: match i covers tokens
 * [first[i], last[i]) and carries `payloads[payload[i]]`. The same shape as the phrase matcher's
 * MatchList, kept apart on purpose: its third column is a payload index, not a phrase number,
 * and the clause composer reads it by that name.
 */
export class MatchList {
  count = 0;
  first: Int32Array = new Int32Array(64);
  last: Int32Array = new Int32Array(64);
  payload: Int32Array = new Int32Array(64);

  /** Append one match, growing the arrays when full. */
  push(first: number, last: number, payload: number): void {
    if (this.count === this.first.length) {
      const size = this.count * 2;
      this.first = grown(this.first, size);
      this.last = grown(this.last, size);
      this.payload = grown(this.payload, size);
    }
    const k = this.count++;
    this.first[k] = first;
    this.last[k] = last;
    this.payload[k] = payload;
  }
}

function grown(a: Int32Array, size: number): Int32Array {
  const b = new Int32Array(size);
  b.set(a);
  return b;
}

/** A compiled phrase set with an accented and a folded trie. */
export interface SyllableMatcher<T> {
  readonly size: number;
  /** Every distinct payload; matches refer to them by index. */
  readonly payloads: readonly T[];
  /**
   * Leftmost-longest, non-overlapping matches, written over `out` (its count reset first);
   * phrases never cross a sentence or `;` break.
   */
  matchInto(tokens: TokenView, out: MatchList): void;
}

/** Payloads by index, each distinct payload once. */
class PayloadTable<T> {
  readonly list: T[] = [];
  private readonly index = new Map<T, number>();
  indexOf(value: T): number {
    let index = this.index.get(value);
    if (index === undefined) this.index.set(value, (index = this.list.push(value) - 1));
    return index;
  }
}

/** An edge below the root. */
interface Edge {
  parent: number;
  id: number;
  child: number;
}

function insert<T>(trie: IdTrie, edges: Edge[], deep: Uint8Array, valueAt: (number | undefined)[], payloads: PayloadTable<T>, syllables: string[], value: T, keep: (old: T, incoming: T) => T): void {
  let node = 0;
  for (const s of syllables) {
    const id = SYLLABLES.intern(s);
    const parent = node;
    const nodes = trie.nodes;
    node = trie.add(parent, id);
    if (parent !== 0 && trie.nodes > nodes) {
      markEdge(deep, parent, id);
      edges.push({ parent, id, child: node });
    }
  }
  const old = valueAt[node];
  valueAt[node] = payloads.indexOf(old === undefined ? value : keep(payloads.list[old] as T, value));
}

/** The built trie in the walk's layout (edges below the root recorded by {@link insert}). */
function compiledTrie(ids: IdTrie, edgeList: Edge[], valueAt: (number | undefined)[], deep: Uint8Array): Trie {
  // Edges grouped by parent, in insertion order within a parent.
  const byParent = new Map<number, Edge[]>();
  for (const e of edgeList) {
    const list = byParent.get(e.parent);
    if (list) list.push(e);
    else byParent.set(e.parent, [e]);
  }
  const nodes = new Int32Array(ids.nodes * 3);
  const edges = new Int32Array(edgeList.length * 2);
  let next = 0;
  for (let node = 0; node < ids.nodes; node++) {
    nodes[3 * node] = valueAt[node] ?? -1;
    nodes[3 * node + 1] = next;
    for (const e of byParent.get(node) ?? []) {
      edges[2 * next] = e.id;
      edges[2 * next + 1] = e.child;
      next++;
    }
    nodes[3 * node + 2] = next;
  }
  let maxHead = -1;
  for (let id = 0; id < SYLLABLES.size; id++) if (ids.child(0, id) >= 0) maxHead = id;
  const heads = new Int32Array((maxHead + 1) * 4);
  for (let id = 0; id <= maxHead; id++) {
    const node = ids.child(0, id);
    heads[4 * id] = node;
    if (node >= 0) heads.set(nodes.subarray(3 * node, 3 * node + 3), 4 * id + 1);
  }
  return { heads, nodes, edges, deep };
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
  const payloads = new PayloadTable<T>();
  const exactIds = new IdTrie();
  const foldedIds = new IdTrie();
  const exactAt: (number | undefined)[] = [];
  const foldedAt: (number | undefined)[] = [];
  const exactEdges: Edge[] = [];
  const foldedEdges: Edge[] = [];
  const exactDeep = new Uint8Array(EDGE_FILTER_BITS >>> 3);
  const foldedDeep = new Uint8Array(EDGE_FILTER_BITS >>> 3);
  let size = 0;
  for (const [phrase, value] of phrases) {
    const syllables = phrase.split(' ');
    insert(exactIds, exactEdges, exactDeep, exactAt, payloads, syllables, value, (_old, incoming) => incoming);
    if (foldable(phrase, value)) insert(foldedIds, foldedEdges, foldedDeep, foldedAt, payloads, foldForSearch(phrase).split(' '), value, keepFolded);
    size++;
  }
  const exact = compiledTrie(exactIds, exactEdges, exactAt, exactDeep);
  const folded = compiledTrie(foldedIds, foldedEdges, foldedAt, foldedDeep);
  return {
    size,
    payloads: payloads.list,
    matchInto(tokens, out) {
      const { heads, nodes, edges, deep } = tokens.unaccented ? folded : exact;
      const headCount = heads.length >> 2;
      out.count = 0;
      const { count, ids, gap } = tokens;
      for (let i = 0; i < count; ) {
        const head = ids[i] as number;
        const h = head << 2;
        if (head < 0 || head >= headCount || (heads[h] as number) < 0) {
          i++;
          continue;
        }
        let value = heads[h + 1] as number;
        let from = heads[h + 2] as number;
        let to = heads[h + 3] as number;
        let node = heads[h] as number;
        let bestLength = 0;
        let best = -1;
        for (let k = i; ; ) {
          if (value >= 0) {
            bestLength = k - i + 1;
            best = value;
          }
          if (from === to || ++k >= count || (gap[k] as number) & (SENTENCE_BEFORE | SEMICOLON_BEFORE)) break;
          const id = ids[k] as number;
          const bit = edgeBit(node, id);
          if (((deep[bit >>> 3] as number) & (1 << (bit & 7))) === 0) break;
          let e = from;
          while (e < to && edges[2 * e] !== id) e++;
          if (e === to) break;
          node = edges[2 * e + 1] as number;
          value = nodes[3 * node] as number;
          from = nodes[3 * node + 1] as number;
          to = nodes[3 * node + 2] as number;
        }
        if (best >= 0) {
          out.push(i, i + bestLength, best);
          i += bestLength;
        } else i++;
      }
    },
  };
}
