import type { Client } from '@elastic/elasticsearch';
import { Info } from 'luxon';
import type { SeriesDimension, SeriesPoint, SeriesQuery } from '../store.js';
import { filterQuery } from './queries.js';

/** Document field holding each dimension's value(s). Topic and sentiment carry `unlabelled`. */
export const DIMENSION_FIELDS: Record<Exclude<SeriesDimension, 'none'>, string> = {
  topic: 'topicKeys',
  sentiment: 'sentimentKey',
  source: 'sourceId',
  tier: 'tier',
  province: 'provinces',
};

const CALENDAR_INTERVALS = { hour: '1h', day: '1d', week: '1w' } as const;
const PAGE_SIZE = 1000;

/**
 * Count items per local time bucket and dimension value with a composite aggregation
 * (date_histogram in `timeZone` × terms), paged with `after` so no bucket is cut off.
 * Same results as the SQLite adapter: only non-empty buckets, UTC bucket starts, weeks from
 * local Monday midnight, multi-valued dimensions count an item once per value.
 */
export async function seriesCounts(client: Client, alias: string, query: SeriesQuery): Promise<SeriesPoint[]> {
  const interval = query.interval;
  if (!(interval in CALENDAR_INTERVALS)) throw new Error(`Store series: interval must be hour, day or week, got ${JSON.stringify(interval)}`);
  const timeZone = query.timeZone ?? 'Asia/Ho_Chi_Minh';
  if (!Info.normalizeZone(timeZone).isValid) throw new Error(`Store series: unknown time zone ${JSON.stringify(timeZone)}`);
  const by = query.by ?? 'none';
  if (by !== 'none' && !(by in DIMENSION_FIELDS)) throw new Error(`Store series: unknown dimension ${JSON.stringify(by)}`);

  const sources: Record<string, unknown>[] = [
    { bucket: { date_histogram: { field: 'publishedAt', calendar_interval: CALENDAR_INTERVALS[interval], time_zone: timeZone } } },
  ];
  if (by !== 'none') sources.push({ key: { terms: { field: DIMENSION_FIELDS[by] } } });

  const points: SeriesPoint[] = [];
  let after: Record<string, unknown> | undefined;
  do {
    const response = await client.search({
      index: alias,
      size: 0,
      ignore_unavailable: true,
      allow_no_indices: true,
      query: filterQuery(query),
      aggs: { series: { composite: { size: PAGE_SIZE, sources, ...(after ? { after } : {}) } } },
    } as Parameters<Client['search']>[0]);
    const agg = (response.aggregations as Record<string, CompositeAgg> | undefined)?.series;
    for (const b of agg?.buckets ?? []) {
      points.push({ bucket: new Date(Number(b.key.bucket)).toISOString(), key: by === 'none' ? 'all' : String(b.key.key), count: b.doc_count });
    }
    after = agg && agg.buckets.length === PAGE_SIZE ? agg.after_key : undefined;
  } while (after);
  return points.sort((a, b) => (a.bucket < b.bucket ? -1 : a.bucket > b.bucket ? 1 : a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

interface CompositeAgg {
  buckets: { key: Record<string, string | number>; doc_count: number }[];
  after_key?: Record<string, unknown>;
}
