/**
 * Reusable typed-array buffers for the segmenter's per-call work arrays. Segmentation runs
 * synchronously and never re-enters itself, so one buffer per role suffices; allocating a
 * dozen small typed arrays per sentence made the garbage collector the biggest cost.
 */
type TypedArray = Int32Array | Float64Array | Uint8Array;

/** One growable buffer; {@link ScratchBuffer.take} hands out its first `n` slots filled. */
export class ScratchBuffer<T extends TypedArray> {
  private buffer: T;

  constructor(private readonly make: (length: number) => T) {
    this.buffer = make(64);
  }

  /** The buffer (length ≥ n) with slots [0, n) set to `fill`; valid until the next take. */
  take(n: number, fill: number): T {
    if (this.buffer.length < n) this.buffer = this.make(Math.max(n, this.buffer.length * 2));
    this.buffer.fill(fill, 0, n);
    return this.buffer;
  }
}

/** Scratch buffer of 32-bit integers. */
export const int32Scratch = (): ScratchBuffer<Int32Array> => new ScratchBuffer((n) => new Int32Array(n));
/** Scratch buffer of doubles. */
export const float64Scratch = (): ScratchBuffer<Float64Array> => new ScratchBuffer((n) => new Float64Array(n));
/** Scratch buffer of bytes. */
export const uint8Scratch = (): ScratchBuffer<Uint8Array> => new ScratchBuffer((n) => new Uint8Array(n));
