/**
 * The weekly leadership report as data: English keys, Vietnamese display text. Renderers
 * (HTML, PDF, DOCX) only lay this out; every number is computed once, in the model.
 */
import type { SentimentLabel } from '../core/item.js';
import type { ReportWeek } from './week.js';

/** Items per sentiment class; `unlabelled` counts items the analyser has not labelled yet. */
export interface SentimentCounts {
  positive: number;
  negative: number;
  neutral: number;
  unlabelled: number;
}

/** A story: near-duplicate items clustered by `labels.storyId` (an item without one is its own story). */
export interface StorySummary {
  storyId: string;
  /** Title of the earliest item. */
  title: string;
  url: string;
  items: number;
  /** Distinct outlet names, most items first. */
  outlets: string[];
  sentiment: SentimentLabel;
  /** Mean sentiment score of the labelled items, in [-1, 1]. */
  meanScore: number;
  firstPublishedAt: string;
  /** Evidence phrases of the story's polarity, most frequent first (at most 3). */
  evidence: string[];
  /** Topic ids, most frequent first (at most 3). */
  topics: string[];
}

/** One topic's week. */
export interface TopicRow {
  id: string;
  name: string;
  items: number;
  previousItems: number;
  positive: number;
  negative: number;
  neutral: number;
  /** Negative share among labelled items of the topic, 0..1. */
  negativeShare: number;
}

/** One province's week. */
export interface ProvinceRow {
  id: string;
  name: string;
  items: number;
  negative: number;
}

/** One day of the week (local date) split by sentiment. */
export interface DailyPoint extends SentimentCounts {
  date: string;
}

/** An alert raised during the week, as the alerts engine reports it. */
export interface ReportAlert {
  id: string;
  /** Short Vietnamese description. */
  title: string;
  /** `am_i`, `bung_phat`, `lan_rong` or any engine-specific code. */
  severity: string;
  raisedAt: string;
  /** `open`, `acknowledged`, `resolved`… */
  status: string;
  topic?: string | null;
}

/** Forecast of next week's volume (central interval). */
export interface ReportForecast {
  week: string;
  expectedItems: number;
  lower: number;
  upper: number;
  /** Central interval level, e.g. 0.8. */
  level: number;
  expectedNegative?: number | null;
  /** Who produced it, e.g. `holt-winters (hourly, 4 weeks)`. */
  method: string;
}

/** A term or story whose volume jumped against the previous weeks. */
export interface EmergingIssue {
  label: string;
  /** Items this week mentioning it. */
  current: number;
  /** Items in the background weeks mentioning it. */
  background: number;
  ratio: number;
  /** Where it was found. */
  kind: 'term' | 'story';
}

/** The executive summary, page one. */
export interface ExecutiveSummary {
  totalItems: number;
  previousTotalItems: number;
  /** Relative change of volume vs last week in percent, null when last week had none. */
  volumeChangePct: number | null;
  sentiment: SentimentCounts;
  previousSentiment: SentimentCounts;
  /** Negative share among labelled items, 0..1 (null when nothing is labelled). */
  negativeShare: number | null;
  previousNegativeShare: number | null;
  /** The topics with the most negative items, worst first (at most 5). */
  topIssues: TopicRow[];
  outlets: number;
  /** Ready-to-print Vietnamese bullet points. */
  highlights: string[];
}

/** The complete report. */
export interface WeeklyReport {
  /** Schema version of this object. */
  version: 1;
  week: ReportWeek;
  previousWeek: ReportWeek;
  generatedAt: string;
  /** False when the week had not ended yet at generation time. */
  weekComplete: boolean;
  title: string;
  summary: ExecutiveSummary;
  daily: DailyPoint[];
  topPositiveStories: StorySummary[];
  topNegativeStories: StorySummary[];
  topics: TopicRow[];
  provinces: ProvinceRow[];
  emerging: EmergingIssue[];
  /** Null when no alerts source was given (unknown), [] when there were none. */
  alerts: ReportAlert[] | null;
  forecast: ReportForecast | null;
}
