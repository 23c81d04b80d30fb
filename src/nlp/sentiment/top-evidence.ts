/**
 * The strongest few contributions of an item, chosen before any evidence object is made: an
 * article has a few dozen contributions and shows only the top ones, so ranking plain numbers
 * and building (and slicing text for) only the winners saves most of the evidence work.
 */

/** Rounding of evidence weights (the order compares the rounded weights, as shown). */
export function roundWeight(x: number, digits = 3): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

/**
 * How many elements `array.slice(0, end)` keeps of an array of `length`: the caller's
 * `maxEvidence` keeps exactly its old meaning (negative counts from the end, fractions truncate).
 */
export function sliceLength(length: number, end: number): number {
  const relative = Math.trunc(end) || 0;
  return relative < 0 ? Math.max(length + relative, 0) : Math.min(relative, length);
}

/**
 * The first `capacity` of the offered contributions in the order a stable sort by descending
 * |rounded weight| gives (ties keep offer order), as (weight, field index, contribution index).
 */
export class TopEvidence {
  count = 0;
  readonly weight: Float64Array;
  readonly field: Int32Array;
  readonly contribution: Int32Array;
  private readonly key: Float64Array;

  constructor(readonly capacity: number) {
    this.weight = new Float64Array(capacity);
    this.field = new Int32Array(capacity);
    this.contribution = new Int32Array(capacity);
    this.key = new Float64Array(capacity);
  }

  offer(weight: number, field: number, contribution: number): void {
    const key = Math.abs(roundWeight(weight));
    // After every kept entry at least as strong: ties stay in offer order.
    let at = this.count;
    while (at > 0 && (this.key[at - 1] as number) < key) at--;
    if (at >= this.capacity) return;
    const moved = Math.min(this.count, this.capacity - 1);
    for (let k = moved; k > at; k--) {
      this.key[k] = this.key[k - 1] as number;
      this.weight[k] = this.weight[k - 1] as number;
      this.field[k] = this.field[k - 1] as number;
      this.contribution[k] = this.contribution[k - 1] as number;
    }
    this.key[at] = key;
    this.weight[at] = weight;
    this.field[at] = field;
    this.contribution[at] = contribution;
    if (this.count < this.capacity) this.count++;
  }
}
