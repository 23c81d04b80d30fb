import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { actorOf, requireRole } from '../auth/guard.js';
import type { RouteContext } from '../deps.js';
import { ApiError } from '../http/errors.js';
import { jsonSchema, pagination, parseInput } from '../http/validate.js';
import type { ReportsPort } from '../ports.js';

const listQuery = z.object({ ...pagination });
const fileParams = z.object({ id: z.string().regex(/^[A-Za-z0-9._-]{1,100}$/), format: z.enum(['html', 'pdf', 'docx']) });
/** ISO week `YYYY-Www`, weeks 01–53. */
const generateBody = z.object({ week: z.string().regex(/^\d{4}-W(0[1-9]|[1-4]\d|5[0-3])$/, 'week must look like 2026-W48') }).strict();

function reportsOf(ctx: RouteContext): ReportsPort {
  if (!ctx.reports) throw new ApiError(503, 'reports_unavailable', 'the report generator is not running in this deployment');
  return ctx.reports;
}

/** `GET /api/reports`, `GET /api/reports/:id/:format` (download) and `POST /api/reports` (officer: generate now). */
export function registerReportRoutes(app: FastifyInstance, ctx: RouteContext): void {
  app.get('/api/reports', { preHandler: requireRole('viewer'), schema: { tags: ['reports'], summary: 'Stored weekly reports', querystring: jsonSchema(listQuery) } }, async (req) => {
    const q = parseInput(listQuery, req.query, 'query');
    const { total, reports } = await reportsOf(ctx).list(q);
    return { total, limit: q.limit, offset: q.offset, reports };
  });
  app.get('/api/reports/:id/:format', { preHandler: requireRole('viewer'), schema: { tags: ['reports'], summary: 'Download a report (html, pdf or docx)', params: jsonSchema(fileParams) } }, async (req, reply) => {
    const { id, format } = parseInput(fileParams, req.params, 'params');
    const file = await reportsOf(ctx).open(id, format);
    if (!file) throw new ApiError(404, 'not_found', `report ${id} has no ${format} file`);
    // Downloads only: an HTML report is never rendered inline on our origin.
    const ascii = file.filename.normalize('NFD').replace(/[^\x20-\x7e]/g, '').replace(/["\\]/g, '_');
    reply.header('Content-Type', file.contentType);
    reply.header('Content-Disposition', `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.filename)}`);
    return reply.send(file.body);
  });
  app.post('/api/reports', { preHandler: requireRole('officer'), schema: { tags: ['reports'], summary: 'Generate the report of an ISO week now', body: jsonSchema(generateBody) } }, async (req, reply) => {
    const { week } = parseInput(generateBody, req.body, 'body');
    const report = await reportsOf(ctx).generate(week);
    await ctx.users.audit({ actor: actorOf(req), action: 'report.generate', target: report.id, details: { week } });
    return reply.status(201).send({ report });
  });
}
