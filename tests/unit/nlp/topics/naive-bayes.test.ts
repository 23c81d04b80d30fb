import natural from 'natural';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fitOneVsRestNaiveBayes } from '../../../../src/nlp/topics/naive-bayes.js';

afterEach(() => vi.restoreAllMocks());

/** Five items per label: feature 0 in three agriculture items, feature 1 in every health item, feature 2 in both. */
const examples = [[0, 2], [0], [0, 2], [2], [2], [1], [1, 2], [1], [1], [1, 2]];
const targets = examples.map((_, i) => Uint8Array.from(i < 5 ? [1, 0] : [0, 1]));

describe('fitOneVsRestNaiveBayes', () => {
  it("counts with natural's Bayes classifier, one per label", () => {
    // The counting classifier natural's BayesClassifier wraps; spied on, not replaced.
    const inner = Object.getPrototypeOf(new natural.BayesClassifier().classifier) as { addExample: (...args: unknown[]) => void };
    const addExample = vi.spyOn(inner, 'addExample');
    fitOneVsRestNaiveBayes(examples, targets, 3, 2, 1);
    expect(addExample).toHaveBeenCalledTimes(examples.length * 2);
    expect(addExample.mock.calls.filter(([, label]) => label === 'yes')).toHaveLength(10); // 5 positives × 2 labels
  });

  it('exports log-likelihood ratios and log prior odds with the class totals natural leaves out on sparse input', () => {
    const model = fitOneVsRestNaiveBayes(examples, targets, 3, 2, 1);
    // Class totals are 1 + 5 either side; natural counts a seen feature as sightings + smoothing,
    // an unseen one as the smoothing alone.
    expect(model.bias).toEqual([0, 0]);
    expect(model.weights[0]?.[0]).toBeCloseTo(Math.log(4 / 6) - Math.log(1 / 6), 10); // agriculture word
    expect(model.weights[1]?.[1]).toBeCloseTo(Math.log(6 / 6) - Math.log(1 / 6), 10); // health word
    expect(model.weights[1]?.[0]).toBeCloseTo(Math.log(1 / 6) - Math.log(6 / 6), 10);
    // Feature 2: in four agriculture items and two health items.
    expect(model.weights[2]?.[0]).toBeCloseTo(Math.log(5 / 6) - Math.log(3 / 6), 10);
    expect(model.weights[2]?.[1]).toBeCloseTo(-(model.weights[2]?.[0] as number), 10);
    const smoother = fitOneVsRestNaiveBayes(examples, targets, 3, 2, 0.5);
    expect(smoother.weights[0]?.[0]).toBeCloseTo(Math.log(3.5 / 6) - Math.log(0.5 / 6), 10);
  });

  it('takes the prior from the label frequencies and refuses bad input', () => {
    const skewed = fitOneVsRestNaiveBayes([[0], [0], [1]], [Uint8Array.of(1), Uint8Array.of(0), Uint8Array.of(0)], 2, 1, 1);
    expect(skewed.bias[0]).toBeCloseTo(Math.log(2 / 3), 10);
    expect(() => fitOneVsRestNaiveBayes([[0]], [], 1, 1, 1)).toThrow(/1 examples but 0 target rows/);
    expect(() => fitOneVsRestNaiveBayes([[0]], [Uint8Array.of(1)], 1, 1, 0)).toThrow(/smoothing must be > 0/);
  });
});
