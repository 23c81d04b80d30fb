import { api } from '../api.js';
import { h, replace } from '../dom.js';
import { formatNumber, formatTime, t } from '../i18n.js';

interface SourceRow {
  id: string; name: string; tier: string | null; status: string;
  health: { lastPollAt: string | null; lastSuccessAt: string | null; consecutiveFailures: number; itemsTotal: number; lastError: string | null } | null;
}

/** Source health table. */
export async function renderSources(main: HTMLElement): Promise<void> {
  const { sources } = await api<{ sources: SourceRow[] }>('/api/sources');
  const head = ['sourceName', 'tier', 'status', 'lastPoll', 'lastSuccess', 'failures', 'itemsTotal', 'lastError'];
  replace(main,
    h('div', { class: 'page-head' }, h('h1', null, t('navSources')), h('span', { class: 'muted' }, `${sources.length}`)),
    h('div', { class: 'table-wrap' }, h('table', { class: 'table', id: 'sources-table' },
      h('thead', null, h('tr', null, head.map((k) => h('th', null, t(k))))),
      h('tbody', null, sources.map((s) => h('tr', { 'data-source': s.id },
        h('td', { 'data-label': t('sourceName') }, h('strong', null, s.name), h('br'), h('small', { class: 'muted' }, s.id)),
        h('td', { 'data-label': t('tier') }, s.tier ? t(s.tier) : '–'),
        h('td', { 'data-label': t('status') }, h('span', { class: `badge h-${s.status}` }, t(s.status))),
        h('td', { 'data-label': t('lastPoll') }, formatTime(s.health?.lastPollAt)),
        h('td', { 'data-label': t('lastSuccess') }, formatTime(s.health?.lastSuccessAt)),
        h('td', { 'data-label': t('failures'), class: 'num' }, formatNumber(s.health?.consecutiveFailures ?? 0)),
        h('td', { 'data-label': t('itemsTotal'), class: 'num' }, formatNumber(s.health?.itemsTotal ?? 0)),
        h('td', { 'data-label': t('lastError'), class: 'err' }, s.health?.lastError ?? ''),
      ))),
    )),
  );
}
