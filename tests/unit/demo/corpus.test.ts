import { describe, expect, it } from 'vitest';
import { buildDemoCorpus } from '../../../src/demo/corpus.js';
import type { DemoArticle } from '../../../src/demo/types.js';

const ANCHOR = new Date('2025-03-01T03:00:00Z');
const TOPIC_IDS = new Set([
  'economy', 'banking', 'trade', 'enterprise', 'agriculture', 'land', 'construction', 'transport', 'environment', 'energy',
  'health', 'education', 'labour', 'social_security', 'culture', 'science', 'digital', 'admin_reform', 'apparatus',
  'justice', 'anti_corruption', 'defence', 'foreign',
]);
const DAY = 86_400_000;
const corpus = buildDemoCorpus({ anchor: ANCHOR });
const byId = new Map(corpus.articles.map((a) => [a.id, a]));
const fullText = (a: DemoArticle): string => [a.title, a.lead, ...a.paragraphs].join('\n');
/** Word 3-shingles: what near-duplicate detectors (SimHash, MinHash) compare. */
function shingles(text: string): Set<string> {
  const w = text.toLowerCase().split(/[\s,.:;“”"!?()–-]+/u).filter(Boolean);
  const out = new Set<string>();
  for (let i = 0; i + 3 <= w.length; i++) out.add(w.slice(i, i + 3).join(' '));
  return out;
}
function jaccard(a: Set<string>, b: Set<string>): number {
  let inter = 0;
  for (const w of a) if (b.has(w)) inter++;
  return inter / (a.size + b.size - inter);
}

describe('buildDemoCorpus', () => {
  it('has the requested size with unique ids and paths under each outlet', () => {
    expect(corpus.articles).toHaveLength(320);
    expect(new Set(corpus.articles.map((a) => a.id)).size).toBe(320);
    expect(new Set(corpus.articles.map((a) => a.path)).size).toBe(320);
    for (const a of corpus.articles) expect(a.path.startsWith(`/${a.outletId}/`)).toBe(true);
    expect(buildDemoCorpus({ anchor: ANCHOR, articles: 40 }).articles).toHaveLength(40);
  });

  it('covers at least 6 outlets in 6 distinct styles, each with articles', () => {
    expect(new Set(corpus.outlets.map((o) => o.style)).size).toBeGreaterThanOrEqual(6);
    for (const o of corpus.outlets) expect(corpus.articles.filter((a) => a.outletId === o.id).length).toBeGreaterThan(15);
  });

  it('spans at least 6 weeks before the anchor, sorted oldest first', () => {
    const times = corpus.articles.map((a) => Date.parse(a.publishedAt));
    expect(Math.max(...times)).toBeLessThan(ANCHOR.getTime());
    expect(Math.max(...times) - Math.min(...times)).toBeGreaterThanOrEqual(42 * DAY);
    expect([...times].sort((x, y) => x - y)).toEqual(times);
    const weeks = new Set(times.map((t) => Math.floor((ANCHOR.getTime() - t) / (7 * DAY))));
    expect(weeks.size).toBeGreaterThanOrEqual(7);
  });

  it('covers at least 12 policy areas with known topic ids', () => {
    const main = new Set(corpus.articles.map((a) => a.topics[0]));
    expect(main.size).toBeGreaterThanOrEqual(12);
    for (const a of corpus.articles) for (const t of a.topics) expect(TOPIC_IDS.has(t), t).toBe(true);
  });

  it('has positive, negative and neutral coverage in sizeable shares', () => {
    for (const s of ['positive', 'negative', 'neutral'] as const) {
      expect(corpus.articles.filter((a) => a.sentiment === s).length).toBeGreaterThan(50);
    }
    const gov = corpus.articles.filter((a) => a.outletId === 'chinhsach');
    expect(gov.filter((a) => a.sentiment === 'negative').length / gov.length).toBeLessThan(0.2);
  });

  it('has at least 20 syndicated near-copies that differ from their original', () => {
    const copies = corpus.articles.filter((a) => a.syndicatedFrom);
    expect(copies.length).toBeGreaterThanOrEqual(20);
    for (const copy of copies) {
      const original = byId.get(copy.syndicatedFrom ?? '');
      expect(original, copy.id).toBeDefined();
      if (!original) continue;
      expect(copy.storyId).toBe(original.storyId);
      expect(copy.outletId).not.toBe(original.outletId);
      expect(Date.parse(copy.publishedAt)).toBeGreaterThan(Date.parse(original.publishedAt));
      expect(fullText(copy)).not.toBe(fullText(original));
      expect(copy.title !== original.title || copy.lead !== original.lead).toBe(true);
      const sim = jaccard(shingles(fullText(copy)), shingles(fullText(original)));
      expect(sim, copy.id).toBeGreaterThan(0.55);
      // The original is the copy's nearest neighbour among other stories of the same topic.
      const others = corpus.articles.filter((x) => x.storyId !== copy.storyId && x.topics[0] === copy.topics[0]);
      const nearestOther = Math.max(...others.map((x) => jaccard(shingles(fullText(copy)), shingles(fullText(x)))));
      expect(sim, copy.id).toBeGreaterThan(nearestOther);
    }
  });

  it('writes clean Vietnamese text of news-article length', () => {
    for (const a of corpus.articles) {
      const text = fullText(a);
      expect(text, a.id).toBe(text.normalize('NFC'));
      expect(text, a.id).not.toMatch(/[{}]|undefined|NaN/);
      expect(a.paragraphs.length).toBeGreaterThanOrEqual(4);
      expect(a.paragraphs.length).toBeLessThanOrEqual(8);
      const bytes = Buffer.byteLength(text);
      expect(bytes, a.id).toBeGreaterThan(1000);
      expect(bytes, a.id).toBeLessThan(4500);
      expect(a.author.length).toBeGreaterThan(1);
    }
    const sentences = new Set(corpus.articles.flatMap((a) => a.paragraphs.join(' ').split(/(?<=[.!?”])\s+/u)));
    expect(sentences.size).toBeGreaterThan(500);
    expect(new Set(corpus.articles.map((a) => a.title)).size).toBeGreaterThan(200);
  });

  it('contains negative-spike episodes concentrated in a few days', () => {
    expect(corpus.episodes.length).toBeGreaterThanOrEqual(3);
    for (const ep of corpus.episodes) {
      const arts = ep.articleIds.map((id) => byId.get(id)).filter((a): a is DemoArticle => a !== undefined);
      expect(arts.length).toBeGreaterThanOrEqual(8);
      expect(arts.every((a) => a.sentiment === 'negative' && a.topics[0] === ep.topic && a.episode === ep.id)).toBe(true);
      const from = Date.parse(ep.from);
      expect(Date.parse(ep.to) - from).toBeLessThanOrEqual(5 * DAY);
      // The burst week has clearly more negative articles on the topic than an average week.
      const negOnTopic = corpus.articles.filter((a) => a.topics[0] === ep.topic && a.sentiment === 'negative');
      const inBurst = negOnTopic.filter((a) => Math.abs(Date.parse(a.publishedAt) - from) < 5 * DAY).length;
      expect(inBurst).toBeGreaterThan((negOnTopic.length - inBurst) / 6 * 3);
    }
  });

  it('is deterministic for an anchor and seed, and varies with the seed', () => {
    const again = buildDemoCorpus({ anchor: ANCHOR });
    expect(again).toEqual(corpus);
    const other = buildDemoCorpus({ anchor: ANCHOR, seed: 7 });
    expect(other.articles.map((a) => a.title)).not.toEqual(corpus.articles.map((a) => a.title));
  });

  it('builds quickly', () => {
    const t0 = performance.now();
    buildDemoCorpus({ anchor: ANCHOR, seed: 99 });
    expect(performance.now() - t0).toBeLessThan(1000);
  });

  it('rejects bad options with a clear message', () => {
    expect(() => buildDemoCorpus({ anchor: new Date('nope') })).toThrow(/anchor/);
    expect(() => buildDemoCorpus({ articles: 0 })).toThrow(/articles/);
  });
});
