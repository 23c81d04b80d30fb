import { api, type ItemSummary, type SeriesPoint, type Story } from '../api.js';
import { rankBars, sentimentBars } from '../charts.js';
import { h, replace } from '../dom.js';
import { currentLang, t } from '../i18n.js';
import { sourceName, state, topicName } from '../state.js';
import { card, chartBox, itemRow } from '../ui.js';
import { storyCard } from './stories.js';

/** Topic drill-down: pick a topic, see its sentiment over time, sources, stories and negative items. */
export async function renderTopic(main: HTMLElement, topicId: string | null): Promise<void> {
  const picker = h('div', { class: 'topic-picker' }, state.topics.map((tp) => h('a', { class: `chip${tp.id === topicId ? ' active' : ''}`, href: `#/topics/${encodeURIComponent(tp.id)}` }, tp.name[currentLang()])));
  if (!topicId) {
    replace(main, h('div', { class: 'page-head' }, h('h1', null, t('navTopics')), h('span', { class: 'muted' }, t('chooseTopic'))), picker);
    return;
  }
  const from = new Date(Date.now() - 30 * 86_400_000).toISOString();
  const topic = encodeURIComponent(topicId);
  const [sentiment, sources, stories, negative] = await Promise.all([
    api<{ points: SeriesPoint[] }>(`/api/series?topic=${topic}&by=sentiment&interval=day&from=${from}`),
    api<{ points: SeriesPoint[] }>(`/api/series?topic=${topic}&by=source&interval=week&from=${from}`),
    api<{ stories: Story[] }>(`/api/stories?topic=${topic}&from=${from}&limit=6`),
    api<{ items: ItemSummary[]; total: number }>(`/api/search?topic=${topic}&sentiment=negative&sort=newest&limit=8&from=${from}`),
  ]);
  const sentimentEl = chartBox('topic-sentiment', true);
  const sourcesEl = chartBox('topic-sources');
  const totals = new Map<string, number>();
  for (const p of sources.points) totals.set(p.key, (totals.get(p.key) ?? 0) + p.count);
  replace(main,
    h('div', { class: 'page-head' }, h('h1', null, topicName(topicId)), h('span', { class: 'muted' }, t('last30'))),
    picker,
    h('div', { class: 'grid' },
      card(t('volumeBySentiment'), sentimentEl, { wide: true }),
      card(t('bySource'), sourcesEl),
      card(t('topStories'), h('div', { class: 'story-list compact' }, stories.stories.map(storyCard)), { wide: true }),
      card(`${t('latestNegative')} (${negative.total})`, h('ul', { class: 'item-list' }, negative.items.map(itemRow))),
    ),
  );
  sentimentBars(sentimentEl, sentiment.points);
  rankBars(sourcesEl, [...totals.entries()].map(([id, value]) => ({ name: sourceName(id), value })));
}
