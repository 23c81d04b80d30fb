import { describe, expect, it } from 'vitest';
import { accuracy, confusionMatrix, f1, macroF1, microMultiLabel, perClassScores, prf } from '../../../../src/eval/metrics.js';

describe('eval metrics', () => {
  const labels = ['positive', 'negative', 'neutral'] as const;
  const gold = ['positive', 'positive', 'negative', 'neutral', 'neutral', 'negative'] as const;
  const pred = ['positive', 'negative', 'negative', 'neutral', 'positive', 'negative'] as const;

  it('counts a confusion matrix (rows gold, columns predicted)', () => {
    const m = confusionMatrix(labels, [...gold], [...pred]);
    expect(m.positive).toEqual({ positive: 1, negative: 1, neutral: 0 });
    expect(m.neutral).toEqual({ positive: 1, negative: 0, neutral: 1 });
  });

  it('computes per-class precision/recall/F1 and macro-F1', () => {
    const scores = perClassScores(labels, confusionMatrix(labels, [...gold], [...pred]));
    expect(scores.negative).toEqual({ precision: 2 / 3, recall: 1, f1: f1(2 / 3, 1), support: 2 });
    expect(scores.neutral.precision).toBe(1);
    expect(macroF1(scores)).toBeCloseTo((0.5 + 0.8 + 2 / 3) / 3, 10);
    expect(accuracy([...gold], [...pred])).toBeCloseTo(4 / 6);
  });

  it('handles empty classes and mismatched lengths', () => {
    expect(prf(0, 0, 0)).toEqual({ precision: 0, recall: 0, f1: 0 });
    expect(() => confusionMatrix(labels, ['positive'], [])).toThrow(/differ in length/);
    expect(() => confusionMatrix(labels, ['positive'], ['great' as 'positive'])).toThrow(/unknown label/);
  });

  it('micro-averages multi-label sets', () => {
    const r = microMultiLabel([['a', 'b'], ['c']], [['a'], ['c', 'd']]);
    expect(r.precision).toBeCloseTo(2 / 3);
    expect(r.recall).toBeCloseTo(2 / 3);
  });
});
