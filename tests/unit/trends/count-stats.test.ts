import { describe, expect, it } from 'vitest';
import { countQuantile, logGamma, upperTailLog10 } from '../../../src/trends/detector/count-stats.js';

describe('count statistics', () => {
  it('logGamma matches factorials', () => {
    expect(logGamma(1)).toBeCloseTo(0, 10);
    expect(logGamma(6)).toBeCloseTo(Math.log(120), 10);
    expect(logGamma(0.5)).toBeCloseTo(Math.log(Math.sqrt(Math.PI)), 10);
  });

  it('Poisson upper tail equals the closed form', () => {
    const exact = 1 - Math.exp(-2) * (1 + 2 + 2); // P(X ≥ 3 | λ = 2)
    expect(upperTailLog10(3, 2, 2)).toBeCloseTo(Math.log10(exact), 8);
    expect(upperTailLog10(0, 2, 2)).toBe(0);
  });

  it('over-dispersion makes the same count less surprising, and tiny tails stay finite', () => {
    expect(upperTailLog10(12, 3, 9)).toBeGreaterThan(upperTailLog10(12, 3, 3));
    const tiny = upperTailLog10(400, 10, 10);
    expect(Number.isFinite(tiny)).toBe(true);
    expect(tiny).toBeLessThan(-200);
  });

  it('quantiles bracket the mean', () => {
    expect(countQuantile(0.1, 10, 10)).toBe(6);
    expect(countQuantile(0.9, 10, 10)).toBe(14);
    expect(countQuantile(0.9, 10, 40)).toBeGreaterThan(14);
    expect(countQuantile(0.5, 0, 0)).toBe(0);
  });
});
