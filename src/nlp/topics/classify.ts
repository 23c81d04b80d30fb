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

/** Per-topic taxonomy evidence, by rank (0 = highest raw score), as the signals read it. */
interface RankedEvidence {
  readonly count: number;
  id(rank: number): string;
  raw(rank: number): number;
  score(rank: number): number;
  titleHit(rank: number): boolean;
  strongHead(rank: number): boolean;
  distinctPhrases(rank: number): number;
}

/**
 * Signals per candidate topic from taxonomy scores, model probabilities and policies.
 * @param cooccurrence - row-major P(topic | leading topic) over `modelLabels` (see model.ts)
 */
export function computeSignals(tax: TaxonomyResult, probs: Float64Array | null, modelLabels: readonly string[], cooccurrence: Float64Array | null = null): Map<string, TopicSignals> {
  const hitsAt = (rank: number) => (tax.topics[rank] as TaxonomyResult['topics'][number]).hits;
  const evidence: RankedEvidence = {
    count: tax.topics.length,
    id: (r) => (tax.topics[r] as TaxonomyResult['topics'][number]).id,
    raw: (r) => (tax.topics[r] as TaxonomyResult['topics'][number]).raw,
    score: (r) => (tax.topics[r] as TaxonomyResult['topics'][number]).score,
    titleHit: (r) => hitsAt(r).some((h) => h.field === 'title'),
    strongHead: (r) => hitsAt(r).some((h) => h.base >= 3 && h.field !== 'text'),
    distinctPhrases: (r) => new Set(hitsAt(r).map((h) => h.phrase)).size,
  };
  return signalsOf(evidence, tax.policies, probs, modelLabels, cooccurrence);
}

/** The same evidence read from a tally (no hit objects). */
class TallyEvidence implements RankedEvidence {
  tally: TaxonomyTally | null = null;
  constructor(private readonly topicIds: readonly string[]) {}
  get count(): number {
    return (this.tally as TaxonomyTally).topicCount;
  }
  private topic(rank: number): number {
    return (this.tally as TaxonomyTally).topicAt(rank);
  }
  id(rank: number): string {
    return this.topicIds[this.topic(rank)] as string;
  }
  raw(rank: number): number {
    return (this.tally as TaxonomyTally).raw(this.topic(rank));
  }
  score(rank: number): number {
    return (this.tally as TaxonomyTally).score(this.topic(rank));
  }
  titleHit(rank: number): boolean {
    return (this.tally as TaxonomyTally).titleHit(this.topic(rank));
  }
  strongHead(rank: number): boolean {
    return (this.tally as TaxonomyTally).strongHead(this.topic(rank));
  }
  distinctPhrases(rank: number): number {
    return (this.tally as TaxonomyTally).distinctPhrases(this.topic(rank));
  }
}

function signalsOf(tax: RankedEvidence, policies: TaxonomyResult['policies'], probs: Float64Array | null, modelLabels: readonly string[], cooccurrence: Float64Array | null): Map<string, TopicSignals> {
  // Plain loops and object literals: this runs per item, and closures, spreads and
  // `indexOf` per candidate cost more than the arithmetic.
  const out = new Map<string, TopicSignals>();
  const bestRaw = tax.count > 0 ? tax.raw(0) : 0;
  let bestProb = 0;
  let topModel = '';
  if (probs) {
    for (let i = 0; i < probs.length; i++) {
      const p = probs[i] as number;
      if (p > bestProb) (bestProb = p), (topModel = modelLabels[i] as string);
    }
  }
  for (let i = 0; i < tax.count; i++) {
    // Same fields, same order as blankSignals().
    out.set(tax.id(i), {
      taxScore: tax.score(i),
      taxRelative: bestRaw > 0 ? tax.raw(i) / bestRaw : 0,
      modelProb: 0,
      modelRelative: 0,
      titleHit: tax.titleHit(i),
      topTaxonomy: i === 0,
      topModel: false,
      policy: false,
      strongHead: tax.strongHead(i),
      distinctPhrases: tax.distinctPhrases(i),
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
  const lead = indexOf.get(tax.count > 0 ? tax.id(0) : topModel) ?? -1;
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
  const evidence = new TallyEvidence(scorer.topicIds);
  // Last index per id, as a Map built from the taxonomy's topic list would find it.
  const topicIndex = new Map(scorer.topicIds.map((id, i) => [id, i]));

  return {
    classify(fields) {
      const tally = scorer.tally(fields);
      evidence.tally = tally;
      const policies = scorer.policiesOf(tally);
      const probs = model ? model.predictFields(fields) : null;
      const signals = signalsOf(evidence, policies, probs, model?.labels ?? [], model?.cooccurrence ?? null);
      // Plain loops: this runs per item, and the chains of spreads, maps and filters cost more than the arithmetic.
      let ranked: [string, number][] = [];
      if (combiner) {
        for (const [id, s] of signals) ranked.push([id, combinerProbability(combiner, s)]);
        ranked.sort(byScoreThenId);
        ranked = selectTopics(ranked, combiner);
      } else {
        const best = evidence.count > 0 ? evidence.score(0) : 0;
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
        if (!known.has(id)) continue;
        topics.push({ id, score: round3(Math.min(1, s)) });
        const topic = topicIndex.get(id) ?? -1;
        hits[id] = tally.hasHits(topic) ? tally.hitsOf(topic) : [];
      }
      const subtopics = topics.length === 0 ? [] : tally.subtopicIdsWhere((s) => isAssigned(topics, s.slice(0, s.indexOf('.')))).sort();
      return { topics, policies: policies.map((p) => p.id), subtopics, hits };
    },
  };
}
