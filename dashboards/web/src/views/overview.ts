import { api, type Alert, type ItemSummary, type SeriesPoint } from '../api.js';
import { forecastChart, keyLines, rankBars, sentimentBars, sentimentDonut } from '../charts.js';
import { h, replace } from '../dom.js';
import { formatNumber, formatTime, t } from '../i18n.js';
import { shortTopicName, topicName } from '../state.js';
import { card, chartBox, itemRow, severityBadge } from '../ui.js';

interface Overview {
  total: number;
  sentiment: Record<string, number>;
  volume: SeriesPoint[];
  topics: SeriesPoint[];
  topicTotals: Record<string, number>;
  sourceTotals: Record<string, number>;
  sourceNames: Record<string, string>;
  openAlerts: { total: number; latest: Alert[] } | null;
  forecastsAvailable: boolean;
}

function kpi(label: string, value: string, tone = '', id = ''): HTMLElement {
  return h('div', { class: `kpi ${tone}`, 'data-kpi': id }, h('span', { class: 'kpi-value' }, value), h('span', { class: 'kpi-label' }, label));
}

/** Alert line used on the overview and in the inbox summary. */
export function alertLine(a: Alert): HTMLElement {
  return h('li', { class: 'alert-line' }, severityBadge(a.severity), h('a', { href: `#/alerts/${encodeURIComponent(a.id)}` }, a.title), h('small', null, `${topicName(a.topic)} · ${formatTime(a.createdAt)}`));
}

/** Overview: KPIs, volume by sentiment, sentiment share, topic trends, sources, open alerts, forecast. */
export async function renderOverview(main: HTMLElement): Promise<void> {
  const o = await api<Overview>('/api/overview?days=30');
  const negative = o.sentiment.negative ?? 0;
  const labelled = (o.sentiment.positive ?? 0) + negative + (o.sentiment.neutral ?? 0);
  const topTopics = Object.entries(o.topicTotals).filter(([k]) => k !== 'unlabelled').sort((a, b) => b[1] - a[1]).slice(0, 6).map(([k]) => k);
  const volume = chartBox('volume', true);
  const donut = chartBox('sentiment');
  const trend = chartBox('topics', true);
  const sources = chartBox('sources');
  const forecastBox = chartBox('forecast');
  const topicRank = chartBox('topic-rank');
  const negatives = await api<{ items: ItemSummary[] }>('/api/search?sentiment=negative&sort=newest&limit=6').catch(() => ({ items: [] }));
  const alerts = o.openAlerts;
  replace(main,
    h('div', { class: 'page-head' }, h('h1', null, t('navOverview')), h('span', { class: 'muted' }, t('last30'))),
    h('div', { class: 'kpis' },
      kpi(t('articles'), formatNumber(o.total), '', 'total'),
      kpi(t('negativeShare'), labelled ? `${formatNumber((100 * negative) / labelled, 1)}%` : '–', 'neg', 'negative-share'),
      kpi(t('openAlerts'), alerts ? formatNumber(alerts.total) : '–', alerts && alerts.total > 0 ? 'warn' : '', 'open-alerts'),
      kpi(t('activeSources'), formatNumber(Object.keys(o.sourceTotals).length), '', 'sources'),
    ),
    h('div', { class: 'grid' },
      card(t('volumeBySentiment'), volume, { wide: true }),
      card(t('sentimentShare'), donut),
      card(t('topicTrend'), trend, { wide: true }),
      card(t('latestAlerts'), alerts && alerts.latest.length ? h('ul', { class: 'alert-lines' }, alerts.latest.map(alertLine)) : h('p', { class: 'muted' }, alerts ? t('noAlerts') : t('alertsUnavailable'))),
      card(t('topSources'), sources),
      card(t('topTopics'), topicRank),
      card(t('latestNegative'), h('ul', { class: 'item-list compact' }, negatives.items.map(itemRow))),
      o.forecastsAvailable ? card(t('forecast'), forecastBox, { id: 'forecast-panel', wide: true }) : null,
    ),
  );
  sentimentBars(volume, o.volume);
  sentimentDonut(donut, o.sentiment);
  keyLines(trend, o.topics.filter((p) => topTopics.includes(p.key)), topTopics, shortTopicName);
  rankBars(topicRank, Object.entries(o.topicTotals).filter(([k]) => k !== 'unlabelled').sort((a, b) => b[1] - a[1]).slice(0, 8).map(([id, value]) => ({ name: shortTopicName(id), value })));
  rankBars(sources, Object.entries(o.sourceTotals).sort((a, b) => b[1] - a[1]).slice(0, 10).map(([id, value]) => ({ name: o.sourceNames[id] ?? id, value })));
  if (o.forecastsAvailable) {
    const f = await api<{ series: { topic: string; points: Parameters<typeof forecastChart>[1] }[] }>('/api/forecasts');
    const first = f.series[0];
    const panel = document.getElementById('forecast-panel');
    if (first) {
      const title = panel?.querySelector('h2');
      if (title) title.textContent = `${t('forecast')} · ${topicName(first.topic)}`;
      forecastChart(forecastBox, first.points);
    } else panel?.remove();
  }
}
