/**
 * Syllable-id → weight-row index of the topic model: unigram rows by folded-syllable id, bigram
 * rows by (first id, second id). Compact on purpose: the lookups run for every syllable of the
 * scored head of an article, between other stages that evict the caches, so a table that fits
 * the L2 cache (a few hundred KB instead of a sparse hash table's ~800 KB) saves a memory round
 * trip per lookup.
 */

/** Bigram lists no longer than this are scanned; longer ones are binary-searched. */
const LINEAR_SCAN = 8;

function slotOf(b: number, bits: number): number {
  return Math.imul(b, 0x9e3779b1) >>> (32 - bits);
}

/** Per first id, a table of at least 1.5 × its bigram count slots (power of two), concatenated. */
function compactTables(sorted: readonly (readonly [number, number, number])[], idLimit: number): Int32Array {
  const count = new Int32Array(idLimit);
  for (const [a] of sorted) count[a] = (count[a] as number) + 1;
  let total = 0;
  for (let a = 0; a < idLimit; a++) if ((count[a] as number) > 0) total += 1 << tableBits(count[a] as number);
  const out = new Int32Array(total).fill(-1);
  let offset = 0;
  let k = 0;
  for (let a = 0; a < idLimit; a++) {
    const n = count[a] as number;
    if (n === 0) continue;
    const bits = tableBits(n);
    const mask = (1 << bits) - 1;
    for (const end = k + n; k < end; k++) {
      const [, b, row] = sorted[k] as readonly [number, number, number];
      let i = slotOf(b, bits);
      while (out[offset + i] !== -1) i = (i + 1) & mask;
      out[offset + i] = (b << 16) | row;
    }
    offset += 1 << bits;
  }
  return out;
}

function tableBits(n: number): number {
  let bits = 1;
  while (1 << bits < n * 1.5) bits++;
  return bits;
}

/** `perId` with each id's bigram range replaced by its compact table's offset and log2 size. */
function perIdOfCompact(perId: Int32Array, sorted: readonly (readonly [number, number, number])[], idLimit: number): Int32Array {
  const out = perId.slice();
  const count = new Int32Array(idLimit);
  for (const [a] of sorted) count[a] = (count[a] as number) + 1;
  let offset = 0;
  for (let a = 0; a < idLimit; a++) {
    const n = count[a] as number;
    out[3 * a + 1] = offset;
    out[3 * a + 2] = n === 0 ? 0 : tableBits(n);
    if (n > 0) offset += 1 << tableBits(n);
  }
  return out;
}

/** Read-only index built once per model. */
export class FeatureRowIndex {
  /**
   * Per syllable id at [3·id, 3·id + 3): unigram row (-1 = none), then where its bigrams are:
   * the range [from, to) of `pairs`, or with `compact` its table's offset and log2 size. One
   * record per id, so the unigram lookup also brings the bigram lookup's start into cache.
   */
  private readonly perId: Int32Array;
  /**
   * Generic bigram store (ids or rows past 16 bits): pair k at [2k, 2k + 2) = second syllable
   * id, row; sorted by second id within each first id.
   */
  private readonly pairs: Int32Array;
  /** Syllable ids at or past this take part in no feature (interned after the model was loaded). */
  readonly idLimit: number;
  /**
   * When ids and rows fit 16 bits (always so for the shipped model): per first syllable id, a
   * small open-addressing table of its bigrams, each slot one int `second id << 16 | row`
   * (-1 empty), found through the id's record: [3·id + 1] = offset, [3·id + 2] = log2 size.
   * About 150 KB for ~18k bigrams, so probes mostly hit the cache, where the global pair table
   * (a quarter to half a megabyte) missed on nearly every lookup.
   */
  private readonly compact: Int32Array | null;

  /**
   * @param unigrams - [syllable id, row] per unigram feature (ids distinct)
   * @param bigrams - [first id, second id, row] per bigram feature (pairs distinct)
   */
  constructor(unigrams: readonly (readonly [number, number])[], bigrams: readonly (readonly [number, number, number])[], rowCount: number) {
    let maxId = -1;
    for (const [id] of unigrams) maxId = Math.max(maxId, id);
    for (const [a, b] of bigrams) maxId = Math.max(maxId, a, b);
    this.idLimit = maxId + 1;
    // Bigram ranges start empty ([0, 0)); unigram rows start absent.
    const perId = new Int32Array(this.idLimit * 3);
    for (let id = 0; id < this.idLimit; id++) perId[3 * id] = -1;
    for (const [id, row] of unigrams) perId[3 * id] = row;
    const sorted = [...bigrams].sort((x, y) => x[0] - y[0] || x[1] - y[1]);
    const pairs = new Int32Array(sorted.length * 2);
    sorted.forEach(([a, b, row], k) => {
      pairs[2 * k] = b;
      pairs[2 * k + 1] = row;
      if (perId[3 * a + 2] === 0) perId[3 * a + 1] = k; // first pair of `a` (sorted, so its range is contiguous)
      perId[3 * a + 2] = k + 1;
    });
    this.perId = perId;
    this.pairs = pairs;
    this.compact = this.idLimit < 0xffff && rowCount < 0xffff ? compactTables(sorted, this.idLimit) : null;
    if (this.compact) this.perId = perIdOfCompact(perId, sorted, this.idLimit);
  }

  /** Row of the unigram feature of syllable `id`, or -1. */
  unigram(id: number): number {
    return id >= 0 && id < this.idLimit ? (this.perId[3 * id] as number) : -1;
  }

  /** Row of the bigram feature (`a`, `b`), or -1. */
  bigram(a: number, b: number): number {
    if (a < 0 || a >= this.idLimit) return -1;
    const compact = this.compact;
    if (compact !== null) {
      const bits = this.perId[3 * a + 2] as number;
      if (bits === 0 || b < 0) return -1;
      const offset = this.perId[3 * a + 1] as number;
      const mask = (1 << bits) - 1;
      for (let i = slotOf(b, bits); ; i = (i + 1) & mask) {
        const entry = compact[offset + i] as number;
        if (entry === -1) return -1;
        if (entry >>> 16 === b) return entry & 0xffff;
      }
    }
    let lo = this.perId[3 * a + 1] as number;
    let hi = this.perId[3 * a + 2] as number;
    const pairs = this.pairs;
    while (hi - lo > LINEAR_SCAN) {
      const mid = (lo + hi) >>> 1;
      const second = pairs[2 * mid] as number;
      if (second === b) return pairs[2 * mid + 1] as number;
      if (second < b) lo = mid + 1;
      else hi = mid;
    }
    for (let k = lo; k < hi; k++) if (pairs[2 * k] === b) return pairs[2 * k + 1] as number;
    return -1;
  }
}

/**
 * The distinct rows one item hits, in first-hit order (features are binary: a row counts once).
 * Stamps instead of a Set per item; one instance per model, reused (scoring is synchronous).
 */
export class RowSet {
  private readonly stamps: Uint32Array;
  private stamp = 0;
  /** Rows added since {@link clear}, in order. */
  list: Int32Array = new Int32Array(512);
  count = 0;

  constructor(rowCount: number) {
    this.stamps = new Uint32Array(rowCount);
  }

  /** Start a new item. */
  clear(): void {
    this.count = 0;
    this.stamp = (this.stamp + 1) >>> 0 || 1;
    if (this.stamp === 1) this.stamps.fill(0);
  }

  /** Add `row` unless negative (no feature) or already added for this item. */
  add(row: number): void {
    if (row < 0 || this.stamps[row] === this.stamp) return;
    this.stamps[row] = this.stamp;
    if (this.count === this.list.length) {
      const grown = new Int32Array(this.list.length * 2);
      grown.set(this.list);
      this.list = grown;
    }
    this.list[this.count++] = row;
  }
}

/**
 * `bias[c] + Σ matrix[row][c]` per class c over the rows of `rows`, added in their order (the
 * same float operations as adding row after row into a copy of `bias`). Class-major with four
 * classes per pass: the sums live in registers, the four chains overlap, and the first pass
 * touches every row at once so the memory loads overlap instead of arriving row by row.
 * One form for all weights: a 16-bit thousandths copy of the rows measured no faster and saved
 * under 1 MB.
 */
export function accumulateRows(bias: Float64Array, matrix: Float32Array, rows: RowSet): Float64Array {
  const n = bias.length;
  const out = bias.slice();
  const list = rows.list;
  const count = rows.count;
  let c = 0;
  for (; c + 4 <= n; c += 4) {
    let s0 = out[c] as number;
    let s1 = out[c + 1] as number;
    let s2 = out[c + 2] as number;
    let s3 = out[c + 3] as number;
    for (let r = 0; r < count; r++) {
      const base = (list[r] as number) * n + c;
      s0 += matrix[base] as number;
      s1 += matrix[base + 1] as number;
      s2 += matrix[base + 2] as number;
      s3 += matrix[base + 3] as number;
    }
    out[c] = s0;
    out[c + 1] = s1;
    out[c + 2] = s2;
    out[c + 3] = s3;
  }
  for (; c < n; c++) {
    let s = out[c] as number;
    for (let r = 0; r < count; r++) s += matrix[(list[r] as number) * n + c] as number;
    out[c] = s;
  }
  return out;
}
