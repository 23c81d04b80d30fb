/**
 * A small labelled week for report tests: two stories across outlets, background weeks, an
 * emerging phrase, and a crawled title carrying script payloads. Stored in a real SQLite file.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { Item, SentimentLabel } from '../../../src/core/item.js';
import { buildReportCharts, type ReportChart } from '../../../src/reports/charts.js';
import { buildWeeklyReport } from '../../../src/reports/model.js';
import { loadTopicNames } from '../../../src/reports/names.js';
import type { WeeklyReport } from '../../../src/reports/types.js';
import { createSqliteStore, type SqliteStore } from '../../../src/store/sqlite/index.js';

/** The report week of the fixture. */
export const FIXTURE_WEEK = '2026-W48';
/** Monday 23/11/2026 00:00 Asia/Ho_Chi_Minh. */
const WEEK_START_MS = Date.parse('2026-11-22T17:00:00Z');
const DAY = 86_400_000;

/** Title with an XSS payload, as a hostile page could publish it. */
export const HOSTILE_TITLE = 'Tin giả <script>alert("xss")</script><img src=x onerror=alert(1)> về giá điện';

const OUTLETS = ['Báo Nhân Dân', 'Báo Tuổi Trẻ', 'Báo Thanh Niên', 'VnExpress', 'Báo Lao Động', 'Báo Tin tức', 'Báo Hà Tĩnh'];

interface Spec {
  title: string;
  sentiment: SentimentLabel | null;
  topic: string;
  province?: [string, string];
  storyId?: string;
  evidence?: string;
  dayOffset: number;
  outlet: number;
}

let counter = 0;

/** Build one labelled item. */
export function makeItem(spec: Spec): Item {
  counter += 1;
  const url = `https://example.vn/${counter}-${spec.dayOffset}`;
  const id = createHash('sha1').update(url).digest('hex');
  const publishedAt = new Date(WEEK_START_MS + spec.dayOffset * DAY + (counter % 20) * 3_600_000).toISOString();
  const outlet = OUTLETS[spec.outlet % OUTLETS.length]!;
  return {
    id, url, sourceId: `src-${spec.outlet % OUTLETS.length}`, sourceName: outlet, tier: 'central', sourceProvince: null,
    title: spec.title, lead: null, text: `${spec.title}. Nội dung bài viết.`, author: null, section: null, tags: [],
    publishedAt, modifiedAt: null, fetchedAt: publishedAt, imageUrl: null, partial: false, partialReason: null,
    contentHash: id,
    labels: spec.sentiment === null ? null : {
      modelVersion: 'test',
      topics: [{ id: spec.topic, score: 0.9 }],
      policies: [],
      sentiment: {
        label: spec.sentiment,
        score: spec.sentiment === 'negative' ? -0.7 : spec.sentiment === 'positive' ? 0.6 : 0,
        confidence: 0.8,
        evidence: spec.evidence ? [{ text: spec.evidence, field: 'title', start: 0, end: spec.evidence.length, polarity: spec.sentiment, weight: 1 }] : [],
      },
      entities: spec.province ? [{ type: 'province', id: spec.province[0], name: spec.province[1], count: 1 }] : [],
      provinces: spec.province ? [spec.province[0]] : [],
      storyId: spec.storyId ?? null,
      simhash: null,
    },
  };
}

/** Items of the fixture: the report week plus three background weeks. */
export function fixtureItems(): Item[] {
  const items: Item[] = [];
  for (let i = 0; i < 6; i++) {
    items.push(makeItem({ title: 'Dự án đường sắt đô thị chậm tiến độ, gây lãng phí', sentiment: 'negative', topic: 'transport', province: ['ha-noi', 'Hà Nội'], storyId: 'story-railway', evidence: 'chậm tiến độ', dayOffset: 1 + (i % 3), outlet: i }));
  }
  for (let i = 0; i < 4; i++) {
    items.push(makeItem({ title: 'Giải ngân vốn đầu tư công vượt kế hoạch', sentiment: 'positive', topic: 'economy', province: ['nghe-an', 'Nghệ An'], storyId: 'story-invest', evidence: 'vượt kế hoạch', dayOffset: 2, outlet: i + 1 }));
  }
  for (let i = 0; i < 7; i++) {
    items.push(makeItem({ title: `Sạt lở bờ sông tại xã ${['Hòa Tiến', 'Phú Lộc', 'Yên Mỹ', 'Đông Sơn', 'Tam Phước', 'Long Phú', 'Tân Châu'][i]}`, sentiment: 'negative', topic: 'environment', province: ['dong-thap', 'Đồng Tháp'], dayOffset: i, outlet: i }));
  }
  for (let i = 0; i < 2; i++) items.push(makeItem({ title: HOSTILE_TITLE, sentiment: 'negative', topic: 'energy', storyId: 'story-hostile', evidence: 'tin giả', dayOffset: 3, outlet: 2 + i }));
  for (let i = 0; i < 10; i++) items.push(makeItem({ title: `Hội nghị tổng kết công tác năm số ${i}`, sentiment: 'neutral', topic: 'admin', dayOffset: i % 7, outlet: i }));
  items.push(makeItem({ title: 'Bài chưa phân tích', sentiment: null, topic: 'admin', dayOffset: 4, outlet: 0 }));
  // Background: three earlier weeks, ordinary news, no landslides.
  for (let w = 1; w <= 3; w++) {
    for (let i = 0; i < 12; i++) {
      items.push(makeItem({ title: `Hội nghị triển khai nhiệm vụ ${w}-${i}`, sentiment: i % 4 === 0 ? 'negative' : 'neutral', topic: i % 2 ? 'economy' : 'transport', dayOffset: -7 * w + (i % 7), outlet: i }));
    }
  }
  return items;
}

/** A fresh SQLite store in a temp dir, filled with {@link fixtureItems}. */
export async function fixtureStore(): Promise<{ store: SqliteStore; dir: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'pulse-report-'));
  const store = createSqliteStore({ path: join(dir, 'pulse.db') });
  await store.init();
  const result = await store.upsertItems(fixtureItems());
  if (result.errors.length > 0) throw new Error(`fixture upsert failed: ${JSON.stringify(result.errors)}`);
  return { store, dir };
}

/** The fixture store, the week's report built from it and its charts (as the renderers get them). */
export async function fixtureReport(): Promise<{ store: SqliteStore; report: WeeklyReport; charts: ReportChart[] }> {
  const { store } = await fixtureStore();
  const report = await buildWeeklyReport({ store, topicNames: loadTopicNames('config'), now: () => new Date('2026-11-30T01:00:00Z') }, FIXTURE_WEEK);
  return { store, report, charts: buildReportCharts(report) };
}

/** The text of a PDF as a reader extracts it (pdf.js), NFC, pages joined by a newline. */
export async function pdfText(bytes: Buffer): Promise<string> {
  const pdf = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, isEvalSupported: false }).promise;
  const pages: string[] = [];
  for (let i = 1; i <= pdf.numPages; i++) {
    const content = await (await pdf.getPage(i)).getTextContent();
    pages.push(content.items.map((it) => ('str' in it ? it.str + (it.hasEOL ? '\n' : '') : '')).join(''));
  }
  await pdf.destroy();
  return pages.join('\n').normalize('NFC');
}
