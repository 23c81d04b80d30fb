import type { FastifyInstance } from 'fastify';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { QUEUE_NAMES } from '../queue/jobs.js';
import { requireRole } from './auth/guard.js';
import type { RouteContext } from './deps.js';

const QUEUE_STATES = ['waiting', 'active', 'delayed', 'failed', 'completed', 'prioritized'] as const;

/**
 * Prometheus metrics on `GET /metrics` (viewer or an API token: scrapers use a bearer token).
 * HTTP latency per route; queue depths, items, source failures and open alerts are read at
 * scrape time so they are right whichever process does the work.
 */
export function registerMetrics(app: FastifyInstance, ctx: RouteContext): Registry {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'pulse_' });
  const duration = new Histogram({
    name: 'pulse_http_request_duration_seconds',
    help: 'HTTP request duration by route',
    labelNames: ['method', 'route', 'status'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.2, 0.3, 0.5, 1, 2.5],
    registers: [registry],
  });
  const alertActions = new Counter({ name: 'pulse_alert_actions_total', help: 'Alert acknowledgements and resolutions', labelNames: ['action'], registers: [registry] });
  new Gauge({
    name: 'pulse_queue_jobs',
    help: 'Jobs per pipeline queue and state',
    labelNames: ['queue', 'state'],
    registers: [registry],
    async collect() {
      if (!ctx.queues) return;
      for (const name of QUEUE_NAMES) {
        const counts = await ctx.queues[name].getJobCounts(...QUEUE_STATES);
        for (const state of QUEUE_STATES) this.set({ queue: name, state }, counts[state] ?? 0);
      }
    },
  });
  new Gauge({
    name: 'pulse_items_stored', help: 'Items in the store', registers: [registry],
    async collect() { this.set(await ctx.store.countItems()); },
  });
  new Gauge({
    name: 'pulse_source_consecutive_failures', help: 'Consecutive failed polls per source', labelNames: ['source'], registers: [registry],
    async collect() {
      for (const h of await ctx.store.listSourceHealth()) this.set({ source: h.sourceId }, h.consecutiveFailures);
    },
  });
  new Gauge({
    name: 'pulse_alerts_open', help: 'Open alerts', registers: [registry],
    async collect() {
      if (ctx.alerts) this.set((await ctx.alerts.list({ statuses: ['open'], limit: 1, offset: 0 })).total);
    },
  });
  app.addHook('onResponse', async (req, reply) => {
    const route = req.routeOptions.url ?? 'unmatched';
    duration.observe({ method: req.method, route, status: String(reply.statusCode) }, reply.elapsedTime / 1000);
    if (req.method === 'POST' && reply.statusCode === 200 && /^\/api\/alerts\/:id\/(ack|resolve)$/.test(route)) alertActions.inc({ action: route.endsWith('ack') ? 'ack' : 'resolve' });
  });
  app.get('/metrics', { preHandler: requireRole('viewer'), schema: { tags: ['ops'], summary: 'Prometheus metrics' } }, async (_req, reply) => {
    reply.header('Content-Type', registry.contentType);
    return registry.metrics();
  });
  return registry;
}
