/**
 * Taxonomy scoring: weighted phrase hits per topic, with title/lead boosts, diminishing repeats,
 * exclusions that cancel overlapping hits, and named-policy detection. Pure and fast: one
 * compiled phrase matcher runs over each field's syllable tokens once.
 */
import { compilePhraseMatcher, type PhraseMatcher, type SyllableToken } from '../phrase-matcher.js';
import type { Taxonomy } from './taxonomy-schema.js';
import { TaxonomyTally, type Payload } from './taxonomy-tally.js';

/** Text fields of one item, already tokenised into syllables (NFC text). */
export interface TokenisedFields {
  title: readonly SyllableToken[];
  lead: readonly SyllableToken[];
  text: readonly SyllableToken[];
}

/** Field names, in boost order. */
export type FieldName = keyof TokenisedFields;

/** One phrase that counted towards a topic. */
export interface TopicHit {
  phrase: string;
  field: FieldName;
  start: number;
  end: number;
  /** Weight after the field boost. */
  weight: number;
  /** Phrase group weight before the boost: 3 strong, 2 medium, 1 weak. */
  base: number;
}

/** Per-topic result of taxonomy scoring. */
export interface TaxonomyTopicScore {
  id: string;
  /** Weighted sum of hits before squashing. */
  raw: number;
  /** `1 - exp(-raw / scale)`, in [0, 1). */
  score: number;
  hits: TopicHit[];
}

/** Result of {@link TaxonomyScorer.score}. */
export interface TaxonomyResult {
  /** Topics with at least one surviving hit, highest score first. */
  topics: TaxonomyTopicScore[];
  /** Named policies mentioned at least `minMentions` times, with the topics they imply. */
  policies: { id: string; mentions: number; topics: readonly string[] }[];
  /** Sub-topic ids (`transport.rail`) whose phrases occur, with mention counts. */
  subtopics: Map<string, number>;
}

/** A compiled taxonomy. */
export interface TaxonomyScorer {
  readonly topicIds: readonly string[];
  score(fields: TokenisedFields): TaxonomyResult;
  /**
   * The evidence {@link score} reports, kept in typed arrays (the classifier's hot path makes
   * objects only for the topics it assigns). The tally is reused: the next call overwrites it.
   */
  tally(fields: TokenisedFields): TaxonomyTally;
  /** {@link TaxonomyResult.policies} of a tally. */
  policiesOf(tally: TaxonomyTally): TaxonomyResult['policies'];
}

const GROUP_WEIGHTS = { strong: 3, medium: 2, weak: 1 } as const;
/** Body text is long and wanders: its hits count less than the headline's. */
const TEXT_WEIGHT = 0.6;
/**
 * Only the head of the body is scored: the topic of a news article is set in its first
 * paragraphs, and the tail mostly adds background mentions (and costs time: matching is the
 * larger part of topics' cost, hence ~240 syllables, about the first two paragraphs).
 */
export const TEXT_SYLLABLES = 240;
/** Repeats beyond this many add nothing (a long article repeating one phrase is not more on-topic). */
const MAX_REPEATS = 4;

/** Compile both taxonomy files into one matcher. */
export function compileTaxonomy(taxonomy: Taxonomy): TaxonomyScorer {
  const { topics, policies } = taxonomy;
  const entries: { phrase: string; payload: Payload }[] = [];
  topics.topics.forEach((topic, t) => {
    for (const group of ['strong', 'medium', 'weak'] as const) {
      for (const phrase of topic.phrases[group]) entries.push({ phrase, payload: { kind: 'topic', topic: t, weight: GROUP_WEIGHTS[group] } });
    }
    for (const phrase of topic.exclusions) entries.push({ phrase, payload: { kind: 'exclusion', topic: t } });
    for (const sub of topic.subtopics) for (const phrase of sub.phrases) entries.push({ phrase, payload: { kind: 'sub', sub: sub.id } });
  });
  for (const phrase of topics.exclusions) entries.push({ phrase, payload: { kind: 'exclusion', topic: -1 } });
  policies.policies.forEach((policy, p) => {
    for (const phrase of policy.phrases) entries.push({ phrase, payload: { kind: 'policy', policy: p } });
  });
  const matcher: PhraseMatcher<Payload> = compilePhraseMatcher(entries);
  const { titleBoost, leadBoost, repeatDecay, scale } = topics.scoring;
  const topicIds = topics.topics.map((t) => t.id);
  const subIds = [...new Set(topics.topics.flatMap((t) => t.subtopics.map((s) => s.id)))];
  const scratch = new TaxonomyTally(matcher, {
    topicCount: topicIds.length,
    policyCount: policies.policies.length,
    subIds,
    boosts: [titleBoost, leadBoost, TEXT_WEIGHT],
    maxTokens: [Infinity, Infinity, TEXT_SYLLABLES],
    repeatDecay,
    scale,
    maxRepeats: MAX_REPEATS,
  });

  function tally(fields: TokenisedFields): TaxonomyTally {
    scratch.run(fields);
    return scratch;
  }

  function policiesOf(t: TaxonomyTally): TaxonomyResult['policies'] {
    const out: TaxonomyResult['policies'] = [];
    for (let k = 0; k < t.policySeenCount; k++) {
      const p = t.policySeen(k);
      const policy = policies.policies[p];
      const mentions = t.mentions(p);
      if (policy && mentions >= policy.minMentions) out.push({ id: policy.id, mentions, topics: policy.topics });
    }
    if (out.length > 1) out.sort((a, b) => b.mentions - a.mentions || a.id.localeCompare(b.id));
    return out;
  }

  function score(fields: TokenisedFields): TaxonomyResult {
    const t = tally(fields);
    const out: TaxonomyTopicScore[] = [];
    for (let r = 0; r < t.topicCount; r++) {
      const topic = t.topicAt(r);
      out.push({ id: topicIds[topic] as string, raw: t.raw(topic), score: t.score(topic), hits: t.hitsOf(topic) });
    }
    return { topics: out, policies: policiesOf(t), subtopics: t.subtopics() };
  }

  return { topicIds, score, tally, policiesOf };
}
