import type Database from 'better-sqlite3';
import { DateTime, Info } from 'luxon';
import type { SeriesDimension, SeriesPoint, SeriesQuery } from '../store.js';
import { filterToSql, type FilterSql, type SqlFragment } from './filters.js';
import { ROLLUP_UNLABELLED } from './schema/rollup-migration.js';
import { rollupSeriesRows, type SeriesRow } from './series-rollup.js';

/** Key used for items without labels in topic and sentiment series. */
export const UNLABELLED_KEY: typeof ROLLUP_UNLABELLED = ROLLUP_UNLABELLED;

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
const WEEK_MS = 7 * DAY_MS;
/** 1970-01-01 was a Thursday; local weeks start on Monday, 4 days later. */
const MONDAY_ALIGN_MS = 4 * DAY_MS;
/** Every real zone offset is a multiple of 15 minutes, so 15-minute slots never straddle a local bucket edge. */
const SLOT_MS = 15 * 60_000;

const INTERVAL_MS = { hour: HOUR_MS, day: DAY_MS, week: WEEK_MS } as const;

/**
 * Count items per time bucket and dimension value. Buckets are aligned to local time in
 * `timeZone` (hours, midnight, Monday midnight) and reported as their UTC start. Only
 * non-empty buckets are returned, ordered by bucket then key. Multi-valued dimensions
 * (topic, province) count an item once under each of its values; items without labels are
 * counted under {@link UNLABELLED_KEY} for topic and sentiment, and are absent from province.
 */
export function seriesCounts(db: Database.Database, query: SeriesQuery): SeriesPoint[] {
  const interval = query.interval;
  if (!(interval in INTERVAL_MS)) throw new Error(`Store series: interval must be hour, day or week, got ${JSON.stringify(interval)}`);
  const zoneName = query.timeZone ?? 'Asia/Ho_Chi_Minh';
  const fixedOffsetMs = fixedZoneOffsetMs(zoneName);
  const where = filterToSql(query);
  const by = query.by ?? 'none';

  if (fixedOffsetMs !== null) {
    const bucket = (column: string) => fixedBucketSql(column, fixedOffsetMs, interval);
    // Time-only ranges (the dashboard overview) come from the hourly rollups when exact.
    const fromRollup = rollupSeriesRows(db, by, fixedOffsetMs, where, { bucket, fromItems: (edge) => dimensionSql(by, bucket, edge) });
    const sql = fromRollup === null ? dimensionSql(by, bucket, where) : null;
    const rows = fromRollup ?? (db.prepare(sql!.sql).all(...sql!.params) as Row[]);
    return sortPoints(rows.map((r) => ({ bucket: new Date(r.b).toISOString(), key: r.k, count: r.n })));
  }
  // Zones with daylight saving: count per 15-minute UTC slot in SQL, then map slots to local buckets.
  const slot = (column: string) => `(${column} - (((${column} % ${SLOT_MS}) + ${SLOT_MS}) % ${SLOT_MS}))`;
  const sql = dimensionSql(by, slot, where);
  const rows = db.prepare(sql.sql).all(...sql.params) as Row[];
  const unit = interval === 'hour' ? 'hour' : interval === 'day' ? 'day' : 'week';
  const sums = new Map<string, SeriesPoint>();
  for (const r of rows) {
    const start = DateTime.fromMillis(r.b, { zone: zoneName }).startOf(unit).toUTC().toISO() as string;
    const bucket = new Date(start).toISOString();
    const id = `${bucket}\u0000${r.k}`;
    const point = sums.get(id) ?? { bucket, key: r.k, count: 0 };
    point.count += r.n;
    sums.set(id, point);
  }
  return sortPoints([...sums.values()]);
}

type Row = SeriesRow;

/**
 * Constant UTC offset of a zone, or null when it observes daylight saving.
 * Asia/Ho_Chi_Minh has been UTC+7 without DST since 1975; older instants are not news.
 */
function fixedZoneOffsetMs(zoneName: string): number | null {
  if (zoneName === 'Asia/Ho_Chi_Minh' || zoneName === 'Asia/Saigon') return 7 * HOUR_MS;
  const zone = Info.normalizeZone(zoneName);
  if (!zone.isValid) throw new Error(`Store series: unknown time zone ${JSON.stringify(zoneName)}`);
  return zone.isUniversal ? zone.offset(0) * 60_000 : null;
}

/** SQL computing the UTC start (ms) of the local bucket holding `column` (floor, also below 1970). */
function fixedBucketSql(column: string, offsetMs: number, interval: keyof typeof INTERVAL_MS): string {
  const width = INTERVAL_MS[interval];
  const align = interval === 'week' ? MONDAY_ALIGN_MS : 0;
  const local = `(${column} + ${offsetMs})`;
  return `(${local} - (((${local} - ${align}) % ${width} + ${width}) % ${width}) - ${offsetMs})`;
}

function dimensionSql(by: SeriesDimension, bucket: (column: string) => string, where: FilterSql): SqlFragment {
  const b = bucket('i.published_ms');
  const onItems = (key: string) => ({
    sql: `SELECT ${b} AS b, ${key} AS k, COUNT(*) AS n FROM items i WHERE ${where.sql} GROUP BY b, k`,
    params: where.params,
  });
  switch (by) {
    case 'none':
      return onItems("'all'");
    case 'sentiment':
      return onItems(`COALESCE(i.sentiment, '${UNLABELLED_KEY}')`);
    case 'source':
      return onItems('i.source_id');
    case 'tier':
      return onItems('i.tier');
    case 'province':
      return sideTableSql('item_provinces', 'province', bucket, where);
    case 'topic': {
      const side = sideTableSql('item_topics', 'topic', bucket, where);
      return {
        sql: `${side.sql}
          UNION ALL
          SELECT ${b} AS b, '${UNLABELLED_KEY}' AS k, COUNT(*) AS n FROM items i WHERE i.sentiment IS NULL AND ${where.sql} GROUP BY b`,
        params: [...side.params, ...where.params],
      };
    }
    default:
      throw new Error(`Store series: unknown dimension ${JSON.stringify(by)}`);
  }
}

/**
 * Series over a side table, bucketed on its own copy of `published_ms` so the
 * `(value, published_ms)` index answers it without reading item rows. Other filters become one
 * `item_seq IN (...)` set, which SQLite builds once, mostly from covering indexes on `items`.
 */
function sideTableSql(table: string, column: string, bucket: (column: string) => string, where: FilterSql): SqlFragment {
  const conditions: string[] = [];
  const params: unknown[] = [];
  if (where.range.fromMs !== null) {
    conditions.push('s.published_ms >= ?');
    params.push(where.range.fromMs);
  }
  if (where.range.toMs !== null) {
    conditions.push('s.published_ms < ?');
    params.push(where.range.toMs);
  }
  if (!where.timeOnly) {
    conditions.push(`s.item_seq IN (SELECT i.seq FROM items i WHERE ${where.sql})`);
    params.push(...where.params);
  }
  const whereSql = conditions.length > 0 ? conditions.join(' AND ') : '1';
  return {
    sql: `SELECT ${bucket('s.published_ms')} AS b, s.${column} AS k, COUNT(*) AS n FROM ${table} s WHERE ${whereSql} GROUP BY b, k`,
    params,
  };
}

function sortPoints(points: SeriesPoint[]): SeriesPoint[] {
  return points.sort((a, b) => (a.bucket < b.bucket ? -1 : a.bucket > b.bucket ? 1 : a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}
