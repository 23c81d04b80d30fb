/**
 * Which hourly series a rule watches, and reading their counts from the Store for an hour range
 * with as few queries as possible (two `series` calls per rule and split dimension: all items and
 * negative items; full-text search only for keyword rules).
 */
import type { AlertRule } from '../alerts/rules-schema.js';
import type { ItemFilter, SeriesDimension, Store } from '../store/store.js';
import { fromEpochHour, toEpochHour } from './detector/spike-detector.js';

/** One watched series. */
export interface SeriesSpec {
  /** `<rule id>|<dimension>:<value>` or `<rule id>|all`. */
  key: string;
  ruleId: string;
  /** Store filter reproducing the series (without time bounds). */
  filter: ItemFilter;
  /** Keyword rules: items matching any keyword (accents optional). */
  keywords?: string[];
}

/** Hourly counts per series key, then per epoch hour. */
export type HourlyCounts = Map<string, Map<number, { total: number; negative: number }>>;

/** Cap on items read per keyword per tick; hitting it is reported, never silent. */
export const KEYWORD_ITEM_CAP = 5000;

/** Key label used when a split dimension has no listed values (discovered from data). */
const UNLABELLED = 'unlabelled';

/** The base Store filter of a rule's scope. */
export function scopeFilter(rule: AlertRule): ItemFilter {
  const s = rule.scope;
  const f: ItemFilter = {};
  if (s.topics.length) f.topics = [...s.topics];
  if (s.policies.length) f.policies = [...s.policies];
  if (s.provinces.length) f.provinces = [...s.provinces];
  if (s.tiers.length) f.tiers = [...s.tiers];
  return f;
}

/** Series of a rule for the given split values (from config, or discovered). */
export function seriesSpecs(rule: AlertRule, values: string[]): SeriesSpec[] {
  const base = scopeFilter(rule);
  const split = rule.scope.splitBy;
  if (rule.scope.keywords.length) return [{ key: `${rule.id}|kw`, ruleId: rule.id, filter: base, keywords: [...rule.scope.keywords] }];
  if (split === 'none') return [{ key: `${rule.id}|all`, ruleId: rule.id, filter: base }];
  const field = ({ topic: 'topics', policy: 'policies', province: 'provinces', tier: 'tiers' } as const)[split];
  return values.map((v) => ({ key: `${rule.id}|${split}:${v}`, ruleId: rule.id, filter: { ...base, [field]: [v] } as ItemFilter }));
}

/** Split values listed in the rule's scope (empty = discover from data). */
export function listedSplitValues(rule: AlertRule): string[] {
  const s = rule.scope;
  switch (s.splitBy) {
    case 'topic':
      return [...s.topics];
    case 'policy':
      return [...s.policies];
    case 'province':
      return [...s.provinces];
    case 'tier':
      return [...s.tiers];
    default:
      return [];
  }
}

/**
 * Read hourly total and negative counts for a rule over `[fromHour, toHour)`. For split rules
 * without listed values, every key seen in the data gets a series (`discovered`).
 */
export async function readRuleCounts(store: Store, rule: AlertRule, fromHour: number, toHour: number): Promise<{ counts: HourlyCounts; discovered: string[]; capped: boolean }> {
  const range = { from: fromEpochHour(fromHour), to: fromEpochHour(toHour) };
  const counts: HourlyCounts = new Map();
  const add = (key: string, hour: number, field: 'total' | 'negative', n: number) => {
    const byHour = counts.get(key) ?? new Map<number, { total: number; negative: number }>();
    const cell = byHour.get(hour) ?? { total: 0, negative: 0 };
    cell[field] += n;
    byHour.set(hour, cell);
    counts.set(key, byHour);
  };
  const split = rule.scope.splitBy;
  if (rule.scope.keywords.length) {
    const capped = await readKeywordCounts(store, rule, range, (hour, negative) => {
      add(`${rule.id}|kw`, hour, 'total', 1);
      if (negative) add(`${rule.id}|kw`, hour, 'negative', 1);
    });
    return { counts, discovered: [], capped };
  }
  const base = scopeFilter(rule);
  if (split === 'policy') {
    for (const p of rule.scope.policies) {
      for (const negative of [false, true]) {
        const points = await store.series({ ...base, ...range, policies: [p], interval: 'hour', by: 'none', ...(negative ? { sentiments: ['negative'] } : {}) });
        for (const pt of points) add(`${rule.id}|policy:${p}`, toEpochHour(pt.bucket), negative ? 'negative' : 'total', pt.count);
      }
    }
    return { counts, discovered: [], capped: false };
  }
  const by: SeriesDimension = split === 'none' ? 'none' : split;
  const listed = new Set(listedSplitValues(rule));
  const discovered = new Set<string>();
  for (const negative of [false, true]) {
    const points = await store.series({ ...base, ...range, interval: 'hour', by, ...(negative ? { sentiments: ['negative'] } : {}) });
    for (const pt of points) {
      if (split !== 'none' && (pt.key === UNLABELLED || (listed.size > 0 && !listed.has(pt.key)))) continue;
      const key = split === 'none' ? `${rule.id}|all` : `${rule.id}|${split}:${pt.key}`;
      if (split !== 'none') discovered.add(pt.key);
      add(key, toEpochHour(pt.bucket), negative ? 'negative' : 'total', pt.count);
    }
  }
  return { counts, discovered: [...discovered], capped: false };
}

async function readKeywordCounts(store: Store, rule: AlertRule, range: { from: string; to: string }, add: (hour: number, negative: boolean) => void): Promise<boolean> {
  const seen = new Set<string>();
  let capped = false;
  for (const text of rule.scope.keywords) {
    for (let offset = 0; ; offset += 500) {
      if (offset >= KEYWORD_ITEM_CAP) {
        capped = true;
        break;
      }
      const result = await store.search({ ...scopeFilter(rule), ...range, text, limit: 500, offset, sort: 'oldest' });
      for (const { item } of result.hits) {
        if (seen.has(item.id)) continue;
        seen.add(item.id);
        add(toEpochHour(item.publishedAt), item.labels?.sentiment.label === 'negative');
      }
      if (result.hits.length < 500) break;
    }
  }
  return capped;
}
