/**
 * Storage ports for the alerting side: detector state, alerts and the delivery log. The SQLite
 * implementations live in `./sqlite/`; any other backend implements these three interfaces.
 */
import type { AlertRecord, AlertStatus } from './alert.js';

/** Persisted per-series detector state (opaque JSON to the repository). */
export interface DetectorStateRepository {
  load<T>(key: string): Promise<T | null>;
  save(key: string, state: unknown): Promise<void>;
  /** Keys starting with a prefix (e.g. one rule's series). */
  listKeys(prefix: string): Promise<string[]>;
}

/** Filter for {@link AlertRepository.list}. */
export interface AlertListQuery {
  status?: AlertStatus[];
  ruleId?: string;
  /** @defaultValue 50 */
  limit?: number;
}

/** Alerts by id and by dedupe key. */
export interface AlertRepository {
  get(id: string): Promise<AlertRecord | null>;
  /** The alert with this dedupe key, whatever its status. */
  findByDedupeKey(dedupeKey: string): Promise<AlertRecord | null>;
  /** Insert or replace by id. */
  save(alert: AlertRecord): Promise<void>;
  /** Newest first by `updatedAt`. */
  list(query?: AlertListQuery): Promise<AlertRecord[]>;
}

/** One delivery attempt. `detail` must never contain a secret (callers redact). */
export interface DeliveryLogEntry {
  alertId: string;
  channelId: string;
  attempt: number;
  ok: boolean;
  at: string;
  /** HTTP status or SMTP response code, when there was one. */
  status: number | null;
  detail: string;
}

/** Append-only log of delivery attempts. */
export interface DeliveryLog {
  append(entry: DeliveryLogEntry): Promise<void>;
  list(alertId?: string): Promise<DeliveryLogEntry[]>;
}
