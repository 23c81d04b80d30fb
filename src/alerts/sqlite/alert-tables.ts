/**
 * SQLite implementations of the alerting ports, on a better-sqlite3 connection (normally the
 * Store's own file: `createSqliteStore(...).db`). Tables are prefixed `alert_` so they never
 * collide with the Store's schema, and created idempotently.
 */
import type Database from 'better-sqlite3';
import type { AlertRecord } from '../alert.js';
import type { AlertListQuery, AlertRepository, DeliveryLog, DeliveryLogEntry, DetectorStateRepository } from '../repositories.js';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS alert_detector_state (
  key TEXT PRIMARY KEY,
  state TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS alert_alerts (
  id TEXT PRIMARY KEY,
  dedupe_key TEXT NOT NULL UNIQUE,
  rule_id TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('open', 'acknowledged', 'resolved')),
  severity TEXT NOT NULL,
  opened_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  record TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS alert_alerts_status ON alert_alerts (status, updated_at);
CREATE TABLE IF NOT EXISTS alert_deliveries (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  alert_id TEXT NOT NULL,
  channel_id TEXT NOT NULL,
  attempt INTEGER NOT NULL,
  ok INTEGER NOT NULL,
  at TEXT NOT NULL,
  status INTEGER,
  detail TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS alert_deliveries_alert ON alert_deliveries (alert_id, seq);
`;

/** Create the `alert_` tables if missing. Safe on every start. */
export function ensureAlertTables(db: Database.Database): void {
  db.exec(SCHEMA);
}

/** Detector state as JSON rows. */
export function createSqliteDetectorStateRepository(db: Database.Database): DetectorStateRepository {
  ensureAlertTables(db);
  const select = db.prepare('SELECT state FROM alert_detector_state WHERE key = ?');
  const upsert = db.prepare(
    'INSERT INTO alert_detector_state (key, state, updated_at) VALUES (?, ?, ?) ON CONFLICT(key) DO UPDATE SET state = excluded.state, updated_at = excluded.updated_at',
  );
  const keys = db.prepare("SELECT key FROM alert_detector_state WHERE substr(key, 1, length(?)) = ? ORDER BY key");
  return {
    async load<T>(key: string) {
      const row = select.get(key) as { state: string } | undefined;
      return row ? (JSON.parse(row.state) as T) : null;
    },
    async save(key, state) {
      upsert.run(key, JSON.stringify(state), new Date().toISOString());
    },
    async listKeys(prefix) {
      return (keys.all(prefix, prefix) as { key: string }[]).map((r) => r.key);
    },
  };
}

/** Alerts as JSON records with indexed status columns. */
export function createSqliteAlertRepository(db: Database.Database): AlertRepository {
  ensureAlertTables(db);
  const byId = db.prepare('SELECT record FROM alert_alerts WHERE id = ?');
  const byKey = db.prepare('SELECT record FROM alert_alerts WHERE dedupe_key = ?');
  const upsert = db.prepare(`INSERT INTO alert_alerts (id, dedupe_key, rule_id, status, severity, opened_at, updated_at, record)
    VALUES (@id, @dedupeKey, @ruleId, @status, @severity, @openedAt, @updatedAt, @record)
    ON CONFLICT(id) DO UPDATE SET status = excluded.status, severity = excluded.severity, updated_at = excluded.updated_at, record = excluded.record`);
  const parse = (row: { record: string } | undefined) => (row ? (JSON.parse(row.record) as AlertRecord) : null);
  return {
    async get(id) {
      return parse(byId.get(id) as { record: string } | undefined);
    },
    async findByDedupeKey(key) {
      return parse(byKey.get(key) as { record: string } | undefined);
    },
    async save(a) {
      upsert.run({ id: a.id, dedupeKey: a.dedupeKey, ruleId: a.ruleId, status: a.status, severity: a.severity, openedAt: a.openedAt, updatedAt: a.updatedAt, record: JSON.stringify(a) });
    },
    async list(query: AlertListQuery = {}) {
      const where: string[] = [];
      const params: unknown[] = [];
      if (query.status?.length) {
        where.push(`status IN (${query.status.map(() => '?').join(',')})`);
        params.push(...query.status);
      }
      if (query.ruleId) {
        where.push('rule_id = ?');
        params.push(query.ruleId);
      }
      const sql = `SELECT record FROM alert_alerts ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY updated_at DESC, id LIMIT ?`;
      return (db.prepare(sql).all(...params, query.limit ?? 50) as { record: string }[]).map((r) => JSON.parse(r.record) as AlertRecord);
    },
  };
}

/** Append-only delivery log. */
export function createSqliteDeliveryLog(db: Database.Database): DeliveryLog {
  ensureAlertTables(db);
  const insert = db.prepare('INSERT INTO alert_deliveries (alert_id, channel_id, attempt, ok, at, status, detail) VALUES (?, ?, ?, ?, ?, ?, ?)');
  const all = db.prepare('SELECT * FROM alert_deliveries ORDER BY seq');
  const forAlert = db.prepare('SELECT * FROM alert_deliveries WHERE alert_id = ? ORDER BY seq');
  type Row = { alert_id: string; channel_id: string; attempt: number; ok: number; at: string; status: number | null; detail: string };
  const toEntry = (r: Row): DeliveryLogEntry => ({ alertId: r.alert_id, channelId: r.channel_id, attempt: r.attempt, ok: r.ok === 1, at: r.at, status: r.status, detail: r.detail });
  return {
    async append(e) {
      insert.run(e.alertId, e.channelId, e.attempt, e.ok ? 1 : 0, e.at, e.status, e.detail);
    },
    async list(alertId) {
      return ((alertId ? forAlert.all(alertId) : all.all()) as Row[]).map(toEntry);
    },
  };
}
