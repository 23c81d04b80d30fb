/**
 * The learned combiner: a small logistic regression per (item, topic) over taxonomy and model
 * signals (absolute and relative to the item's best topic). It decides multi-label membership
 * better than fixed thresholds because "second topic" evidence looks different from "main
 * topic" evidence. Trained with the model (out-of-fold probabilities) and stored in its file.
 */

/** Signals for one (item, topic). */
export interface TopicSignals {
  taxScore: number;
  taxRelative: number;
  modelProb: number;
  modelRelative: number;
  titleHit: boolean;
  topTaxonomy: boolean;
  topModel: boolean;
  policy: boolean;
  /** A strong phrase of the topic occurs in the title or lead (reported, not yet a model input). */
  strongHead: boolean;
  /** Distinct phrases of the topic found (reported, not yet a model input). */
  distinctPhrases: number;
  /**
   * How often this topic accompanies the item's leading topic in the training labels,
   * P(topic | leading topic): second topics follow known pairs (anti-corruption with justice,
   * land with construction). 0 without a model or for the leading topic itself.
   */
  cooccurrence: number;
}

/** Stored combiner: weights in {@link featureVector} order, plus bias and decision threshold. */
export interface CombinerParams {
  weights: number[];
  bias: number;
  /** Probability the best-ranked topic needs. */
  threshold: number;
  /**
   * Probability every further topic needs (absent = `threshold`). Second topics have weaker
   * evidence than the main one by nature: one shared cut-off either drops them or admits noise.
   */
  secondThreshold?: number;
}

/**
 * Choose topics from candidates ranked by combiner probability (best first): the first when it
 * reaches `threshold` (or, since nearly every policy article has a topic, 60 % of it), the rest
 * when they reach `secondThreshold`.
 */
export function selectTopics<T extends readonly [string, number]>(ranked: readonly T[], params: CombinerParams): T[] {
  const first = ranked[0];
  if (!first || first[1] < params.threshold * 0.6) return [];
  const second = params.secondThreshold ?? params.threshold;
  return [first, ...ranked.slice(1).filter(([, p]) => p >= second)];
}

/** Signals of a topic with no evidence at all. */
export function blankSignals(): TopicSignals {
  return { taxScore: 0, taxRelative: 0, modelProb: 0, modelRelative: 0, titleHit: false, topTaxonomy: false, topModel: false, policy: false, strongHead: false, distinctPhrases: 0, cooccurrence: 0 };
}

/** Feature vector (fixed order) for the logistic regression. */
export function featureVector(s: TopicSignals): number[] {
  return [
    s.taxScore,
    s.taxRelative,
    s.modelProb,
    s.modelRelative,
    s.titleHit ? 1 : 0,
    s.topTaxonomy ? 1 : 0,
    s.topModel ? 1 : 0,
    s.policy ? 1 : 0,
    s.taxScore * s.modelProb,
    s.strongHead ? 1 : 0,
    Math.min(s.distinctPhrases, 3) / 3,
    s.cooccurrence * Math.max(s.taxScore, s.modelProb),
  ];
}

/** Probability that the topic applies. */
export function combinerProbability(params: CombinerParams, s: TopicSignals): number {
  const x = featureVector(s);
  let z = params.bias;
  for (let i = 0; i < x.length; i++) z += (params.weights[i] ?? 0) * (x[i] as number);
  return 1 / (1 + Math.exp(-z));
}

/** Fit by batch gradient descent with L2; small data, so this takes milliseconds. */
export function fitCombiner(samples: { s: TopicSignals; y: number }[], l2 = 0.01, iterations = 2000, rate = 0.5): CombinerParams {
  const xs = samples.map((p) => featureVector(p.s));
  const dim = xs[0]?.length ?? featureVector(blankSignals()).length;
  const w = new Array<number>(dim).fill(0);
  let b = 0;
  const n = Math.max(1, samples.length);
  for (let it = 0; it < iterations; it++) {
    const gw = new Array<number>(dim).fill(0);
    let gb = 0;
    xs.forEach((x, i) => {
      let z = b;
      for (let d = 0; d < dim; d++) z += (w[d] as number) * (x[d] as number);
      const err = 1 / (1 + Math.exp(-z)) - (samples[i] as { y: number }).y;
      for (let d = 0; d < dim; d++) gw[d] = (gw[d] as number) + err * (x[d] as number);
      gb += err;
    });
    for (let d = 0; d < dim; d++) w[d] = (w[d] as number) - rate * ((gw[d] as number) / n + l2 * (w[d] as number));
    b -= rate * (gb / n);
  }
  return { weights: w.map((v) => Math.round(v * 1000) / 1000), bias: Math.round(b * 1000) / 1000, threshold: 0.5 };
}
