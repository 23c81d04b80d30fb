import { randomUUID } from 'node:crypto';
import type { AlertEvent, AlertsPort, AlertView, ForecastSeries } from './ports.js';

/** The in-process alerts adapter: alerts plus a way to raise one (tests, demo, single process). */
export interface MemoryAlerts extends AlertsPort {
  raise(input: Omit<AlertView, 'id' | 'status' | 'createdAt' | 'updatedAt'> & { id?: string; createdAt?: string }): AlertView;
  setForecasts(series: ForecastSeries[]): void;
}

/**
 * Keeps alerts in memory and notifies subscribers on every change. Used until the alerts
 * engine's repository is wired, and by tests to create alerts through the same port.
 * @example
 * const alerts = createMemoryAlerts();
 * alerts.raise({ topic: 'transport', severity: 'bung_phat', kind: 'negative_spike', title: '…', summary: null });
 */
export function createMemoryAlerts(): MemoryAlerts {
  const alerts = new Map<string, AlertView>();
  const listeners = new Set<(e: AlertEvent) => void>();
  let forecasts: ForecastSeries[] | null = null;
  const emit = (event: AlertEvent) => {
    for (const l of listeners) l(event);
  };
  const change = (id: string, patch: Partial<AlertView>): AlertView | null => {
    const current = alerts.get(id);
    if (!current) return null;
    const next = { ...current, ...patch, updatedAt: new Date().toISOString() };
    alerts.set(id, next);
    emit({ type: 'updated', alert: next });
    return next;
  };
  const port: MemoryAlerts = {
    raise(input) {
      const at = input.createdAt ?? new Date().toISOString();
      const alert: AlertView = { ...input, id: input.id ?? randomUUID(), status: 'open', createdAt: at, updatedAt: at };
      alerts.set(alert.id, alert);
      emit({ type: 'created', alert });
      return alert;
    },
    setForecasts(series) {
      forecasts = series;
    },
    async list(q) {
      const all = [...alerts.values()]
        .filter((a) => (!q.statuses || q.statuses.includes(a.status)) && (!q.topic || a.topic === q.topic) && (!q.severity || a.severity === q.severity))
        .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
      return { total: all.length, alerts: all.slice(q.offset, q.offset + q.limit) };
    },
    async get(id) {
      return alerts.get(id) ?? null;
    },
    async acknowledge(id, by, note) {
      const current = alerts.get(id);
      if (current?.status === 'resolved') throw new RangeError('alert is already resolved');
      return change(id, { status: 'acknowledged', acknowledgedBy: by, acknowledgedAt: new Date().toISOString(), note: note ?? current?.note ?? null });
    },
    async resolve(id, by, note) {
      const current = alerts.get(id);
      return change(id, { status: 'resolved', resolvedBy: by, resolvedAt: new Date().toISOString(), note: note ?? current?.note ?? null });
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  // `forecasts` is only offered once some exist, so the dashboard hides the panel otherwise.
  Object.defineProperty(port, 'forecasts', {
    enumerable: true,
    get: () => (forecasts ? async (q: { topic?: string }) => (forecasts ?? []).filter((s) => !q.topic || s.topic === q.topic) : undefined),
  });
  return port;
}
