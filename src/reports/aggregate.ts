/**
 * One pass over a week's items: sentiment, days, topics, provinces, outlets and story clusters.
 * Pure: feed items with `add`, read the totals with `result`.
 */
import type { Item, SentimentLabel } from '../core/item.js';
import type { DailyPoint, SentimentCounts, StorySummary } from './types.js';
import { localDate } from './week.js';

/** Per-topic counts before names are attached. */
export interface TopicCounts extends SentimentCounts {
  items: number;
}

/** What one pass over a week yields. */
export interface WeekAggregate {
  total: number;
  sentiment: SentimentCounts;
  daily: Map<string, SentimentCounts>;
  topics: Map<string, TopicCounts>;
  provinces: Map<string, { items: number; negative: number }>;
  /** Province display names found in entity labels. */
  provinceNames: Map<string, string>;
  outlets: Set<string>;
  stories: StorySummary[];
  titles: string[];
}

interface StoryAcc {
  storyId: string;
  title: string;
  url: string;
  firstMs: number;
  firstAt: string;
  items: number;
  outlets: Map<string, number>;
  votes: SentimentCounts;
  scoreSum: number;
  scored: number;
  evidence: Map<SentimentLabel, Map<string, number>>;
  topics: Map<string, number>;
}

/** Empty sentiment counts. */
export function emptySentiment(): SentimentCounts {
  return { positive: 0, negative: 0, neutral: 0, unlabelled: 0 };
}

/** Accumulates a week's items. */
export class WeekAccumulator {
  private readonly agg: Omit<WeekAggregate, 'stories'> = {
    total: 0,
    sentiment: emptySentiment(),
    daily: new Map(),
    topics: new Map(),
    provinces: new Map(),
    provinceNames: new Map(),
    outlets: new Set(),
    titles: [],
  };
  private readonly stories = new Map<string, StoryAcc>();

  /** Count one item. */
  add(item: Item): void {
    const a = this.agg;
    const label: keyof SentimentCounts = item.labels?.sentiment.label ?? 'unlabelled';
    a.total += 1;
    a.sentiment[label] += 1;
    const day = localDate(item.publishedAt);
    const daily = a.daily.get(day) ?? emptySentiment();
    daily[label] += 1;
    a.daily.set(day, daily);
    a.outlets.add(item.sourceName);
    a.titles.push(item.title);
    const labels = item.labels;
    if (labels) {
      for (const topicId of new Set(labels.topics.map((t) => t.id))) {
        const t = a.topics.get(topicId) ?? { items: 0, ...emptySentiment() };
        t.items += 1;
        t[label] += 1;
        a.topics.set(topicId, t);
      }
      for (const provinceId of new Set(labels.provinces)) {
        const p = a.provinces.get(provinceId) ?? { items: 0, negative: 0 };
        p.items += 1;
        if (label === 'negative') p.negative += 1;
        a.provinces.set(provinceId, p);
      }
      for (const e of labels.entities) if (e.type === 'province' && !a.provinceNames.has(e.id)) a.provinceNames.set(e.id, e.name);
    }
    this.addToStory(item, label);
  }

  private addToStory(item: Item, label: keyof SentimentCounts): void {
    const storyId = item.labels?.storyId ?? `item:${item.id}`;
    const ms = Date.parse(item.publishedAt);
    let s = this.stories.get(storyId);
    if (!s) {
      s = { storyId, title: item.title, url: item.url, firstMs: ms, firstAt: item.publishedAt, items: 0, outlets: new Map(), votes: emptySentiment(), scoreSum: 0, scored: 0, evidence: new Map(), topics: new Map() };
      this.stories.set(storyId, s);
    } else if (ms < s.firstMs) {
      Object.assign(s, { title: item.title, url: item.url, firstMs: ms, firstAt: item.publishedAt });
    }
    s.items += 1;
    s.outlets.set(item.sourceName, (s.outlets.get(item.sourceName) ?? 0) + 1);
    s.votes[label] += 1;
    const labels = item.labels;
    if (!labels) return;
    s.scoreSum += labels.sentiment.score;
    s.scored += 1;
    for (const ev of labels.sentiment.evidence) {
      const byText = s.evidence.get(ev.polarity) ?? new Map<string, number>();
      const text = ev.text.normalize('NFC').trim();
      if (text) byText.set(text, (byText.get(text) ?? 0) + 1);
      s.evidence.set(ev.polarity, byText);
    }
    for (const t of labels.topics) s.topics.set(t.id, (s.topics.get(t.id) ?? 0) + 1);
  }

  /** Totals and story summaries. */
  result(): WeekAggregate {
    return { ...this.agg, stories: [...this.stories.values()].map(summariseStory) };
  }
}

function summariseStory(s: StoryAcc): StorySummary {
  const sentiment = dominantSentiment(s.votes);
  return {
    storyId: s.storyId,
    title: s.title,
    url: s.url,
    items: s.items,
    outlets: rankKeys(s.outlets),
    sentiment,
    meanScore: s.scored > 0 ? Math.round((s.scoreSum / s.scored) * 100) / 100 : 0,
    firstPublishedAt: s.firstAt,
    evidence: rankKeys(s.evidence.get(sentiment) ?? new Map()).slice(0, 3),
    topics: rankKeys(s.topics).slice(0, 3),
  };
}

/** Majority label among labelled items; ties go to negative, then positive (what leadership must not miss first). */
function dominantSentiment(v: SentimentCounts): SentimentLabel {
  const order: SentimentLabel[] = ['negative', 'positive', 'neutral'];
  let best: SentimentLabel = 'neutral';
  let bestCount = 0;
  for (const label of order) {
    if (v[label] > bestCount) {
      best = label;
      bestCount = v[label];
    }
  }
  return best;
}

function rankKeys(counts: Map<string, number>): string[] {
  return [...counts].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1)).map(([k]) => k);
}

/** Days of the week as chart points, zero-filled. */
export function dailyPoints(days: readonly string[], daily: Map<string, SentimentCounts>): DailyPoint[] {
  return days.map((date) => ({ date, ...(daily.get(date) ?? emptySentiment()) }));
}

/**
 * Top stories of one polarity: most items first, then most outlets, then earliest.
 * Only stories whose dominant label is that polarity qualify.
 */
export function topStories(stories: readonly StorySummary[], sentiment: SentimentLabel, limit: number): StorySummary[] {
  return stories
    .filter((s) => s.sentiment === sentiment)
    .sort((a, b) => b.items - a.items || b.outlets.length - a.outlets.length || (a.firstPublishedAt < b.firstPublishedAt ? -1 : 1))
    .slice(0, limit);
}
