/**
 * `explainAlert(store, alert)`: everything the on-duty officer needs on one screen: what is
 * spiking (observed vs expected with its interval), where (top stories clustered by story id,
 * outlets, provinces), why it is negative (evidence phrases), what is new (emerging phrases vs the
 * previous week) and what comes next (forecast), plus the dashboard link. Built from the Store.
 */
import type { Item } from '../core/item.js';
import { foldForSearch } from '../nlp/fold.js';
import type { ItemFilter, SearchQuery, Store } from '../store/store.js';
import { countPhrases, findEmerging, type EmergingTerm } from '../trends/detector/emerging.js';
import { classifySeverity, DEFAULT_SEVERITY_RULES, SEVERITY_LABELS_VI, type Severity, type SeverityRules, type SpreadEvidence } from '../trends/detector/severity.js';
import type { Assessment } from '../trends/detector/spike-detector.js';
import type { ForecastBreach } from '../trends/forecast/early-warning.js';
import type { Forecast } from '../trends/forecast/holt-winters.js';
import { alertLink, type AlertRecord } from './alert.js';

/** A cluster of near-duplicate negative articles. */
export interface StorySummary {
  storyId: string;
  title: string;
  url: string;
  items: number;
  outlets: string[];
  firstSeen: string;
}

/** The explanation attached to alerts and rendered by channels. */
export interface AlertExplanation {
  alertId: string;
  title: string;
  severity: Severity;
  severityLabel: string;
  window: { from: string; to: string };
  observed: Assessment | null;
  peak: Assessment | null;
  spread: SpreadEvidence;
  topStories: StorySummary[];
  outlets: { name: string; items: number }[];
  provinces: { id: string; items: number }[];
  evidence: { phrase: string; count: number }[];
  emergingTerms: EmergingTerm[];
  forecast: ForecastBreach | null;
  /** Negative articles expected over the next hours (sum of hourly median and 80 % bounds; the bounds are conservative). */
  outlook: { hours: number; median: number; lower: number; upper: number } | null;
  link: string;
  /** Negative items fetched vs matching (explanations use at most `maxItems`). */
  itemsExamined: number;
  itemsMatching: number;
}

/** Options of {@link explainAlert}. */
export interface ExplainOptions {
  dashboardUrl: string;
  severityRules?: SeverityRules;
  /** @defaultValue 500 */
  maxItems?: number;
  /** Days of background for emerging phrases. @defaultValue 7 */
  backgroundDays?: number;
  /** Forecast of the series' negative counts from now, when the caller has one. */
  outlook?: Forecast | null;
}

const HOUR = 3_600_000;

/** Build the explanation of an alert from the Store. */
export async function explainAlert(store: Store, alert: AlertRecord, options: ExplainOptions): Promise<AlertExplanation> {
  const maxItems = options.maxItems ?? 500;
  const reach = Math.max(alert.peak?.windowHours ?? 1, alert.latest?.windowHours ?? 1);
  const from = new Date(Date.parse(alert.windowStart) - (reach - 1) * HOUR).toISOString();
  const to = new Date(Date.parse(alert.windowEnd) + HOUR).toISOString();
  const negative = await fetchItems(store, { ...alert.filter, from, to, sentiments: ['negative'] }, maxItems, alert.keywords);
  const spread = spreadOf(negative.items);
  const bgFrom = new Date(Date.parse(from) - (options.backgroundDays ?? 7) * 24 * HOUR).toISOString();
  const background = await fetchItems(store, { ...alert.filter, from: bgFrom, to: from }, maxItems, alert.keywords);
  const current = countPhrases(negative.items.map(headline));
  const past = countPhrases(background.items.map(headline));
  const severity = classifySeverity(spread, options.severityRules ?? DEFAULT_SEVERITY_RULES);
  return {
    alertId: alert.id,
    title: alert.ruleName,
    severity,
    severityLabel: SEVERITY_LABELS_VI[severity],
    window: { from, to },
    observed: alert.latest,
    peak: alert.peak,
    spread,
    topStories: topStories(negative.items),
    outlets: topCounts(negative.items.map((i) => i.sourceName)).map(([name, items]) => ({ name, items })),
    provinces: topCounts(negative.items.flatMap((i) => provincesOf(i))).map(([id, items]) => ({ id, items })),
    evidence: topEvidence(negative.items),
    emergingTerms: findEmerging(current.counts, past.counts, {
      currentTotal: negative.items.length,
      backgroundTotal: Math.max(background.items.length, 1),
      labels: current.labels,
      limit: 8,
    }),
    forecast: alert.forecast,
    outlook: options.outlook ? summariseOutlook(options.outlook) : null,
    link: alertLink(options.dashboardUrl, alert.id),
    itemsExamined: negative.items.length,
    itemsMatching: negative.total,
  };
}

function summariseOutlook(f: Forecast): { hours: number; median: number; lower: number; upper: number } {
  const sum = (v: number[]) => v.reduce((a, b) => a + b, 0);
  return { hours: f.median.length, median: Math.round(sum(f.median)), lower: sum(f.lower), upper: sum(f.upper) };
}

/** Spread of negative coverage, for the severity ladder. */
export function spreadOf(items: Item[]): SpreadEvidence {
  return {
    negativeItems: items.length,
    mainstreamItems: items.filter((i) => i.tier === 'central' || i.tier === 'party').length,
    outlets: new Set(items.map((i) => i.sourceId)).size,
    provinces: new Set(items.flatMap((i) => provincesOf(i))).size,
  };
}

/** Items matching the filter (and any keyword, for keyword rules), newest first, at most `max`. */
async function fetchItems(store: Store, filter: ItemFilter, max: number, keywords?: string[]): Promise<{ items: Item[]; total: number }> {
  const byId = new Map<string, Item>();
  let total = 0;
  const page = 200;
  for (const text of keywords?.length ? keywords : [undefined]) {
    for (let offset = 0; byId.size < max; offset += page) {
      const query: SearchQuery = { ...filter, limit: Math.min(page, max - byId.size), offset, sort: 'newest', ...(text ? { text } : {}) };
      const result = await store.search(query);
      if (offset === 0) total += result.total;
      for (const h of result.hits) byId.set(h.item.id, h.item);
      if (result.hits.length < page) break;
    }
  }
  return { items: [...byId.values()], total };
}

function headline(i: Item): string {
  return [i.title, i.lead ?? ''].join('. ');
}

function provincesOf(i: Item): string[] {
  const ids = new Set(i.labels?.provinces ?? []);
  if (i.sourceProvince) ids.add(i.sourceProvince);
  return [...ids];
}

function topStories(items: Item[]): StorySummary[] {
  const byStory = new Map<string, Item[]>();
  for (const i of items) {
    const key = i.labels?.storyId ?? `item:${i.id}`;
    byStory.set(key, [...(byStory.get(key) ?? []), i]);
  }
  return [...byStory]
    .map(([storyId, group]) => {
      const sorted = [...group].sort((a, b) => a.publishedAt.localeCompare(b.publishedAt));
      // The earliest central/party piece represents the story when there is one: officers trust it.
      const lead = sorted.find((i) => i.tier === 'central' || i.tier === 'party') ?? sorted[0]!;
      return { storyId, title: lead.title, url: lead.url, items: group.length, outlets: [...new Set(group.map((i) => i.sourceName))], firstSeen: sorted[0]!.publishedAt };
    })
    .sort((a, b) => b.items - a.items || b.outlets.length - a.outlets.length || a.firstSeen.localeCompare(b.firstSeen))
    .slice(0, 5);
}

function topEvidence(items: Item[]): { phrase: string; count: number }[] {
  const counts = new Map<string, { phrase: string; count: number }>();
  for (const i of items) {
    const seen = new Set<string>();
    for (const e of i.labels?.sentiment.evidence ?? []) {
      if (e.polarity !== 'negative') continue;
      const key = foldForSearch(e.text.normalize('NFC'));
      if (seen.has(key)) continue;
      seen.add(key);
      const entry = counts.get(key) ?? { phrase: e.text.normalize('NFC').toLowerCase(), count: 0 };
      entry.count++;
      counts.set(key, entry);
    }
  }
  return [...counts.values()].sort((a, b) => b.count - a.count || a.phrase.localeCompare(b.phrase)).slice(0, 10);
}

function topCounts(values: string[], limit = 10): [string, number][] {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, limit);
}
