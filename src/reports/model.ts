/**
 * Builds the weekly leadership report from the Store (plus alerts and forecasts when those
 * engines are wired). Everything is computed here; renderers only lay it out.
 */
import type { Store } from '../store/store.js';
import { WeekAccumulator, dailyPoints, emptySentiment, topStories, type WeekAggregate } from './aggregate.js';
import { emergingFromStore } from './emerging.js';
import { buildHighlights } from './highlights.js';
import { topicName, type TopicNames } from './names.js';
import { scanItems } from './scan.js';
import type { EmergingIssue, ReportAlert, ReportForecast, SentimentCounts, TopicRow, WeeklyReport } from './types.js';
import { parseReportWeek, shiftReportWeek, weekDays, type ReportWeek } from './week.js';

/** Where the report reads the week's alerts (the alerts engine implements it). */
export interface ReportAlertsSource {
  /** Alerts raised in `[from, to)`. */
  alertsBetween(from: string, to: string): Promise<ReportAlert[]>;
}

/** Where the report reads next week's forecast (the trends engine, or {@link createStoreForecaster}). */
export interface ReportForecastSource {
  /** Forecast for `week`, or null when there is not enough history. */
  forecastWeek(week: ReportWeek): Promise<ReportForecast | null>;
}

/** Optional emerging-issue finder of the alerts engine; the report computes its own when absent. */
export interface ReportEmergingSource {
  emergingBetween(from: string, to: string): Promise<EmergingIssue[]>;
}

/** Inputs of {@link buildWeeklyReport}. */
export interface WeeklyReportDeps {
  store: Store;
  alerts?: ReportAlertsSource | undefined;
  forecasts?: ReportForecastSource | undefined;
  emerging?: ReportEmergingSource | undefined;
  /** Topic display names (see `loadTopicNames`). @defaultValue ids are shown as they are */
  topicNames?: TopicNames | undefined;
  /** Clock, for tests. @defaultValue () => new Date() */
  now?: (() => Date) | undefined;
  /** Weeks before the report week used as the emerging-terms background. @defaultValue 3 */
  backgroundWeeks?: number | undefined;
  /** Stories per polarity. @defaultValue 5 */
  storiesPerList?: number | undefined;
}

/**
 * Build the report of one ISO week (`2026-W48`; weeks start Monday 00:00 Asia/Ho_Chi_Minh).
 *
 * @example
 * const report = await buildWeeklyReport({ store, topicNames: loadTopicNames('config') }, '2026-W48');
 */
export async function buildWeeklyReport(deps: WeeklyReportDeps, week: string): Promise<WeeklyReport> {
  const current = parseReportWeek(week);
  const previous = shiftReportWeek(current, -1);
  const now = (deps.now ?? (() => new Date()))();
  const names = deps.topicNames ?? new Map<string, string>();

  const acc = new WeekAccumulator();
  await scanItems(deps.store, current.from, current.to, (item) => acc.add(item));
  const agg = acc.result();

  const [previousTotal, previousSentiment, previousTopics, alerts, forecast, emerging] = await Promise.all([
    deps.store.countItems({ from: previous.from, to: previous.to }),
    sentimentOfRange(deps.store, previous),
    topicCountsOfRange(deps.store, previous),
    deps.alerts ? deps.alerts.alertsBetween(current.from, current.to) : Promise.resolve(null),
    deps.forecasts ? deps.forecasts.forecastWeek(shiftReportWeek(current, 1)) : Promise.resolve(null),
    deps.emerging
      ? deps.emerging.emergingBetween(current.from, current.to)
      : emergingFromStore(deps.store, current, agg.titles, deps.backgroundWeeks ?? 3),
  ]);

  const topics = topicRows(agg, previousTopics, names);
  const perList = deps.storiesPerList ?? 5;
  const summary = {
    totalItems: agg.total,
    previousTotalItems: previousTotal,
    volumeChangePct: previousTotal > 0 ? round1(((agg.total - previousTotal) / previousTotal) * 100) : null,
    sentiment: agg.sentiment,
    previousSentiment,
    negativeShare: negativeShare(agg.sentiment),
    previousNegativeShare: negativeShare(previousSentiment),
    topIssues: [...topics].filter((t) => t.negative > 0).sort((a, b) => b.negative - a.negative || b.items - a.items).slice(0, 5),
    outlets: agg.outlets.size,
    highlights: [] as string[],
  };
  const report: WeeklyReport = {
    version: 1,
    week: current,
    previousWeek: previous,
    generatedAt: now.toISOString(),
    weekComplete: now.getTime() >= Date.parse(current.to),
    title: `Báo cáo ${current.labelVi.replace(/^Tuần/, 'tuần')}`,
    summary,
    daily: dailyPoints(weekDays(current), agg.daily),
    topPositiveStories: topStories(agg.stories, 'positive', perList),
    topNegativeStories: topStories(agg.stories, 'negative', perList),
    topics,
    provinces: [...agg.provinces]
      .map(([id, p]) => ({ id, name: agg.provinceNames.get(id) ?? id, items: p.items, negative: p.negative }))
      .sort((a, b) => b.items - a.items || (a.name < b.name ? -1 : 1)),
    emerging,
    alerts: alerts ? [...alerts].sort((a, b) => (a.raisedAt < b.raisedAt ? -1 : 1)) : null,
    forecast,
  };
  summary.highlights = buildHighlights(report);
  return report;
}

function topicRows(agg: WeekAggregate, previous: Map<string, number>, names: TopicNames): TopicRow[] {
  const ids = new Set([...agg.topics.keys(), ...[...previous.keys()].filter((k) => k !== 'unlabelled')]);
  return [...ids]
    .map((id) => {
      const t = agg.topics.get(id) ?? { items: 0, ...emptySentiment() };
      return {
        id,
        name: topicName(names, id),
        items: t.items,
        previousItems: previous.get(id) ?? 0,
        positive: t.positive,
        negative: t.negative,
        neutral: t.neutral,
        negativeShare: negativeShare(t) ?? 0,
      };
    })
    .sort((a, b) => b.items - a.items || b.previousItems - a.previousItems || (a.id < b.id ? -1 : 1));
}

async function sentimentOfRange(store: Store, week: ReportWeek): Promise<SentimentCounts> {
  const counts = emptySentiment();
  for (const p of await store.series({ from: week.from, to: week.to, interval: 'week', by: 'sentiment' })) {
    if (p.key in counts) counts[p.key as keyof SentimentCounts] += p.count;
  }
  return counts;
}

async function topicCountsOfRange(store: Store, week: ReportWeek): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  for (const p of await store.series({ from: week.from, to: week.to, interval: 'week', by: 'topic' })) {
    counts.set(p.key, (counts.get(p.key) ?? 0) + p.count);
  }
  return counts;
}

function negativeShare(s: { positive: number; negative: number; neutral: number }): number | null {
  const labelled = s.positive + s.negative + s.neutral;
  return labelled > 0 ? s.negative / labelled : null;
}

function round1(v: number): number {
  return Math.round(v * 10) / 10;
}
