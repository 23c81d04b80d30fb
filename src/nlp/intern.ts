/**
 * Interning of text slices without slicing: a token scanner hashes the characters it walks
 * over and gets back a small integer id and one canonical string per distinct syllable.
 *
 * Why: `text.slice()` allocates a fresh string per token, and every Map lookup on a fresh string
 * hashes it again; Vietnamese has only a few thousand syllables in use, so almost every token is
 * a repeat. Canonical strings carry a cached hash, ids index plain arrays.
 */
import { grownTo } from './typed-grow.js';

/** Int32 fields per table slot: id (-1 = empty), hash, length, offset of the characters in the pool. */
const SLOT = 4;

/** An open-addressing table of distinct slices. */
export class SliceInterner {
  /**
   * Slot i at [4i, 4i + 4): id, hash, length and pool offset, so a probe reads one cache line
   * and compares against the contiguous character pool instead of chasing each string object
   * (a cache miss per token when the strings lie scattered over the heap).
   */
  private table: Int32Array;
  private mask: number;
  private readonly strings: string[] = [];
  /** Characters of every interned string, back to back. */
  private pool = new Uint16Array(1 << 14);
  private poolUsed = 0;

  /**
   * @param limit - distinct strings kept. Past it, `reset` starts the table over (ids are
   *   reassigned, so callers keying arrays by id must check {@link generation}); `refuse` keeps
   *   every id stable and answers -1 for new slices (only {@link intern} still adds).
   */
  constructor(
    private readonly limit = 200_000,
    private readonly whenFull: 'reset' | 'refuse' = 'reset',
  ) {
    this.table = new Int32Array(SLOT << 12).fill(-1);
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
    const pool = this.pool;
    for (let slot = h & this.mask; ; slot = (slot + 1) & this.mask) {
      const at = SLOT * slot;
      const id = table[at] as number;
      if (id < 0) return this.add(text.slice(start, end), h, slot);
      if (table[at + 1] !== hs || table[at + 2] !== len) continue;
      const offset = table[at + 3] as number;
      let same = true;
      for (let k = 0; k < len; k++) {
        if (pool[offset + k] !== text.charCodeAt(start + k)) {
          same = false;
          break;
        }
      }
      if (same) return id;
    }
  }

  /**
   * {@link idHashed} reading the slice from `units`, a copy of `text`'s code units (a typed-array
   * read is cheaper than `charCodeAt`, which checks the string's representation every time).
   * The same probe as {@link idHashed}, kept apart on purpose (the duplicate finder flags the two
   * loops): the tokeniser's hot loop inlines it, and merged forms measured slower (one method
   * taking either source, a null check at each compare: ~10 %; the two loops merged: the
   * tokeniser 15–70 % slower).
   */
  idOfUnits(text: string, units: Uint16Array, start: number, end: number, hash: number): number {
    const h = hash >>> 0;
    const hs = h | 0;
    const len = end - start;
    const table = this.table;
    const pool = this.pool;
    for (let slot = h & this.mask; ; slot = (slot + 1) & this.mask) {
      const at = SLOT * slot;
      const id = table[at] as number;
      if (id < 0) return this.add(text.slice(start, end), h, slot);
      if (table[at + 1] !== hs || table[at + 2] !== len) continue;
      const offset = (table[at + 3] as number) - start;
      let k = start;
      while (k < end && pool[offset + k] === units[k]) k++;
      if (k === end) return id;
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
    this.pool = grownTo(this.pool, this.poolUsed + s.length);
    const offset = this.poolUsed;
    for (let k = 0; k < s.length; k++) this.pool[offset + k] = s.charCodeAt(k);
    this.poolUsed += s.length;
    if (slot < 0) for (slot = h & this.mask; (this.table[SLOT * slot] as number) >= 0; slot = (slot + 1) & this.mask);
    this.put(this.table, slot, id, h | 0, s.length, offset);
    if (this.strings.length * 2 > this.mask + 1) this.grow();
    return id;
  }

  private put(table: Int32Array, slot: number, id: number, hash: number, length: number, offset: number): void {
    table[SLOT * slot] = id;
    table[SLOT * slot + 1] = hash;
    table[SLOT * slot + 2] = length;
    table[SLOT * slot + 3] = offset;
  }

  private grow(): void {
    const old = this.table;
    const capacity = (this.mask + 1) * 2;
    const table = new Int32Array(capacity * SLOT).fill(-1);
    const mask = capacity - 1;
    // Re-placed in id order, as before the pool existed: probe sequences are the same.
    const byId = new Int32Array(this.strings.length).fill(-1);
    for (let at = 0; at < old.length; at += SLOT) if ((old[at] as number) >= 0) byId[old[at] as number] = at;
    for (let id = 0; id < byId.length; id++) {
      const at = byId[id] as number;
      const h = old[at + 1] as number;
      let slot = (h >>> 0) & mask;
      while ((table[SLOT * slot] as number) >= 0) slot = (slot + 1) & mask;
      this.put(table, slot, id, h, old[at + 2] as number, old[at + 3] as number);
    }
    this.table = table;
    this.mask = mask;
  }

  private reset(): void {
    this.table = new Int32Array(SLOT << 12).fill(-1);
    this.mask = (1 << 12) - 1;
    this.strings.length = 0;
    this.poolUsed = 0;
    this.generation++;
  }
}
