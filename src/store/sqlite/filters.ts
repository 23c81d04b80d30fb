import type { ItemFilter } from '../store.js';
import { instantMs } from './item-validation.js';

/** A piece of SQL with its positional parameters. */
export interface SqlFragment {
  sql: string;
  params: unknown[];
}

/** A filter's WHERE clause, plus whether it constrains anything beyond `published_ms`. */
export interface FilterSql extends SqlFragment {
  /** True when only from/to (or nothing) is set, so side tables can be filtered on their own `published_ms`. */
  timeOnly: boolean;
  range: TimeRange;
}

/** The time range of a filter in epoch ms (`null` = open end). */
export interface TimeRange {
  fromMs: number | null;
  toMs: number | null;
}

/** Parse `from`/`to`; a bad bound is an error naming the field, never silently ignored. */
export function filterTimeRange(filter: ItemFilter): TimeRange {
  return { fromMs: parseBound(filter.from, 'from'), toMs: parseBound(filter.to, 'to') };
}

function parseBound(value: string | undefined, field: string): number | null {
  if (value === undefined || value === null) return null;
  const ms = instantMs(value);
  if (!Number.isFinite(ms)) throw new Error(`Store filter: ${field} is not an ISO-8601 instant: ${JSON.stringify(value)}`);
  return ms;
}

/**
 * WHERE clause (without the keyword) for an {@link ItemFilter} over `items` aliased `alias`.
 * Multi-valued label filters use `seq IN (side-table lookup)`, so the `(value, published_ms)`
 * indexes of the side tables narrow the rows before `items` is touched.
 * An empty array means "no constraint on this field", like an absent one.
 */
export function filterToSql(filter: ItemFilter, alias = 'i'): FilterSql {
  const conditions: string[] = [];
  const params: unknown[] = [];
  const { fromMs, toMs } = filterTimeRange(filter);
  const timeConditions = (column: string): string[] => {
    const parts: string[] = [];
    if (fromMs !== null) parts.push(`${column} >= ?`);
    if (toMs !== null) parts.push(`${column} < ?`);
    return parts;
  };
  const timeParams = [fromMs, toMs].filter((v) => v !== null);

  if (timeParams.length > 0) {
    conditions.push(...timeConditions(`${alias}.published_ms`));
    params.push(...timeParams);
  }
  const timeConditionCount = conditions.length;
  const inList = (column: string, values: readonly string[] | undefined) => {
    if (!values || values.length === 0) return;
    conditions.push(`${column} IN (${values.map(() => '?').join(', ')})`);
    params.push(...values);
  };
  inList(`${alias}.source_id`, filter.sourceIds);
  inList(`${alias}.tier`, filter.tiers);
  inList(`${alias}.sentiment`, filter.sentiments);

  const sideLookup = (table: string, column: string, values: readonly string[] | undefined) => {
    if (!values || values.length === 0) return;
    const where = [`${column} IN (${values.map(() => '?').join(', ')})`, ...timeConditions('published_ms')];
    conditions.push(`${alias}.seq IN (SELECT item_seq FROM ${table} WHERE ${where.join(' AND ')})`);
    params.push(...values, ...timeParams);
  };
  sideLookup('item_topics', 'topic', filter.topics);
  sideLookup('item_policies', 'policy', filter.policies);
  sideLookup('item_provinces', 'province', filter.provinces);

  if (filter.storyId !== undefined && filter.storyId !== null) {
    conditions.push(`${alias}.story_id = ?`);
    params.push(filter.storyId);
  }
  if (filter.includePartial === false) conditions.push(`${alias}.partial = 0`);
  return {
    sql: conditions.length > 0 ? conditions.join(' AND ') : '1',
    params,
    timeOnly: conditions.length === timeConditionCount,
    range: { fromMs, toMs },
  };
}
