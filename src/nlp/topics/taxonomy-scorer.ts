/**
 * Taxonomy scoring: weighted phrase hits per topic, with title/lead boosts, diminishing repeats,
 * exclusions that cancel overlapping hits, and named-policy detection. Pure and fast: one
 * compiled phrase matcher runs over each field's syllable tokens once.
 */
import { compilePhraseMatcher, type PhraseMatch, type PhraseMatcher, type SyllableToken } from '../phrase-matcher.js';
import type { Taxonomy } from './taxonomy-schema.js';

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
}

type Payload =
  | { kind: 'topic'; topic: number; weight: number }
  | { kind: 'exclusion'; topic: number } // topic -1: every topic
  | { kind: 'policy'; policy: number }
  | { kind: 'sub'; sub: string };

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
  const boosts: Record<FieldName, number> = { title: titleBoost, lead: leadBoost, text: TEXT_WEIGHT };
  const topicIds = topics.topics.map((t) => t.id);

  function score(fields: TokenisedFields): TaxonomyResult {
    const perTopic = new Map<number, TopicHit[]>();
    const policyMentions = new Map<number, number>();
    const subtopics = new Map<string, number>();
    for (const field of ['title', 'lead', 'text'] as const) {
      const matches = matcher.match(fields[field], true, field === 'text' ? TEXT_SYLLABLES : Infinity);
      if (matches.length === 0) continue;
      let excluded: { topic: number; first: number; last: number }[] | null = null;
      for (const m of matches) {
        for (const p of m.payloads) if (p.kind === 'exclusion') (excluded ??= []).push({ topic: p.topic, first: m.first, last: m.last });
      }
      // Matches come ordered by start; `active` holds earlier topic matches still covering the cursor.
      const active: PhraseMatch<Payload>[] = [];
      for (const m of matches) {
        if (active.length > 0) {
          // In place (order kept): a new array per match was most of this loop's garbage.
          let kept = 0;
          for (let r = 0; r < active.length; r++) if ((active[r] as PhraseMatch<Payload>).last > m.first) active[kept++] = active[r] as PhraseMatch<Payload>;
          active.length = kept;
        }
        // Longest match wins: a phrase strictly inside a longer topic phrase is part of that word
        // (`điện tử` in `thuốc lá điện tử`, `đường sắt` in `đường sắt tốc độ cao`).
        const nested = active.some((a) => a.first <= m.first && m.last <= a.last && a.last - a.first > m.last - m.first);
        let bearsTopic = false;
        for (const payload of m.payloads) {
          if (payload.kind === 'sub') subtopics.set(payload.sub, (subtopics.get(payload.sub) ?? 0) + 1);
          else if (payload.kind === 'policy') policyMentions.set(payload.policy, (policyMentions.get(payload.policy) ?? 0) + 1);
          else if (payload.kind === 'topic') {
            bearsTopic = true;
            if (nested || (excluded && isExcluded(m, payload.topic, excluded))) continue;
            let hits = perTopic.get(payload.topic);
            if (!hits) perTopic.set(payload.topic, (hits = []));
            hits.push({ phrase: m.phrase, field, start: m.start, end: m.end, weight: payload.weight * boosts[field], base: payload.weight });
          }
        }
        if (bearsTopic) active.push(m);
      }
    }
    const out: TaxonomyTopicScore[] = [];
    for (const [t, hits] of perTopic) {
      const raw = aggregate(hits, repeatDecay);
      out.push({ id: topicIds[t] as string, raw, score: 1 - Math.exp(-raw / scale), hits });
    }
    out.sort((a, b) => b.raw - a.raw);
    const policyOut: TaxonomyResult['policies'] = [];
    for (const [p, mentions] of policyMentions) {
      const policy = policies.policies[p];
      if (policy && mentions >= policy.minMentions) policyOut.push({ id: policy.id, mentions, topics: policy.topics });
    }
    policyOut.sort((a, b) => b.mentions - a.mentions || a.id.localeCompare(b.id));
    return { topics: out, policies: policyOut, subtopics };
  }

  return { topicIds, score };
}

function isExcluded(m: PhraseMatch<Payload>, topic: number, spans: { topic: number; first: number; last: number }[]): boolean {
  for (const s of spans) {
    if ((s.topic === topic || s.topic === -1) && m.first < s.last && s.first < m.last) return true;
  }
  return false;
}

/** Sum of hits: each distinct phrase counts once at its best weight, repeats add a decaying share. */
function aggregate(hits: TopicHit[], repeatDecay: number): number {
  const byPhrase = new Map<string, number[]>();
  for (const h of hits) {
    const key = h.phrase;
    const list = byPhrase.get(key) ?? [];
    list.push(h.weight);
    byPhrase.set(key, list);
  }
  let raw = 0;
  for (const weights of byPhrase.values()) {
    weights.sort((a, b) => b - a);
    raw += weights[0] as number;
    for (let i = 1; i < Math.min(weights.length, MAX_REPEATS); i++) raw += (weights[i] as number) * repeatDecay;
  }
  return raw;
}
