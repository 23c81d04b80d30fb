/**
 * Multi-label topic classification: taxonomy phrase scores combined with the trainable model's
 * probabilities, plus topics implied by named policies. With a trained model the learned
 * combiner decides; without one (taxonomy only) fixed thresholds tuned on the dev split do.
 */
import type { TopicModel } from './model.js';
import { blankSignals, combinerProbability, selectTopics, type TopicSignals } from './combiner.js';
import type { TaxonomyResult, TaxonomyScorer, TokenisedFields, TopicHit } from './taxonomy-scorer.js';

/** Tuning knobs for the taxonomy-only rule (fitted on the dev split). */
export interface TopicClassifierOptions {
  /** Taxonomy score needed to assign a topic. @defaultValue 0.7 */
  threshold?: number;
  /** A topic scoring below this fraction of the best topic is dropped. @defaultValue 0.6 */
  relativeFloor?: number;
  /** Score given to a topic implied by a named policy mention. @defaultValue 0.6 */
  policyScore?: number;
  /** At most this many topics per item. @defaultValue 4 */
  maxTopics?: number;
}

/** Result of {@link TopicClassifier.classify}. */
export interface TopicClassification {
  /** Assigned topics, best first, scores in [0, 1] rounded to 3 decimals. */
  topics: { id: string; score: number }[];
  /** Named policy ids mentioned. */
  policies: string[];
  /** Sub-topic ids (of assigned topics) whose phrases occur. */
  subtopics: string[];
  /** Taxonomy phrase hits per assigned topic (for evidence and per-topic sentiment). */
  hits: Record<string, TopicHit[]>;
}

/** A ready classifier. */
export interface TopicClassifier {
  classify(fields: TokenisedFields): TopicClassification;
}

const round3 = (x: number) => Math.round(x * 1000) / 1000;
/** Below these, a topic is not even a candidate for the combiner. */
const MIN_MODEL_PROB = 0.05;

/**
 * Signals per candidate topic from taxonomy scores, model probabilities and policies.
 * @param cooccurrence - row-major P(topic | leading topic) over `modelLabels` (see model.ts)
 */
export function computeSignals(tax: TaxonomyResult, probs: Float64Array | null, modelLabels: readonly string[], cooccurrence: Float64Array | null = null): Map<string, TopicSignals> {
  const out = new Map<string, TopicSignals>();
  const bestRaw = tax.topics[0]?.raw ?? 0;
  let bestProb = 0;
  let topModel = '';
  if (probs) {
    probs.forEach((p, i) => {
      if (p > bestProb) (bestProb = p), (topModel = modelLabels[i] as string);
    });
  }
  const policyTopics = new Set(tax.policies.flatMap((p) => p.topics));
  const blank = blankSignals;
  tax.topics.forEach((t, i) => {
    out.set(t.id, {
      ...blank(),
      taxScore: t.score,
      taxRelative: bestRaw > 0 ? t.raw / bestRaw : 0,
      titleHit: t.hits.some((h) => h.field === 'title'),
      topTaxonomy: i === 0,
      strongHead: t.hits.some((h) => h.base >= 3 && h.field !== 'text'),
      distinctPhrases: new Set(t.hits.map((h) => h.phrase)).size,
    });
  });
  if (probs) {
    probs.forEach((p, i) => {
      const id = modelLabels[i] as string;
      if (p < MIN_MODEL_PROB && !out.has(id)) return;
      const s = out.get(id) ?? blank();
      s.modelProb = p;
      s.modelRelative = bestProb > 0 ? p / bestProb : 0;
      s.topModel = id === topModel;
      out.set(id, s);
    });
  }
  for (const id of policyTopics) {
    const s = out.get(id) ?? blank();
    s.policy = true;
    out.set(id, s);
  }
  // The leading topic: the taxonomy's best, else the model's.
  const lead = modelLabels.indexOf(tax.topics[0]?.id ?? topModel);
  if (cooccurrence && lead >= 0) {
    const n = modelLabels.length;
    for (const [id, s] of out) {
      const i = modelLabels.indexOf(id);
      if (i >= 0 && i !== lead) s.cooccurrence = cooccurrence[lead * n + i] as number;
    }
  }
  return out;
}

/** Combine a compiled taxonomy with an optional model. */
export function createTopicClassifier(scorer: TaxonomyScorer, model: TopicModel | null, opts: TopicClassifierOptions = {}): TopicClassifier {
  const threshold = opts.threshold ?? 0.7;
  const relativeFloor = opts.relativeFloor ?? 0.6;
  const policyScore = opts.policyScore ?? 0.6;
  const maxTopics = opts.maxTopics ?? 4;
  const known = new Set(scorer.topicIds);
  const combiner = model?.combiner ?? null;

  return {
    classify(fields) {
      const tax = scorer.score(fields);
      const probs = model ? model.predictFields(fields) : null;
      const signals = computeSignals(tax, probs, model?.labels ?? [], model?.cooccurrence ?? null);
      let ranked: [string, number][];
      if (combiner) {
        ranked = [...signals].map(([id, s]) => [id, combinerProbability(combiner, s)] as [string, number]);
        ranked.sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
        ranked = selectTopics(ranked, combiner);
      } else {
        const best = tax.topics[0]?.score ?? 0;
        ranked = [...signals]
          .map(([id, s]) => [id, Math.max(s.taxScore, s.policy ? policyScore : 0)] as [string, number])
          .filter(([, sc]) => sc >= threshold && sc >= best * relativeFloor);
        ranked.sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
      }
      const topics = ranked
        .filter(([id]) => known.has(id))
        .slice(0, maxTopics)
        .map(([id, s]) => ({ id, score: round3(Math.min(1, s)) }));
      const assigned = new Set(topics.map((t) => t.id));
      const hits: Record<string, TopicHit[]> = {};
      const taxById = new Map(tax.topics.map((t) => [t.id, t]));
      for (const id of assigned) hits[id] = taxById.get(id)?.hits ?? [];
      const subtopics = [...tax.subtopics.keys()].filter((s) => assigned.has(s.slice(0, s.indexOf('.')))).sort();
      return { topics, policies: tax.policies.map((p) => p.id), subtopics, hits };
    },
  };
}
