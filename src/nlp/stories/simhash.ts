/**
 * 64-bit SimHash over shingles of folded syllables, held as two unsigned 32-bit halves
 * (BigInt arithmetic is an order of magnitude slower). Title shingles weigh more than the lead,
 * the lead more than the body, so a rewritten body under the same headline stays close.
 */

/** A 64-bit hash as two unsigned 32-bit halves. */
export interface Hash64 {
  hi: number;
  lo: number;
}

/** Weighted shingle source: folded syllables of one field and the weight of each shingle. */
export interface ShingleField {
  syllables: readonly string[];
  weight: number;
}

/** Syllables per shingle. */
export const SHINGLE_SIZE = 3;

/** FNV-1a 32-bit with a murmur3 finaliser (FNV alone has weak high bits on short keys). */
function fnv1a(text: string, basis: number): number {
  let h = basis >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return fmix(h);
}

/** Per-syllable hashes are cached: the syllable inventory is small and repeats constantly. */
const syllableHashCache = new Map<string, number>();
/** Hash of one folded syllable (cached). */
export function syllableHash(s: string): number {
  let h = syllableHashCache.get(s);
  if (h === undefined) {
    h = fnv1a(s, 0x811c9dc5);
    if (syllableHashCache.size > 200_000) syllableHashCache.clear();
    syllableHashCache.set(s, h);
  }
  return h;
}

function rotl(x: number, r: number): number {
  return ((x << r) | (x >>> (32 - r))) >>> 0;
}
/** murmur3 32-bit finaliser. */
function fmix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Weighted shingle source given as per-syllable hashes (see {@link syllableHash}). */
export interface HashedShingleField {
  hashes: ArrayLike<number>;
  /** Syllables used: the first `count` hashes. */
  count: number;
  weight: number;
}

/**
 * SimHash of weighted shingle fields. A shingle's two 32-bit halves mix its syllables' cached
 * hashes with different rotations (order-sensitive), so no shingle string is ever built.
 * Fields shorter than a shingle contribute one shingle of what they have.
 */
export function simhash64(fields: readonly ShingleField[]): Hash64 {
  return simhash64OfHashes(fields.map(({ syllables, weight }) => ({ hashes: syllables.map(syllableHash), count: syllables.length, weight })));
}

/** Per-bit counts over a field's shingles (reused: one call at a time). */
const ones = new Int32Array(64);
const lanes = new Int32Array(16);

/**
 * Count, for each of the 64 bits, how many shingles set it. Counting is bit-sliced: eight
 * accumulators per half each hold four 8-bit lanes (bits j, j+8, j+16, j+24), flushed before a
 * lane can overflow, so each shingle costs 16 masked adds instead of 64 bit tests.
 */
function countBits(hashes: ArrayLike<number>, n: number, count: number): void {
  ones.fill(0);
  // The sixteen accumulators live in locals (registers), not in the lanes array: a typed-array
  // load and store per add was most of this loop's cost.
  let a0 = 0, a1 = 0, a2 = 0, a3 = 0, a4 = 0, a5 = 0, a6 = 0, a7 = 0;
  let b0 = 0, b1 = 0, b2 = 0, b3 = 0, b4 = 0, b5 = 0, b6 = 0, b7 = 0;
  let pending = 0;
  for (let i = 0; i < count; i++) {
    const a = hashes[i] as number;
    const b = i + 1 < n ? (hashes[i + 1] as number) : 0x27d4eb2f;
    const c = i + 2 < n ? (hashes[i + 2] as number) : 0x165667b1;
    const lo = fmix(a ^ rotl(b, 11) ^ rotl(c, 22) ^ 0x9e3779b9);
    const hi = fmix(rotl(a, 5) ^ rotl(b, 17) ^ rotl(c, 29) ^ 0x85ebca77);
    a0 = (a0 + (lo & 0x01010101)) | 0;
    a1 = (a1 + ((lo >>> 1) & 0x01010101)) | 0;
    a2 = (a2 + ((lo >>> 2) & 0x01010101)) | 0;
    a3 = (a3 + ((lo >>> 3) & 0x01010101)) | 0;
    a4 = (a4 + ((lo >>> 4) & 0x01010101)) | 0;
    a5 = (a5 + ((lo >>> 5) & 0x01010101)) | 0;
    a6 = (a6 + ((lo >>> 6) & 0x01010101)) | 0;
    a7 = (a7 + ((lo >>> 7) & 0x01010101)) | 0;
    b0 = (b0 + (hi & 0x01010101)) | 0;
    b1 = (b1 + ((hi >>> 1) & 0x01010101)) | 0;
    b2 = (b2 + ((hi >>> 2) & 0x01010101)) | 0;
    b3 = (b3 + ((hi >>> 3) & 0x01010101)) | 0;
    b4 = (b4 + ((hi >>> 4) & 0x01010101)) | 0;
    b5 = (b5 + ((hi >>> 5) & 0x01010101)) | 0;
    b6 = (b6 + ((hi >>> 6) & 0x01010101)) | 0;
    b7 = (b7 + ((hi >>> 7) & 0x01010101)) | 0;
    if (++pending === 255 || i + 1 === count) {
      lanes[0] = a0, lanes[1] = a1, lanes[2] = a2, lanes[3] = a3, lanes[4] = a4, lanes[5] = a5, lanes[6] = a6, lanes[7] = a7;
      lanes[8] = b0, lanes[9] = b1, lanes[10] = b2, lanes[11] = b3, lanes[12] = b4, lanes[13] = b5, lanes[14] = b6, lanes[15] = b7;
      flushLanes();
      a0 = a1 = a2 = a3 = a4 = a5 = a6 = a7 = 0;
      b0 = b1 = b2 = b3 = b4 = b5 = b6 = b7 = 0;
      pending = 0;
    }
  }
}

function flushLanes(): void {
  for (let j = 0; j < 8; j++) {
    const l = lanes[j] as number;
    const h = lanes[8 + j] as number;
    for (let byte = 0; byte < 4; byte++) {
      ones[j + 8 * byte] = (ones[j + 8 * byte] as number) + ((l >>> (8 * byte)) & 0xff);
      ones[32 + j + 8 * byte] = (ones[32 + j + 8 * byte] as number) + ((h >>> (8 * byte)) & 0xff);
    }
  }
  lanes.fill(0);
}

/** Weighted per-bit sums (reused: one call at a time; a fresh 512-byte typed array per item is an off-heap allocation). */
const bitSums = new Float64Array(64);

/** {@link simhash64} over precomputed syllable hashes (the analyser's hot path). */
export function simhash64OfHashes(fields: readonly HashedShingleField[]): Hash64 {
  const acc = bitSums;
  acc.fill(0);
  let any = false;
  for (const { hashes, count: n, weight } of fields) {
    if (n === 0) continue;
    const count = Math.max(1, n - SHINGLE_SIZE + 1);
    countBits(hashes, n, count);
    for (let bit = 0; bit < 64; bit++) acc[bit] = (acc[bit] as number) + weight * (2 * (ones[bit] as number) - count);
    any = true;
  }
  if (!any) return { hi: 0, lo: 0 };
  let lo = 0;
  let hi = 0;
  for (let b = 0; b < 32; b++) {
    if ((acc[b] as number) > 0) lo |= 1 << b;
    if ((acc[32 + b] as number) > 0) hi |= 1 << b;
  }
  return { hi: hi >>> 0, lo: lo >>> 0 };
}

function popcount32(x: number): number {
  let v = x - ((x >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (Math.imul((v + (v >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24) & 0xff;
}

/** Number of differing bits. */
export function hammingDistance(a: Hash64, b: Hash64): number {
  return popcount32((a.hi ^ b.hi) >>> 0) + popcount32((a.lo ^ b.lo) >>> 0);
}

/** 16-hex-digit form (as stored in ItemLabels.simhash). */
export function hashToHex(h: Hash64): string {
  return h.hi.toString(16).padStart(8, '0') + h.lo.toString(16).padStart(8, '0');
}

/** Parse {@link hashToHex} output. @throws Error on a malformed string. */
export function hashFromHex(hex: string): Hash64 {
  if (!/^[0-9a-f]{16}$/.test(hex)) throw new Error(`bad simhash "${hex}": expected 16 lower-case hex digits`);
  return { hi: Number.parseInt(hex.slice(0, 8), 16), lo: Number.parseInt(hex.slice(8), 16) };
}

/** The four 16-bit bands used for LSH lookup (two hashes within distance 3 share at least one). */
export function bands(h: Hash64): [number, number, number, number] {
  return [h.hi >>> 16, h.hi & 0xffff, h.lo >>> 16, h.lo & 0xffff];
}
