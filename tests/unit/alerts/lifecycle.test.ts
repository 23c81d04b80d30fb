import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { alertLink, openOrMerge, transitionAlert, type AlertDetection } from '../../../src/alerts/alert.js';
import { createSqliteAlertRepository, createSqliteDeliveryLog, createSqliteDetectorStateRepository } from '../../../src/alerts/sqlite/alert-tables.js';
import { createDetectorState, observeHour } from '../../../src/trends/detector/spike-detector.js';

const detection = (over: Partial<AlertDetection> = {}): AlertDetection => ({
  kind: 'spike',
  ruleId: 'r1',
  ruleName: 'Đất đai',
  seriesKey: 'r1|topic:land',
  episodeId: 'r1|topic:land#1',
  filter: { topics: ['land'] },
  severity: 'am_i',
  at: '2026-03-01T02:00:00.000Z',
  bucket: '2026-03-01T01:00:00.000Z',
  assessment: { hour: 1, bucket: 'b', trigger: 'volume', windowHours: 3, observed: 20, expected: 5, expectedLow: 3, expectedHigh: 8, score: 6, ratio: 4, observedShare: 0.5, expectedShare: 0.2, totalObserved: 40 },
  action: 'opened',
  ...over,
});

describe('alert lifecycle', () => {
  it('opens, merges a duplicate into the open alert, escalates severity, then resolves with actor and time', () => {
    const { alert: first, created } = openOrMerge(null, detection());
    expect(created).toBe(true);
    expect(first.status).toBe('open');
    const merged = openOrMerge(first, detection({ at: '2026-03-01T03:00:00.000Z', bucket: '2026-03-01T02:00:00.000Z', severity: 'bung_phat', action: 'escalated' }));
    expect(merged.created).toBe(false);
    expect(merged.alert.id).toBe(first.id);
    expect(merged.alert.severity).toBe('bung_phat');
    expect(merged.alert.windowEnd).toBe('2026-03-01T02:00:00.000Z');
    const ack = transitionAlert(merged.alert, 'acknowledged', 'cb.truc.ban', '2026-03-01T03:10:00.000Z', 'đang xử lý');
    const done = transitionAlert(ack, 'resolved', 'cb.truc.ban', '2026-03-01T09:00:00.000Z');
    expect(done.history.map((h) => [h.action, h.actor])).toEqual([
      ['opened', 'system'],
      ['escalated', 'system'],
      ['acknowledged', 'cb.truc.ban'],
      ['resolved', 'cb.truc.ban'],
    ]);
    expect(done.resolvedAt).toBe('2026-03-01T09:00:00.000Z');
    expect(() => transitionAlert(done, 'acknowledged', 'x', 'now')).toThrow(/cannot go from resolved to acknowledged/);
    expect(() => transitionAlert(first, 'acknowledged', ' ', 'now')).toThrow(/actor is required/);
    expect(() => openOrMerge(first, detection({ episodeId: 'other' }))).toThrow(/has key/);
    expect(alertLink('http://x/', first.id)).toBe(`http://x/#/alerts/${first.id}`);
  });

  it('re-opens a resolved alert on a detection with the same key', () => {
    const first = openOrMerge(null, detection()).alert;
    const resolved = transitionAlert(first, 'resolved', 'system', '2026-03-01T05:00:00.000Z');
    const again = openOrMerge(resolved, detection({ action: 'reopened', at: '2026-03-01T08:00:00.000Z' })).alert;
    expect(again.status).toBe('open');
    expect(again.resolvedAt).toBeNull();
    expect(again.history.at(-1)?.action).toBe('reopened');
  });
});

describe('SQLite repositories (alert_ tables)', () => {
  let dir = '';
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('persists alerts, detector state and the delivery log across connections', async () => {
    dir = mkdtempSync(join(tmpdir(), 'pulse-alert-repo-'));
    const file = join(dir, 'pulse.db');
    let db = new Database(file);
    const alerts = createSqliteAlertRepository(db);
    const states = createSqliteDetectorStateRepository(db);
    const log = createSqliteDeliveryLog(db);
    const a = openOrMerge(null, detection()).alert;
    await alerts.save(a);
    await alerts.save(transitionAlert(a, 'acknowledged', 'an', '2026-03-01T04:00:00.000Z'));
    const state = createDetectorState('r1|topic:land');
    observeHour(state, { hour: 500_000, total: 4, negative: 1 });
    await states.save('series:r1|topic:land', state);
    await states.save('series:r2|all', createDetectorState('r2|all'));
    await log.append({ alertId: a.id, channelId: 'hook', attempt: 1, ok: true, at: 'now', status: 200, detail: 'delivered' });
    db.close();

    db = new Database(file);
    const alerts2 = createSqliteAlertRepository(db);
    const states2 = createSqliteDetectorStateRepository(db);
    expect((await alerts2.get(a.id))?.status).toBe('acknowledged');
    expect((await alerts2.findByDedupeKey(a.dedupeKey))?.id).toBe(a.id);
    expect(await alerts2.list({ status: ['open'] })).toHaveLength(0);
    expect(await alerts2.list({ status: ['acknowledged'], ruleId: 'r1' })).toHaveLength(1);
    expect(await states2.load('series:r1|topic:land')).toEqual(state);
    expect(await states2.listKeys('series:r1|')).toEqual(['series:r1|topic:land']);
    expect(await createSqliteDeliveryLog(db).list(a.id)).toMatchObject([{ channelId: 'hook', ok: true, status: 200 }]);
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'alert_%' ORDER BY name").all();
    expect(tables.map((t) => (t as { name: string }).name)).toEqual(['alert_alerts', 'alert_deliveries', 'alert_detector_state']);
    db.close();
  });
});
