import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../../../src/nlp/sentences.js';
import { clausesPerTopic } from '../../../../src/nlp/topic-clauses.js';
import type { TopicHit } from '../../../../src/nlp/topics/taxonomy-scorer.js';

type Field = 'title' | 'lead' | 'text';

/** The straightforward form it replaced: a linear `find` per hit, string keys. */
function reference(hits: Record<string, TopicHit[]>, texts: Record<Field, string>): Record<string, { field: Field; start: number; end: number }[]> {
  const lastEnd: Record<Field, number> = { title: 0, lead: 0, text: 0 };
  for (const list of Object.values(hits)) for (const h of list) if (h.end > lastEnd[h.field]) lastEnd[h.field] = h.end;
  const out: Record<string, { field: Field; start: number; end: number }[]> = {};
  for (const [topic, list] of Object.entries(hits)) {
    const spans = new Map<string, { field: Field; start: number; end: number }>();
    for (const h of list) {
      const inField = h.field === 'title' ? [{ start: 0, end: texts.title.length }] : splitSentences(texts[h.field], lastEnd[h.field]);
      const sentence = inField.find((s) => s.start <= h.start && h.end <= s.end) ?? { start: h.start, end: h.end };
      spans.set(`${h.field}:${sentence.start}`, { field: h.field, start: sentence.start, end: sentence.end });
    }
    out[topic] = [...spans.values()];
  }
  return out;
}

describe('clausesPerTopic', () => {
  it('gives the sentences a linear search gives, hits across sentence ends and outside sentences included', () => {
    const piece = fc.constantFrom('Giá tăng.', ' ', '  ', 'Dân vui! ', 'TP. Hồ Chí Minh ', '\n', 'x', '1.234 đồng. ');
    const hit = (field: Field, len: number) =>
      fc.tuple(fc.nat(len), fc.nat(12)).map(([start, width]): TopicHit => ({ phrase: 'p', field, start, end: Math.min(len, start + width), weight: 1, base: 1 }));
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 20 }), fc.array(piece, { maxLength: 20 }), fc.integer({ min: 1, max: 4 }), fc.nat(), (leadParts, textParts, topics, seed) => {
        const texts = { title: 'Tiêu đề', lead: leadParts.join(''), text: textParts.join('') };
        const arb = fc.record(Object.fromEntries(Array.from({ length: topics }, (_, k) => [`t${k}`, fc.array(fc.oneof(hit('title', texts.title.length), hit('lead', texts.lead.length), hit('text', texts.text.length)), { maxLength: 6 })])));
        const hits = fc.sample(arb, { seed, numRuns: 1 })[0] as Record<string, TopicHit[]>;
        expect(clausesPerTopic(hits, texts)).toEqual(reference(hits, texts));
      }),
      { numRuns: 500 },
    );
  });
});
