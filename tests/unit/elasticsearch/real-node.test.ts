/**
 * Adapter behaviour only Elasticsearch has, against the real node: quarantine of mapping errors,
 * monthly indices (moves, retention), significant terms and point-in-time export.
 */
import { Client } from '@elastic/elasticsearch';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Item } from '../../../src/core/item.js';
import { retentionCutoff } from '../../../src/store/elasticsearch/index.js';
import { SAVED_OBJECTS } from '../../../dashboards/build-saved-objects.js';
import { buildCorpus, makeItem, makeLabels } from '../../contract/store-contract-corpus.js';
import { assertNodeReachable, ES_URL, freshStore, SKIP_ES } from './live-node.js';

const admin = new Client({ node: ES_URL, maxRetries: 0, requestTimeout: 30_000 });
const cleanups: (() => Promise<void>)[] = [];

async function store(over: Parameters<typeof freshStore>[1] = {}) {
  const fresh = await freshStore(admin, over);
  cleanups.push(fresh.cleanup);
  return fresh;
}

describe('retentionCutoff', () => {
  it('keeps whole UTC months counted back from the current month', () => {
    expect(retentionCutoff(3, new Date('2025-05-20T10:00:00Z'))?.toISOString()).toBe('2025-02-01T00:00:00.000Z');
    expect(retentionCutoff(1, new Date('2025-01-31T23:59:59Z'))?.toISOString()).toBe('2024-12-01T00:00:00.000Z');
    expect(retentionCutoff(0)).toBeNull();
    expect(() => retentionCutoff(-1)).toThrow(/retentionMonths/);
  });
});

// Skipped only under PULSE_SKIP_ES=1, the explicit opt-out for machines without Java/Maven;
// `.ci/run` unsets it, so CI always runs this against a real node.
describe.skipIf(SKIP_ES)(`Elasticsearch adapter on the real node (${ES_URL})`, () => {
  beforeAll(() => assertNodeReachable(admin));
  afterAll(async () => {
    for (const cleanup of cleanups) await cleanup();
    await admin.close();
  });

  it('quarantines an item the mapping refuses, reports it, and lands the rest of the batch', async () => {
    const { store: es, prefix } = await store();
    const { A, B } = buildCorpus();
    const bad: Item = { ...B, modifiedAt: 'hôm qua' }; // passes the shape check, not the date mapping
    const result = await es.upsertItems([A, bad]);
    expect(result.inserted).toBe(1);
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]?.id).toBe(B.id);
    expect(result.errors[0]?.reason).toMatch(/HTTP 400/);
    expect(result.errors[0]?.reason).toMatch(/modifiedAt/);
    expect(result.errors[0]?.reason).toContain(`quarantined in ${prefix}-quarantine`);
    expect(await es.existingIds([A.id, B.id])).toEqual(new Set([A.id]));

    const quarantined = await admin.search<{ itemId: string; itemJson: string; errorType: string; targetIndex: string }>({
      index: `${prefix}-quarantine`,
      query: { term: { itemId: B.id } },
    });
    expect(quarantined.hits.hits).toHaveLength(1);
    const doc = quarantined.hits.hits[0]?._source;
    expect(JSON.parse(doc?.itemJson ?? 'null')).toEqual(bad);
    expect(doc?.targetIndex).toBe(`${prefix}-items-2025.02`);
    expect(doc?.errorType).toMatch(/parsing_exception/);
  });

  it('moves an item to its new monthly index when publishedAt changes month, leaving no copy behind', async () => {
    const { store: es, prefix } = await store();
    const { A } = buildCorpus();
    await es.upsertItems([A]);
    const moved: Item = { ...A, publishedAt: '2025-03-01T01:00:00.000Z', contentHash: 'moved' };
    expect(await es.upsertItems([moved])).toEqual({ inserted: 0, updated: 1, unchanged: 0, errors: [] });
    const hits = await admin.search({ index: `${prefix}-items`, query: { ids: { values: [A.id] } } });
    expect(hits.hits.hits.map((h) => h._index)).toEqual([`${prefix}-items-2025.03`]);
    expect(await es.countItems()).toBe(1);
    expect((await es.getItem(A.id))?.publishedAt).toBe('2025-03-01T01:00:00.000Z');
  });

  it('refuses items older than the retention window and deletes expired monthly indices', async () => {
    const { store: es, prefix } = await store({ retentionMonths: 2 });
    const now = new Date();
    const recent = makeItem('gan-day', { publishedAt: now.toISOString() });
    const old = makeItem('cu', { publishedAt: '2020-01-15T00:00:00.000Z' });
    const result = await es.upsertItems([recent, old]);
    expect(result.inserted).toBe(1);
    expect(result.errors).toEqual([{ id: old.id, reason: expect.stringMatching(/older than the retention window/) }]);

    // An index left from an earlier, longer retention setting:
    await admin.indices.create({ index: `${prefix}-items-2020.01`, settings: { number_of_replicas: 0 } });
    expect(await es.applyRetention(now)).toEqual([`${prefix}-items-2020.01`]);
    expect(await admin.indices.exists({ index: `${prefix}-items-2020.01` })).toBe(false);
    expect(await es.countItems()).toBe(1);
  });

  it('finds emerging phrases with significantTerms', async () => {
    const { store: es } = await store();
    const background = Array.from({ length: 40 }, (_, i) =>
      makeItem(`nen-${i}`, { title: `Hội nghị tổng kết công tác năm ${2000 + i} tại tỉnh số ${i}`, publishedAt: '2025-01-10T03:00:00.000Z' }),
    );
    const spikeTitles = [
      'Giá xăng tăng mạnh từ chiều nay',
      'Vì sao giá xăng liên tục điều chỉnh?',
      'Doanh nghiệp vận tải lo giá xăng',
      'Người dân xếp hàng trước kỳ tăng giá xăng',
      'Bộ Công Thương giải thích về giá xăng',
      'Giá xăng neo cao, chợ Tết đắt đỏ',
      'Taxi công nghệ tăng cước theo giá xăng',
      'Dự báo giá xăng tuần tới',
    ];
    const spike = spikeTitles.map((title, i) => makeItem(`xang-${i}`, { title, publishedAt: '2025-02-10T03:00:00.000Z' }));
    expect((await es.upsertItems([...background, ...spike])).inserted).toBe(48);
    const terms = await es.significantTerms({ from: '2025-02-01T00:00:00.000Z' });
    expect(terms.length).toBeGreaterThan(0);
    expect(terms.map((t) => t.term)).toContain('giá xăng');
    const top = terms.find((t) => t.term === 'giá xăng');
    expect(top?.docCount).toBe(8);
    expect(terms.map((t) => t.term)).not.toContain('hội nghị');
  });

  it('exports every matching item from one point in time, oldest first', async () => {
    const { store: es } = await store();
    const items = Array.from({ length: 230 }, (_, i) =>
      makeItem(`xuat-${i}`, {
        publishedAt: new Date(Date.UTC(2025, 1, 1) + i * 3_600_000).toISOString(),
        labels: makeLabels({ sentiment: i % 2 === 0 ? 'negative' : 'positive' }),
      }),
    );
    await es.upsertItems(items);
    const seen: Item[] = [];
    for await (const item of es.exportItems({ sentiments: ['negative'] }, { pageSize: 40 })) {
      if (seen.length === 0) await es.upsertItems([makeItem('ghi-giua-chung', { labels: makeLabels({ sentiment: 'negative' }) })]);
      seen.push(item);
    }
    const expected = items.filter((_, i) => i % 2 === 0);
    expect(seen.map((i) => i.id)).toEqual(expected.map((i) => i.id));
    expect(seen[0]).toEqual(expected[0]);
    expect(await es.countItems({ sentiments: ['negative'] })).toBe(116); // the late write did land
    await expect(async () => {
      for await (const _ of es.exportItems({ from: 'not a date' })) void _;
    }).rejects.toThrow(/from is not an ISO-8601 instant/);
  });

  it("runs the dashboards' aggregations on the node (Vega significant_text and every terms field)", async () => {
    const { store: es, prefix } = await store();
    await es.upsertItems(Object.values(buildCorpus()));
    const vega = SAVED_OBJECTS.find((o) => o.id === 'pulse-significant-terms');
    const spec = JSON.parse(JSON.parse(vega?.attributes.visState as string).params.spec);
    const vegaResponse = await admin.search({ index: `${prefix}-items*`, ...spec.data.url.body });
    expect(vegaResponse.aggregations).toHaveProperty('sample.phrases.buckets');
    const aggs: Record<string, unknown> = {};
    for (const o of SAVED_OBJECTS.filter((x) => x.type === 'visualization' && x.id !== 'pulse-significant-terms')) {
      for (const agg of JSON.parse(o.attributes.visState as string).aggs as { id: string; type: string; params: { field?: string } }[]) {
        if (agg.type === 'terms') aggs[`${o.id}-${agg.id}`] = { terms: { field: agg.params.field } };
        if (agg.type === 'cardinality') aggs[`${o.id}-${agg.id}`] = { cardinality: { field: agg.params.field } };
      }
    }
    const response = await admin.search({ index: `${prefix}-items*`, size: 0, aggs: aggs as never });
    const sentiment = (response.aggregations?.['pulse-sentiment-share-2'] as { buckets: { key: string; doc_count: number }[] }).buckets;
    expect(Object.fromEntries(sentiment.map((b) => [b.key, b.doc_count]))).toEqual({ negative: 3, positive: 2, neutral: 1, unlabelled: 2 });
  });
});
