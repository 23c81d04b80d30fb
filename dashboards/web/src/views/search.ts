import { api, qs, type ItemSummary } from '../api.js';
import { h, replace } from '../dom.js';
import { currentLang, formatNumber, t } from '../i18n.js';
import { state } from '../state.js';
import { errorBox, itemRow } from '../ui.js';

const PAGE = 20;
const FIELDS = ['q', 'from', 'to', 'topic', 'policy', 'sentiment', 'source', 'tier', 'province'] as const;

function select(name: string, all: string, options: [string, string][], value: string | null): HTMLSelectElement {
  const el = h('select', { name, id: `f-${name}`, 'aria-label': all }, h('option', { value: '' }, all), options.map(([v, label]) => h('option', { value: v }, label)));
  el.value = value ?? '';
  return el;
}

/** Full-text search (accents optional) with filters; state lives in the URL so results can be shared. */
export async function renderSearch(main: HTMLElement, params: URLSearchParams): Promise<void> {
  const sources = await api<{ sources: { id: string; name: string }[] }>('/api/sources').catch(() => ({ sources: [] }));
  const q = h('input', { type: 'search', name: 'q', id: 'f-q', placeholder: t('searchPlaceholder'), value: params.get('q') ?? '', autocomplete: 'off' });
  const from = h('input', { type: 'date', name: 'from', id: 'f-from', value: params.get('from') ?? '', 'aria-label': t('from') });
  const to = h('input', { type: 'date', name: 'to', id: 'f-to', value: params.get('to') ?? '', 'aria-label': t('to') });
  const controls = [
    select('topic', t('allTopics'), state.topics.map((tp) => [tp.id, tp.name[currentLang()]]), params.get('topic')),
    select('policy', t('allPolicies'), state.policies.map((p) => [p.id, p.name.length > 60 ? `${p.name.slice(0, 58)}…` : p.name]), params.get('policy')),
    select('sentiment', t('allSentiments'), (['negative', 'neutral', 'positive'] as const).map((s) => [s, t(s)]), params.get('sentiment')),
    select('source', t('allSources'), sources.sources.map((s) => [s.id, s.name]), params.get('source')),
    select('tier', t('allTiers'), (['central', 'party', 'local', 'government', 'other'] as const).map((x) => [x, t(x)]), params.get('tier')),
    h('input', { name: 'province', id: 'f-province', placeholder: t('province'), value: params.get('province') ?? '', 'aria-label': t('province') }),
  ];
  const form = h('form', { class: 'search-form', id: 'search-form' },
    h('div', { class: 'search-line' }, q, h('button', { type: 'submit', class: 'primary' }, t('searchButton'))),
    h('div', { class: 'filters' }, h('label', null, t('from'), from), h('label', null, t('to'), to), controls,
      h('a', { href: '#/search', class: 'link' }, t('clear'))),
  );
  const results = h('div', { id: 'results' });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const data = new FormData(form);
    const next = new URLSearchParams();
    for (const f of FIELDS) {
      const v = String(data.get(f) ?? '').trim();
      if (v) next.set(f, v);
    }
    location.hash = `#/search?${next.toString()}`;
  });
  form.addEventListener('change', (event) => {
    if ((event.target as HTMLElement).tagName === 'SELECT') form.requestSubmit();
  });
  replace(main, h('div', { class: 'page-head' }, h('h1', null, t('navSearch'))), form, results);

  const offset = Number(params.get('offset') ?? '0') || 0;
  const query: Record<string, string | number | undefined> = { limit: PAGE, offset };
  for (const f of FIELDS) {
    const v = params.get(f);
    if (v) query[f] = f === 'to' ? new Date(Date.parse(v) + 86_400_000).toISOString().slice(0, 10) : v;
  }
  try {
    const res = await api<{ total: number; items: ItemSummary[] }>(`/api/search${qs(query)}`);
    const page = (delta: number) => {
      const next = new URLSearchParams(params);
      next.set('offset', String(Math.max(0, offset + delta)));
      return `#/search?${next.toString()}`;
    };
    replace(results,
      h('p', { class: 'result-count', id: 'result-count', 'data-total': String(res.total) }, `${formatNumber(res.total)} ${t('results')}`),
      res.items.length ? h('ul', { class: 'item-list' }, res.items.map(itemRow)) : h('p', { class: 'muted empty' }, t('noResults')),
      h('nav', { class: 'pager' },
        offset > 0 ? h('a', { href: page(-PAGE) }, `← ${t('prev')}`) : null,
        offset + PAGE < res.total ? h('a', { href: page(PAGE) }, `${t('next')} →`) : null),
    );
  } catch (error) {
    replace(results, errorBox(error));
  }
}
