import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadEnv } from '../../../src/config/env.js';
import { createLogger } from '../../../src/core/logger.js';
import { hashPassword, verifyPassword } from '../../../src/server/auth/passwords.js';
import { createSqliteUserRepository } from '../../../src/server/auth/sqlite-users.js';
import { ensureAdmin } from '../../../src/server/bootstrap-admin.js';
import { isDevLocal } from '../../../src/server/deps.js';
import { apiClient } from '../../e2e/helpers/api-client.js';
import { PASSWORDS, startDemoServer, type DemoServer } from '../../e2e/helpers/demo-server.js';

let server: DemoServer;
beforeAll(async () => {
  server = await startDemoServer({ deps: { rateLimit: { global: 5000, login: 1000 } } });
}, 60_000);
afterAll(async () => server?.close());

describe('passwords', () => {
  it('hashes with scrypt, verifies the right password only, and salts every hash', async () => {
    const a = await hashPassword('mật khẩu dài đủ');
    const b = await hashPassword('mật khẩu dài đủ');
    expect(a).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(a).not.toBe(b);
    expect(await verifyPassword('mật khẩu dài đủ', a)).toBe(true);
    // NFC at the boundary: a decomposed spelling of the same password verifies.
    expect(await verifyPassword('mật khẩu dài đủ'.normalize('NFD'), a)).toBe(true);
    expect(await verifyPassword('mat khau dai du', a)).toBe(false);
    expect(await verifyPassword('x', 'scrypt$garbage')).toBe(false);
  });
});

describe('login, session cookie and logout', () => {
  it('sets an HttpOnly SameSite=Strict cookie (no Secure on localhost) and /me answers', async () => {
    const res = await fetch(`${server.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'viewer', password: PASSWORDS.viewer }) });
    expect(res.status).toBe(200);
    const cookie = res.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^pulse_session=[\w-]{40,};/);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Strict');
    expect(cookie).not.toContain('Secure');
    const body = (await res.json()) as { user: { role: string; password_hash?: string }; csrfToken: string };
    expect(body.user.role).toBe('viewer');
    expect(JSON.stringify(body)).not.toMatch(/scrypt|password/);
    const me = await fetch(`${server.url}/api/auth/me`, { headers: { cookie: cookie.split(';')[0] as string } });
    expect(((await me.json()) as { user: { username: string } }).user.username).toBe('viewer');
  });

  it('refuses a wrong password and an unknown user with the same 401', async () => {
    const anon = await apiClient(server);
    const wrong = await anon.post('/api/auth/login', { username: 'admin', password: 'not-the-password' });
    const unknown = await anon.post('/api/auth/login', { username: 'nobody', password: 'not-the-password' });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body).toEqual(unknown.body);
    expect(wrong.body.error.code).toBe('invalid_credentials');
    const audit = await server.users.listAudit({ limit: 5, offset: 0, action: 'auth.login_failed' });
    expect(audit.total).toBeGreaterThanOrEqual(2);
  });

  it('logout ends the session on the server, not just in the browser', async () => {
    const c = await apiClient(server, 'viewer');
    expect((await c.get('/api/auth/me')).status).toBe(200);
    expect((await c.post('/api/auth/logout')).status).toBe(200);
    expect((await c.get('/api/auth/me')).status).toBe(401);
  });
});

describe('roles', () => {
  it('answers 401 to anonymous calls on every protected route', async () => {
    const anon = await apiClient(server);
    for (const path of ['/api/items', '/api/search?q=x', '/api/stories', '/api/series', '/api/overview', '/api/topics', '/api/policies', '/api/sources', '/api/alerts', '/api/reports', '/api/users', '/api/tokens', '/api/audit', '/metrics', '/api/items/abc']) {
      const res = await anon.get(path);
      expect(res.status, path).toBe(401);
      expect(res.body.error.code, path).toBe('unauthenticated');
    }
    expect((await anon.post('/api/alerts/x/ack')).status).toBe(401);
  });

  it('lets a viewer read but not act (403), an officer act but not administer (403)', async () => {
    const alert = server.alerts.raise({ topic: 'health', severity: 'am_i', kind: 'negative_share', title: 'role test', summary: null });
    const viewer = await apiClient(server, 'viewer');
    const officer = await apiClient(server, 'officer');
    expect((await viewer.get('/api/alerts')).status).toBe(200);
    const denied = await viewer.post(`/api/alerts/${alert.id}/ack`);
    expect(denied.status).toBe(403);
    expect(denied.body.error.code).toBe('forbidden');
    expect((await viewer.post('/api/reports', { week: '2026-W48' })).status).toBe(403);
    expect((await officer.post(`/api/alerts/${alert.id}/ack`)).status).toBe(200);
    for (const path of ['/api/users', '/api/tokens', '/api/audit']) expect((await officer.get(path)).status, path).toBe(403);
    expect((await officer.post('/api/users', { username: 'x1', password: 'long-enough-pw', role: 'admin' })).status).toBe(403);
  });
});

describe('CSRF', () => {
  it('refuses a cookie-authenticated write without the token, with a wrong token, or from another origin', async () => {
    const officer = await apiClient(server, 'officer');
    const alert = server.alerts.raise({ topic: 'land', severity: 'am_i', kind: 'negative_spike', title: 'csrf test', summary: null });
    const noToken = await officer.request('POST', `/api/alerts/${alert.id}/ack`, { body: {}, csrf: false });
    expect(noToken.status).toBe(403);
    expect(noToken.body.error.code).toBe('csrf_rejected');
    const wrongToken = await officer.request('POST', `/api/alerts/${alert.id}/ack`, { body: {}, csrf: false, headers: { 'x-csrf-token': 'forged' } });
    expect(wrongToken.status).toBe(403);
    const crossOrigin = await officer.post(`/api/alerts/${alert.id}/ack`, {}, { origin: 'http://evil.example' });
    expect(crossOrigin.status).toBe(403);
    expect((await server.alerts.get(alert.id))?.status).toBe('open');
    const ok = await officer.post(`/api/alerts/${alert.id}/ack`, {}, { origin: server.url });
    expect(ok.status).toBe(200);
  });

  it('refuses a cross-origin login (login CSRF)', async () => {
    const res = await fetch(`${server.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json', origin: 'http://evil.example' }, body: JSON.stringify({ username: 'viewer', password: PASSWORDS.viewer }) });
    expect(res.status).toBe(403);
  });
});

describe('API tokens', () => {
  it('creates a hashed bearer token shown once, which works without CSRF and stops after revocation', async () => {
    const admin = await apiClient(server, 'admin');
    const officerUser = (await server.users.listUsers()).find((u) => u.username === 'officer');
    const created = await admin.post('/api/tokens', { name: 'monitoring', userId: officerUser?.id });
    expect(created.status).toBe(201);
    const token = created.body.token as string;
    expect(token).toMatch(/^pp_/);
    const list = await admin.get('/api/tokens');
    expect(JSON.stringify(list.body)).not.toContain(token);
    const bot = await apiClient(server, { bearer: token });
    expect((await bot.get('/api/items?limit=1')).status).toBe(200);
    const alert = server.alerts.raise({ topic: 'labour', severity: 'am_i', kind: 'negative_spike', title: 'token test', summary: null });
    expect((await bot.post(`/api/alerts/${alert.id}/resolve`)).status).toBe(200);
    expect((await bot.get('/api/users')).status).toBe(403);
    expect((await admin.request('DELETE', `/api/tokens/${created.body.info.id}`)).status).toBe(200);
    const revoked = await bot.get('/api/items');
    expect(revoked.status).toBe(401);
    expect((await apiClient(server, { bearer: 'pp_made_up' }).then((c) => c.get('/api/items'))).status).toBe(401);
  });
});

describe('rate limits', () => {
  it('limits login attempts harder than the rest (429 with a structured error)', async () => {
    const limited = await startDemoServer({ items: false, deps: { rateLimit: { global: 100, login: 5 } } });
    const statuses: number[] = [];
    let last: Response | null = null;
    for (let i = 0; i < 7; i++) {
      last = await fetch(`${limited.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: 'wrong-password-x' }) });
      statuses.push(last.status);
    }
    expect(statuses.slice(0, 4).every((s) => s === 401)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
    const body = (await last!.json()) as { error: { code: string } };
    expect(body.error.code).toBe('rate_limited');
    expect(last!.headers.get('retry-after')).toMatch(/^\d+$/);
    // Other routes still answer for the same client.
    expect((await fetch(`${limited.url}/api/health`)).status).toBe(200);
    await limited.close();
  });
});

describe('dev mode and the first admin', () => {
  const logger = createLogger('silent');
  it('is allowed only in development on a loopback address', () => {
    expect(isDevLocal(loadEnv({ NODE_ENV: 'development', HOST: '127.0.0.1' }))).toBe(true);
    expect(isDevLocal(loadEnv({ NODE_ENV: 'development', HOST: 'localhost' }))).toBe(true);
    expect(isDevLocal(loadEnv({ NODE_ENV: 'development', HOST: '0.0.0.0' }))).toBe(false);
    expect(isDevLocal(loadEnv({ NODE_ENV: 'production', HOST: '127.0.0.1' }))).toBe(false);
  });

  it('refuses to start beyond localhost without an admin, creates one from env, accepts dev-local', async () => {
    const users = createSqliteUserRepository({ path: ':memory:' });
    await expect(ensureAdmin(users, loadEnv({ NODE_ENV: 'development', HOST: '0.0.0.0' }), logger)).rejects.toThrow(/no admin user exists.*PULSE_ADMIN_USER/s);
    await expect(ensureAdmin(users, loadEnv({ NODE_ENV: 'development', HOST: '127.0.0.1' }), logger)).resolves.toBe('dev-local');
    await expect(ensureAdmin(users, loadEnv({ HOST: '0.0.0.0', PULSE_ADMIN_USER: 'chief', PULSE_ADMIN_PASSWORD: 'a-long-password' }), logger)).resolves.toBe('created');
    expect((await users.listUsers()).map((u) => [u.username, u.role])).toEqual([['chief', 'admin']]);
    await expect(ensureAdmin(users, loadEnv({ HOST: '0.0.0.0' }), logger)).resolves.toBe('exists');
    await users.close();
  });

  it('serves a local-dev admin without login only in dev-local mode', async () => {
    const dev = await startDemoServer({ items: false, env: { NODE_ENV: 'development' } });
    try {
      const anon = await apiClient(dev);
      const me = await anon.get('/api/auth/me');
      expect(me.status).toBe(200);
      expect(me.body.via).toBe('dev');
      expect(me.body.devMode).toBe(true);
      expect((await anon.get('/api/users')).status).toBe(200);
    } finally {
      await dev.close();
    }
    const prod = await startDemoServer({ items: false, env: { NODE_ENV: 'production' } });
    try {
      expect((await (await apiClient(prod)).get('/api/auth/me')).status).toBe(401);
    } finally {
      await prod.close();
    }
  });
});
