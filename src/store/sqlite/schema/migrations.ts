import type Database from 'better-sqlite3';
import { ROLLUP_MIGRATION_SQL } from './rollup-migration.js';
import { SEQ_BOUNDS_MIGRATION_SQL } from './seq-bounds-migration.js';

/** One forward-only schema step. Versions are consecutive integers starting at 1. */
export interface Migration {
  version: number;
  name: string;
  /** SQL run inside the migration's transaction. */
  sql: string;
}

/**
 * Every schema step, oldest first. Never edit a released step: append a new one.
 *
 * Design notes (why the schema looks like this):
 * - `published_ms` (epoch ms) drives every range filter and time bucket; the ISO string is kept
 *   verbatim for round-trips.
 * - Multi-valued label fields live in side tables that repeat `published_ms`, so a
 *   `(topic, published_ms)` index answers "topic X over time" without touching `items`.
 * - Small filter columns come first and long text last, so a filter that reads the row does not
 *   walk the overflow pages of the article text.
 * - `sentiment IS NULL` marks an item without labels (labels always carry a sentiment).
 * - Two contentless FTS5 tables keyed by `items.rowid`: `items_fts` over accent-folded text
 *   (recall: `duong sat` finds `Đường sắt`), `items_fts_exact` over NFC lower-cased text
 *   with diacritics kept (ranking: exact-accent matches first).
 */
export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'items, label side tables, full-text indexes, source health',
    sql: `
      CREATE TABLE items (
        seq             INTEGER PRIMARY KEY,
        id              TEXT    NOT NULL UNIQUE CHECK (length(id) > 0),
        source_id       TEXT    NOT NULL CHECK (length(source_id) > 0),
        tier            TEXT    NOT NULL CHECK (tier IN ('central','party','local','government','other')),
        published_ms    INTEGER NOT NULL,
        sentiment       TEXT    CHECK (sentiment IN ('positive','negative','neutral')),
        partial         INTEGER NOT NULL CHECK (partial IN (0, 1)),
        story_id        TEXT,
        source_province TEXT,
        sentiment_score REAL,
        model_version   TEXT,
        content_hash    TEXT    NOT NULL CHECK (length(content_hash) > 0),
        url             TEXT    NOT NULL,
        source_name     TEXT    NOT NULL,
        published_at    TEXT    NOT NULL,
        modified_at     TEXT,
        fetched_at      TEXT    NOT NULL,
        author          TEXT,
        section         TEXT,
        image_url       TEXT,
        partial_reason  TEXT,
        tags_json       TEXT    NOT NULL,
        title           TEXT    NOT NULL,
        lead            TEXT,
        labels_json     TEXT,
        text            TEXT    NOT NULL,
        CHECK ((labels_json IS NULL) = (sentiment IS NULL))
      );
      CREATE INDEX items_published ON items (published_ms);
      CREATE INDEX items_source_published ON items (source_id, published_ms);
      CREATE INDEX items_sentiment_published ON items (sentiment, published_ms);
      CREATE INDEX items_tier_published ON items (tier, published_ms);
      CREATE INDEX items_story ON items (story_id, published_ms) WHERE story_id IS NOT NULL;

      CREATE TABLE item_topics (
        item_seq     INTEGER NOT NULL REFERENCES items (seq) ON DELETE CASCADE,
        topic        TEXT    NOT NULL,
        score        REAL    NOT NULL,
        published_ms INTEGER NOT NULL,
        PRIMARY KEY (item_seq, topic)
      ) WITHOUT ROWID;
      CREATE INDEX item_topics_topic_published ON item_topics (topic, published_ms, item_seq);

      CREATE TABLE item_provinces (
        item_seq     INTEGER NOT NULL REFERENCES items (seq) ON DELETE CASCADE,
        province     TEXT    NOT NULL,
        published_ms INTEGER NOT NULL,
        PRIMARY KEY (item_seq, province)
      ) WITHOUT ROWID;
      CREATE INDEX item_provinces_province_published ON item_provinces (province, published_ms, item_seq);

      CREATE TABLE item_policies (
        item_seq     INTEGER NOT NULL REFERENCES items (seq) ON DELETE CASCADE,
        policy       TEXT    NOT NULL,
        published_ms INTEGER NOT NULL,
        PRIMARY KEY (item_seq, policy)
      ) WITHOUT ROWID;
      CREATE INDEX item_policies_policy_published ON item_policies (policy, published_ms, item_seq);

      CREATE VIRTUAL TABLE items_fts USING fts5 (
        title, lead, text,
        content = '', contentless_delete = 1,
        tokenize = 'unicode61 remove_diacritics 2'
      );
      CREATE VIRTUAL TABLE items_fts_exact USING fts5 (
        title, lead, text,
        content = '', contentless_delete = 1,
        tokenize = 'unicode61 remove_diacritics 0'
      );

      CREATE TABLE source_item_counts (
        source_id TEXT PRIMARY KEY,
        n         INTEGER NOT NULL DEFAULT 0
      ) WITHOUT ROWID;

      CREATE TABLE source_health (
        source_id            TEXT PRIMARY KEY,
        last_poll_at         TEXT,
        last_success_at      TEXT,
        last_status          TEXT    NOT NULL,
        last_error           TEXT,
        consecutive_failures INTEGER NOT NULL,
        last_entries         INTEGER NOT NULL,
        last_new             INTEGER NOT NULL,
        etag                 TEXT,
        last_modified        TEXT,
        poll_interval_sec    INTEGER NOT NULL,
        next_poll_at         TEXT,
        error_counts_json    TEXT    NOT NULL
      ) WITHOUT ROWID;
    `,
  },
  {
    version: 2,
    name: 'covering indexes for time-range series (dashboard overview)',
    // A 30-day series by sentiment/source/tier read every item row through items_published
    // (3.9 s at 1M items: the wide rows hold the article text); topic/province series scanned the
    // whole (topic, published_ms) index because time is not its first column. These indexes
    // answer a time range from the index alone.
    sql: `
      CREATE INDEX items_published_dims ON items (published_ms, sentiment, source_id, tier);
      CREATE INDEX item_topics_published ON item_topics (published_ms, topic);
      CREATE INDEX item_provinces_published ON item_provinces (published_ms, province);
    `,
  },
  {
    version: 3,
    name: 'hourly series rollups maintained by triggers (dashboard overview at 1M items)',
    // Even from covering indexes a 30-day series scanned ~215k entries per dimension (~120 ms
    // each at 1M items). See rollup-migration.ts; backfilled here from the existing rows.
    sql: ROLLUP_MIGRATION_SQL,
  },
  {
    version: 4,
    name: 'item number bounds per hour (time filter pushed into full-text search)',
    sql: SEQ_BOUNDS_MIGRATION_SQL,
  },
];

/** Highest schema version this build knows. */
export const LATEST_SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]?.version ?? 0;

/** A migration that was applied by {@link runMigrations}. */
export interface AppliedMigration {
  version: number;
  name: string;
}

/**
 * Bring the database up to {@link LATEST_SCHEMA_VERSION}. Each step runs in its own transaction
 * and is recorded in `schema_migrations` and `PRAGMA user_version`, so a crash mid-way leaves
 * the file at the last complete version. Idempotent: a current database is left untouched.
 *
 * @throws when the file was written by a newer build (its version is above ours).
 */
export function runMigrations(db: Database.Database, migrations: readonly Migration[] = MIGRATIONS): AppliedMigration[] {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version    INTEGER PRIMARY KEY,
    name       TEXT NOT NULL,
    applied_at TEXT NOT NULL
  )`);
  const current = readSchemaVersion(db);
  const latest = migrations[migrations.length - 1]?.version ?? 0;
  if (current > latest) {
    throw new Error(
      `SQLite store: database schema version ${current} is newer than this build supports (${latest}); upgrade policy-pulse`,
    );
  }
  const record = db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)');
  const applied: AppliedMigration[] = [];
  for (const migration of migrations) {
    if (migration.version <= current) continue;
    db.transaction(() => {
      db.exec(migration.sql);
      record.run(migration.version, migration.name, new Date().toISOString());
      // user_version cannot be bound as a parameter; the value is our own integer.
      db.pragma(`user_version = ${Math.trunc(migration.version)}`);
    })();
    applied.push({ version: migration.version, name: migration.name });
  }
  return applied;
}

/** The schema version recorded in the file (`PRAGMA user_version`; 0 for a new file). */
export function readSchemaVersion(db: Database.Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}
