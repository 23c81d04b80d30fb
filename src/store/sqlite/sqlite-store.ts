import Database from 'better-sqlite3';
import type { Item } from '../../core/item.js';
import type { SeriesPoint, Store } from '../store.js';
import { rowToItem, ITEM_COLUMNS, type ItemRow } from './item-rows.js';
import { LATEST_SCHEMA_VERSION, readSchemaVersion, runMigrations } from './schema/migrations.js';
import { createResultCache } from './result-cache.js';
import { countItems, searchItems } from './search.js';
import { seriesCounts } from './series.js';
import { createSourceHealthAccess } from './source-health.js';
import { createItemUpserter } from './upsert.js';

/** Options of {@link createSqliteStore}. */
export interface SqliteStoreOptions {
  /** Database file, or `':memory:'`. The parent directory must exist. */
  path: string;
  /** Open read-only (no migrations; the file must exist and be current). @defaultValue false */
  readonly?: boolean;
  /** How long a writer waits for another connection's lock, ms. @defaultValue 5000 */
  busyTimeoutMs?: number;
  /**
   * Bytes of the file read through memory mapping instead of read() calls; 0 turns it off.
   * Search joins FTS hits to item rows in random order, one page each: mapped, a 30-day search
   * at 1M items spends about half the CPU. Capped by SQLite's compile-time limit (2 GiB).
   * @defaultValue 2 GiB
   */
  mmapSizeBytes?: number;
  /**
   * How long a series result may be reused while nothing was written (see result-cache.ts);
   * 0 turns the cache off (benchmarks of the query itself). @defaultValue 5000
   */
  seriesCacheTtlMs?: number;
}

/** The SQLite store plus access to its connection, for tests and maintenance tools. */
export interface SqliteStore extends Store {
  /** The underlying better-sqlite3 connection. */
  readonly db: Database.Database;
}

/**
 * The embedded Store: one SQLite file in WAL mode, FTS5 over accent-folded text.
 * Call `init()` once before use (runs pending migrations).
 *
 * @example
 * const store = createSqliteStore({ path: 'data/pulse.db' });
 * await store.init();
 * await store.upsertItems(items);
 */
export function createSqliteStore(opts: SqliteStoreOptions): SqliteStore {
  const readonly = opts.readonly ?? false;
  const db = new Database(opts.path, { readonly, fileMustExist: readonly });
  configureConnection(db, readonly, opts.busyTimeoutMs ?? 5000, opts.mmapSizeBytes ?? DEFAULT_MMAP_BYTES);

  let parts: ReturnType<typeof prepareParts> | null = null;
  const ready = () => {
    if (parts === null) throw new Error(`SQLite store (${opts.path}): call init() before use`);
    return parts;
  };

  return {
    db,
    async init() {
      if (parts !== null) return;
      if (readonly) {
        const version = readSchemaVersion(db);
        if (version !== LATEST_SCHEMA_VERSION) {
          throw new Error(`SQLite store (${opts.path}): read-only file has schema version ${version}, this build needs ${LATEST_SCHEMA_VERSION}`);
        }
      } else {
        runMigrations(db);
      }
      parts = prepareParts(db, readonly, opts.seriesCacheTtlMs ?? 5000);
    },
    async upsertItems(items: Item[]) {
      return ready().upsert(items);
    },
    async getItem(id: string) {
      const row = ready().selectItem.get(id) as ItemRow | undefined;
      return row ? rowToItem(row) : null;
    },
    async existingIds(ids: string[]) {
      if (ids.length === 0) return new Set<string>();
      const rows = ready().selectExistingIds.all(JSON.stringify(ids)) as { id: string }[];
      return new Set(rows.map((r) => r.id));
    },
    async countItems(filter) {
      ready();
      return countItems(db, filter);
    },
    async search(query) {
      ready();
      return searchItems(db, query);
    },
    async series(query) {
      // The overview asks the same three series on every dashboard load; see result-cache.ts.
      return ready().seriesCache.get(JSON.stringify(query), () => seriesCounts(db, query), copyPoints);
    },
    async getSourceHealth(sourceId: string) {
      return ready().health.get(sourceId);
    },
    async listSourceHealth() {
      return ready().health.list();
    },
    async updateSourceHealth(sourceId, patch) {
      ready().health.update(sourceId, patch);
    },
    async close() {
      if (db.open) db.close();
    },
  };
}

/**
 * WAL lets readers (API, dashboard) run while the indexer writes; NORMAL sync is durable
 * across application crashes in WAL mode and much faster than FULL.
 */
function configureConnection(db: Database.Database, readonly: boolean, busyTimeoutMs: number, mmapSizeBytes: number): void {
  db.pragma(`busy_timeout = ${Math.max(0, Math.trunc(busyTimeoutMs))}`);
  if (!readonly) {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
  }
  db.pragma('foreign_keys = ON');
  db.pragma('cache_size = -65536');
  db.pragma('temp_store = MEMORY');
  db.pragma(`mmap_size = ${Math.max(0, Math.trunc(mmapSizeBytes))}`);
}

/** SQLite's default SQLITE_MAX_MMAP_SIZE; larger requests are silently capped to it. */
const DEFAULT_MMAP_BYTES = 0x7fff0000;

function prepareParts(db: Database.Database, readonly: boolean, seriesCacheTtlMs: number) {
  const columns = ITEM_COLUMNS.join(', ');
  return {
    upsert: readonly
      ? () => {
          throw new Error('SQLite store: opened read-only, upsertItems is not allowed');
        }
      : createItemUpserter(db),
    selectItem: db.prepare(`SELECT ${columns} FROM items WHERE id = ?`),
    selectExistingIds: db.prepare('SELECT id FROM items WHERE id IN (SELECT value FROM json_each(?))'),
    health: createSourceHealthAccess(db),
    seriesCache: createResultCache(db, { ttlMs: seriesCacheTtlMs }),
  };
}

/** Callers may change what they get; the cached points stay untouched. */
function copyPoints(points: SeriesPoint[]): SeriesPoint[] {
  return points.map((p) => ({ ...p }));
}
