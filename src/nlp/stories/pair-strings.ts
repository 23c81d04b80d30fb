/**
 * Canonical `a b` strings for pairs of interned syllable ids (headline and lead bigrams). The
 * same bigram recurs across items constantly; one string object per pair saves building it per
 * item, and set and map lookups between fingerprints then compare by identity. Each pair's slot
 * also carries two integers for the caller (a dedupe mark and a cached id), so a fingerprint
 * needs one probe per bigram and no Set. A slot's four integers sit side by side in one array
 * (one cache line per probe, not one per field).
 */

/** Integers per slot: first id, second id (-1: free slot), caller mark, caller tag. */
const STRIDE = 4;
const FIRST = 0;
const SECOND = 1;
const MARK = 2;
const TAG = 3;

export class PairStrings {
  private cells: Int32Array;
  private strings: (string | undefined)[];
  private mask: number;
  private size = 0;
  /** Restarts so far: slots, marks and tags from before a restart are gone. */
  epoch = 0;

  /** @param limit - distinct pairs kept; past it the table starts over (strings stay valid). */
  constructor(private readonly limit = 1 << 17) {
    this.cells = emptyCells(1 << 12);
    this.strings = new Array<string | undefined>(1 << 12);
    this.mask = (1 << 12) - 1;
  }

  /** `${a} ${b}` for syllables `a`, `b` with ids `idA`, `idB` (a negative id: built, not kept). */
  get(idA: number, a: string, idB: number, b: string): string {
    if (idA < 0 || idB < 0) return `${a} ${b}`;
    const slot = this.slot(idA, a, idB, b); // first: adding may replace the arrays
    return this.strings[slot] as string;
  }

  /**
   * Slot of the pair (non-negative ids), added when new. Valid until the next call that adds a
   * pair: growth moves slots.
   */
  slot(idA: number, a: string, idB: number, b: string): number {
    const found = this.find(idA, idB);
    return found >= 0 ? found : this.add(idA, idB, `${a} ${b}`);
  }

  /** Slot of a known pair (non-negative ids), or -1: no strings needed to find it. */
  find(idA: number, idB: number): number {
    const cells = this.cells;
    for (let slot = slotOf(idA, idB, this.mask); ; slot = (slot + 1) & this.mask) {
      const f = cells[slot * STRIDE + FIRST] as number;
      if (f < 0) return -1;
      if (f === idA && cells[slot * STRIDE + SECOND] === idB) return slot;
    }
  }

  /** The string of a slot from {@link slot}. */
  stringAt(slot: number): string {
    return this.strings[slot] as string;
  }

  /** Caller mark of a slot (0 for a new pair). */
  markAt(slot: number): number {
    return this.cells[slot * STRIDE + MARK] as number;
  }

  setMark(slot: number, mark: number): void {
    this.cells[slot * STRIDE + MARK] = mark;
  }

  /** Caller tag of a slot (0 for a new pair). */
  tagAt(slot: number): number {
    return this.cells[slot * STRIDE + TAG] as number;
  }

  setTag(slot: number, tag: number): void {
    this.cells[slot * STRIDE + TAG] = tag;
  }

  /** Zero every mark (the caller's marks wrapped around). */
  clearMarks(): void {
    for (let i = MARK; i < this.cells.length; i += STRIDE) this.cells[i] = 0;
  }

  /** Zero every tag (the caller's tagged values went stale). */
  clearTags(): void {
    for (let i = TAG; i < this.cells.length; i += STRIDE) this.cells[i] = 0;
  }

  /** Add a pair known to be absent; returns its slot. */
  private add(idA: number, idB: number, s: string): number {
    if (this.size >= this.limit) {
      // Full: start over small.
      this.reset(1 << 12);
      this.epoch++;
    }
    let slot = slotOf(idA, idB, this.mask);
    while ((this.cells[slot * STRIDE + FIRST] as number) >= 0) slot = (slot + 1) & this.mask;
    this.cells[slot * STRIDE + FIRST] = idA;
    this.cells[slot * STRIDE + SECOND] = idB;
    this.strings[slot] = s;
    if (++this.size * 2 > this.strings.length) {
      this.grow();
      slot = this.find(idA, idB);
    }
    return slot;
  }

  private grow(): void {
    const cells = this.cells;
    const strings = this.strings;
    this.reset(strings.length * 2);
    for (let i = 0; i < strings.length; i++) {
      const f = cells[i * STRIDE + FIRST] as number;
      if (f < 0) continue;
      const second = cells[i * STRIDE + SECOND] as number;
      let slot = slotOf(f, second, this.mask);
      while ((this.cells[slot * STRIDE + FIRST] as number) >= 0) slot = (slot + 1) & this.mask;
      for (let k = 0; k < STRIDE; k++) this.cells[slot * STRIDE + k] = cells[i * STRIDE + k] as number;
      this.strings[slot] = strings[i];
      this.size++;
    }
  }

  private reset(capacity: number): void {
    this.cells = emptyCells(capacity);
    this.strings = new Array<string | undefined>(capacity);
    this.mask = capacity - 1;
    this.size = 0;
  }
}

/** Cells of `capacity` free slots. */
function emptyCells(capacity: number): Int32Array {
  const cells = new Int32Array(capacity * STRIDE);
  for (let i = FIRST; i < cells.length; i += STRIDE) cells[i] = -1;
  return cells;
}

function slotOf(a: number, b: number, mask: number): number {
  return ((Math.imul(a, 0x9e3779b1) ^ Math.imul(b, 0x85ebca6b)) >>> 11) & mask;
}
