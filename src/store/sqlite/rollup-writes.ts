import type Database from 'better-sqlite3';
import { ROLLUP_TABLES, ROLLUP_UNLABELLED, hourStartSql } from './schema/rollup-migration.js';

/** What an item row contributes to the item-level rollups. */
export interface RollupItemKeys {
  seq: number;
  publishedMs: number;
  sentiment: string | null;
  sourceId: string;
  tier: string;
}

/** Counts freshly written rows into the hourly rollups (schema steps 3 and 4). */
export interface RollupWrites {
  /** After inserting an item row: sentiment, source and tier rollups and the item-number bounds. */
  countNewItem(keys: RollupItemKeys): void;
  /** After inserting one topic or province row (new item, or side rows re-written on update). */
  countSideRow(dimension: 'topic' | 'province', publishedMs: number, value: string): void;
}

/**
 * Single-row upserts that add new rows to the rollups, with values the upserter already holds
 * (reading the rows back with INSERT…SELECT…GROUP BY cost ~25 µs a statement, mostly the
 * sorter). The keys mirror the definitions in rollup-migration.ts; the rollup property test
 * checks them against a GROUP BY over the tables. Run inside the upsert's transaction, so the
 * counts commit or roll back with the item.
 */
export function createRollupWrites(db: Database.Database): RollupWrites {
  const bump = (table: string) =>
    db.prepare(`INSERT INTO ${table} (hour_ms, key, n) VALUES (${hourStartSql('@ms')}, @key, 1) ON CONFLICT (hour_ms, key) DO UPDATE SET n = n + 1`);
  const sentiment = bump(ROLLUP_TABLES.sentiment);
  const source = bump(ROLLUP_TABLES.source);
  const tier = bump(ROLLUP_TABLES.tier);
  const side = { topic: bump(ROLLUP_TABLES.topic), province: bump(ROLLUP_TABLES.province) };
  const widenSeqBounds = db.prepare(`INSERT INTO item_seq_hours (hour_ms, min_seq, max_seq) VALUES (${hourStartSql('@ms')}, @seq, @seq)
    ON CONFLICT (hour_ms) DO UPDATE SET min_seq = MIN(min_seq, excluded.min_seq), max_seq = MAX(max_seq, excluded.max_seq)`);
  return {
    countNewItem(keys) {
      const ms = keys.publishedMs;
      sentiment.run({ ms, key: keys.sentiment ?? ROLLUP_UNLABELLED });
      source.run({ ms, key: keys.sourceId });
      tier.run({ ms, key: keys.tier });
      widenSeqBounds.run({ ms, seq: keys.seq });
    },
    countSideRow(dimension, publishedMs, value) {
      side[dimension].run({ ms: publishedMs, key: value });
    },
  };
}
