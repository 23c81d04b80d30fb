import type Database from 'better-sqlite3';

/** Options of {@link createResultCache}. */
export interface ResultCacheOptions {
  /** How long an entry may be served, ms; 0 or less disables the cache. @defaultValue 5000 */
  ttlMs?: number;
  /** Entries kept; the oldest is evicted first. @defaultValue 64 */
  maxEntries?: number;
  /** Clock, for tests. */
  now?: () => number;
}

/** A small cache of read results that is emptied by any write to the database. */
export interface ResultCache {
  /** The cached value for `key`, or `compute()`'s (then cached) when absent, expired or stale. */
  get<T>(key: string, compute: () => T, copy: (value: T) => T): T;
}

/**
 * Read-result cache keyed by the query and the database's write generation, so an entry is never
 * served after a write: commits by other connections (the indexer in another process) change
 * `PRAGMA data_version`, and every row written through this connection (the Store's upserts,
 * maintenance SQL on `store.db`) changes `total_changes()`. The TTL only bounds memory and how
 * long a hot key lives; correctness does not depend on it.
 */
export function createResultCache(db: Database.Database, options: ResultCacheOptions = {}): ResultCache {
  const ttlMs = options.ttlMs ?? 5000;
  const maxEntries = options.maxEntries ?? 64;
  const now = options.now ?? Date.now;
  const entries = new Map<string, { value: unknown; at: number; generation: string }>();
  const writes = db.prepare('SELECT total_changes() AS n');
  const generation = () => `${db.pragma('data_version', { simple: true }) as number}:${(writes.get() as { n: number }).n}`;
  return {
    get<T>(key: string, compute: () => T, copy: (value: T) => T): T {
      if (ttlMs <= 0) return compute();
      const current = generation();
      const hit = entries.get(key);
      if (hit && hit.generation === current && now() - hit.at < ttlMs) return copy(hit.value as T);
      const value = compute();
      entries.delete(key);
      entries.set(key, { value, at: now(), generation: current });
      while (entries.size > maxEntries) entries.delete(entries.keys().next().value as string);
      return copy(value);
    },
  };
}
