/**
 * Small bulk-indexing bench against a live node: upserts synthetic Vietnamese items through the
 * real adapter (id look-up, change rule, folded copies, bulk with back-pressure, refresh) and
 * prints `es_bulk_docs_per_s`. Then times a few dashboard queries.
 *
 *   npx tsx tests/elasticsearch-node/bench-bulk.ts [docs=20000] [batch=2000]
 *   ELASTICSEARCH_URL=http://host:9200 npx tsx tests/elasticsearch-node/bench-bulk.ts
 */
import { createHash, randomUUID } from 'node:crypto';
import { Client } from '@elastic/elasticsearch';
import type { Item, SentimentLabel } from '../../src/core/item.js';
import { createElasticsearchStore } from '../../src/store/elasticsearch/index.js';

const url = process.env.ELASTICSEARCH_URL ?? 'http://127.0.0.1:9250';
const total = Number(process.argv[2] ?? 20_000);
const batchSize = Number(process.argv[3] ?? 2_000);
const WORDS = ['đường sắt', 'tốc độ cao', 'giải phóng mặt bằng', 'chậm tiến độ', 'người dân', 'đồng tình', 'ngân sách', 'Quốc hội', 'thông qua', 'dự án', 'ô nhiễm', 'không khí', 'học phí', 'bảo hiểm', 'y tế', 'đất đai'];
const TOPICS = ['transport', 'land', 'health', 'education', 'environment', 'finance'];
const SENTIMENTS: SentimentLabel[] = ['positive', 'negative', 'neutral'];
const SOURCES = ['vnexpress', 'tuoitre', 'thanhnien', 'nhandan', 'baochinhphu', 'baodanang'];

function pick<T>(list: readonly T[], n: number): T {
  return list[n % list.length] as T;
}

function synthItem(n: number): Item {
  const words = Array.from({ length: 60 }, (_, i) => pick(WORDS, n * 7 + i * 3)).join(' ');
  const url = `https://bench.example.vn/${n}.html`;
  return {
    id: createHash('sha1').update(url).digest('hex'),
    url,
    sourceId: pick(SOURCES, n),
    sourceName: pick(SOURCES, n),
    tier: 'central',
    sourceProvince: null,
    title: `${pick(WORDS, n)} ${pick(WORDS, n + 5)} số ${n}`,
    lead: words.slice(0, 120),
    text: words,
    author: null,
    section: null,
    tags: [],
    publishedAt: new Date(Date.UTC(2025, 0, 1) + n * 97_000).toISOString(),
    modifiedAt: null,
    fetchedAt: '2025-03-01T00:00:00.000Z',
    imageUrl: null,
    partial: false,
    partialReason: null,
    contentHash: createHash('sha1').update(words + n).digest('hex'),
    labels: {
      modelVersion: 'bench',
      topics: [{ id: pick(TOPICS, n), score: 0.8 }],
      policies: [],
      sentiment: { label: pick(SENTIMENTS, n), score: 0, confidence: 0.5, evidence: [] },
      entities: [],
      provinces: [pick(['ha-noi', 'da-nang', 'ho-chi-minh'], n)],
      storyId: null,
      simhash: null,
    },
  };
}

async function main(): Promise<void> {
  const prefix = `bench-${randomUUID().slice(0, 8)}`;
  // BENCH_REFRESH=false measures the throughput mode (visibility left to the refresh interval).
  const refresh = process.env.BENCH_REFRESH === 'false' ? false : 'wait_for';
  const store = createElasticsearchStore({ node: url, indexPrefix: prefix, refresh, index: { replicas: 0 } });
  const admin = new Client({ node: url });
  await store.init();
  try {
    const items = Array.from({ length: total }, (_, n) => synthItem(n));
    const avgBytes = Math.round(items.slice(0, 100).reduce((sum, item) => sum + Buffer.byteLength(JSON.stringify(item)), 0) / 100);
    const started = performance.now();
    let inserted = 0;
    for (let i = 0; i < items.length; i += batchSize) {
      const result = await store.upsertItems(items.slice(i, i + batchSize));
      if (result.errors.length > 0) throw new Error(`bench: ${result.errors.length} errors, first: ${result.errors[0]?.reason}`);
      inserted += result.inserted;
    }
    const seconds = (performance.now() - started) / 1000;
    console.log(`es_bulk_docs_per_s=${Math.round(inserted / seconds)} (docs=${inserted} avg_item_bytes=${avgBytes} batch=${batchSize} refresh=${refresh} seconds=${seconds.toFixed(1)})`);
    const timings: Record<string, number[]> = { search: [], series_day_topic: [], count_negative: [] };
    for (let r = 0; r < 20; r += 1) {
      let t = performance.now();
      await store.search({ text: pick(['duong sat', 'Giải phóng mặt bằng', 'ô nhiễm không khí'], r) });
      timings.search?.push(performance.now() - t);
      t = performance.now();
      await store.series({ interval: 'day', by: 'topic' });
      timings.series_day_topic?.push(performance.now() - t);
      t = performance.now();
      await store.countItems({ sentiments: ['negative'], provinces: ['ha-noi'] });
      timings.count_negative?.push(performance.now() - t);
    }
    for (const [name, values] of Object.entries(timings)) {
      const sorted = [...values].sort((a, b) => a - b);
      const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]?.toFixed(1);
      console.log(`es_${name}_ms p50=${at(0.5)} p95=${at(0.95)}`);
    }
  } finally {
    await admin.indices.delete({ index: `${prefix}-*` }).catch(() => undefined);
    await admin.indices.deleteIndexTemplate({ name: `${prefix}-items` }).catch(() => undefined);
    await admin.close();
    await store.close();
  }
}

await main();
