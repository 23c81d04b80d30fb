import Database from 'better-sqlite3';
import type { Item } from '../../core/item.js';
import type { Store } from '../store.js';
import { rowToItem, ITEM_COLUMNS, type ItemRow } from './item-rows.js';
import { LATEST_SCHEMA_VERSION, readSchemaVersion, runMigrations } from './schema/migrations.js';
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
  configureConnection(db, readonly, opts.busyTimeoutMs ?? 5000);

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
      parts = prepareParts(db, readonly);
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
      ready();
      return seriesCounts(db, query);
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
function configureConnection(db: Database.Database, readonly: boolean, busyTimeoutMs: number): void {
  db.pragma(`busy_timeout = ${Math.max(0, Math.trunc(busyTimeoutMs))}`);
  if (!readonly) {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
  }
  db.pragma('foreign_keys = ON');
  db.pragma('cache_size = -65536');
  db.pragma('temp_store = MEMORY');
}

function prepareParts(db: Database.Database, readonly: boolean) {
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
  };
}
