/**
 * The Store contract: the same cases and the same expected results for every adapter.
 * An adapter test file calls {@link describeStoreContract} with a factory that returns a fresh,
 * initialised, EMPTY store. Writes must be visible to reads as soon as `upsertItems` /
 * `updateSourceHealth` resolve (the Elasticsearch adapter refreshes before resolving).
 *
 * Expectations are adapter-neutral: relevance order is asserted only where the port defines it
 * (exact-accent phrase > folded phrase > all terms); ties are never assumed.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Item } from '../../src/core/item.js';
import type { SeriesDimension, SeriesPoint, Store } from '../../src/store/store.js';
import { buildCorpus, makeItem, makeLabels, type CorpusKey } from './store-contract-corpus.js';

/** What an adapter test supplies: a fresh empty store and how to dispose of it. */
export type StoreFactory = () => Promise<{ store: Store; cleanup: () => Promise<void> }>;

const W1 = '2025-02-02T17:00:00.000Z'; // local Monday 2025-02-03 00:00
const W2 = '2025-02-09T17:00:00.000Z'; // local Monday 2025-02-10 00:00

/** Bucket starts written by hand from the corpus table (local = UTC+7). */
const BUCKETS: Record<CorpusKey, { hour: string; day: string; week: string }> = {
  A: { hour: '2025-02-06T17:00:00.000Z', day: '2025-02-06T17:00:00.000Z', week: W1 },
  B: { hour: '2025-02-06T16:00:00.000Z', day: '2025-02-05T17:00:00.000Z', week: W1 },
  C: { hour: '2025-02-07T02:00:00.000Z', day: '2025-02-06T17:00:00.000Z', week: W1 },
  D: { hour: '2025-02-03T03:00:00.000Z', day: '2025-02-02T17:00:00.000Z', week: W1 },
  E: { hour: '2025-02-09T17:00:00.000Z', day: '2025-02-09T17:00:00.000Z', week: W2 },
  F: { hour: '2025-02-09T16:00:00.000Z', day: '2025-02-08T17:00:00.000Z', week: W1 },
  G: { hour: '2025-02-04T10:00:00.000Z', day: '2025-02-03T17:00:00.000Z', week: W1 },
  H: { hour: '2025-02-05T23:00:00.000Z', day: '2025-02-05T17:00:00.000Z', week: W1 },
};

/** Dimension values per item, by hand. */
const KEYS: Record<CorpusKey, Record<Exclude<SeriesDimension, 'none'>, string[]>> = {
  A: { topic: ['transport', 'investment'], sentiment: ['positive'], source: ['vnexpress'], tier: ['central'], province: ['ha-noi'] },
  B: { topic: ['transport'], sentiment: ['neutral'], source: ['tinmoi'], tier: ['other'], province: ['ha-noi'] },
  C: { topic: ['construction'], sentiment: ['negative'], source: ['tuoitre'], tier: ['central'], province: ['ho-chi-minh'] },
  D: { topic: ['land'], sentiment: ['negative'], source: ['baodanang'], tier: ['local'], province: ['da-nang'] },
  E: { topic: ['health'], sentiment: ['positive'], source: ['baochinhphu'], tier: ['government'], province: [] },
  F: { topic: ['unlabelled'], sentiment: ['unlabelled'], source: ['thanhnien'], tier: ['central'], province: [] },
  G: { topic: ['unlabelled'], sentiment: ['unlabelled'], source: ['nhandan'], tier: ['party'], province: [] },
  H: { topic: ['environment', 'health'], sentiment: ['negative'], source: ['nhandan'], tier: ['party'], province: ['ha-noi'] },
};

const ALL_KEYS: CorpusKey[] = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H'];

/** Expected series from the hand tables: count each item once per dimension value. */
function expectedSeries(interval: 'hour' | 'day' | 'week', by: SeriesDimension, keys: CorpusKey[] = ALL_KEYS): SeriesPoint[] {
  const counts = new Map<string, SeriesPoint>();
  for (const k of keys) {
    const values = by === 'none' ? ['all'] : KEYS[k][by];
    for (const key of values) {
      const bucket = BUCKETS[k][interval];
      const point = counts.get(`${bucket}|${key}`) ?? { bucket, key, count: 0 };
      point.count += 1;
      counts.set(`${bucket}|${key}`, point);
    }
  }
  return sortPoints([...counts.values()]);
}

function sortPoints(points: SeriesPoint[]): SeriesPoint[] {
  return [...points].sort((a, b) => (a.bucket + '|' + a.key < b.bucket + '|' + b.key ? -1 : 1));
}

/** Register the shared Store contract for one adapter. */
export function describeStoreContract(name: string, factory: StoreFactory): void {
  describe(`Store contract: ${name}`, () => {
    describeWrites(factory);
    describeReads(factory);
    describeSourceHealth(factory);
  });
}

function describeWrites(factory: StoreFactory): void {
  describe('upsert and get', () => {
    let store: Store;
    let cleanup: () => Promise<void>;
    beforeEach(async () => ({ store, cleanup } = await factory()));
    afterEach(async () => cleanup());

    it('counts inserts, then identical re-upserts as unchanged (idempotent across calls)', async () => {
      const items = Object.values(buildCorpus());
      expect(await store.upsertItems(items)).toEqual({ inserted: 8, updated: 0, unchanged: 0, errors: [] });
      expect(await store.upsertItems(items)).toEqual({ inserted: 0, updated: 0, unchanged: 8, errors: [] });
      expect(await store.countItems()).toBe(8);
    });

    it('updates when contentHash changes and re-indexes the new text', async () => {
      const { A, B } = buildCorpus();
      await store.upsertItems([A, B]);
      const edited: Item = { ...A, title: 'Quốc hội chốt phương án cao tốc ven biển', contentHash: 'edited-hash' };
      expect(await store.upsertItems([edited, B])).toEqual({ inserted: 0, updated: 1, unchanged: 1, errors: [] });
      expect((await store.getItem(A.id))?.title).toBe('Quốc hội chốt phương án cao tốc ven biển');
      const oldText = await store.search({ text: 'tốc độ cao' });
      expect(oldText.hits.map((h) => h.item.id)).not.toContain(A.id);
      expect((await store.search({ text: 'cao toc ven bien' })).hits.map((h) => h.item.id)).toEqual([A.id]);
    });

    it('updates when only labels change, and filters see the new labels', async () => {
      const { B } = buildCorpus();
      await store.upsertItems([B]);
      expect(await store.countItems({ sentiments: ['negative'] })).toBe(0);
      const relabelled: Item = { ...B, labels: makeLabels({ ...B.labels, sentiment: 'negative', topics: [{ id: 'safety', score: 0.9 }] }) };
      expect(await store.upsertItems([relabelled])).toEqual({ inserted: 0, updated: 1, unchanged: 0, errors: [] });
      expect(await store.countItems({ sentiments: ['negative'] })).toBe(1);
      expect(await store.countItems({ topics: ['transport'] })).toBe(0);
      expect(await store.countItems({ topics: ['safety'] })).toBe(1);
    });

    it('treats labels with the same content but different key order as unchanged', async () => {
      const { A } = buildCorpus();
      await store.upsertItems([A]);
      const reordered = JSON.parse(JSON.stringify({ ...A, labels: Object.fromEntries(Object.entries(A.labels!).reverse()) })) as Item;
      expect(await store.upsertItems([reordered])).toEqual({ inserted: 0, updated: 0, unchanged: 1, errors: [] });
    });

    it('keeps stored labels when the same content arrives again without labels (not yet analysed)', async () => {
      const { A } = buildCorpus();
      await store.upsertItems([A]);
      expect(await store.upsertItems([{ ...A, labels: null }])).toEqual({ inserted: 0, updated: 0, unchanged: 1, errors: [] });
      expect((await store.getItem(A.id))?.labels).toEqual(A.labels);
    });

    it('clears stale labels when content changes and the new version has none', async () => {
      const { A } = buildCorpus();
      await store.upsertItems([A]);
      expect((await store.upsertItems([{ ...A, contentHash: 'new', labels: null }])).updated).toBe(1);
      expect((await store.getItem(A.id))?.labels).toBeNull();
      expect(await store.countItems({ topics: ['transport'] })).toBe(0);
    });

    it('counts a duplicate id inside one batch once as inserted, then as updated/unchanged', async () => {
      const { A } = buildCorpus();
      const result = await store.upsertItems([A, A, { ...A, contentHash: 'second' }]);
      expect(result).toEqual({ inserted: 1, updated: 1, unchanged: 1, errors: [] });
      expect(await store.countItems()).toBe(1);
      expect((await store.getItem(A.id))?.contentHash).toBe('second');
    });

    it('reports bad items with id and reason while the rest of the batch lands', async () => {
      const { A, B, C } = buildCorpus();
      const badTier = { ...B, tier: 'tabloid' } as unknown as Item;
      const badDate = { ...C, publishedAt: 'thứ năm, 6/2/2025' };
      const result = await store.upsertItems([badTier, A, badDate]);
      expect(result.inserted).toBe(1);
      expect(result.errors.map((e) => e.id)).toEqual([B.id, C.id]);
      expect(result.errors[0]?.reason).toMatch(/tier/);
      expect(result.errors[1]?.reason).toMatch(/publishedAt/);
      expect(await store.existingIds([A.id, B.id, C.id])).toEqual(new Set([A.id]));
    });

    it('round-trips every field, Vietnamese text and full labels', async () => {
      const item = makeItem('tron-ven', {
        sourceId: 'baodanang',
        sourceName: 'Báo Đà Nẵng',
        tier: 'local',
        sourceProvince: 'da-nang',
        title: 'Đà Nẵng hoà mạng 5G toàn thành phố, người dân “hài lòng”',
        lead: 'Sáng 6/2, UBND thành phố công bố phủ sóng 5G tại 100% phường, xã.',
        text: 'Đoạn một: tốc độ tăng gấp 10 lần.\n\nĐoạn hai: “Chúng tôi rất phấn khởi” – ông Nguyễn Văn Ánh nói.',
        author: 'Lê Thị Hằng',
        section: 'Thời sự',
        tags: ['5G', 'chuyển đổi số', 'Đà Nẵng'],
        publishedAt: '2025-02-06T13:30:00.000Z',
        modifiedAt: '2025-02-06T15:00:00.000Z',
        fetchedAt: '2025-02-06T15:05:00.000Z',
        imageUrl: 'https://baodanang.example.vn/anh/5g.jpg',
        labels: {
          modelVersion: 'vi-lexicon-2025.02',
          topics: [{ id: 'digital', score: 0.92 }, { id: 'telecom', score: 0.41 }],
          policies: ['nq-57'],
          sentiment: {
            label: 'positive',
            score: 0.75,
            confidence: 0.9,
            evidence: [{ text: 'rất phấn khởi', field: 'text', start: 52, end: 65, polarity: 'positive', weight: 1.5 }],
            byTopic: { digital: { label: 'positive', score: 0.8 } },
          },
          entities: [{ type: 'province', id: 'da-nang', name: 'Đà Nẵng', count: 2 }],
          provinces: ['da-nang'],
          storyId: 'story-5g',
          simhash: 'a1b2c3d4e5f60718',
        },
      });
      await store.upsertItems([item]);
      expect(await store.getItem(item.id)).toEqual(item);
      expect(await store.getItem('0000000000000000000000000000000000000000')).toBeNull();
    });

    it('stores null labels as null (never placeholder labels) and partial flags', async () => {
      const { F } = buildCorpus();
      await store.upsertItems([F]);
      const stored = await store.getItem(F.id);
      expect(stored?.labels).toBeNull();
      expect(stored?.partial).toBe(true);
      expect(stored?.partialReason).toBe(F.partialReason);
    });

    it('answers existingIds for known, unknown and empty lists', async () => {
      const { A, B, C } = buildCorpus();
      await store.upsertItems([A, B]);
      expect(await store.existingIds([A.id, 'not-stored', B.id, C.id])).toEqual(new Set([A.id, B.id]));
      expect(await store.existingIds([])).toEqual(new Set());
    });
  });
}

function describeReads(factory: StoreFactory): void {
  describe('search, counts and series on a seeded corpus', () => {
    let store: Store;
    let cleanup: () => Promise<void>;
    const corpus = buildCorpus();
    const idOf = Object.fromEntries(Object.entries(corpus).map(([k, v]) => [v.id, k])) as Record<string, CorpusKey>;
    const keysOf = (hits: { item: Item }[]) => hits.map((h) => idOf[h.item.id]);
    const sorted = (keys: (CorpusKey | undefined)[]) => [...keys].sort();

    beforeAll(async () => {
      ({ store, cleanup } = await factory());
      const result = await store.upsertItems(Object.values(corpus));
      expect(result.inserted).toBe(8);
    });
    afterAll(async () => cleanup());

    it.each(['duong sat', 'DUONG SAT', 'đường sắt', 'Đường sắt'.normalize('NFD'), 'Đường Sắt', '"đường sắt"'])(
      'finds Đường sắt for %j (accent- and case-insensitive)',
      async (text) => {
        const result = await store.search({ text });
        expect(keysOf(result.hits)).toContain('A');
        expect(sorted(keysOf(result.hits))).toEqual(['A', 'B', 'C']);
        expect(result.total).toBe(3);
      },
    );

    it('ranks the exact-accent phrase first, then the folded phrase, then all-terms matches', async () => {
      const result = await store.search({ text: 'Đường sắt' });
      expect(keysOf(result.hits)).toEqual(['A', 'B', 'C']);
      const scores = result.hits.map((h) => h.score);
      expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    });

    it('ranks phrase matches before scattered terms for an unaccented query', async () => {
      const result = await store.search({ text: 'duong sat' });
      expect(sorted(keysOf(result.hits.slice(0, 2)))).toEqual(['A', 'B']);
      expect(keysOf(result.hits)[2]).toBe('C');
    });

    it('returns hits whose items equal the stored items, field for field', async () => {
      for (const text of ['Đường sắt', 'duong sat', undefined]) {
        const result = await store.search(text === undefined ? { limit: 50 } : { text, limit: 50 });
        expect(result.hits.length).toBeGreaterThan(0);
        for (const hit of result.hits) expect(hit.item).toEqual(await store.getItem(hit.item.id));
      }
    });

    it('searches lead and body text, not only titles', async () => {
      expect(keysOf((await store.search({ text: 'giải phóng mặt bằng' })).hits)).toEqual(['D']);
      expect(keysOf((await store.search({ text: '67 ty USD' })).hits)).toEqual(['A']);
    });

    it.each(['"', '*', 'AND', '-', ':', 'đường sắt"', '"đường', 'title:đường', 'NEAR(đường sắt)', '(((', 'sắt*', '-sắt', 'đường OR sắt', '^', '   ', '🚄 đường', 'x'.repeat(5000), 'a\u0000b', "'; DROP TABLE items; --"])(
      'does not throw on hostile query %j',
      async (text) => {
        const result = await store.search({ text });
        expect(Array.isArray(result.hits)).toBe(true);
        expect(result.total).toBeGreaterThanOrEqual(result.hits.length);
      },
    );

    it('browses newest first without text, with pagination and a stable total', async () => {
      const page = (offset: number) => store.search({ limit: 3, offset });
      const [p1, p2, p3, p4] = await Promise.all([page(0), page(3), page(6), page(9)]);
      expect(keysOf(p1.hits)).toEqual(['E', 'F', 'C']);
      expect(keysOf(p2.hits)).toEqual(['A', 'B', 'H']);
      expect(keysOf(p3.hits)).toEqual(['G', 'D']);
      expect(p4.hits).toEqual([]);
      expect([p1.total, p2.total, p3.total, p4.total]).toEqual([8, 8, 8, 8]);
      expect((await store.search({ limit: 0 })).total).toBe(8);
    });

    it('sorts oldest and newest, with and without text', async () => {
      expect(keysOf((await store.search({ sort: 'oldest', limit: 20 })).hits)).toEqual(['D', 'G', 'H', 'B', 'A', 'C', 'F', 'E']);
      expect(keysOf((await store.search({ text: 'duong sat', sort: 'newest' })).hits)).toEqual(['C', 'A', 'B']);
      expect(keysOf((await store.search({ text: 'duong sat', sort: 'oldest' })).hits)).toEqual(['B', 'A', 'C']);
    });

    const filterCases: [string, Parameters<Store['countItems']>[0], CorpusKey[]][] = [
      ['from (inclusive) / to (exclusive) = local day 07/02', { from: '2025-02-06T17:00:00.000Z', to: '2025-02-07T17:00:00.000Z' }, ['A', 'C']],
      ['from equal to publishedAt includes the item', { from: '2025-02-06T17:30:00.000Z', to: '2025-02-06T17:31:00.000Z' }, ['A']],
      ['to equal to publishedAt excludes the item', { from: '2025-02-06T17:00:00.000Z', to: '2025-02-06T17:30:00.000Z' }, []],
      ['sourceIds', { sourceIds: ['nhandan', 'vnexpress'] }, ['A', 'G', 'H']],
      ['tiers', { tiers: ['central'] }, ['A', 'C', 'F']],
      ['topics (any of)', { topics: ['transport', 'land'] }, ['A', 'B', 'D']],
      ['topics of multi-topic items', { topics: ['health'] }, ['E', 'H']],
      ['policies', { policies: ['nq-172'] }, ['A']],
      ['sentiments', { sentiments: ['negative'] }, ['C', 'D', 'H']],
      ['provinces', { provinces: ['ha-noi'] }, ['A', 'B', 'H']],
      ['storyId', { storyId: 'story-rail' }, ['A', 'B']],
      ['includePartial=false drops partial items', { includePartial: false }, ['A', 'B', 'C', 'D', 'E', 'G', 'H']],
      ['includePartial defaults to true', {}, ALL_KEYS],
      ['empty arrays do not constrain', { sourceIds: [], topics: [], sentiments: [] }, ALL_KEYS],
      ['tier and sentiment combined', { tiers: ['central'], sentiments: ['negative'] }, ['C']],
      ['topic and time combined', { topics: ['health'], from: '2025-02-09T00:00:00.000Z' }, ['E']],
      ['province, sentiment and source combined', { provinces: ['ha-noi'], sentiments: ['negative'], sourceIds: ['nhandan'] }, ['H']],
      ['a filter that matches nothing', { sourceIds: ['vnexpress'], sentiments: ['negative'] }, []],
    ];

    it.each(filterCases)('filters by %s (search and countItems agree)', async (_label, filter, expected) => {
      const result = await store.search({ ...filter, limit: 50 });
      expect(sorted(keysOf(result.hits))).toEqual(sorted(expected));
      expect(result.total).toBe(expected.length);
      expect(await store.countItems(filter)).toBe(expected.length);
    });

    it('combines text with filters', async () => {
      expect(keysOf((await store.search({ text: 'ô nhiễm', provinces: ['ha-noi'], sentiments: ['negative'] })).hits)).toEqual(['H']);
      expect(keysOf((await store.search({ text: 'duong sat', tiers: ['central'] })).hits)).toEqual(['A', 'C']);
      expect((await store.search({ text: 'duong sat', tiers: ['party'] })).total).toBe(0);
      expect((await store.search({ text: 'miễn học phí', includePartial: false })).total).toBe(0);
      expect(keysOf((await store.search({ text: 'miễn học phí' })).hits)).toEqual(['F']);
    });

    it('puts 2025-02-06T17:30Z into the local day 2025-02-07 (Asia/Ho_Chi_Minh)', async () => {
      const points = await store.series({ interval: 'day', from: '2025-02-06T00:00:00.000Z', to: '2025-02-08T00:00:00.000Z' });
      expect(points).toEqual([
        { bucket: '2025-02-05T17:00:00.000Z', key: 'all', count: 1 }, // B: local 06/02 23:59
        { bucket: '2025-02-06T17:00:00.000Z', key: 'all', count: 2 }, // A: local 07/02 00:30, C
      ]);
    });

    it('aligns weeks to local Monday midnight', async () => {
      expect(await store.series({ interval: 'week' })).toEqual([
        { bucket: W1, key: 'all', count: 7 },
        { bucket: W2, key: 'all', count: 1 },
      ]);
    });

    it('splits a day series by sentiment with unlabelled items under "unlabelled"', async () => {
      expect(await store.series({ interval: 'day', by: 'sentiment' })).toEqual([
        { bucket: '2025-02-02T17:00:00.000Z', key: 'negative', count: 1 },
        { bucket: '2025-02-03T17:00:00.000Z', key: 'unlabelled', count: 1 },
        { bucket: '2025-02-05T17:00:00.000Z', key: 'negative', count: 1 },
        { bucket: '2025-02-05T17:00:00.000Z', key: 'neutral', count: 1 },
        { bucket: '2025-02-06T17:00:00.000Z', key: 'negative', count: 1 },
        { bucket: '2025-02-06T17:00:00.000Z', key: 'positive', count: 1 },
        { bucket: '2025-02-08T17:00:00.000Z', key: 'unlabelled', count: 1 },
        { bucket: '2025-02-09T17:00:00.000Z', key: 'positive', count: 1 },
      ]);
    });

    const dimensions: SeriesDimension[] = ['none', 'topic', 'sentiment', 'source', 'tier', 'province'];
    const grid = (['hour', 'day', 'week'] as const).flatMap((interval) => dimensions.map((by) => [interval, by] as const));
    it.each(grid)('series interval=%s by=%s has exact counts', async (interval, by) => {
      expect(sortPoints(await store.series({ interval, by }))).toEqual(expectedSeries(interval, by));
    });

    it('applies filters to series', async () => {
      const negative = await store.series({ interval: 'week', by: 'topic', sentiments: ['negative'] });
      expect(sortPoints(negative)).toEqual(expectedSeries('week', 'topic', ['C', 'D', 'H']));
      const hanoi = await store.series({ interval: 'day', by: 'source', provinces: ['ha-noi'], includePartial: false });
      expect(sortPoints(hanoi)).toEqual(expectedSeries('day', 'source', ['A', 'B', 'H']));
      const window = await store.series({ interval: 'day', by: 'topic', from: '2025-02-05T23:30:00.000Z', to: '2025-02-07T02:00:00.000Z' });
      expect(sortPoints(window)).toEqual(expectedSeries('day', 'topic', ['H', 'B', 'A']));
      const provinceWindow = await store.series({ interval: 'hour', by: 'province', from: '2025-02-03T00:00:00.000Z', to: '2025-02-06T17:00:00.000Z' });
      expect(sortPoints(provinceWindow)).toEqual(expectedSeries('hour', 'province', ['D', 'H', 'B']));
      const partialOff = await store.series({ interval: 'week', by: 'sentiment', includePartial: false });
      expect(sortPoints(partialOff)).toEqual(expectedSeries('week', 'sentiment', ['A', 'B', 'C', 'D', 'E', 'G', 'H']));
    });

    it('honours another time zone', async () => {
      const utc = await store.series({ interval: 'day', timeZone: 'UTC', from: '2025-02-06T00:00:00.000Z', to: '2025-02-08T00:00:00.000Z' });
      expect(utc).toEqual([
        { bucket: '2025-02-06T00:00:00.000Z', key: 'all', count: 2 }, // B, A
        { bucket: '2025-02-07T00:00:00.000Z', key: 'all', count: 1 }, // C
      ]);
      const paris = await store.series({ interval: 'day', timeZone: 'Europe/Paris', from: '2025-02-06T00:00:00.000Z', to: '2025-02-08T00:00:00.000Z' });
      expect(paris).toEqual([
        { bucket: '2025-02-05T23:00:00.000Z', key: 'all', count: 2 }, // B 17:59, A 18:30 local
        { bucket: '2025-02-06T23:00:00.000Z', key: 'all', count: 1 }, // C 03:00 local
      ]);
    });
  });
}

function describeSourceHealth(factory: StoreFactory): void {
  describe('source health', () => {
    let store: Store;
    let cleanup: () => Promise<void>;
    beforeEach(async () => ({ store, cleanup } = await factory()));
    afterEach(async () => cleanup());

    it('creates on first update with defaults, merges later patches, counts items', async () => {
      const { G, H, A } = buildCorpus();
      expect(await store.getSourceHealth('nhandan')).toBeNull();
      await store.upsertItems([G, H, A]);
      await store.updateSourceHealth('nhandan', { lastStatus: 'ok', lastPollAt: '2025-02-10T01:00:00.000Z', etag: '"v1"', pollIntervalSec: 900 });
      await store.updateSourceHealth('nhandan', { lastStatus: 'error', lastError: 'HTTP 500', consecutiveFailures: 2, errorCounts: { http_500: 2 } });
      expect(await store.getSourceHealth('nhandan')).toEqual({
        sourceId: 'nhandan',
        lastPollAt: '2025-02-10T01:00:00.000Z',
        lastSuccessAt: null,
        lastStatus: 'error',
        lastError: 'HTTP 500',
        consecutiveFailures: 2,
        lastEntries: 0,
        lastNew: 0,
        itemsTotal: 2,
        etag: '"v1"',
        lastModified: null,
        pollIntervalSec: 900,
        nextPollAt: null,
        errorCounts: { http_500: 2 },
      });
    });

    it('clears a field set to null and replaces errorCounts wholesale', async () => {
      await store.updateSourceHealth('tuoitre', { etag: '"abc"', errorCounts: { http_500: 1, timeout: 2 } });
      await store.updateSourceHealth('tuoitre', { etag: null, errorCounts: { robots: 1 } });
      const health = await store.getSourceHealth('tuoitre');
      expect(health?.etag).toBeNull();
      expect(health?.errorCounts).toEqual({ robots: 1 });
    });

    it('keeps itemsTotal in step with stored items (re-upserts do not double count)', async () => {
      const { G, H } = buildCorpus();
      await store.updateSourceHealth('nhandan', { lastStatus: 'ok' });
      expect((await store.getSourceHealth('nhandan'))?.itemsTotal).toBe(0);
      await store.upsertItems([G]);
      await store.upsertItems([G, H]);
      await store.upsertItems([{ ...H, contentHash: 'changed' }]);
      expect((await store.getSourceHealth('nhandan'))?.itemsTotal).toBe(2);
    });

    it('lists every recorded source ordered by id', async () => {
      const { A } = buildCorpus();
      await store.upsertItems([A]);
      await store.updateSourceHealth('vnexpress', { lastStatus: 'ok' });
      await store.updateSourceHealth('baochinhphu', { lastStatus: 'not_modified' });
      const list = await store.listSourceHealth();
      expect(list.map((h) => [h.sourceId, h.lastStatus, h.itemsTotal])).toEqual([
        ['baochinhphu', 'not_modified', 0],
        ['vnexpress', 'ok', 1],
      ]);
    });
  });
}
