import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { actorOf, requireRole } from '../auth/guard.js';
import type { RouteContext } from '../deps.js';
import { ApiError } from '../http/errors.js';
import { csv, jsonSchema, pagination, parseInput } from '../http/validate.js';
import { ALERT_STATUSES, type AlertsPort, type AlertStatus } from '../ports.js';
import { registerAlertStream } from './alert-stream.js';

const listQuery = z.object({
  status: csv.pipe(z.array(z.enum(ALERT_STATUSES as [AlertStatus, ...AlertStatus[]]))).optional(),
  topic: z.string().max(80).optional(),
  severity: z.string().max(40).optional(),
  ...pagination,
});
const idParams = z.object({ id: z.string().min(1).max(120) });
const actionBody = z.object({ note: z.string().max(2000).optional() }).strict();
const forecastQuery = z.object({ topic: z.string().max(80).optional() });

/** The alerts port, or a 503 saying the alerts engine is not wired in this process. */
export function alertsOf(ctx: RouteContext): AlertsPort {
  if (!ctx.alerts) throw new ApiError(503, 'alerts_unavailable', 'the alerts engine is not running in this deployment');
  return ctx.alerts;
}

/**
 * Alerts inbox: `GET /api/alerts`, `GET /api/alerts/:id`, `POST /api/alerts/:id/ack`,
 * `POST /api/alerts/:id/resolve` (officer; audited), `GET /api/alerts/stream` (SSE) and
 * `GET /api/forecasts` (404 `forecasts_unavailable` until the trends engine provides them).
 */
export function registerAlertRoutes(app: FastifyInstance, ctx: RouteContext): void {
  app.get('/api/alerts', { preHandler: requireRole('viewer'), schema: { tags: ['alerts'], summary: 'List alerts', querystring: jsonSchema(listQuery) } }, async (req) => {
    const q = parseInput(listQuery, req.query, 'query');
    const { total, alerts } = await alertsOf(ctx).list({ ...(q.status?.length ? { statuses: q.status } : {}), ...(q.topic ? { topic: q.topic } : {}), ...(q.severity ? { severity: q.severity } : {}), limit: q.limit, offset: q.offset });
    return { total, limit: q.limit, offset: q.offset, alerts };
  });
  registerAlertStream(app, ctx);
  app.get('/api/alerts/:id', { preHandler: requireRole('viewer'), schema: { tags: ['alerts'], summary: 'One alert with its explanation', params: jsonSchema(idParams) } }, async (req) => {
    const { id } = parseInput(idParams, req.params, 'params');
    const alert = await alertsOf(ctx).get(id);
    if (!alert) throw new ApiError(404, 'not_found', `alert ${id} does not exist`);
    return { alert };
  });
  for (const action of ['ack', 'resolve'] as const) {
    app.post(`/api/alerts/:id/${action}`, { preHandler: requireRole('officer'), schema: { tags: ['alerts'], summary: action === 'ack' ? 'Acknowledge an alert' : 'Resolve an alert', params: jsonSchema(idParams), body: jsonSchema(actionBody) } }, async (req) => {
      const { id } = parseInput(idParams, req.params, 'params');
      const { note } = parseInput(actionBody, req.body, 'body');
      const port = alertsOf(ctx);
      const actor = actorOf(req);
      let alert;
      try {
        alert = action === 'ack' ? await port.acknowledge(id, actor, note) : await port.resolve(id, actor, note);
      } catch (error) {
        if (error instanceof RangeError) throw new ApiError(409, 'conflict', error.message);
        throw error;
      }
      if (!alert) throw new ApiError(404, 'not_found', `alert ${id} does not exist`);
      await ctx.users.audit({ actor, action: `alert.${action}`, target: id, details: note ? { note } : null });
      return { alert };
    });
  }
  app.get('/api/forecasts', { preHandler: requireRole('viewer'), schema: { tags: ['alerts'], summary: 'Forecasts with prediction intervals', querystring: jsonSchema(forecastQuery) } }, async (req) => {
    const q = parseInput(forecastQuery, req.query, 'query');
    const forecasts = ctx.alerts?.forecasts;
    if (typeof forecasts !== 'function') throw new ApiError(404, 'forecasts_unavailable', 'no forecasts have been produced yet');
    return { series: await forecasts.call(ctx.alerts, q.topic ? { topic: q.topic } : {}) };
  });
}
