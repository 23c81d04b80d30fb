import type Database from 'better-sqlite3';
import { emptySourceHealth, type SourceHealth } from '../store.js';
import { assertValidSourceHealthPatch, type SourceHealthPatch } from '../source-health-patch.js';

/** Patch accepted by `updateSourceHealth`. */
export type { SourceHealthPatch };

interface HealthRow {
  source_id: string;
  last_poll_at: string | null;
  last_success_at: string | null;
  last_status: string;
  last_error: string | null;
  consecutive_failures: number;
  last_entries: number;
  last_new: number;
  etag: string | null;
  last_modified: string | null;
  poll_interval_sec: number;
  next_poll_at: string | null;
  error_counts_json: string;
  items_total: number | null;
}


const SELECT = `SELECT h.*, c.n AS items_total FROM source_health h LEFT JOIN source_item_counts c ON c.source_id = h.source_id`;

/** Read, list and merge-update source health records. `itemsTotal` comes from the items table's counter. */
export function createSourceHealthAccess(db: Database.Database) {
  const selectOne = db.prepare(`${SELECT} WHERE h.source_id = ?`);
  const selectAll = db.prepare(`${SELECT} ORDER BY h.source_id`);
  const upsert = db.prepare(`INSERT INTO source_health (
      source_id, last_poll_at, last_success_at, last_status, last_error, consecutive_failures, last_entries, last_new,
      etag, last_modified, poll_interval_sec, next_poll_at, error_counts_json)
    VALUES (@sourceId, @lastPollAt, @lastSuccessAt, @lastStatus, @lastError, @consecutiveFailures, @lastEntries, @lastNew,
      @etag, @lastModified, @pollIntervalSec, @nextPollAt, @errorCountsJson)
    ON CONFLICT (source_id) DO UPDATE SET
      last_poll_at = excluded.last_poll_at, last_success_at = excluded.last_success_at, last_status = excluded.last_status,
      last_error = excluded.last_error, consecutive_failures = excluded.consecutive_failures,
      last_entries = excluded.last_entries, last_new = excluded.last_new, etag = excluded.etag,
      last_modified = excluded.last_modified, poll_interval_sec = excluded.poll_interval_sec,
      next_poll_at = excluded.next_poll_at, error_counts_json = excluded.error_counts_json`);

  const get = (sourceId: string): SourceHealth | null => {
    const row = selectOne.get(sourceId) as HealthRow | undefined;
    return row ? rowToHealth(row) : null;
  };

  const update = db.transaction((sourceId: string, patch: SourceHealthPatch): void => {
    assertValidSourceHealthPatch(sourceId, patch);
    const merged = { ...(get(sourceId) ?? emptySourceHealth(sourceId)) };
    for (const [key, value] of Object.entries(patch)) {
      if (value !== undefined) (merged as Record<string, unknown>)[key] = value;
    }
    upsert.run({ ...merged, errorCountsJson: JSON.stringify(merged.errorCounts) });
  });

  return {
    get,
    list: (): SourceHealth[] => (selectAll.all() as HealthRow[]).map(rowToHealth),
    update: (sourceId: string, patch: SourceHealthPatch): void => update(sourceId, patch),
  };
}

function rowToHealth(row: HealthRow): SourceHealth {
  return {
    sourceId: row.source_id,
    lastPollAt: row.last_poll_at,
    lastSuccessAt: row.last_success_at,
    lastStatus: row.last_status,
    lastError: row.last_error,
    consecutiveFailures: row.consecutive_failures,
    lastEntries: row.last_entries,
    lastNew: row.last_new,
    itemsTotal: row.items_total ?? 0,
    etag: row.etag,
    lastModified: row.last_modified,
    pollIntervalSec: row.poll_interval_sec,
    nextPollAt: row.next_poll_at,
    errorCounts: JSON.parse(row.error_counts_json) as Record<string, number>,
  };
}

