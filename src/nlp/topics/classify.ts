/**
 * Multi-label topic classification: taxonomy phrase scores combined with the trainable model's
 * probabilities, plus topics implied by named policies. With a trained model the learned
 * combiner decides; without one (taxonomy only) fixed thresholds tuned on the dev split do.
 */
import type { TopicModel } from './model.js';
import { blankSignals, combinerProbability, selectTopics, type TopicSignals } from './combiner.js';
import type { TaxonomyResult, TaxonomyScorer, TokenisedFields, TopicHit } from './taxonomy-scorer.js';
import type { TaxonomyTally } from './taxonomy-tally.js';

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
const isAssigned = (topics: readonly { id: string }[], id: string) => topics.some((t) => t.id === id);
const byScoreThenId = (a: [string, number], b: [string, number]) => b[1] - a[1] || a[0].localeCompare(b[0]);
/** Below these, a topic is not even a candidate for the combiner. */
const MIN_MODEL_PROB = 0.05;

/**
 * Signals per candidate topic from taxonomy scores, model probabilities and policies.
 * @param tally - the taxonomy evidence of the item ({@link TaxonomyScorer.tally})
 * @param topicIds - the scorer's topic ids, by tally topic index
 * @param policies - {@link TaxonomyScorer.policiesOf} of the tally
 * @param cooccurrence - row-major P(topic | leading topic) over `modelLabels` (see model.ts)
 */
export function computeSignals(tally: TaxonomyTally, topicIds: readonly string[], policies: TaxonomyResult['policies'], probs: Float64Array | null, modelLabels: readonly string[], cooccurrence: Float64Array | null = null): Map<string, TopicSignals> {
  // Plain loops and object literals: this runs per item, and closures, spreads and
  // `indexOf` per candidate cost more than the arithmetic.
  const out = new Map<string, TopicSignals>();
  const count = tally.topicCount;
  const bestRaw = count > 0 ? tally.raw(tally.topicAt(0)) : 0;
  let bestProb = 0;
  let topModel = '';
  if (probs) {
    for (let i = 0; i < probs.length; i++) {
      const p = probs[i] as number;
      if (p > bestProb) (bestProb = p), (topModel = modelLabels[i] as string);
    }
  }
  for (let i = 0; i < count; i++) {
    const t = tally.topicAt(i);
    // Same fields, same order as blankSignals().
    out.set(topicIds[t] as string, {
      taxScore: tally.score(t),
      taxRelative: bestRaw > 0 ? tally.raw(t) / bestRaw : 0,
      modelProb: 0,
      modelRelative: 0,
      titleHit: tally.titleHit(t),
      topTaxonomy: i === 0,
      topModel: false,
      policy: false,
      strongHead: tally.strongHead(t),
      distinctPhrases: tally.distinctPhrases(t),
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
  for (const p of policies) {
    for (const id of p.topics) {
      const s = out.get(id) ?? blankSignals();
      s.policy = true;
      out.set(id, s);
    }
  }
  // The leading topic: the taxonomy's best, else the model's.
  const indexOf = labelIndex(modelLabels);
  const lead = indexOf.get(count > 0 ? (topicIds[tally.topicAt(0)] as string) : topModel) ?? -1;
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
  const combiner = model?.combiner ?? null;
  // Last index per id, as a Map built from the taxonomy's topic list would find it.
  const topicIndex = new Map(scorer.topicIds.map((id, i) => [id, i]));

  return {
    classify(fields) {
      const tally = scorer.tally(fields);
      const policies = scorer.policiesOf(tally);
      const probs = model ? model.predictFields(fields) : null;
      const signals = computeSignals(tally, scorer.topicIds, policies, probs, model?.labels ?? [], model?.cooccurrence ?? null);
      // Plain loops: this runs per item, and the chains of spreads, maps and filters cost more than the arithmetic.
      let ranked: [string, number][] = [];
      if (combiner) {
        for (const [id, s] of signals) ranked.push([id, combinerProbability(combiner, s)]);
        ranked.sort(byScoreThenId);
        ranked = selectTopics(ranked, combiner);
      } else {
        const best = tally.topicCount > 0 ? tally.score(tally.topicAt(0)) : 0;
        for (const [id, s] of signals) {
          const sc = Math.max(s.taxScore, s.policy ? policyScore : 0);
          if (sc >= threshold && sc >= best * relativeFloor) ranked.push([id, sc]);
        }
        ranked.sort(byScoreThenId);
      }
      const topics: TopicClassification['topics'] = [];
      const hits: Record<string, TopicHit[]> = {};
      for (let r = 0; r < ranked.length && topics.length < maxTopics; r++) {
        const [id, s] = ranked[r] as [string, number];
        const topic = topicIndex.get(id);
        if (topic === undefined) continue;
        topics.push({ id, score: round3(Math.min(1, s)) });
        hits[id] = tally.hitsOf(topic); // [] when only a policy or the model put it there
      }
      const subtopics = topics.length === 0 ? [] : tally.subtopicIdsWhere((s) => isAssigned(topics, s.slice(0, s.indexOf('.')))).sort();
      return { topics, policies: policies.map((p) => p.id), subtopics, hits };
    },
  };
}
