import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emergingTerms } from '../../../src/reports/emerging.js';
import { buildWeeklyReport } from '../../../src/reports/model.js';
import { loadTopicNames } from '../../../src/reports/names.js';
import type { WeeklyReport } from '../../../src/reports/types.js';
import { lastCompletedReportWeek, parseReportWeek, shiftReportWeek } from '../../../src/reports/week.js';
import type { SqliteStore } from '../../../src/store/sqlite/index.js';
import { FIXTURE_WEEK, fixtureStore } from './fixture.js';

describe('report weeks', () => {
  it('start Monday 00:00 in Asia/Ho_Chi_Minh', () => {
    const w = parseReportWeek('2026-W48');
    expect(w.from).toBe('2026-11-22T17:00:00.000Z');
    expect(w.to).toBe('2026-11-29T17:00:00.000Z');
    expect(w.labelVi).toBe('Tuần 48/2026 (23/11/2026 – 29/11/2026)');
    expect(shiftReportWeek('2026-W01', -1).id).toBe('2025-W52');
    // Monday 06:59 local is already the new week; the last completed one is W48.
    expect(lastCompletedReportWeek(new Date('2026-11-29T23:59:00Z')).id).toBe('2026-W48');
  });

  it('reject malformed or non-existent weeks by name', () => {
    expect(() => parseReportWeek('2026-48')).toThrow(/2026-48/);
    expect(() => parseReportWeek('2026-W54')).toThrow(/no ISO week 54/);
    expect(() => parseReportWeek('../../etc')).toThrow(/ISO week/);
  });
});

describe('buildWeeklyReport', () => {
  let store: SqliteStore;
  let report: WeeklyReport;
  beforeAll(async () => {
    ({ store } = await fixtureStore());
    report = await buildWeeklyReport(
      {
        store,
        topicNames: loadTopicNames('config'),
        now: () => new Date('2026-11-30T01:00:00Z'),
        alerts: { alertsBetween: async () => [{ id: 'a1', title: 'Tin tiêu cực về đường sắt tăng đột biến', severity: 'bung_phat', raisedAt: '2026-11-24T03:00:00Z', status: 'open' }] },
        forecasts: { forecastWeek: async (w) => ({ week: w.id, expectedItems: 30, lower: 20, upper: 40, level: 0.8, method: 'test' }) },
      },
      FIXTURE_WEEK,
    );
  }, 60_000);
  afterAll(() => store.close());

  it('counts the week and compares with the previous one', () => {
    expect(report.summary.totalItems).toBe(30);
    expect(report.summary.previousTotalItems).toBe(12);
    expect(report.summary.sentiment).toEqual({ positive: 4, negative: 15, neutral: 10, unlabelled: 1 });
    expect(report.summary.previousSentiment.negative).toBe(3);
    expect(report.daily).toHaveLength(7);
    expect(report.daily.reduce((n, d) => n + d.positive + d.negative + d.neutral + d.unlabelled, 0)).toBe(30);
    expect(report.weekComplete).toBe(true);
  });

  it('clusters stories by storyId with their outlets and evidence', () => {
    const railway = report.topNegativeStories[0]!;
    expect(railway.storyId).toBe('story-railway');
    expect(railway.items).toBe(6);
    expect(railway.outlets).toHaveLength(6);
    expect(railway.evidence).toEqual(['chậm tiến độ']);
    expect(report.topPositiveStories.map((s) => s.storyId)).toEqual(['story-invest']);
  });

  it('names topics and provinces in Vietnamese and ranks top issues by negative items', () => {
    expect(report.summary.topIssues[0]!.name).toBe('Môi trường, khí hậu, thiên tai');
    expect(report.provinces[0]).toMatchObject({ id: 'dong-thap', name: 'Đồng Tháp', items: 7, negative: 7 });
    expect(report.topics.find((t) => t.id === 'transport')).toMatchObject({ items: 6, previousItems: 6 });
  });

  it('finds the emerging landslide issue and not last weeks\' routine news', () => {
    const labels = report.emerging.map((e) => e.label);
    expect(labels.some((l) => l.startsWith('sạt lở'))).toBe(true);
    expect(labels.some((l) => l.includes('triển khai'))).toBe(false);
  });

  it('includes alerts and forecast in the summary', () => {
    expect(report.alerts).toHaveLength(1);
    expect(report.forecast?.expectedItems).toBe(30);
    expect(report.summary.highlights.join('\n')).toMatch(/1 cảnh báo.*Bùng phát/);
    expect(report.summary.highlights.join('\n')).toContain('Dự báo tuần tới: khoảng 30 tin');
  });
});

describe('emergingTerms', () => {
  it('merges overlapping n-grams into the repeated phrase', () => {
    const current = ['Cháy rừng phòng hộ ở Nghệ An', 'Cháy rừng phòng hộ lan rộng', 'Khắc phục cháy rừng phòng hộ', 'Họp báo thường kỳ'];
    const background = Array.from({ length: 30 }, (_, i) => `Họp báo thường kỳ tháng ${i}`);
    const issues = emergingTerms(current, background);
    expect(issues.map((i) => i.label)).toEqual(['cháy rừng phòng hộ']);
  });
});
