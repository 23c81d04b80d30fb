import { api, ApiFailure, setCsrf } from '../api.js';
import { h, replace } from '../dom.js';
import { currentLang, setLang, t } from '../i18n.js';

/** The login screen; calls `onLoggedIn` after a successful login. */
export function renderLogin(root: HTMLElement, onLoggedIn: () => Promise<void>): void {
  const message = h('p', { class: 'login-error', role: 'alert', id: 'login-error' });
  const username = h('input', { name: 'username', id: 'username', autocomplete: 'username', required: true });
  const password = h('input', { name: 'password', id: 'password', type: 'password', autocomplete: 'current-password', required: true });
  const form = h('form', { class: 'login-card', id: 'login-form' },
    h('div', { class: 'brand big' }, h('span', { class: 'logo' }, 'PP'), h('div', null, h('strong', null, t('appName')), h('small', null, t('tagline')))),
    h('p', { class: 'muted' }, t('loginIntro')),
    h('label', null, t('username'), username),
    h('label', null, t('password'), password),
    message,
    h('button', { type: 'submit', class: 'primary' }, t('login')),
    h('button', { type: 'button', class: 'link lang', onclick: () => { setLang(currentLang() === 'vi' ? 'en' : 'vi'); renderLogin(root, onLoggedIn); } }, t('language')),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    message.textContent = '';
    api<{ csrfToken: string }>('/api/auth/login', { method: 'POST', body: { username: username.value, password: password.value } })
      .then((res) => {
        setCsrf(res.csrfToken);
        return onLoggedIn();
      })
      .catch((error: unknown) => {
        message.textContent = error instanceof ApiFailure && error.status === 401 ? t('loginFailed') : `${t('error')}: ${(error as Error).message}`;
      });
  });
  replace(root, h('div', { class: 'login-page' }, form));
  username.focus();
}
