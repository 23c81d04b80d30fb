import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Item, SentimentLabel } from '../../../src/core/item.js';
import { createSqliteStore, type SqliteStore } from '../../../src/store/sqlite/index.js';
import { makeItem, makeLabels } from '../../contract/store-contract-corpus.js';

const SUBJECTS = ['Đường sắt tốc độ cao', 'Cao tốc Bắc - Nam', 'Giải phóng mặt bằng', 'Học phí đại học', 'Bảo hiểm y tế', 'Ô nhiễm không khí', 'Giá điện sinh hoạt', 'Chuyển đổi số', 'Sáp nhập tỉnh', 'Nhà ở xã hội'];
const PREDICATES = ['chậm tiến độ, người dân bức xúc', 'hoàn thành vượt kế hoạch', 'được người dân đồng tình', 'lãng phí hàng nghìn tỷ đồng', 'Chính phủ ban hành nghị định mới', 'lấy ý kiến rộng rãi'];
const SOURCES = ['vnexpress', 'tuoitre', 'thanhnien', 'dantri', 'baochinhphu', 'vietnamplus', 'nhandan', 'baodanang'];
const TOPICS = ['transport', 'land', 'education', 'health', 'environment', 'energy', 'digital', 'administration', 'housing', 'investment'];
const PROVINCES = ['ha-noi', 'ho-chi-minh', 'da-nang', 'hai-phong', 'can-tho', 'nghe-an'];
const SENTIMENTS: SentimentLabel[] = ['positive', 'negative', 'neutral'];
const PARAGRAPH = 'Theo báo cáo của Bộ Kế hoạch và Đầu tư, tiến độ giải ngân vốn đầu tư công trong tháng đạt thấp so với cùng kỳ; nhiều địa phương cho biết vướng mắc về thủ tục, đơn giá đền bù và nguồn vật liệu san lấp.';

/** A deterministic, varied item: ~1.5 KB of Vietnamese text, labels on 9 of 10 items. */
function syntheticItem(n: number): Item {
  const subject = SUBJECTS[n % SUBJECTS.length]!;
  const title = `${subject} ${PREDICATES[n % PREDICATES.length]} (bài ${n})`;
  return makeItem(`bai-${n}`, {
    sourceId: SOURCES[n % SOURCES.length]!,
    tier: n % 5 === 0 ? 'government' : 'central',
    title,
    lead: `${subject}: diễn biến mới nhất ngày ${1 + (n % 28)}/2.`,
    text: Array.from({ length: 7 }, (_, i) => `${PARAGRAPH} Đoạn ${i} của bài ${n}.`).join('\n\n'),
    publishedAt: new Date(Date.UTC(2025, 0, 1) + n * 97_000).toISOString(),
    contentHash: `hash-${n}`,
    labels:
      n % 10 === 9
        ? null
        : makeLabels({
            topics: [{ id: TOPICS[n % TOPICS.length]!, score: 0.8 }, { id: TOPICS[(n + 3) % TOPICS.length]!, score: 0.3 }],
            sentiment: SENTIMENTS[n % 3]!,
            provinces: [PROVINCES[n % PROVINCES.length]!],
            storyId: `story-${n % 500}`,
          }),
  });
}

const COUNT = 20_000;

describe(`SQLite bulk upsert of ${COUNT} items (timings printed, not asserted)`, () => {
  let dir: string;
  let store: SqliteStore;
  const items = Array.from({ length: COUNT }, (_, n) => syntheticItem(n));

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'pulse-bulk-'));
    store = createSqliteStore({ path: join(dir, 'bulk.db') });
    await store.init();
  });
  afterAll(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('inserts in batches of 500, then re-upserts as unchanged', async () => {
    let started = performance.now();
    let inserted = 0;
    for (let i = 0; i < items.length; i += 500) inserted += (await store.upsertItems(items.slice(i, i + 500))).inserted;
    const insertMs = performance.now() - started;
    expect(inserted).toBe(COUNT);

    started = performance.now();
    const again = await store.upsertItems(items);
    const unchangedMs = performance.now() - started;
    expect(again.unchanged).toBe(COUNT);

    console.log(
      `[bench] sqlite upsert: ${COUNT} new items in ${insertMs.toFixed(0)} ms = ${Math.round((COUNT / insertMs) * 1000)} items/s; ` +
        `${COUNT} unchanged re-upserts in ${unchangedMs.toFixed(0)} ms = ${Math.round((COUNT / unchangedMs) * 1000)} items/s`,
    );
  });

  it('searches, counts and aggregates the 20k items', async () => {
    const timed = async <T>(label: string, run: () => Promise<T>, repeats = 20): Promise<T> => {
      let result!: T;
      const samples: number[] = [];
      for (let i = 0; i < repeats; i++) {
        const t = performance.now();
        result = await run();
        samples.push(performance.now() - t);
      }
      samples.sort((a, b) => a - b);
      console.log(`[bench] ${label}: median ${samples[Math.floor(repeats / 2)]!.toFixed(1)} ms, max ${samples[repeats - 1]!.toFixed(1)} ms`);
      return result;
    };
    const phrase = await timed('search "duong sat" (relevance, top 20)', () => store.search({ text: 'duong sat' }));
    expect(phrase.total).toBe(COUNT / 10);
    const accented = await timed('search "Đường sắt" (exact-accent tier)', () => store.search({ text: 'Đường sắt' }));
    expect(accented.hits[0]?.item.title).toMatch(/^Đường sắt/);
    await timed('search "giải ngân vốn" matching every item', () => store.search({ text: 'giải ngân vốn' }));
    await timed('search text + topic + sentiment filters', () => store.search({ text: 'chậm tiến độ', topics: ['transport'], sentiments: ['negative'] }));
    await timed('browse newest, filter by source', () => store.search({ sourceIds: ['vnexpress'] }));
    await timed('countItems by topic and month', () => store.countItems({ topics: ['health'], from: '2025-01-01T00:00:00Z', to: '2025-02-01T00:00:00Z' }));
    const series = await timed('series day x topic (all)', () => store.series({ interval: 'day', by: 'topic' }));
    expect(series.reduce((sum, p) => sum + p.count, 0)).toBe((COUNT / 10) * 9 * 2 + COUNT / 10);
    await timed('series hour x sentiment (all)', () => store.series({ interval: 'hour', by: 'sentiment' }));
  });
});
