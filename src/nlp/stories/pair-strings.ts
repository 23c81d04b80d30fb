/**
 * Canonical `a b` strings for pairs of interned syllable ids (headline and lead bigrams). The
 * same bigram recurs across items constantly; one string object per pair saves building it per
 * item, and set and map lookups between fingerprints then compare by identity.
 */
export class PairStrings {
  private first: Int32Array;
  private second: Int32Array;
  private strings: (string | undefined)[];
  private mask: number;
  private size = 0;

  /** @param limit - distinct pairs kept; past it the table starts over (strings stay valid). */
  constructor(private readonly limit = 1 << 17) {
    this.first = new Int32Array(1 << 12).fill(-1);
    this.second = new Int32Array(1 << 12);
    this.strings = new Array<string | undefined>(1 << 12);
    this.mask = (1 << 12) - 1;
  }

  /** `${a} ${b}` for syllables `a`, `b` with ids `idA`, `idB` (a negative id: built, not kept). */
  get(idA: number, a: string, idB: number, b: string): string {
    if (idA < 0 || idB < 0) return `${a} ${b}`;
    for (let slot = slotOf(idA, idB, this.mask); ; slot = (slot + 1) & this.mask) {
      const f = this.first[slot] as number;
      if (f < 0) return this.add(slot, idA, idB, `${a} ${b}`);
      if (f === idA && this.second[slot] === idB) return this.strings[slot] as string;
    }
  }

  private add(slot: number, idA: number, idB: number, s: string): string {
    if (this.size >= this.limit) {
      // Full: start over small (the table is empty, so the pair's own slot is free).
      this.reset(1 << 12);
      slot = slotOf(idA, idB, this.mask);
    }
    this.first[slot] = idA;
    this.second[slot] = idB;
    this.strings[slot] = s;
    if (++this.size * 2 > this.first.length) this.grow();
    return s;
  }

  private grow(): void {
    const [first, second, strings] = [this.first, this.second, this.strings];
    this.reset(first.length * 2);
    for (let i = 0; i < first.length; i++) {
      const f = first[i] as number;
      if (f < 0) continue;
      let slot = slotOf(f, second[i] as number, this.mask);
      while ((this.first[slot] as number) >= 0) slot = (slot + 1) & this.mask;
      this.first[slot] = f;
      this.second[slot] = second[i] as number;
      this.strings[slot] = strings[i];
      this.size++;
    }
  }

  private reset(capacity: number): void {
    this.first = new Int32Array(capacity).fill(-1);
    this.second = new Int32Array(capacity);
    this.strings = new Array<string | undefined>(capacity);
    this.mask = capacity - 1;
    this.size = 0;
  }
}

function slotOf(a: number, b: number, mask: number): number {
  return ((Math.imul(a, 0x9e3779b1) ^ Math.imul(b, 0x85ebca6b)) >>> 11) & mask;
}
