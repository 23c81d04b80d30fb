import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { segmentText } from '../../../dashboards/web/src/highlight.js';
import { groupStories } from '../../../src/server/routes/stories.js';
import { demoItems } from '../../e2e/helpers/demo-items.js';

describe('segmentText (evidence highlighting)', () => {
  it('splits around evidence ranges', () => {
    const text = 'Người dân bức xúc vì dự án chậm tiến độ.';
    const segs = segmentText(text, [{ start: 10, end: 17, polarity: 'negative' }, { start: 27, end: 39, polarity: 'negative' }]);
    expect(segs).toEqual([
      { text: 'Người dân ', polarity: null },
      { text: 'bức xúc', polarity: 'negative' },
      { text: ' vì dự án ', polarity: null },
      { text: 'chậm tiến độ', polarity: 'negative' },
      { text: '.', polarity: null },
    ]);
  });

  it('always gives back the whole text, whatever the ranges (out of bounds, overlapping, reversed)', () => {
    fc.assert(
      fc.property(fc.string(), fc.array(fc.record({ start: fc.integer({ min: -5, max: 60 }), end: fc.integer({ min: -5, max: 60 }), polarity: fc.constantFrom('positive' as const, 'negative' as const) })), (text, ranges) => {
        const segs = segmentText(text, ranges);
        expect(segs.map((s) => s.text).join('')).toBe(text);
        expect(segs.every((s) => s.text.length > 0)).toBe(true);
      }),
    );
  });
});

describe('groupStories', () => {
  it('groups demo items by story id across outlets, counting sentiment and outlets', () => {
    const items = demoItems(new Date('2026-11-26T00:00:00Z'));
    const stories = groupStories(items);
    expect(stories.reduce((n, s) => n + s.items, 0)).toBe(items.length);
    expect(new Set(stories.map((s) => s.storyId)).size).toBe(stories.length);
    const big = stories.filter((s) => s.items > 1);
    expect(big.length).toBeGreaterThan(10);
    for (const s of big) {
      const members = items.filter((i) => i.labels?.storyId === s.storyId);
      expect(s.items).toBe(members.length);
      expect(s.outlets.reduce((n, o) => n + o.count, 0)).toBe(members.length);
      expect(s.firstAt <= s.lastAt).toBe(true);
      expect(s.sentiment.positive + s.sentiment.negative + s.sentiment.neutral).toBe(members.length);
    }
  });
});
