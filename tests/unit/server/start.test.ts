import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildContext, closeContext } from '../../../src/app/build-context.js';
import type { AppContext } from '../../../src/app/context.js';
import { loadEnv } from '../../../src/config/env.js';
import { createLogger } from '../../../src/core/logger.js';
import { startServer } from '../../../src/server/start.js';

let dir: string;
let ctx: AppContext;

async function contextFor(env: Record<string, string>): Promise<AppContext> {
  return buildContext({
    env: loadEnv({ NODE_ENV: 'production', HOST: '127.0.0.1', PORT: '0', PULSE_SQLITE_PATH: join(dir, `pulse-${randomUUID()}.db`), LOG_LEVEL: 'silent', ...env }),
    redisUrl: process.env.REDIS_URL as string,
    sources: [],
    queuePrefix: `test-${randomUUID()}`,
    analyser: null,
    needsAnalyser: false,
    logger: createLogger('silent'),
  });
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'pulse-start-'));
  ctx = await contextFor({ PULSE_ADMIN_USER: 'chief', PULSE_ADMIN_PASSWORD: 'chief-password-1' });
});
afterAll(async () => {
  await closeContext(ctx);
  rmSync(dir, { recursive: true, force: true });
});

describe('startServer (the `server` role)', () => {
  it('creates the first admin from env, serves the dashboard, bull-board for admins only, and queue metrics', async () => {
    const server = await startServer(ctx);
    try {
      expect((await fetch(`${server.url}/`)).headers.get('content-type')).toContain('text/html');
      expect((await fetch(`${server.url}/admin/queues`)).status).toBe(401);
      const login = await fetch(`${server.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'chief', password: 'chief-password-1' }) });
      const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] as string;
      const board = await fetch(`${server.url}/admin/queues`, { headers: { cookie } });
      expect(board.status).toBe(200);
      expect(await board.text()).toContain('policy-pulse');
      const api = await fetch(`${server.url}/admin/queues/api/queues?activeQueue=crawl&page=1&jobsPerPage=10`, { headers: { cookie } });
      expect(api.status).toBe(200);
      expect(JSON.stringify(await api.json())).toContain('crawl');
      await server.users.createUser({ username: 'reader', password: 'reader-password-1', role: 'viewer' });
      const viewerLogin = await fetch(`${server.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'reader', password: 'reader-password-1' }) });
      const viewerCookie = (viewerLogin.headers.get('set-cookie') ?? '').split(';')[0] as string;
      expect((await fetch(`${server.url}/admin/queues`, { headers: { cookie: viewerCookie } })).status).toBe(403);
      // The default engines are wired: alerts from the SQLite repository, reports from the data dir.
      expect((await fetch(`${server.url}/api/alerts`, { headers: { cookie } })).status).toBe(200);
      expect((await fetch(`${server.url}/api/reports`, { headers: { cookie } })).status).toBe(200);
      const metrics = await (await fetch(`${server.url}/metrics`, { headers: { cookie } })).text();
      expect(metrics).toMatch(/pulse_queue_jobs\{queue="fetch",state="waiting"\} 0/);
    } finally {
      await server.close();
    }
  });

  it('refuses to start bound beyond localhost with no admin', async () => {
    const wide = await contextFor({ HOST: '0.0.0.0' });
    try {
      await expect(startServer(wide)).rejects.toThrow(/no admin user exists/);
    } finally {
      await closeContext(wide);
    }
  });
});
