/**
 * One-vs-rest logistic regression over sparse binary features, for the topic model.
 *
 * Hand-written rather than `natural`'s LogisticRegressionClassifier because that one is
 * single-label (softmax over classes: an item gets one topic, ours carry two or three), works
 * on dense vectors over the whole vocabulary (tens of thousands of syllable n-grams × 23
 * topics), and has neither L2 regularisation nor class weights, both of which the small gold
 * set needs. The trainer is ~60 lines: per-example Adagrad steps on the log loss, L2 applied to
 * the weights an example touches, positives weighted up by (negatives/positives)^`positiveWeightPower`.
 * Deterministic: the example order is shuffled with a fixed seed.
 */

/** Training options. */
export interface LogisticOptions {
  /** L2 penalty per update on the touched weights. @defaultValue 0.1 */
  l2?: number;
  /** Passes over the data. @defaultValue 30 */
  epochs?: number;
  /** Adagrad base step. @defaultValue 0.3 */
  rate?: number;
  /** Positive examples weigh (negatives/positives)^this (0 = unweighted). @defaultValue 0.5 */
  positiveWeightPower?: number;
  /** Shuffle seed. @defaultValue 1 */
  seed?: number;
}

/** A fitted model: per-label bias and a row of per-label weights for each feature index. */
export interface LogisticModel {
  /** Per-label intercept. */
  bias: Float64Array;
  /** `weights[feature * labels + label]`. */
  weights: Float64Array;
  labels: number;
  features: number;
}

/**
 * Fit one binary logistic regression per label, all in one pass over the examples.
 * @param examples - feature indices per example (each in `[0, features)`, no duplicates)
 * @param targets - per example, a 0/1 per label
 */
export function fitOneVsRestLogistic(examples: readonly (readonly number[])[], targets: readonly Uint8Array[], features: number, labels: number, opts: LogisticOptions = {}): LogisticModel {
  const l2 = opts.l2 ?? 0.1;
  const epochs = opts.epochs ?? 30;
  const rate = opts.rate ?? 0.3;
  const power = opts.positiveWeightPower ?? 0.5;
  if (examples.length !== targets.length) throw new Error(`logistic regression: ${examples.length} examples but ${targets.length} target rows`);
  const weights = new Float64Array(features * labels);
  const bias = new Float64Array(labels);
  // Adagrad accumulators (a tiny start value avoids dividing by zero).
  const gradSq = new Float64Array(features * labels).fill(1e-8);
  const biasGradSq = new Float64Array(labels).fill(1e-8);
  const positives = new Float64Array(labels);
  for (const t of targets) for (let c = 0; c < labels; c++) positives[c] = (positives[c] as number) + ((t[c] as number) ? 1 : 0);
  const positiveWeight = Float64Array.from(positives, (p) => Math.pow((examples.length - p) / Math.max(1, p), power));
  const order = examples.map((_, i) => i);
  let seed = opts.seed ?? 1;
  const random = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
  for (let epoch = 0; epoch < epochs; epoch++) {
    for (let k = order.length - 1; k > 0; k--) {
      const j = Math.floor(random() * (k + 1));
      [order[k], order[j]] = [order[j] as number, order[k] as number];
    }
    for (const e of order) {
      const x = examples[e] as readonly number[];
      const y = targets[e] as Uint8Array;
      for (let c = 0; c < labels; c++) {
        let z = bias[c] as number;
        for (const f of x) z += weights[f * labels + c] as number;
        const target = (y[c] as number) ? 1 : 0;
        const g = (1 / (1 + Math.exp(-z)) - target) * (target ? (positiveWeight[c] as number) : 1);
        biasGradSq[c] = (biasGradSq[c] as number) + g * g;
        bias[c] = (bias[c] as number) - (rate * g) / Math.sqrt(biasGradSq[c] as number);
        for (const f of x) {
          const at = f * labels + c;
          const gi = g + l2 * (weights[at] as number);
          gradSq[at] = (gradSq[at] as number) + gi * gi;
          weights[at] = (weights[at] as number) - (rate * gi) / Math.sqrt(gradSq[at] as number);
        }
      }
    }
  }
  return { bias, weights, labels, features };
}

/** Per-label logits (before the sigmoid) of one example. */
export function logisticLogits(model: LogisticModel, x: readonly number[]): Float64Array {
  const out = Float64Array.from(model.bias);
  for (const f of x) for (let c = 0; c < model.labels; c++) out[c] = (out[c] as number) + (model.weights[f * model.labels + c] as number);
  return out;
}
