/**
 * Growth of the id-indexed typed arrays (interner pool, trie tables, per-id token data): they
 * double, so adding n ids costs O(n) copying in total.
 */

type GrowableArray = Int32Array | Uint16Array | Uint8Array;

/**
 * `a` itself when it holds `minLength` slots; otherwise a copy at least twice as long whose new
 * slots hold `fill`.
 */
export function grownTo<T extends GrowableArray>(a: T, minLength: number, fill = 0): T {
  if (a.length >= minLength) return a;
  const grown = new (a.constructor as new (length: number) => T)(Math.max(minLength, a.length * 2));
  grown.set(a);
  if (fill !== 0) grown.fill(fill, a.length);
  return grown;
}
