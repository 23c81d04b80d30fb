import { describe, expect, it } from 'vitest';
import { accumulateRows, FeatureRowIndex, RowSet } from '../../../../src/nlp/topics/feature-rows.js';

/** Deterministic pseudo-random generator (xorshift). */
function random(seed: number): () => number {
  let x = seed;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 2 ** 32;
  };
}

describe('feature row index', () => {
  const rnd = random(7);
  const unigrams: [number, number][] = [];
  const bigrams: [number, number, number][] = [];
  const seen = new Set<string>();
  let row = 0;
  for (let id = 0; id < 300; id += 2) unigrams.push([id, row++]);
  while (bigrams.length < 3000) {
    // Skewed first ids, so some have long bigram lists.
    const a = Math.floor(rnd() ** 3 * 400);
    const b = Math.floor(rnd() * 400);
    if (seen.has(`${a} ${b}`)) continue;
    seen.add(`${a} ${b}`);
    bigrams.push([a, b, row++]);
  }
  const compact = new FeatureRowIndex(unigrams, bigrams, row);
  // 16-bit row numbers impossible: the generic sorted-list lookup.
  const generic = new FeatureRowIndex(unigrams, bigrams, 0x10000);

  it('finds every unigram and bigram row, in both layouts', () => {
    for (const index of [compact, generic]) {
      for (const [id, r] of unigrams) expect(index.unigram(id)).toBe(r);
      for (const [a, b, r] of bigrams) expect(index.bigram(a, b)).toBe(r);
    }
  });

  it('answers -1 for absent features and out-of-range ids, in both layouts', () => {
    for (const index of [compact, generic]) {
      expect(index.unigram(1)).toBe(-1);
      expect(index.unigram(-1)).toBe(-1);
      expect(index.unigram(10_000)).toBe(-1);
      expect(index.bigram(-1, 3)).toBe(-1);
      expect(index.bigram(3, -1)).toBe(-1);
      expect(index.bigram(10_000, 3)).toBe(-1);
      expect(index.bigram(3, 70_000)).toBe(-1);
      for (let a = 0; a < 400; a += 7) for (let b = 0; b < 400; b += 5) if (!seen.has(`${a} ${b}`)) expect(index.bigram(a, b)).toBe(-1);
    }
  });
});

describe('row sums', () => {
  const n = 23;
  const rowsTotal = 500;
  const rnd = random(11);
  const weights = Array.from({ length: rowsTotal * n }, () => Math.round((rnd() * 8 - 4) * 1000) / 1000);
  const matrix = Float32Array.from(weights);
  const bias = Float64Array.from({ length: n }, () => Math.round((rnd() * 2 - 3) * 1000) / 1000);

  it('counts each row once per item, in first-hit order, and sums exactly as row after row', () => {
    const set = new RowSet(rowsTotal);
    for (let item = 0; item < 20; item++) {
      set.clear();
      const hits = Array.from({ length: 50 + item * 40 }, () => Math.floor(rnd() * rowsTotal));
      for (const r of hits) set.add(r);
      set.add(-1);
      const distinct = [...new Set(hits)];
      expect(Array.from(set.list.subarray(0, set.count))).toEqual(distinct);
      const expected = Float64Array.from(bias);
      for (const r of distinct) for (let c = 0; c < n; c++) expected[c] = (expected[c] as number) + (matrix[r * n + c] as number);
      expect(Array.from(accumulateRows(bias, matrix, set))).toEqual(Array.from(expected));
    }
  });
});
