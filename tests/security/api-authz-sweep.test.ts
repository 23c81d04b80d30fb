/**
 * Authorisation sweep over every route the API registers (read from Fastify's own route table,
 * so a route added later is covered without editing this file): without a session, nothing but
 * the login page, static assets and the public health probe answers 2xx, and no answer carries
 * crawled content. The per-role matrix is in tests/unit/server/routes.test.ts (API owner).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoServer, type DemoServer } from '../e2e/helpers/demo-server.js';

let server: DemoServer;
beforeAll(async () => {
  server = await startDemoServer({ items: true, deps: { rateLimit: { global: 100_000, login: 1000 } } });
}, 60_000);
afterAll(async () => server?.close());

/** API routes public on purpose: login/logout, the liveness probe, the API description. */
const PUBLIC = /^\/api\/(?:auth\/(?:login|logout)|health|openapi\.json)$/;

/** Every (method, path) from Fastify's printed route tree: `├── api/alerts (GET, HEAD)` lines, nested by 4 columns. */
function routeTable(): { method: string; url: string }[] {
  const out: { method: string; url: string }[] = [];
  const stack: string[] = [];
  for (const line of server.app.printRoutes({ commonPrefix: false }).split('\n')) {
    const m = /^([│ ]*)[├└]── (\S+) \(([^)]+)\)/.exec(line);
    if (!m) continue;
    const depth = m[1]!.length / 4;
    const parent = depth === 0 ? '' : stack[depth - 1]!;
    const url = depth === 0 ? m[2]! : `${parent.replace(/\/$/, '')}/${m[2]!.replace(/^\//, '')}`;
    stack[depth] = url;
    stack.length = depth + 1;
    for (const method of m[3]!.split(',').map((x) => x.trim())) if (method !== 'HEAD' && method !== 'OPTIONS') out.push({ method, url });
  }
  return out;
}

/** Static dashboard files: public by design (they hold no data; the data comes from /api). */
const STATIC = /^\/(?:|app\.js|styles\.css|index\.html|favicon\.svg)$/;

describe('every API route refuses anonymous callers', () => {
  it('answers 401/403 (or redirects to login) without a session, on every non-public route', async () => {
    const routes = routeTable();
    expect(routes.length).toBeGreaterThan(5);
    const open: string[] = [];
    for (const r of routes) {
      if (PUBLIC.test(r.url) || STATIC.test(r.url)) continue;
      const url = server.url + r.url.replace(/:(\w+)/g, 'x1').replace(/\*$/, 'x');
      const res = await fetch(url, { method: r.method, redirect: 'manual', headers: { 'content-type': 'application/json' }, ...(r.method === 'GET' ? {} : { body: '{}' }) });
      await res.arrayBuffer();
      if (![401, 403, 302, 303].includes(res.status)) open.push(`${r.method} ${r.url} → ${res.status}`);
    }
    console.log(JSON.stringify({ case: 'api-authz-sweep', routes: routes.length, checked: routes.filter((r) => !PUBLIC.test(r.url) && !STATIC.test(r.url)).length, open }));
    expect(open).toEqual([]);
  });
});
