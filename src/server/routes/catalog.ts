import type { FastifyInstance } from 'fastify';
import { requireRole } from '../auth/guard.js';
import type { RouteContext } from '../deps.js';

/** `GET /api/topics`, `GET /api/policies` and `GET /api/sources` (configured sources with crawl health). */
export function registerCatalogRoutes(app: FastifyInstance, ctx: RouteContext): void {
  app.get('/api/topics', { preHandler: requireRole('viewer'), schema: { tags: ['catalog'], summary: 'Topics from config/topics.yaml' } }, async () => ({ topics: ctx.catalog.topics }));
  app.get('/api/policies', { preHandler: requireRole('viewer'), schema: { tags: ['catalog'], summary: 'Named policies from config/policies.yaml' } }, async () => ({ policies: ctx.catalog.policies }));
  app.get('/api/sources', { preHandler: requireRole('viewer'), schema: { tags: ['catalog'], summary: 'Sources and their crawl health' } }, async () => {
    const health = await ctx.store.listSourceHealth();
    const byId = new Map(health.map((h) => [h.sourceId, h]));
    const configured = ctx.sources ?? [];
    const ids = new Set([...configured.map((s) => s.id), ...byId.keys()]);
    const sources = [...ids].sort().map((id) => {
      const cfg = configured.find((s) => s.id === id);
      const h = byId.get(id) ?? null;
      const status = !cfg?.enabled && cfg ? 'disabled' : !h || !h.lastPollAt ? 'never_polled' : h.consecutiveFailures >= 3 ? 'failing' : h.consecutiveFailures > 0 ? 'degraded' : 'ok';
      return { id, name: cfg?.name ?? id, tier: cfg?.tier ?? null, province: cfg?.province ?? null, enabled: cfg?.enabled ?? null, status, health: h };
    });
    return { sources };
  });
}
