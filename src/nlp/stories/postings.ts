/**
 * An inverted index from keys to the values posted under them, in posting order. Most keys
 * (headline and lead bigrams) are posted by one item only, so a lone value is stored as itself
 * and only a second value makes a set: creating, filling and dropping a Set per key per item
 * was a large share of the story index's cost.
 */
export class PostingIndex<K, V extends object> {
  private readonly map = new Map<K, V | Set<V>>();

  /** Post `value` under `key` (a value already posted there is not added again). */
  add(key: K, value: V): void {
    const current = this.map.get(key);
    if (current === undefined) this.map.set(key, value);
    else if (current instanceof Set) current.add(value);
    else if (current !== value) {
      const set = new Set<V>();
      set.add(current);
      set.add(value);
      this.map.set(key, set);
    }
  }

  /** Remove `value` from `key`; the key goes when nothing is left under it. */
  delete(key: K, value: V): void {
    const current = this.map.get(key);
    if (current === undefined) return;
    if (current instanceof Set) {
      current.delete(value);
      // Back to a lone value: iteration order is unchanged (one element).
      if (current.size === 1) this.map.set(key, current.values().next().value as V);
      else if (current.size === 0) this.map.delete(key);
    } else if (current === value) this.map.delete(key);
  }

  /** Number of values under `key` (0 when none). */
  count(key: K): number {
    const current = this.map.get(key);
    return current === undefined ? 0 : current instanceof Set ? current.size : 1;
  }

  /** Add the values under `key` to `into`, in posting order. */
  collect(key: K, into: Set<V>): void {
    const current = this.map.get(key);
    if (current === undefined) return;
    if (current instanceof Set) for (const v of current) into.add(v);
    else into.add(current);
  }

  /** Count each value under `key` once more in `into`, in posting order. */
  tally(key: K, into: Map<V, number>): void {
    const current = this.map.get(key);
    if (current === undefined) return;
    if (current instanceof Set) for (const v of current) into.set(v, (into.get(v) ?? 0) + 1);
    else into.set(current, (into.get(current) ?? 0) + 1);
  }
}
