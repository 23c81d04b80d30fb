import { mkdirSync } from 'node:fs';

import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import { resolvePrincipal } from './auth/guard.js';
import { loadCatalog } from './catalog.js';
import { isDevLocal, isLoopbackHost, type RouteContext, type ServerDeps } from './deps.js';
import { ApiError, installErrorHandler } from './http/errors.js';
import { installSecurityHeaders } from './http/security-headers.js';
import { registerMetrics } from './metrics.js';
import { registerQueueBoard } from './queue-board.js';
import { registerAdminRoutes } from './routes/admin.js';
import { registerAlertRoutes } from './routes/alerts.js';
import { registerAuthRoutes } from './routes/auth.js';
import { registerCatalogRoutes } from './routes/catalog.js';
import { registerItemRoutes } from './routes/items.js';
import { registerReportRoutes } from './routes/reports.js';
import { registerSeriesRoutes } from './routes/series.js';
import { registerStoryRoutes } from './routes/stories.js';
import { DEFAULT_WEB_ROOT, ensureWebAssets } from './web-assets.js';

export type { ServerDeps } from './deps.js';

/** Paths that need the caller identified (static dashboard files do not). */
const AUTH_PATHS = /^\/(api|metrics|admin)(\/|$)/;

/**
 * Build the HTTP server: JSON API under `/api`, OpenAPI at `/api/openapi.json`, Prometheus
 * `/metrics`, bull-board at `/admin/queues` (admins) and the dashboard at `/`. Call `listen()`
 * on the result; plugins finish loading on `ready()`.
 * @example
 * const app = createServer({ store, env, users, logger, alerts });
 * await app.listen({ host: env.HOST, port: env.PORT });
 */
export function createServer(deps: ServerDeps): FastifyInstance {
  const ctx: RouteContext = {
    ...deps,
    catalog: deps.catalog ?? loadCatalog(deps.env.PULSE_CONFIG_DIR),
    devLocal: isDevLocal(deps.env),
    sessionTtlMs: deps.sessionTtlMs ?? 12 * 3600_000,
    secureCookies: !isLoopbackHost(deps.env.HOST),
  };
  const app = Fastify({
    loggerInstance: deps.logger.child({ component: 'server' }) as FastifyBaseLogger,
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: 64 * 1024,
    trustProxy: false,
  });
  // Input is validated by zod inside each route (one error format); the JSON schemas on the
  // routes only document the API in OpenAPI.
  app.setValidatorCompiler(() => () => true);
  installErrorHandler(app);
  installSecurityHeaders(app, { secure: ctx.secureCookies });
  app.decorateRequest('principal', null);

  void app.register(cookie);
  void app.register(rateLimit, {
    global: true,
    max: deps.rateLimit?.global ?? 600,
    timeWindow: 60_000,
    // Keyed by client address: per-user keys would let one attacker rotate accounts.
    keyGenerator: (req) => req.ip,
    errorResponseBuilder: (_req, c) => new ApiError(429, 'rate_limited', `too many requests; retry in ${Math.ceil(c.ttl / 1000)} s`, { max: c.max, retryAfterSeconds: Math.ceil(c.ttl / 1000) }),
  });
  void app.register(swagger, {
    openapi: {
      info: { title: 'policy-pulse API', version: '0.1.0', description: 'Media monitoring for Vietnamese policy communication. Authenticate with the session cookie (dashboard) or `Authorization: Bearer <token>`.' },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' }, session: { type: 'apiKey', in: 'cookie', name: 'pulse_session' } } },
      security: [{ bearer: [] }, { session: [] }],
    },
  });
  void app.register(async (api) => {
    api.addHook('onRequest', async (req) => {
      if (AUTH_PATHS.test(req.url)) req.principal = await resolvePrincipal(req, deps.users, ctx.devLocal);
    });
    api.get('/api/health', { schema: { tags: ['ops'], summary: 'Liveness (no auth)' } }, async () => ({ ok: true }));
    api.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
    registerAuthRoutes(api, ctx);
    registerItemRoutes(api, ctx);
    registerStoryRoutes(api, ctx);
    registerSeriesRoutes(api, ctx);
    registerCatalogRoutes(api, ctx);
    registerAlertRoutes(api, ctx);
    registerReportRoutes(api, ctx);
    registerAdminRoutes(api, ctx);
    registerMetrics(api, ctx);
    await registerQueueBoard(api, ctx);
  });

  const webRoot = deps.webRoot ?? DEFAULT_WEB_ROOT;
  mkdirSync(webRoot, { recursive: true });
  void app.register(fastifyStatic, { root: webRoot, prefix: '/', index: ['index.html'], wildcard: false, cacheControl: false });
  app.addHook('onReady', async () => {
    await ensureWebAssets(webRoot);
  });
  // Assets are fingerprint-free, so ask browsers to revalidate rather than cache blindly.
  app.addHook('onSend', async (req, reply, payload) => {
    if (!req.url.startsWith('/api/') && !reply.hasHeader('Cache-Control')) reply.header('Cache-Control', 'no-cache');
    return payload;
  });
  return app;
}
