import { api, setCsrf, type Me, type Policy, type Topic } from './api.js';
import { disposeCharts } from './charts.js';
import { h, replace } from './dom.js';
import { currentLang, setLang, t, type Key } from './i18n.js';
import { state } from './state.js';
import { errorBox, loading } from './ui.js';
import { renderAlerts, startAlertStream } from './views/alerts.js';
import { renderItem } from './views/item.js';
import { renderLogin } from './views/login.js';
import { renderOverview } from './views/overview.js';
import { renderSearch } from './views/search.js';
import { renderSources } from './views/sources.js';
import { renderStories } from './views/stories.js';
import { renderTopic } from './views/topic.js';

const root = document.getElementById('app') as HTMLElement;
const NAV: { path: string; key: Key }[] = [
  { path: 'overview', key: 'navOverview' }, { path: 'topics', key: 'navTopics' }, { path: 'stories', key: 'navStories' },
  { path: 'search', key: 'navSearch' }, { path: 'alerts', key: 'navAlerts' }, { path: 'sources', key: 'navSources' },
];

/** Parse `#/view/arg?query`. */
function route(): { view: string; arg: string | null; params: URLSearchParams } {
  const hash = location.hash.replace(/^#\/?/, '');
  const [path = '', query = ''] = hash.split('?');
  const [view = 'overview', arg = null] = path.split('/').map(decodeURIComponent);
  return { view: view || 'overview', arg, params: new URLSearchParams(query) };
}

async function render(): Promise<void> {
  disposeCharts();
  if (!state.me) return renderLogin(root, boot);
  const { view, arg, params } = route();
  const main = h('main', { id: 'view', class: `view-${view}` }, loading());
  replace(root, shell(view), main);
  try {
    if (view === 'overview') await renderOverview(main);
    else if (view === 'topics') await renderTopic(main, arg);
    else if (view === 'stories') await renderStories(main, arg);
    else if (view === 'search') await renderSearch(main, params);
    else if (view === 'items' && arg) await renderItem(main, arg);
    else if (view === 'alerts') await renderAlerts(main, params, arg);
    else if (view === 'sources') await renderSources(main);
    else location.hash = '#/overview';
  } catch (error) {
    replace(main, errorBox(error));
  }
}

function shell(active: string): HTMLElement {
  const me = state.me as Me;
  const langButton = h('button', { class: 'lang', type: 'button', id: 'lang-switch', onclick: () => { setLang(currentLang() === 'vi' ? 'en' : 'vi'); void render(); } }, t('language'));
  const logout = me.via === 'dev' ? null : h('button', { type: 'button', class: 'link', id: 'logout', onclick: () => void logoutNow() }, t('logout'));
  return h('header', { class: 'topbar' },
    h('div', { class: 'brand' }, h('span', { class: 'logo', 'aria-hidden': 'true' }, 'PP'), h('div', null, h('strong', null, t('appName')), h('small', null, t('tagline')))),
    h('nav', { class: 'tabs' }, NAV.map((n) => h('a', { href: `#/${n.path}`, class: n.path === active || (active === 'items' && n.path === 'search') ? 'active' : '', 'data-nav': n.path }, t(n.key), n.path === 'alerts' ? h('span', { class: 'count', id: 'alert-count', hidden: true }) : null))),
    h('div', { class: 'user' }, me.devMode ? h('span', { class: 'dev', title: t('devMode') }, 'DEV') : null, h('span', { class: 'who' }, `${me.user.username} (${me.user.role})`), me.user.role === 'admin' ? h('a', { href: '/admin/queues', class: 'link' }, t('queues')) : null, langButton, logout),
  );
}

async function logoutNow(): Promise<void> {
  await api('/api/auth/logout', { method: 'POST' }).catch(() => undefined);
  state.me = null;
  setCsrf(null);
  location.hash = '#/overview';
  await render();
}

/** Load who we are and the catalogue, then draw. */
async function boot(): Promise<void> {
  setLang(currentLang());
  try {
    state.me = await api<Me>('/api/auth/me');
    setCsrf(state.me.csrfToken);
    const [topics, policies, sources] = await Promise.all([
      api<{ topics: Topic[] }>('/api/topics'),
      api<{ policies: Policy[] }>('/api/policies'),
      api<{ sources: { id: string; name: string }[] }>('/api/sources'),
    ]);
    state.topics = topics.topics;
    state.policies = policies.policies;
    state.sourceNames = Object.fromEntries(sources.sources.map((s) => [s.id, s.name]));
    startAlertStream();
  } catch {
    state.me = null;
  }
  await render();
}

window.addEventListener('hashchange', () => void render());
window.addEventListener('pulse:unauthenticated', () => {
  state.me = null;
  void render();
});
void boot();
