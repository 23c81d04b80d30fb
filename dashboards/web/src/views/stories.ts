import { api, type ItemSummary, type Story } from '../api.js';
import { h, replace } from '../dom.js';
import { formatTime, t } from '../i18n.js';
import { card, itemRow, topicChips } from '../ui.js';

/** Proportional sentiment bar of a story. */
function sentimentBar(s: Story['sentiment']): HTMLElement {
  const total = s.positive + s.negative + s.neutral || 1;
  return h('div', { class: 'sbar', title: `+${s.positive} / −${s.negative} / ${s.neutral}` },
    (['negative', 'neutral', 'positive'] as const).map((k) => h('span', { class: `s-${k}`, style: `width:${((100 * s[k]) / total).toFixed(1)}%` })));
}

/** A story card: title, size, outlets, time range, sentiment. */
export function storyCard(story: Story): HTMLElement {
  return h('article', { class: 'story', 'data-story-id': story.storyId },
    h('a', { class: 'story-title', href: `#/stories/${encodeURIComponent(story.storyId)}` }, story.title),
    h('div', { class: 'story-meta' }, h('strong', null, `${story.items} ${t('itemsCount')}`), ` · ${story.outlets.length} ${t('outlets')} · ${formatTime(story.firstAt)}`),
    h('div', { class: 'chips' }, story.outlets.slice(0, 5).map((o) => h('span', { class: 'chip outlet' }, `${o.name} (${o.count})`))),
    sentimentBar(story.sentiment),
    topicChips(story.topics),
  );
}

/** Stories clustered across outlets; with an id, the items of that story. */
export async function renderStories(main: HTMLElement, storyId: string | null): Promise<void> {
  if (storyId) {
    const res = await api<{ story: Story; items: ItemSummary[] }>(`/api/stories/${encodeURIComponent(storyId)}`);
    replace(main,
      h('div', { class: 'page-head' }, h('a', { href: '#/stories', class: 'back' }, `← ${t('back')}`), h('h1', null, res.story.title)),
      storyCard(res.story),
      card(t('navStories'), h('ul', { class: 'item-list' }, res.items.map(itemRow)), { wide: true }),
    );
    return;
  }
  const from = new Date(Date.now() - 14 * 86_400_000).toISOString();
  const res = await api<{ stories: Story[]; total: number }>(`/api/stories?from=${from}&limit=30`);
  replace(main,
    h('div', { class: 'page-head' }, h('h1', null, t('navStories')), h('span', { class: 'muted' }, t('storiesIntro'))),
    h('div', { class: 'story-list' }, res.stories.map(storyCard)),
  );
}
