/**
 * Schema step 3: hourly count rollups for the dashboard series, kept exact in the same
 * transaction as every write.
 *
 * Who maintains them: triggers handle updates (a re-analysis changing labels, a change of source
 * or time) and deletes (with their cascades to the side tables), so those paths, including a
 * manual fix in the sqlite3 shell, can never leave the counts behind. Inserts are counted by the
 * upserter itself (rollup-writes.ts): with any AFTER INSERT trigger on `items` or the side tables,
 * even a trivial one, a bulk upsert cost ~100–200 µs more CPU per item (measured at 10k items;
 * most likely the statement journal a trigger-firing statement needs), i.e. about twice as slow;
 * explicit single-row upserts cost a few µs. Rows inserted with raw SQL that bypasses the Store
 * are therefore not counted; nothing in policy-pulse does that.
 *
 * One narrow table per series dimension, `(hour_ms, key) → n`, WITHOUT ROWID so the primary key
 * is the data: a 30-day overview reads ~720 sentiment rows, ~16k topic rows and ~54k source rows
 * at 1M items instead of ~215k index entries per dimension. Buckets are UTC hours, so any zone
 * whose offset is a whole number of hours (Asia/Ho_Chi_Minh: UTC+7) regroups them into local
 * days and weeks exactly. Rows whose count falls to zero are removed.
 */

/** Width of a rollup bucket. */
export const ROLLUP_BUCKET_MS = 3_600_000;

/** Key under which items without labels are counted in the sentiment rollup. */
export const ROLLUP_UNLABELLED = 'unlabelled';

/** SQL for the UTC hour start of an epoch-ms expression (floor, also below 1970). */
export function hourStartSql(column: string): string {
  return `(${column} - ((${column} % ${ROLLUP_BUCKET_MS}) + ${ROLLUP_BUCKET_MS}) % ${ROLLUP_BUCKET_MS})`;
}

/** A rollup table and how an item (or side) row maps onto it. */
interface RollupSpec {
  table: string;
  /** Table whose rows are counted. */
  source: 'items' | 'item_topics' | 'item_provinces';
  /** Key expression over the counted row, with `ROW` standing for NEW or OLD. */
  key: string;
  /** Columns whose change moves the row to another bucket or key. */
  watched: string[];
}

/** The rollup tables, by series dimension. Exported for the query side and the tests. */
export const ROLLUP_TABLES = {
  sentiment: 'series_rollup_sentiment',
  source: 'series_rollup_source',
  tier: 'series_rollup_tier',
  topic: 'series_rollup_topic',
  province: 'series_rollup_province',
} as const;

const SPECS: RollupSpec[] = [
  { table: ROLLUP_TABLES.sentiment, source: 'items', key: `COALESCE(ROW.sentiment, '${ROLLUP_UNLABELLED}')`, watched: ['published_ms', 'sentiment'] },
  { table: ROLLUP_TABLES.source, source: 'items', key: 'ROW.source_id', watched: ['published_ms', 'source_id'] },
  { table: ROLLUP_TABLES.tier, source: 'items', key: 'ROW.tier', watched: ['published_ms', 'tier'] },
  { table: ROLLUP_TABLES.topic, source: 'item_topics', key: 'ROW.topic', watched: ['published_ms', 'topic'] },
  { table: ROLLUP_TABLES.province, source: 'item_provinces', key: 'ROW.province', watched: ['published_ms', 'province'] },
];

function add(spec: RollupSpec, row: 'NEW' | 'OLD'): string {
  const key = spec.key.replaceAll('ROW', row);
  return `INSERT INTO ${spec.table} (hour_ms, key, n) VALUES (${hourStartSql(`${row}.published_ms`)}, ${key}, 1)
      ON CONFLICT (hour_ms, key) DO UPDATE SET n = n + 1;`;
}

function remove(spec: RollupSpec, row: 'NEW' | 'OLD'): string {
  const key = spec.key.replaceAll('ROW', row);
  const at = `hour_ms = ${hourStartSql(`${row}.published_ms`)} AND key = ${key}`;
  // Delete the last count first: decrementing it to 0 would violate CHECK (n > 0).
  return `DELETE FROM ${spec.table} WHERE ${at} AND n = 1;
      UPDATE ${spec.table} SET n = n - 1 WHERE ${at};`;
}

function specSql(spec: RollupSpec): string {
  const name = spec.table;
  const changed = spec.watched.map((c) => `OLD.${c} IS NOT NEW.${c}`).join(' OR ');
  return `
    CREATE TABLE ${name} (
      hour_ms INTEGER NOT NULL,
      key     TEXT    NOT NULL,
      n       INTEGER NOT NULL CHECK (n > 0),
      PRIMARY KEY (hour_ms, key)
    ) WITHOUT ROWID;
    INSERT INTO ${name} (hour_ms, key, n)
      SELECT ${hourStartSql('published_ms')} AS h, ${spec.key.replaceAll('ROW.', '')} AS k, COUNT(*) FROM ${spec.source} GROUP BY h, k;
    CREATE TRIGGER ${name}_delete AFTER DELETE ON ${spec.source} BEGIN
      ${remove(spec, 'OLD')}
    END;
    CREATE TRIGGER ${name}_update AFTER UPDATE OF ${spec.watched.join(', ')} ON ${spec.source} WHEN ${changed} BEGIN
      ${remove(spec, 'OLD')}
      ${add(spec, 'NEW')}
    END;`;
}

/** SQL of migration 3: rollup tables, their backfill from the existing rows, and the triggers. */
export const ROLLUP_MIGRATION_SQL = SPECS.map(specSql).join('\n');
