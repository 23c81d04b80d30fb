/**
 * The taxonomy scorer's per-item arithmetic on typed arrays: phrase matches, topic hits, repeat
 * aggregation and per-topic summaries are kept as numbers in reused arrays, and objects
 * (`TopicHit`s, the result lists) are made only for what the caller reads: the classifier needs
 * the hits of its at most four assigned topics, not of the ten or so candidates.
 */
import { MatchList, type PhraseMatcher, type SyllableToken } from '../phrase-matcher.js';
import { grownTo } from '../typed-grow.js';

/** What an entry of the taxonomy's phrase matcher stands for. */
export type Payload =
  | { kind: 'topic'; topic: number; weight: number }
  | { kind: 'exclusion'; topic: number } // topic -1: every topic
  | { kind: 'policy'; policy: number }
  | { kind: 'sub'; sub: string };

/** Field names, in boost order (index 0, 1, 2 in the tally). */
export const FIELDS = ['title', 'lead', 'text'] as const;

/** Per phrase number, its payloads of one kind as a range of a flat array (declaration order kept). */
class PayloadTable {
  readonly from: Int32Array;
  readonly values: Int32Array;
  constructor(phrases: number, valuesOf: (k: number) => number[]) {
    this.from = new Int32Array(phrases + 1);
    const all: number[] = [];
    for (let k = 0; k < phrases; k++) {
      this.from[k] = all.length;
      all.push(...valuesOf(k));
    }
    this.from[phrases] = all.length;
    this.values = Int32Array.from(all);
  }
}

/** Scoring constants of a compiled taxonomy. */
export interface TallyParams {
  topicCount: number;
  policyCount: number;
  subIds: readonly string[];
  /** Weight multiplier per field (FIELDS order). */
  boosts: readonly [number, number, number];
  /** Syllables of each field scored (FIELDS order). */
  maxTokens: readonly [number, number, number];
  repeatDecay: number;
  scale: number;
  maxRepeats: number;
}

/** {@link grownTo} for the two Float64Arrays (typed-grow.ts takes integer arrays only). */
function grownFloat(a: Float64Array, min: number): Float64Array {
  if (a.length >= min) return a;
  const b = new Float64Array(Math.max(min, a.length * 2));
  b.set(a);
  return b;
}

/**
 * One item's taxonomy evidence. Reused: {@link run} overwrites the previous item's, so read
 * what is needed before scoring the next item (scoring is synchronous).
 */
export class TaxonomyTally {
  private readonly topicPay: PayloadTable;
  private readonly topicWeight: PayloadTable;
  private readonly exclusionPay: PayloadTable;
  private readonly policyPay: PayloadTable;
  private readonly subPay: PayloadTable;
  private readonly matches = new MatchList();

  // Hits, in the order found; hitNext chains the hits of one topic.
  private hitCount = 0;
  private hitTopic: Int32Array = new Int32Array(64);
  private hitPhrase: Int32Array = new Int32Array(64);
  private hitField: Int32Array = new Int32Array(64);
  private hitStart: Int32Array = new Int32Array(64);
  private hitEnd: Int32Array = new Int32Array(64);
  private hitBase: Int32Array = new Int32Array(64);
  private hitWeight: Float64Array = new Float64Array(64);
  private hitNext: Int32Array = new Int32Array(64);

  // Per topic index.
  private readonly head: Int32Array;
  private readonly tail: Int32Array;
  private readonly rawOf: Float64Array;
  private readonly scoreOf: Float64Array;
  private readonly titleHitOf: Uint8Array;
  private readonly strongHeadOf: Uint8Array;
  private readonly distinctOf: Int32Array;
  /** Topics with a surviving hit: first-hit order until ranked, then highest raw first. */
  private readonly ranked: Int32Array;
  /** Number of topics with a surviving hit. */
  topicCount = 0;

  private readonly policyMentions: Int32Array;
  /** Policies mentioned, in first-mention order. */
  private readonly policiesSeen: Int32Array;
  policySeenCount = 0;
  private readonly subMentions: Int32Array;
  private readonly subsSeen: Int32Array;
  private subSeenCount = 0;

  // Scratch of one field's exclusion spans and still-open topic matches.
  private exclTopic: Int32Array = new Int32Array(16);
  private exclFirst: Int32Array = new Int32Array(16);
  private exclLast: Int32Array = new Int32Array(16);
  private activeFirst: Int32Array = new Int32Array(16);
  private activeLast: Int32Array = new Int32Array(16);
  // Repeat aggregation: phrases already summed for the current topic, and one phrase's weights.
  private readonly phraseMark: Uint32Array;
  private mark = 0;
  private weights: Float64Array = new Float64Array(16);

  constructor(
    private readonly matcher: PhraseMatcher<Payload>,
    private readonly params: TallyParams,
  ) {
    const n = matcher.size;
    const of = (k: number) => matcher.payloadsOf(k);
    this.topicPay = new PayloadTable(n, (k) => of(k).flatMap((p) => (p.kind === 'topic' ? [p.topic] : [])));
    this.topicWeight = new PayloadTable(n, (k) => of(k).flatMap((p) => (p.kind === 'topic' ? [p.weight] : [])));
    this.exclusionPay = new PayloadTable(n, (k) => of(k).flatMap((p) => (p.kind === 'exclusion' ? [p.topic] : [])));
    this.policyPay = new PayloadTable(n, (k) => of(k).flatMap((p) => (p.kind === 'policy' ? [p.policy] : [])));
    const subIndex = new Map(params.subIds.map((id, i) => [id, i]));
    this.subPay = new PayloadTable(n, (k) => of(k).flatMap((p) => (p.kind === 'sub' ? [subIndex.get(p.sub) as number] : [])));
    const t = params.topicCount;
    this.head = new Int32Array(t).fill(-1);
    this.tail = new Int32Array(t);
    this.rawOf = new Float64Array(t);
    this.scoreOf = new Float64Array(t);
    this.titleHitOf = new Uint8Array(t);
    this.strongHeadOf = new Uint8Array(t);
    this.distinctOf = new Int32Array(t);
    this.ranked = new Int32Array(t);
    this.policyMentions = new Int32Array(params.policyCount);
    this.policiesSeen = new Int32Array(params.policyCount);
    this.subMentions = new Int32Array(params.subIds.length);
    this.subsSeen = new Int32Array(params.subIds.length);
    this.phraseMark = new Uint32Array(n);
  }

  /** Score one item (see taxonomy-scorer.ts for the rules). */
  run(fields: Readonly<Record<(typeof FIELDS)[number], readonly SyllableToken[]>>): void {
    this.reset();
    for (let f = 0; f < 3; f++) {
      const tokens = fields[FIELDS[f] as (typeof FIELDS)[number]];
      this.matcher.matchInto(tokens, this.matches, true, this.params.maxTokens[f] as number);
      if (this.matches.count > 0) this.scoreField(tokens, f);
    }
    this.rank();
  }

  private reset(): void {
    for (let r = 0; r < this.topicCount; r++) this.head[this.ranked[r] as number] = -1;
    this.topicCount = 0;
    this.hitCount = 0;
    for (let k = 0; k < this.policySeenCount; k++) this.policyMentions[this.policiesSeen[k] as number] = 0;
    this.policySeenCount = 0;
    for (let k = 0; k < this.subSeenCount; k++) this.subMentions[this.subsSeen[k] as number] = 0;
    this.subSeenCount = 0;
  }

  private scoreField(tokens: readonly SyllableToken[], field: number): void {
    const m = this.matches;
    const { topicPay, topicWeight, exclusionPay, policyPay, subPay } = this;
    let excluded = 0;
    for (let i = 0; i < m.count; i++) {
      const k = m.phrase[i] as number;
      for (let e = exclusionPay.from[k] as number; e < (exclusionPay.from[k + 1] as number); e++) {
        if (excluded === this.exclTopic.length) {
          this.exclTopic = grownTo(this.exclTopic, excluded + 1);
          this.exclFirst = grownTo(this.exclFirst, excluded + 1);
          this.exclLast = grownTo(this.exclLast, excluded + 1);
        }
        this.exclTopic[excluded] = exclusionPay.values[e] as number;
        this.exclFirst[excluded] = m.first[i] as number;
        this.exclLast[excluded++] = m.last[i] as number;
      }
    }
    const boost = this.params.boosts[field] as number;
    // Matches come ordered by start; the active list holds earlier topic matches still covering the cursor.
    let active = 0;
    for (let i = 0; i < m.count; i++) {
      const first = m.first[i] as number;
      const last = m.last[i] as number;
      const k = m.phrase[i] as number;
      let kept = 0;
      for (let r = 0; r < active; r++) {
        if ((this.activeLast[r] as number) > first) {
          this.activeFirst[kept] = this.activeFirst[r] as number;
          this.activeLast[kept++] = this.activeLast[r] as number;
        }
      }
      active = kept;
      // Longest match wins: a phrase strictly inside a longer topic phrase is part of that word.
      let nested = false;
      for (let r = 0; r < active && !nested; r++) {
        const af = this.activeFirst[r] as number;
        const al = this.activeLast[r] as number;
        nested = af <= first && last <= al && al - af > last - first;
      }
      for (let p = subPay.from[k] as number; p < (subPay.from[k + 1] as number); p++) {
        const sub = subPay.values[p] as number;
        if ((this.subMentions[sub] as number) === 0) this.subsSeen[this.subSeenCount++] = sub;
        this.subMentions[sub] = (this.subMentions[sub] as number) + 1;
      }
      for (let p = policyPay.from[k] as number; p < (policyPay.from[k + 1] as number); p++) {
        const policy = policyPay.values[p] as number;
        if ((this.policyMentions[policy] as number) === 0) this.policiesSeen[this.policySeenCount++] = policy;
        this.policyMentions[policy] = (this.policyMentions[policy] as number) + 1;
      }
      const topicsFrom = topicPay.from[k] as number;
      const topicsTo = topicPay.from[k + 1] as number;
      if (topicsFrom === topicsTo) continue;
      for (let p = topicsFrom; p < topicsTo; p++) {
        const topic = topicPay.values[p] as number;
        if (nested || (excluded > 0 && this.isExcluded(first, last, topic, excluded))) continue;
        const base = topicWeight.values[p] as number;
        this.addHit(topic, k, field, (tokens[first] as SyllableToken).start, (tokens[last - 1] as SyllableToken).end, base * boost, base);
      }
      if (active === this.activeFirst.length) {
        this.activeFirst = grownTo(this.activeFirst, active + 1);
        this.activeLast = grownTo(this.activeLast, active + 1);
      }
      this.activeFirst[active] = first;
      this.activeLast[active++] = last;
    }
  }

  private isExcluded(first: number, last: number, topic: number, spans: number): boolean {
    for (let s = 0; s < spans; s++) {
      const t = this.exclTopic[s] as number;
      if ((t === topic || t === -1) && first < (this.exclLast[s] as number) && (this.exclFirst[s] as number) < last) return true;
    }
    return false;
  }

  private addHit(topic: number, phrase: number, field: number, start: number, end: number, weight: number, base: number): void {
    const h = this.hitCount++;
    if (h === this.hitTopic.length) {
      const n = h + 1;
      this.hitTopic = grownTo(this.hitTopic, n);
      this.hitPhrase = grownTo(this.hitPhrase, n);
      this.hitField = grownTo(this.hitField, n);
      this.hitStart = grownTo(this.hitStart, n);
      this.hitEnd = grownTo(this.hitEnd, n);
      this.hitBase = grownTo(this.hitBase, n);
      this.hitWeight = grownFloat(this.hitWeight, n);
      this.hitNext = grownTo(this.hitNext, n);
    }
    this.hitTopic[h] = topic;
    this.hitPhrase[h] = phrase;
    this.hitField[h] = field;
    this.hitStart[h] = start;
    this.hitEnd[h] = end;
    this.hitBase[h] = base;
    this.hitWeight[h] = weight;
    this.hitNext[h] = -1;
    if (this.head[topic] === -1) {
      this.head[topic] = h;
      this.ranked[this.topicCount++] = topic;
    } else this.hitNext[this.tail[topic] as number] = h;
    this.tail[topic] = h;
  }

  /** Raw score, summaries and rank of every topic hit. */
  private rank(): void {
    const { repeatDecay, scale, maxRepeats } = this.params;
    for (let r = 0; r < this.topicCount; r++) {
      const t = this.ranked[r] as number;
      this.mark = (this.mark + 1) >>> 0 || 1;
      if (this.mark === 1) this.phraseMark.fill(0);
      let raw = 0;
      let distinct = 0;
      let titleHit = 0;
      let strongHead = 0;
      for (let h = this.head[t] as number; h >= 0; h = this.hitNext[h] as number) {
        const field = this.hitField[h] as number;
        if (field === 0) titleHit = 1;
        if ((this.hitBase[h] as number) >= 3 && field !== 2) strongHead = 1;
        // Each distinct phrase counts once at its best weight, repeats add a decaying share
        // (groups summed in first-hit order, as the object version did).
        const k = this.hitPhrase[h] as number;
        if (this.phraseMark[k] === this.mark) continue;
        this.phraseMark[k] = this.mark;
        distinct++;
        let n = 0;
        for (let g = h; g >= 0; g = this.hitNext[g] as number) {
          if (this.hitPhrase[g] !== k) continue;
          if (n === this.weights.length) this.weights = grownFloat(this.weights, n + 1);
          const w = this.hitWeight[g] as number;
          // Insertion sort, largest first.
          let j = n++;
          while (j > 0 && (this.weights[j - 1] as number) < w) {
            this.weights[j] = this.weights[j - 1] as number;
            j--;
          }
          this.weights[j] = w;
        }
        raw += this.weights[0] as number;
        for (let i = 1; i < Math.min(n, maxRepeats); i++) raw += (this.weights[i] as number) * repeatDecay;
      }
      this.rawOf[t] = raw;
      this.scoreOf[t] = 1 - Math.exp(-raw / scale);
      this.distinctOf[t] = distinct;
      this.titleHitOf[t] = titleHit;
      this.strongHeadOf[t] = strongHead;
    }
    // Stable, highest raw first (ties keep first-hit order, as Array.prototype.sort did).
    for (let r = 1; r < this.topicCount; r++) {
      const t = this.ranked[r] as number;
      const raw = this.rawOf[t] as number;
      let j = r;
      while (j > 0 && (this.rawOf[this.ranked[j - 1] as number] as number) < raw) {
        this.ranked[j] = this.ranked[j - 1] as number;
        j--;
      }
      this.ranked[j] = t;
    }
  }

  /** Topic index at rank r (0 = highest raw score). */
  topicAt(r: number): number {
    return this.ranked[r] as number;
  }
  raw(topic: number): number {
    return this.rawOf[topic] as number;
  }
  score(topic: number): number {
    return this.scoreOf[topic] as number;
  }
  /** Some hit of the topic is in the title. */
  titleHit(topic: number): boolean {
    return this.titleHitOf[topic] === 1;
  }
  /** A strong phrase of the topic occurs in the title or lead. */
  strongHead(topic: number): boolean {
    return this.strongHeadOf[topic] === 1;
  }
  /** Distinct phrases among the topic's hits. */
  distinctPhrases(topic: number): number {
    return this.distinctOf[topic] as number;
  }

  /** The topic's hits as objects, in the order found (none when it has no surviving hit). */
  hitsOf(topic: number): { phrase: string; field: (typeof FIELDS)[number]; start: number; end: number; weight: number; base: number }[] {
    const out = [];
    for (let h = this.head[topic] as number; h >= 0; h = this.hitNext[h] as number) {
      out.push({
        phrase: this.matcher.phraseText(this.hitPhrase[h] as number),
        field: FIELDS[this.hitField[h] as number] as (typeof FIELDS)[number],
        start: this.hitStart[h] as number,
        end: this.hitEnd[h] as number,
        weight: this.hitWeight[h] as number,
        base: this.hitBase[h] as number,
      });
    }
    return out;
  }

  /** Policy index and mention count of the k-th policy mentioned (first-mention order). */
  policySeen(k: number): number {
    return this.policiesSeen[k] as number;
  }
  mentions(policy: number): number {
    return this.policyMentions[policy] as number;
  }

  /** Sub-topic ids mentioned that pass `keep`, in first-mention order. */
  subtopicIdsWhere(keep: (id: string) => boolean): string[] {
    const out: string[] = [];
    for (let k = 0; k < this.subSeenCount; k++) {
      const id = this.params.subIds[this.subsSeen[k] as number] as string;
      if (keep(id)) out.push(id);
    }
    return out;
  }

  /** Sub-topic ids mentioned, with counts, in first-mention order. */
  subtopics(): Map<string, number> {
    const out = new Map<string, number>();
    for (let k = 0; k < this.subSeenCount; k++) {
      const sub = this.subsSeen[k] as number;
      out.set(this.params.subIds[sub] as string, this.subMentions[sub] as number);
    }
    return out;
  }
}
