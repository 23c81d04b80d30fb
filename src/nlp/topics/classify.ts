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
  // Plain loops and object literals: this runs per item, and closures, spreads and
  // `indexOf` per candidate cost more than the arithmetic.
  const out = new Map<string, TopicSignals>();
  const bestRaw = tax.topics[0]?.raw ?? 0;
  let bestProb = 0;
  let topModel = '';
  if (probs) {
    for (let i = 0; i < probs.length; i++) {
      const p = probs[i] as number;
      if (p > bestProb) (bestProb = p), (topModel = modelLabels[i] as string);
    }
  }
  for (let i = 0; i < tax.topics.length; i++) {
    const t = tax.topics[i] as TaxonomyResult['topics'][number];
    let titleHit = false;
    let strongHead = false;
    const phrases = new Set<string>();
    for (const h of t.hits) {
      if (h.field === 'title') titleHit = true;
      if (h.base >= 3 && h.field !== 'text') strongHead = true;
      phrases.add(h.phrase);
    }
    // Same fields, same order as blankSignals().
    out.set(t.id, {
      taxScore: t.score,
      taxRelative: bestRaw > 0 ? t.raw / bestRaw : 0,
      modelProb: 0,
      modelRelative: 0,
      titleHit,
      topTaxonomy: i === 0,
      topModel: false,
      policy: false,
      strongHead,
      distinctPhrases: phrases.size,
      cooccurrence: 0,
    });
  }
  if (probs) {
    for (let i = 0; i < probs.length; i++) {
      const p = probs[i] as number;
      const id = modelLabels[i] as string;
      if (p < MIN_MODEL_PROB && !out.has(id)) continue;
      const s = out.get(id) ?? blankSignals();
      s.modelProb = p;
      s.modelRelative = bestProb > 0 ? p / bestProb : 0;
      s.topModel = id === topModel;
      out.set(id, s);
    }
  }
  const policyTopics = new Set<string>();
  for (const p of tax.policies) for (const id of p.topics) policyTopics.add(id);
  for (const id of policyTopics) {
    const s = out.get(id) ?? blankSignals();
    s.policy = true;
    out.set(id, s);
  }
  // The leading topic: the taxonomy's best, else the model's.
  const indexOf = labelIndex(modelLabels);
  const lead = indexOf.get(tax.topics[0]?.id ?? topModel) ?? -1;
  if (cooccurrence && lead >= 0) {
    const n = modelLabels.length;
    for (const [id, s] of out) {
      const i = indexOf.get(id) ?? -1;
      if (i >= 0 && i !== lead) s.cooccurrence = cooccurrence[lead * n + i] as number;
    }
  }
  return out;
}

/** Label → first index (as `indexOf` finds it), for the last label list seen (one per model). */
let indexedLabels: string[] = [];
let indexByLabel = new Map<string, number>();
function labelIndex(labels: readonly string[]): ReadonlyMap<string, number> {
  // Compared element by element, so a list changed in place is re-indexed too.
  let same = labels.length === indexedLabels.length;
  for (let i = 0; same && i < labels.length; i++) same = labels[i] === indexedLabels[i];
  if (!same) {
    indexByLabel = new Map();
    labels.forEach((label, i) => {
      if (!indexByLabel.has(label)) indexByLabel.set(label, i);
    });
    indexedLabels = [...labels];
  }
  return indexByLabel;
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
