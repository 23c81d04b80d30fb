/**
 * An inverted index from keys to the values posted under them, in posting order, for values
 * that leave every key at once (a story-index entry is dropped whole). Most keys (headline and
 * lead bigrams) are posted by one item only, so a lone value is stored as itself and only a
 * second value makes a {@link Posting}. Removal marks the value and lowers the live count of each
 * posting it is in; readers skip marked values, and a list is compacted once marked values
 * outnumber live ones (amortised: each compaction follows as many removals as it copies). So
 * removing and re-adding an item (the re-analysis path) costs no Set, splice or search.
 */

/** A value that can be posted: `removed` is set by its owner before it leaves the index. */
export interface Removable {
  removed: boolean;
}

/** The values posted under a key that has had two or more. Read `values[0 .. size)`, skipping removed ones. */
export class Posting<V extends Removable> {
  /** Values in posting order; slots at and past `size` are unused. */
  values: (V | undefined)[];
  /** Slots used in `values` (live and removed). */
  size: number;
  /** Values not removed. */
  live: number;
  constructor(first: V, second: V) {
    this.values = [first, second];
    this.size = 2;
    this.live = 2;
  }
}

/** What a key holds: a lone value or a posting. */
export type Posted<V extends Removable> = V | Posting<V>;

/** Number of live values in what a key holds (`undefined`: none). */
export function liveCount<V extends Removable>(posted: Posted<V> | undefined): number {
  return posted === undefined ? 0 : posted instanceof Posting ? posted.live : 1;
}

/** The index. */
export class PostingIndex<K, V extends Removable> {
  private readonly map = new Map<K, Posted<V>>();

  /** What `key` holds, if anything (a lone value is always live). */
  get(key: K): Posted<V> | undefined {
    return this.map.get(key);
  }

  /** Number of live values under `key`. */
  count(key: K): number {
    return liveCount(this.map.get(key));
  }

  /**
   * Post `value` under `key`. Returns false when `value` was the last value posted there already
   * (a key listed twice by one value is posted once).
   */
  add(key: K, value: V): boolean {
    return this.addLookedUp(key, value, this.map.get(key));
  }

  /** {@link add} with what the key holds looked up by the caller (`undefined`: nothing), with nothing posted or removed since. */
  addLookedUp(key: K, value: V, posted: Posted<V> | undefined): boolean {
    if (posted === undefined) this.map.set(key, value);
    else if (posted instanceof Posting) {
      if (posted.values[posted.size - 1] === value) return false;
      if (posted.size < posted.values.length) posted.values[posted.size] = value;
      else posted.values.push(value);
      posted.size++;
      posted.live++;
    } else if (posted === value) return false;
    else this.map.set(key, new Posting(posted, value));
    return true;
  }

  /** Take `value` (already marked removed) from `key`; call once per key it was posted under. */
  remove(key: K, value: V): void {
    const posted = this.map.get(key);
    if (posted === undefined) return;
    if (!(posted instanceof Posting)) {
      if (posted === value) this.map.delete(key);
      return;
    }
    posted.live--;
    if (posted.live === 0) this.map.delete(key);
    else if (posted.live === 1) this.map.set(key, firstLive(posted)); // back to a lone value
    else if (posted.size > 2 * posted.live) compact(posted);
  }
}

function firstLive<V extends Removable>(p: Posting<V>): V {
  for (let i = 0; i < p.size; i++) {
    const v = p.values[i] as V;
    if (!v.removed) return v;
  }
  throw new Error('posting index: no live value left');
}

/** Drop removed values from a posting, keeping order. */
function compact<V extends Removable>(p: Posting<V>): void {
  const values = p.values;
  let kept = 0;
  for (let i = 0; i < p.size; i++) {
    const v = values[i] as V;
    if (!v.removed) values[kept++] = v;
  }
  for (let i = kept; i < p.size; i++) values[i] = undefined;
  p.size = kept;
}
