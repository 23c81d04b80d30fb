import { describe, expect, it } from 'vitest';
import { fitOneVsRestLogistic, logisticLogits } from '../../../../src/nlp/topics/logreg.js';

// Features: 0 = "lúa", 1 = "bệnh_viện", 2 = "giá" (shared noise). Labels: 0 agriculture, 1 health.
const examples = [[0, 2], [0], [0, 2], [1], [1, 2], [1], [0, 1], [0, 1, 2]];
const targets = [[1, 0], [1, 0], [1, 0], [0, 1], [0, 1], [0, 1], [1, 1], [1, 1]].map((t) => Uint8Array.from(t));

describe('fitOneVsRestLogistic', () => {
  it('learns a positive weight for each label’s own feature and gives multi-label items both labels', () => {
    const model = fitOneVsRestLogistic(examples, targets, 3, 2);
    const w = (feature: number, label: number) => model.weights[feature * 2 + label] as number;
    expect(w(0, 0)).toBeGreaterThan(0.5);
    expect(w(1, 1)).toBeGreaterThan(0.5);
    expect(w(0, 1)).toBeLessThan(w(0, 0));
    const both = logisticLogits(model, [0, 1]);
    expect(both[0]).toBeGreaterThan(0);
    expect(both[1]).toBeGreaterThan(0);
    const riceOnly = logisticLogits(model, [0]);
    expect(riceOnly[0]).toBeGreaterThan(0);
    expect(riceOnly[1]).toBeLessThan(0);
  });

  it('is deterministic and shrinks weights as L2 grows', () => {
    const a = fitOneVsRestLogistic(examples, targets, 3, 2, { l2: 0.01 });
    const b = fitOneVsRestLogistic(examples, targets, 3, 2, { l2: 0.01 });
    expect(Array.from(a.weights)).toEqual(Array.from(b.weights));
    const strong = fitOneVsRestLogistic(examples, targets, 3, 2, { l2: 1 });
    expect(Math.abs(strong.weights[0] as number)).toBeLessThan(Math.abs(a.weights[0] as number));
  });

  it('rejects mismatched examples and targets', () => {
    expect(() => fitOneVsRestLogistic(examples, targets.slice(1), 3, 2)).toThrow(/8 examples but 7 target rows/);
  });
});
