import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { SeriesPoint } from '../../store/store.js';
import { requireRole } from '../auth/guard.js';
import type { RouteContext } from '../deps.js';
import { jsonSchema, parseInput } from '../http/validate.js';
import { filterFields, toItemFilter } from './filters.js';

const seriesQuery = z.object({
  ...filterFields,
  interval: z.enum(['hour', 'day', 'week']).default('day'),
  by: z.enum(['none', 'topic', 'sentiment', 'source', 'tier', 'province']).default('none'),
});

const overviewQuery = z.object({ ...filterFields, days: z.coerce.number().int().min(1).max(366).default(30) });

/** Sum a series by key. */
function totalsByKey(points: readonly SeriesPoint[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const p of points) out[p.key] = (out[p.key] ?? 0) + p.count;
  return out;
}

/**
 * `GET /api/series` (counts per interval, split by a dimension, buckets in Asia/Ho_Chi_Minh) and
 * `GET /api/overview` (what the overview screen needs in one round trip).
 */
export function registerSeriesRoutes(app: FastifyInstance, ctx: RouteContext): void {
  app.get('/api/series', { preHandler: requireRole('viewer'), schema: { tags: ['series'], summary: 'Time series of item counts', querystring: jsonSchema(seriesQuery) } }, async (req) => {
    const q = parseInput(seriesQuery, req.query, 'query');
    const points = await ctx.store.series({ ...toItemFilter(q), interval: q.interval, by: q.by, timeZone: 'Asia/Ho_Chi_Minh' });
    return { interval: q.interval, by: q.by, points };
  });
  app.get('/api/overview', { preHandler: requireRole('viewer'), schema: { tags: ['series'], summary: 'Volume, sentiment share, topic trends and open alerts', querystring: jsonSchema(overviewQuery) } }, async (req) => {
    const q = parseInput(overviewQuery, req.query, 'query');
    const filter = toItemFilter(q);
    const to = filter.to ?? new Date().toISOString();
    const from = filter.from ?? new Date(Date.parse(to) - q.days * 86_400_000).toISOString();
    const base = { ...filter, from, to, interval: 'day' as const, timeZone: 'Asia/Ho_Chi_Minh' };
    const [bySentiment, byTopic, bySource, openAlerts] = await Promise.all([
      ctx.store.series({ ...base, by: 'sentiment' }),
      ctx.store.series({ ...base, by: 'topic' }),
      ctx.store.series({ ...base, by: 'source' }),
      ctx.alerts ? ctx.alerts.list({ statuses: ['open'], limit: 5, offset: 0 }) : Promise.resolve(null),
    ]);
    const sentiment = totalsByKey(bySentiment);
    return {
      from,
      to,
      total: Object.values(sentiment).reduce((a, b) => a + b, 0),
      sentiment,
      volume: bySentiment,
      topics: byTopic,
      topicTotals: totalsByKey(byTopic),
      sourceTotals: totalsByKey(bySource),
      sourceNames: Object.fromEntries((ctx.sources ?? []).map((src) => [src.id, src.name])),
      openAlerts: openAlerts ? { total: openAlerts.total, latest: openAlerts.alerts } : null,
      forecastsAvailable: typeof ctx.alerts?.forecasts === 'function',
    };
  });
}
