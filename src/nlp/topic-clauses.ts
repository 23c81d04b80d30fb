/**
 * The sentences that mention each topic, from the taxonomy hits, for per-topic sentiment.
 */
import type { EvidencePhrase } from '../core/item.js';
import { splitSentences } from './sentences.js';
import type { TopicHit } from './topics/taxonomy-scorer.js';

type Field = EvidencePhrase['field'];
/** A span of one field. */
export interface FieldSpan {
  field: Field;
  start: number;
  end: number;
}

const FIELD_INDEX: Record<Field, number> = { title: 0, lead: 1, text: 2 };

interface Span {
  start: number;
  end: number;
}

/**
 * The first of `spans` (in text order and disjoint, so their ends increase) that contains
 * `[start, end)`, as `spans.find` would give it: a binary search for the first end reaching
 * `end` (a linear `find` per hit cost as much as splitting the sentences on articles with many hits).
 */
function containing(spans: readonly Span[], start: number, end: number): Span | undefined {
  let lo = 0;
  let hi = spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((spans[mid] as Span).end < end) lo = mid + 1;
    else hi = mid;
  }
  const found = spans[lo];
  return found !== undefined && found.start <= start ? found : undefined;
}

/**
 * Per topic, the sentences holding its taxonomy hits (a hit outside any sentence stands for
 * itself), each sentence once, in order of first hit. The title is one sentence.
 */
export function clausesPerTopic(hits: Record<string, TopicHit[]>, texts: Record<Field, string>): Record<string, FieldSpan[]> {
  // Sentences are needed only up to the last hit of each field (topic hits sit in the head of the body).
  const lastEnd: Record<Field, number> = { title: 0, lead: 0, text: 0 };
  for (const list of Object.values(hits)) for (const h of list) if (h.end > lastEnd[h.field]) lastEnd[h.field] = h.end;
  const sentences: Record<Field, Span[] | null> = { title: null, lead: null, text: null };
  const out: Record<string, FieldSpan[]> = {};
  for (const [topic, list] of Object.entries(hits)) {
    // Keyed by field and sentence start, as a number: no key string per hit.
    const spans = new Map<number, FieldSpan>();
    for (const h of list) {
      const inField = (sentences[h.field] ??= h.field === 'title' ? [{ start: 0, end: texts.title.length }] : splitSentences(texts[h.field], lastEnd[h.field]));
      const sentence = containing(inField, h.start, h.end) ?? { start: h.start, end: h.end };
      spans.set(sentence.start * 4 + FIELD_INDEX[h.field], { field: h.field, start: sentence.start, end: sentence.end });
    }
    out[topic] = [...spans.values()];
  }
  return out;
}
