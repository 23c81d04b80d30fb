import { transitionAlert, type AlertRecord } from '../alerts/alert.js';
import { explainAlert } from '../alerts/explain.js';
import type { AlertRepository } from '../alerts/repositories.js';
import type { Store } from '../store/store.js';
import type { AlertEvent, AlertsPort, AlertView } from './ports.js';

/** Options of {@link createAlertsPort}. */
export interface AlertsPortOptions {
  /** With a store, `get` adds the explanation (top stories, outlets, evidence, terms). */
  store?: Store;
  /** Base URL used in explanation links. @defaultValue '' */
  dashboardUrl?: string;
  /** How often the repository is polled for alerts raised by other processes. @defaultValue 5000 */
  pollMs?: number;
  /** Most alerts scanned for one list page (the repository lists newest first). @defaultValue 500 */
  scanLimit?: number;
}

/** One-line summary of what the detector saw. */
function summaryOf(a: AlertRecord): string | null {
  const x = a.latest ?? a.peak;
  if (a.emerging) return `${a.emerging.label}: ${a.emerging.current} / ${a.emerging.expected.toFixed(1)}`;
  if (a.forecast) return `forecast ${a.forecast.median.toFixed(1)} [${a.forecast.lower.toFixed(1)}–${a.forecast.upper.toFixed(1)}] ≥ ${a.forecast.threshold} in ${a.forecast.hoursAhead} h`;
  if (!x) return null;
  return `${x.observed} / ${x.expected.toFixed(1)} [${x.expectedLow.toFixed(1)}–${x.expectedHigh.toFixed(1)}], ${x.windowHours} h`;
}

/** Map the alerts engine's record to the API's view. */
export function toAlertView(a: AlertRecord): AlertView {
  const last = (action: string) => [...a.history].reverse().find((h) => h.action === action);
  const ack = last('acknowledged');
  const resolved = last('resolved');
  const note = [...a.history].reverse().find((h) => h.note)?.note ?? null;
  return {
    id: a.id,
    topic: a.filter.topics?.[0] ?? a.ruleId,
    severity: a.severity,
    kind: a.kind,
    status: a.status,
    title: a.ruleName,
    summary: summaryOf(a),
    createdAt: a.openedAt,
    updatedAt: a.updatedAt,
    acknowledgedBy: ack?.actor ?? null,
    acknowledgedAt: ack?.at ?? null,
    resolvedBy: resolved?.actor ?? null,
    resolvedAt: a.resolvedAt,
    note,
    explanation: null,
  };
}

/**
 * The server's alerts port over the alerts engine's {@link AlertRepository}. Lifecycle moves use
 * the engine's own `transitionAlert`; alerts raised by the trends role (any process) reach the
 * live inbox through a shared poller that runs only while someone is subscribed.
 * @example
 * const alerts = createAlertsPort(createSqliteAlertRepository(db), { store });
 */
export function createAlertsPort(repo: AlertRepository, opts: AlertsPortOptions = {}): AlertsPort {
  const listeners = new Set<(e: AlertEvent) => void>();
  const seen = new Map<string, string>();
  let timer: NodeJS.Timeout | null = null;
  const emit = (e: AlertEvent) => {
    seen.set(e.alert.id, e.alert.updatedAt);
    for (const l of listeners) l(e);
  };
  /** A silent poll only records what exists, so subscribers get later changes, not history. */
  const poll = async (silent: boolean) => {
    for (const a of await repo.list({ limit: 100 })) {
      const before = seen.get(a.id);
      if (before === a.updatedAt) continue;
      if (silent) seen.set(a.id, a.updatedAt);
      else emit({ type: before === undefined ? 'created' : 'updated', alert: toAlertView(a) });
    }
  };
  const move = async (id: string, to: 'acknowledged' | 'resolved', by: string, note?: string) => {
    const current = await repo.get(id);
    if (!current) return null;
    let next: AlertRecord;
    try {
      next = transitionAlert(current, to, by, new Date().toISOString(), note);
    } catch (error) {
      throw new RangeError((error as Error).message);
    }
    await repo.save(next);
    const view = toAlertView(next);
    emit({ type: 'updated', alert: view });
    return view;
  };
  return {
    async list(q) {
      const records = await repo.list({ ...(q.statuses ? { status: q.statuses } : {}), limit: opts.scanLimit ?? 500 });
      const views = records.map(toAlertView).filter((v) => (!q.topic || v.topic === q.topic) && (!q.severity || v.severity === q.severity));
      return { total: views.length, alerts: views.slice(q.offset, q.offset + q.limit) };
    },
    async get(id) {
      const record = await repo.get(id);
      if (!record) return null;
      const view = toAlertView(record);
      if (!opts.store) return view;
      const ex = await explainAlert(opts.store, record, { dashboardUrl: opts.dashboardUrl ?? '' });
      return {
        ...view,
        explanation: {
          topStories: ex.topStories.map((s) => ({ storyId: s.storyId, title: s.title, items: s.items, outlets: s.outlets })),
          outlets: ex.outlets.map((o) => ({ sourceId: o.name, name: o.name, count: o.items })),
          evidence: ex.evidence.map((e) => ({ text: e.phrase, count: e.count })),
          topTerms: ex.emergingTerms.map((t) => ({ term: t.label, count: t.current })),
        },
      };
    },
    acknowledge: (id, by, note) => move(id, 'acknowledged', by, note),
    resolve: (id, by, note) => move(id, 'resolved', by, note),
    subscribe(listener) {
      if (listeners.size === 0) {
        const primed = poll(true).catch(() => undefined);
        timer = setInterval(() => void primed.then(() => poll(false)).catch(() => undefined), opts.pollMs ?? 5000);
        timer.unref();
      }
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0 && timer) {
          clearInterval(timer);
          timer = null;
        }
      };
    },
  };
}
