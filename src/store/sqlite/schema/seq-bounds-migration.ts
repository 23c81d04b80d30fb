import { hourStartSql } from './rollup-migration.js';

/**
 * Schema step 4: per UTC hour, the smallest and largest item number (`items.seq`) ever published
 * in it. Search turns a time filter into a `rowid BETWEEN` bound for FTS5 with one read of ~720
 * rows (30 days) instead of scanning ~215k index entries (~18 ms at 1M items).
 *
 * The bounds are only ever widened: a delete or a move to another hour leaves the old bounds in
 * place. They remain a superset of the items in the hour, which is all search needs (it still
 * applies the exact time condition). Inserts widen them from the upserter (rollup-writes.ts; a
 * trigger on INSERT is costly, see rollup-migration.ts), updates of the time by trigger.
 */

/** SQL of migration 4: the bounds table, its backfill, and the trigger for moves in time. */
export const SEQ_BOUNDS_MIGRATION_SQL = `
  CREATE TABLE item_seq_hours (
    hour_ms INTEGER PRIMARY KEY,
    min_seq INTEGER NOT NULL,
    max_seq INTEGER NOT NULL
  ) WITHOUT ROWID;
  INSERT INTO item_seq_hours (hour_ms, min_seq, max_seq)
    SELECT ${hourStartSql('published_ms')} AS h, MIN(seq), MAX(seq) FROM items GROUP BY h;
  CREATE TRIGGER item_seq_hours_update AFTER UPDATE OF published_ms, seq ON items BEGIN
    INSERT INTO item_seq_hours (hour_ms, min_seq, max_seq) VALUES (${hourStartSql('NEW.published_ms')}, NEW.seq, NEW.seq)
      ON CONFLICT (hour_ms) DO UPDATE SET min_seq = MIN(min_seq, excluded.min_seq), max_seq = MAX(max_seq, excluded.max_seq);
  END;
`;
