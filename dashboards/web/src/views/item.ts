import { api, type Evidence, type Item } from '../api.js';
import { h, replace } from '../dom.js';
import { segmentText } from '../highlight.js';
import { formatNumber, formatTime, t } from '../i18n.js';
import { state } from '../state.js';
import { card, sentimentBadge, topicChips } from '../ui.js';

/** Text of one field with its evidence phrases wrapped in <mark>, built from text nodes only. */
function highlighted(tag: 'h1' | 'p', text: string, evidence: Evidence[], field: Evidence['field'], cls: string): HTMLElement {
  const ranges = evidence.filter((e) => e.field === field);
  return h(tag, { class: cls }, segmentText(text, ranges).map((s) => (s.polarity ? h('mark', { class: `ev ev-${s.polarity}` }, s.text) : s.text)));
}

/** Item view: metadata, labels, and the article with evidence phrases highlighted. */
export async function renderItem(main: HTMLElement, id: string): Promise<void> {
  const { item } = await api<{ item: Item }>(`/api/items/${encodeURIComponent(id)}`);
  const labels = item.labels;
  const evidence = labels?.sentiment.evidence ?? [];
  // Offsets index the whole text field, so it is rendered as one block; CSS keeps the paragraph breaks.
  const body = highlighted('p', item.text, evidence, 'text', 'body');
  const policyNames = (labels?.policies ?? []).map((p) => state.policies.find((x) => x.id === p)?.name ?? p);
  replace(main,
    h('a', { href: '#/search', class: 'back', onclick: (e: Event) => { if (history.length > 1) { e.preventDefault(); history.back(); } } }, `← ${t('back')}`),
    h('article', { class: 'item-view' },
      highlighted('h1', item.title, evidence, 'title', 'item-heading'),
      h('div', { class: 'item-meta' }, h('span', { class: 'source' }, item.sourceName), ' · ', formatTime(item.publishedAt), item.author ? ` · ${item.author}` : '', ' ', sentimentBadge(labels?.sentiment.label),
        labels ? h('small', { class: 'muted' }, ` ${t('confidence')} ${formatNumber((labels.sentiment.confidence ?? 0) * 100)}%`) : null),
      topicChips(labels?.topics.map((x) => x.id) ?? []),
      item.partial ? h('p', { class: 'notice' }, t('partial')) : null,
      item.lead ? highlighted('p', item.lead, evidence, 'lead', 'lead') : null,
      h('div', { class: 'item-text' }, body),
      h('p', null, h('a', { href: item.url, rel: 'noopener noreferrer nofollow', target: '_blank', class: 'link' }, `${t('openOriginal')} ↗`)),
    ),
    h('aside', { class: 'item-side' },
      card(t('evidence'), evidence.length
        ? h('ul', { class: 'evidence-list' }, evidence.map((e) => h('li', null, h('mark', { class: `ev ev-${e.polarity}` }, e.text), h('small', null, ` ${t(e.polarity)} · ${t(`field_${e.field}`)}`))))
        : h('p', { class: 'muted' }, t('noEvidence'))),
      labels?.entities.length ? card(t('entities'), h('ul', { class: 'plain' }, labels.entities.map((e) => h('li', null, `${e.name} (${e.type}) ×${e.count}`)))) : null,
      policyNames.length ? card(t('policies'), h('ul', { class: 'plain' }, policyNames.map((n) => h('li', null, n)))) : null,
      labels?.storyId ? card(t('story'), h('a', { href: `#/stories/${encodeURIComponent(labels.storyId)}`, class: 'link' }, t('seeAll'))) : null,
    ),
  );
}
