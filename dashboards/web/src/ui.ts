import { ApiFailure, type ItemSummary } from './api.js';
import { h, type Child } from './dom.js';
import { formatTime, t } from './i18n.js';
import { topicName } from './state.js';

/** A titled panel. */
export function card(title: string, body: Child, opts: { wide?: boolean; id?: string; extra?: Child } = {}): HTMLElement {
  return h('section', { class: `card${opts.wide ? ' wide' : ''}`, id: opts.id }, h('header', { class: 'card-head' }, h('h2', null, title), opts.extra ?? null), h('div', { class: 'card-body' }, body));
}

/** A container a chart is drawn into. */
export function chartBox(name: string, tall = false): HTMLDivElement {
  return h('div', { class: `chart${tall ? ' tall' : ''}`, 'data-chart': name });
}

/** Sentiment badge. */
export function sentimentBadge(label: string | undefined): HTMLElement {
  const key = label ?? 'unlabelled';
  return h('span', { class: `badge s-${key}` }, t(key));
}

/** Severity badge on the Vietnamese ladder. */
export function severityBadge(severity: string): HTMLElement {
  return h('span', { class: `badge sev sev-${severity.replace(/[^a-z_]/g, '')}` }, t(severity));
}

/** Topic chips. */
export function topicChips(ids: string[]): HTMLElement {
  return h('span', { class: 'chips' }, ids.slice(0, 3).map((id) => h('a', { class: 'chip', href: `#/topics/${encodeURIComponent(id)}` }, topicName(id))));
}

/** One item in a result list: title (text only), source, time, sentiment, topics, lead. */
export function itemRow(item: ItemSummary): HTMLElement {
  return h('li', { class: 'item-row', 'data-item-id': item.id },
    h('a', { class: 'item-title', href: `#/items/${encodeURIComponent(item.id)}` }, item.title),
    h('div', { class: 'item-meta' }, h('span', { class: 'source' }, item.sourceName), ' · ', h('time', null, formatTime(item.publishedAt)), ' ', sentimentBadge(item.labels?.sentiment.label), ' ', topicChips(item.labels?.topics.map((x) => x.id) ?? [])),
    item.lead ? h('p', { class: 'item-lead' }, item.lead) : null,
  );
}

/** Placeholder while loading. */
export function loading(): HTMLElement {
  return h('div', { class: 'loading' }, t('loading'));
}

/** An error message (the message is text, never HTML). */
export function errorBox(error: unknown): HTMLElement {
  const message = error instanceof ApiFailure ? error.message : error instanceof Error ? error.message : String(error);
  return h('div', { class: 'error-box', role: 'alert' }, `${t('error')}: ${message}`);
}
