import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { roundWeight, sliceLength, TopEvidence } from '../../../../src/nlp/sentiment/top-evidence.js';

describe('TopEvidence', () => {
  it('keeps what a stable sort by |rounded weight| then slice(0, k) keeps, ties in offer order', () => {
    // Few distinct magnitudes, so ties (and ties only after rounding) are common.
    const weight = fc.constantFrom(0.5, -0.5, 0.5004, -0.4996, 1.2, -1.2, 0.1, 3, -3, 0.0004);
    fc.assert(
      fc.property(fc.array(weight, { maxLength: 40 }), fc.integer({ min: -5, max: 12 }), (weights, k) => {
        const expected = weights
          .map((w, i) => ({ w, i, rounded: roundWeight(w) }))
          .sort((a, b) => Math.abs(b.rounded) - Math.abs(a.rounded))
          .slice(0, k)
          .map((e) => e.i);
        const top = new TopEvidence(sliceLength(weights.length, k));
        weights.forEach((w, i) => top.offer(w, 0, i));
        expect(Array.from(top.contribution.subarray(0, top.count))).toEqual(expected);
      }),
      { numRuns: 500 },
    );
  });

  it('counts as Array.prototype.slice does', () => {
    for (const [length, end] of [[5, 8], [5, 3], [5, -2], [5, -9], [5, 2.7], [5, Number.NaN], [0, 8]] as const) {
      expect(sliceLength(length, end)).toBe(Array.from({ length }).slice(0, end).length);
    }
  });
});
