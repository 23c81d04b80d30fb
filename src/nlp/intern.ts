/**
 * Interning of text slices without slicing: a token scanner hashes the characters it walks
 * over and gets back a small integer id and one canonical string per distinct syllable.
 *
 * Why: `text.slice()` allocates a fresh string per token, and every Map lookup on a fresh string
 * hashes it again; Vietnamese has only a few thousand syllables in use, so almost every token is
 * a repeat. Canonical strings carry a cached hash, ids index plain arrays.
 */

/** An open-addressing table of distinct slices. */
export class SliceInterner {
  /** Slot i at [2i, 2i + 2): id (-1 = empty) and the slice's hash, so a probe reads one cache line. */
  private table: Int32Array;
  private mask: number;
  private readonly strings: string[] = [];
  private readonly hashes: number[] = [];

  /**
   * @param limit - distinct strings kept. Past it, `reset` starts the table over (ids are
   *   reassigned, so callers keying arrays by id must check {@link generation}); `refuse` keeps
   *   every id stable and answers -1 for new slices (only {@link intern} still adds).
   */
  constructor(
    private readonly limit = 200_000,
    private readonly whenFull: 'reset' | 'refuse' = 'reset',
  ) {
    this.table = new Int32Array(2 << 12).fill(-1);
    this.mask = (1 << 12) - 1;
  }

  /** Bumped every time the table starts over. */
  generation = 0;

  /** Number of distinct strings. */
  get size(): number {
    return this.strings.length;
  }

  /** The canonical string of an id. */
  str(id: number): string {
    return this.strings[id] as string;
  }

  /** Id of a whole string, always interned (even past the limit of a `refuse` table). */
  intern(s: string): number {
    const id = this.id(s, 0, s.length);
    return id >= 0 ? id : this.add(s, this.hashOf(s, 0, s.length), -1, true);
  }

  private hashOf(text: string, start: number, end: number): number {
    let h = SliceInterner.HASH_SEED;
    for (let i = start; i < end; i++) h = SliceInterner.hashStep(h, text.charCodeAt(i));
    return h >>> 0;
  }

  /** Id of `text.slice(start, end)`, interning it on first sight (-1 when a `refuse` table is full). */
  id(text: string, start: number, end: number): number {
    let h = SliceInterner.HASH_SEED;
    for (let i = start; i < end; i++) h = SliceInterner.hashStep(h, text.charCodeAt(i));
    return this.idHashed(text, start, end, h);
  }

  /** FNV-1a start value; a scanner can hash characters as it reads them and call {@link idHashed}. */
  static readonly HASH_SEED = 0x811c9dc5;
  /** One FNV-1a step. */
  static hashStep(h: number, c: number): number {
    return Math.imul(h ^ c, 0x01000193);
  }

  /** {@link id} with the hash already computed by {@link hashStep} over the slice. */
  idHashed(text: string, start: number, end: number, hash: number): number {
    const h = hash >>> 0;
    const hs = h | 0;
    const len = end - start;
    const table = this.table;
    for (let slot = h & this.mask; ; slot = (slot + 1) & this.mask) {
      const id = table[2 * slot] as number;
      if (id < 0) return this.add(text.slice(start, end), h, slot);
      if (table[2 * slot + 1] !== hs) continue;
      const s = this.strings[id] as string;
      if (s.length !== len) continue;
      let same = true;
      for (let k = 0; k < len; k++) {
        if (s.charCodeAt(k) !== text.charCodeAt(start + k)) {
          same = false;
          break;
        }
      }
      if (same) return id;
    }
  }

  private add(s: string, h: number, slot: number, force = false): number {
    if (this.strings.length >= this.limit && !force) {
      if (this.whenFull === 'refuse') return -1;
      this.reset();
      return this.id(s, 0, s.length);
    }
    const id = this.strings.length;
    this.strings.push(s);
    this.hashes.push(h);
    if (slot < 0) for (slot = h & this.mask; (this.table[2 * slot] as number) >= 0; slot = (slot + 1) & this.mask);
    this.table[2 * slot] = id;
    this.table[2 * slot + 1] = h | 0;
    if (this.strings.length * 2 > this.mask + 1) this.grow();
    return id;
  }

  private grow(): void {
    const capacity = (this.mask + 1) * 2;
    const table = new Int32Array(capacity * 2).fill(-1);
    const mask = capacity - 1;
    this.hashes.forEach((h, id) => {
      let slot = h & mask;
      while ((table[2 * slot] as number) >= 0) slot = (slot + 1) & mask;
      table[2 * slot] = id;
      table[2 * slot + 1] = h | 0;
    });
    this.table = table;
    this.mask = mask;
  }

  private reset(): void {
    this.table = new Int32Array(2 << 12).fill(-1);
    this.mask = (1 << 12) - 1;
    this.strings.length = 0;
    this.hashes.length = 0;
    this.generation++;
  }
}
