import { api, qs, type Alert } from '../api.js';
import { h, replace } from '../dom.js';
import { formatTime, t } from '../i18n.js';
import { canAct, topicName } from '../state.js';
import { errorBox, severityBadge } from '../ui.js';

let source: EventSource | null = null;
const listeners = new Set<(a: Alert) => void>();
let connected = false;

/** Open the SSE stream once per session; updates the nav badge and any open inbox. */
export function startAlertStream(): void {
  if (source) return;
  source = new EventSource('/api/alerts/stream');
  source.addEventListener('open', () => setConnected(true));
  source.addEventListener('error', () => setConnected(false));
  source.addEventListener('alert', (event) => {
    const { alert } = JSON.parse((event as MessageEvent<string>).data) as { alert: Alert };
    listeners.forEach((l) => l(alert));
    void refreshCount();
  });
  void refreshCount();
}

function setConnected(value: boolean): void {
  connected = value;
  const el = document.getElementById('live-indicator');
  if (el) {
    el.className = `live ${value ? 'on' : 'off'}`;
    el.textContent = value ? t('live') : t('offline');
  }
}

async function refreshCount(): Promise<void> {
  const res = await api<{ total: number }>('/api/alerts?status=open&limit=1').catch(() => null);
  const el = document.getElementById('alert-count');
  if (el && res) {
    el.textContent = String(res.total);
    el.hidden = res.total === 0;
  }
}

const STATUS_KEYS = { open: 'statusOpen', acknowledged: 'statusAcknowledged', resolved: 'statusResolved' } as const;

function alertCard(a: Alert, onChange: (a: Alert) => void): HTMLElement {
  const act = (action: 'ack' | 'resolve') => async () => {
    const res = await api<{ alert: Alert }>(`/api/alerts/${encodeURIComponent(a.id)}/${action}`, { method: 'POST', body: {} });
    onChange(res.alert);
  };
  const ex = a.explanation;
  return h('article', { class: `alert-card st-${a.status}`, 'data-alert-id': a.id, 'data-status': a.status },
    h('header', null, severityBadge(a.severity), h('span', { class: `status st-${a.status}` }, t(STATUS_KEYS[a.status])), h('time', null, formatTime(a.createdAt))),
    h('h3', null, a.title),
    h('p', { class: 'muted' }, `${topicName(a.topic)} · ${t(a.kind)} · `, h('a', { href: `#/search?topic=${encodeURIComponent(a.topic)}&sentiment=negative` }, t('relatedArticles'))),
    a.summary ? h('p', null, a.summary) : null,
    ex?.outlets?.length ? h('p', { class: 'chips' }, ex.outlets.slice(0, 5).map((o) => h('span', { class: 'chip outlet' }, `${o.name} (${o.count})`))) : null,
    ex?.evidence?.length ? h('p', null, ex.evidence.slice(0, 5).map((e) => h('mark', { class: 'ev ev-negative' }, e.text))) : null,
    ex?.topTerms?.length ? h('p', { class: 'muted' }, `${t('topTerms')}: ${ex.topTerms.slice(0, 8).map((x) => x.term).join(', ')}`) : null,
    a.acknowledgedBy ? h('p', { class: 'muted small' }, `${t('ackBy')} ${a.acknowledgedBy}`) : null,
    a.resolvedBy ? h('p', { class: 'muted small' }, `${t('resolvedBy')} ${a.resolvedBy}`) : null,
    canAct() && a.status !== 'resolved'
      ? h('div', { class: 'actions' },
        a.status === 'open' ? h('button', { type: 'button', class: 'primary', 'data-action': 'ack', onclick: act('ack') }, t('acknowledge')) : null,
        h('button', { type: 'button', 'data-action': 'resolve', onclick: act('resolve') }, t('resolve')))
      : null,
  );
}

/** Alerts inbox with status tabs; live updates arrive over SSE. */
export async function renderAlerts(main: HTMLElement, params: URLSearchParams, focusId: string | null = null): Promise<void> {
  const status = params.get('status') ?? (focusId ? 'all' : 'open');
  const tabs = h('div', { class: 'tabs-inline' }, (['open', 'acknowledged', 'resolved', 'all'] as const).map((s) =>
    h('a', { href: `#/alerts?status=${s}`, class: s === status ? 'active' : '', 'data-status-tab': s }, s === 'all' ? t('all') : t(STATUS_KEYS[s]))));
  const list = h('div', { class: 'alert-list', id: 'alert-list' });
  const focus = h('div', { id: 'alert-focus' });
  replace(main, h('div', { class: 'page-head' }, h('h1', null, t('navAlerts')), h('span', { id: 'live-indicator', class: `live ${connected ? 'on' : 'off'}` }, connected ? t('live') : t('offline'))), focus, tabs, list);
  if (focusId) {
    // One alert with its full explanation (what, where, why) on top, e.g. from a channel link.
    await api<{ alert: Alert }>(`/api/alerts/${encodeURIComponent(focusId)}`)
      .then((res) => replace(focus, h('div', { class: 'alert-focus' }, alertCard(res.alert, () => void renderAlerts(main, params, focusId)))))
      .catch((error: unknown) => replace(focus, errorBox(error)));
  }
  let alerts: Alert[];
  try {
    alerts = (await api<{ alerts: Alert[] }>(`/api/alerts${qs({ status: status === 'all' ? undefined : status, limit: 100 })}`)).alerts;
  } catch (error) {
    replace(list, errorBox(error));
    return;
  }
  const matches = (a: Alert) => status === 'all' || a.status === status;
  const draw = () => replace(list, alerts.length ? alerts.map((a) => alertCard(a, upsert)) : h('p', { class: 'muted empty' }, t('noAlerts')));
  const upsert = (a: Alert) => {
    alerts = alerts.filter((x) => x.id !== a.id);
    if (matches(a)) alerts = [a, ...alerts].sort((x, y) => y.createdAt.localeCompare(x.createdAt));
    if (document.body.contains(list)) draw();
  };
  listeners.clear();
  listeners.add(upsert);
  draw();
}
