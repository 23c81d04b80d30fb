import type Database from 'better-sqlite3';
import type { SeriesDimension } from '../store.js';
import { filterToSql, type FilterSql, type SqlFragment } from './filters.js';
import { ROLLUP_BUCKET_MS, ROLLUP_TABLES, ROLLUP_UNLABELLED } from './schema/rollup-migration.js';

/** One grouped count: bucket start (UTC ms), dimension key, count. */
export interface SeriesRow {
  b: number;
  k: string;
  n: number;
}

/** How to compute the local bucket of an epoch-ms column, and the items-table fallback. */
export interface RollupPlan {
  /** SQL bucket expression over an epoch-ms column (local day/hour/week start, as UTC ms). */
  bucket: (column: string) => string;
  /** Counts straight from `items` and its side tables, for a time-only filter. */
  fromItems: (where: FilterSql) => SqlFragment;
}

/**
 * Answer a time-only series from the hourly rollups (schema step 3), or return `null` when they
 * cannot give the exact answer (label or source filters, a zone offset that is not whole hours,
 * a range shorter than one whole hour), in which case the caller counts items directly.
 *
 * A range whose ends are not on the hour is split: whole hours come from the rollup, the two
 * partial hours at the edges from `items` through its covering index, and the parts are summed,
 * so the result equals counting items over the exact range.
 */
export function rollupSeriesRows(db: Database.Database, by: SeriesDimension, offsetMs: number, where: FilterSql, plan: RollupPlan): SeriesRow[] | null {
  if (!where.timeOnly || offsetMs % ROLLUP_BUCKET_MS !== 0) return null;
  const { fromMs, toMs } = where.range;
  const wholeFrom = fromMs === null ? null : Math.ceil(fromMs / ROLLUP_BUCKET_MS) * ROLLUP_BUCKET_MS;
  const wholeTo = toMs === null ? null : Math.floor(toMs / ROLLUP_BUCKET_MS) * ROLLUP_BUCKET_MS;
  if (wholeFrom !== null && wholeTo !== null && wholeFrom >= wholeTo) return null;

  const middle = rollupSql(by, plan.bucket, wholeFrom, wholeTo);
  const parts: SeriesRow[][] = [db.prepare(middle.sql).all(...middle.params) as SeriesRow[]];
  const edge = (startMs: number, endMs: number) => {
    if (startMs >= endMs) return;
    const sql = plan.fromItems(filterToSql({ from: new Date(startMs).toISOString(), to: new Date(endMs).toISOString() }));
    parts.push(db.prepare(sql.sql).all(...sql.params) as SeriesRow[]);
  };
  if (fromMs !== null && wholeFrom !== null) edge(fromMs, wholeFrom);
  if (toMs !== null && wholeTo !== null) edge(wholeTo, toMs);
  return parts.length === 1 ? parts[0]! : sumRows(parts.flat());
}

function rollupSql(by: SeriesDimension, bucket: (column: string) => string, fromMs: number | null, toMs: number | null): SqlFragment {
  const conditions: string[] = [];
  const params: unknown[] = [];
  if (fromMs !== null) {
    conditions.push('rollup.hour_ms >= ?');
    params.push(fromMs);
  }
  if (toMs !== null) {
    conditions.push('rollup.hour_ms < ?');
    params.push(toMs);
  }
  const where = conditions.length > 0 ? conditions.join(' AND ') : '1';
  const b = bucket('rollup.hour_ms');
  const grouped = (table: string, key = 'rollup.key', extra = '') =>
    `SELECT ${b} AS b, ${key} AS k, SUM(rollup.n) AS n FROM ${table} rollup WHERE ${where}${extra} GROUP BY b, k`;
  switch (by) {
    case 'none':
      return { sql: grouped(ROLLUP_TABLES.sentiment, "'all'"), params };
    case 'sentiment':
    case 'source':
    case 'tier':
    case 'province':
      return { sql: grouped(ROLLUP_TABLES[by]), params };
    case 'topic':
      // Unlabelled items have no topic rows; the sentiment rollup counts them under the same key.
      return {
        sql: `${grouped(ROLLUP_TABLES.topic)} UNION ALL ${grouped(ROLLUP_TABLES.sentiment, 'rollup.key', ` AND rollup.key = '${ROLLUP_UNLABELLED}'`)}`,
        params: [...params, ...params],
      };
    default:
      throw new Error(`Store series: unknown dimension ${JSON.stringify(by)}`);
  }
}

function sumRows(rows: readonly SeriesRow[]): SeriesRow[] {
  const sums = new Map<string, SeriesRow>();
  for (const r of rows) {
    const id = `${r.b}\u0000${r.k}`;
    const seen = sums.get(id);
    if (seen) seen.n += r.n;
    else sums.set(id, { ...r });
  }
  return [...sums.values()];
}
