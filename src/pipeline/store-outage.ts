/**
 * Tell a store *outage* (disk full, database locked, node unreachable) from a bad item. An outage
 * is nobody's item's fault and says nothing about whether the write can succeed later, so the
 * index stage must neither spend the job's attempts on it (a long outage would quarantine every
 * item in flight) nor report it as "store rejected item". It becomes a {@link RetryLaterError}:
 * the job waits in the delayed set and is tried again, as often as it takes.
 */
import { RetryLaterError } from '../core/errors.js';

/** One class of store outage, with the wait before the next try. */
interface OutageKind {
  code: string;
  what: string;
  retryMs: number;
}

const DISK_FULL: OutageKind = { code: 'store_full', what: 'the store cannot grow (disk or database full)', retryMs: 10_000 };
const BUSY: OutageKind = { code: 'store_busy', what: 'the store is locked by another writer', retryMs: 2_000 };
const IO: OutageKind = { code: 'store_io', what: 'the store had an I/O error', retryMs: 10_000 };
const NOT_READY: OutageKind = { code: 'store_not_ready', what: 'the store is not ready (shards recovering or overloaded)', retryMs: 3_000 };
const UNREACHABLE: OutageKind = { code: 'store_unreachable', what: 'the store is unreachable', retryMs: 5_000 };

/** SQLite result codes, disk-space errnos and Elasticsearch transport error names, by outage kind. */
function kindOf(err: unknown): OutageKind | undefined {
  for (let e = err, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (code === 'SQLITE_FULL' || code === 'ENOSPC' || code === 'EDQUOT') return DISK_FULL;
    if (typeof code === 'string' && /^SQLITE_(BUSY|LOCKED)/.test(code)) return BUSY;
    if (typeof code === 'string' && /^SQLITE_IOERR/.test(code)) return IO;
    // Only names and codes a store client produces: a *source* refusing connections (the fetcher's
    // ECONNREFUSED/ECONNRESET) is that source's failure and must keep its own retry budget.
    if (e.name === 'ConnectionError' || e.name === 'NoLivingConnectionsError') return UNREACHABLE;
    // A node that is up but not ready (shards still recovering after a restart) or shedding load.
    const status = (e as { meta?: { statusCode?: unknown } }).meta?.statusCode;
    if (e.name === 'ResponseError' && (status === 503 || status === 429)) return NOT_READY;
  }
  return undefined;
}

/**
 * The error a job should fail with for `err` thrown by a store call: a
 * {@link RetryLaterError} (delay jittered ±25 %, so a recovered store is not hit by every job in
 * the same millisecond) for an outage, `err` itself otherwise.
 */
export function asStoreRetry(err: unknown): Error {
  const kind = kindOf(err);
  if (!kind) return err instanceof Error ? err : new Error(String(err));
  const delayMs = Math.round(kind.retryMs * (0.75 + Math.random() / 2));
  const detail = err instanceof Error ? err.message : String(err);
  return new RetryLaterError(kind.code, `${kind.what}: ${detail} — the item waits and is written once the store is back (next try in ${Math.round(delayMs / 1000)} s)`, delayMs, { cause: err });
}

/** True when `err` is a store outage rather than a problem with the written items. */
export function isStoreOutage(err: unknown): boolean {
  return kindOf(err) !== undefined;
}
