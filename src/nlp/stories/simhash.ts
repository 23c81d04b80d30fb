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
  /** Hashes as int32 (the bits of {@link syllableHash}). */
  hashes: Int32Array;
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
  // Int32Array like the analyser's buffers: the counting loop then sees one kind of array.
  return simhash64OfHashes(fields.map(({ syllables, weight }) => ({ hashes: Int32Array.from(syllables, syllableHash), count: syllables.length, weight })));
}

/** Per-bit counts over a field's shingles (reused: one call at a time). */
const ones = new Int32Array(64);
const lanes = new Int32Array(16);

/** Bit 0 of each 4-bit lane. */
const NIBBLE_LOW = 0x11111111;
/** Shingles a 4-bit lane can count before it must be folded into the 8-bit lanes. */
const PER_NIBBLE = 15;
/** Nibble folds an 8-bit lane can take (17 × 15 = 255) before it must be flushed to `ones`. */
const FOLDS_PER_BYTE = 17;

/**
 * Count, for each of the 64 bits, how many shingles set it. Counting is bit-sliced in two
 * stages: per block of 15 shingles, four accumulators per half hold eight 4-bit lanes (bits j,
 * j+4, …, j+28); each block is then folded into sixteen words of four 8-bit lanes (bits j, j+8,
 * j+16, j+24), flushed to `ones` before they can overflow. A shingle costs 8 masked adds instead
 * of 64 bit tests, and the inner loop keeps few enough values live to stay in registers.
 */
function countBits(hashes: Int32Array, n: number, count: number): void {
  ones.fill(0);
  lanes.fill(0);
  let folds = 0;
  for (let start = 0; start < count; start += PER_NIBBLE) {
    const end = Math.min(start + PER_NIBBLE, count);
    let n0 = 0, n1 = 0, n2 = 0, n3 = 0, m0 = 0, m1 = 0, m2 = 0, m3 = 0;
    for (let i = start; i < end; i++) {
      const a = hashes[i] as number;
      const b = i + 1 < n ? (hashes[i + 1] as number) : 0x27d4eb2f;
      const c = i + 2 < n ? (hashes[i + 2] as number) : 0x165667b1;
      const lo = fmix(a ^ rotl(b, 11) ^ rotl(c, 22) ^ 0x9e3779b9);
      const hi = fmix(rotl(a, 5) ^ rotl(b, 17) ^ rotl(c, 29) ^ 0x85ebca77);
      n0 = (n0 + (lo & NIBBLE_LOW)) | 0;
      n1 = (n1 + ((lo >>> 1) & NIBBLE_LOW)) | 0;
      n2 = (n2 + ((lo >>> 2) & NIBBLE_LOW)) | 0;
      n3 = (n3 + ((lo >>> 3) & NIBBLE_LOW)) | 0;
      m0 = (m0 + (hi & NIBBLE_LOW)) | 0;
      m1 = (m1 + ((hi >>> 1) & NIBBLE_LOW)) | 0;
      m2 = (m2 + ((hi >>> 2) & NIBBLE_LOW)) | 0;
      m3 = (m3 + ((hi >>> 3) & NIBBLE_LOW)) | 0;
    }
    // Nibble k of n_j counts bit j + 4k: even nibbles go to the byte lanes of word j, odd ones to word j + 4.
    foldNibbles(n0, n1, n2, n3, 0);
    foldNibbles(m0, m1, m2, m3, 8);
    if (++folds === FOLDS_PER_BYTE) {
      flushLanes();
      folds = 0;
    }
  }
  if (folds > 0) flushLanes();
}

/** Add one block's 4-bit lanes of a half (words from `at`) into its 8-bit lanes. */
function foldNibbles(n0: number, n1: number, n2: number, n3: number, at: number): void {
  lanes[at] = ((lanes[at] as number) + (n0 & 0x0f0f0f0f)) | 0;
  lanes[at + 4] = ((lanes[at + 4] as number) + ((n0 >>> 4) & 0x0f0f0f0f)) | 0;
  lanes[at + 1] = ((lanes[at + 1] as number) + (n1 & 0x0f0f0f0f)) | 0;
  lanes[at + 5] = ((lanes[at + 5] as number) + ((n1 >>> 4) & 0x0f0f0f0f)) | 0;
  lanes[at + 2] = ((lanes[at + 2] as number) + (n2 & 0x0f0f0f0f)) | 0;
  lanes[at + 6] = ((lanes[at + 6] as number) + ((n2 >>> 4) & 0x0f0f0f0f)) | 0;
  lanes[at + 3] = ((lanes[at + 3] as number) + (n3 & 0x0f0f0f0f)) | 0;
  lanes[at + 7] = ((lanes[at + 7] as number) + ((n3 >>> 4) & 0x0f0f0f0f)) | 0;
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

/** Number of differing bits of two hashes given as their four 16-bit {@link bands} (small integers: no boxed numbers). */
export function hammingDistanceOfBands(a0: number, a1: number, a2: number, a3: number, b0: number, b1: number, b2: number, b3: number): number {
  return popcount32((((a0 ^ b0) << 16) | (a1 ^ b1)) >>> 0) + popcount32((((a2 ^ b2) << 16) | (a3 ^ b3)) >>> 0);
}

/** Number of differing bits. */
export function hammingDistance(a: Hash64, b: Hash64): number {
  return popcount32((a.hi ^ b.hi) >>> 0) + popcount32((a.lo ^ b.lo) >>> 0);
}

/** Character codes of the lower-case hex digits. */
const HEX = Array.from('0123456789abcdef', (c) => c.charCodeAt(0));
const hexDigit = (x: number, shift: number): number => HEX[(x >>> shift) & 15] as number;

/** 16-hex-digit form (as stored in ItemLabels.simhash). Built in one string allocation: it is made for every item. */
export function hashToHex(h: Hash64): string {
  const { hi, lo } = h;
  return String.fromCharCode(
    hexDigit(hi, 28), hexDigit(hi, 24), hexDigit(hi, 20), hexDigit(hi, 16), hexDigit(hi, 12), hexDigit(hi, 8), hexDigit(hi, 4), hexDigit(hi, 0),
    hexDigit(lo, 28), hexDigit(lo, 24), hexDigit(lo, 20), hexDigit(lo, 16), hexDigit(lo, 12), hexDigit(lo, 8), hexDigit(lo, 4), hexDigit(lo, 0),
  );
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
