import type { Env } from '../config/env.js';
import type { SourceConfig } from '../config/sources-schema.js';
import type { FetcherOptions } from '../http/fetcher.js';
import type { Analyser } from '../pipeline/analyse-stage.js';
import { ensureRedis, type RedisHandle } from '../redis/private-redis.js';
import type { Store } from '../store/store.js';
import { startRoles, type RunningRoles } from '../../workers/run-roles.js';
import type { SchedulerOptions } from '../../workers/scheduler.js';
import type { TrendsRoleOptions } from '../../workers/trends.js';
import { buildContext, closeContext } from './build-context.js';
import type { AppContext } from './context.js';
import type { Role } from './roles.js';

/** A running policy-pulse process. */
export interface BootedProcess {
  ctx: AppContext;
  /** Base URL of the dashboard/API when this process runs the `server` role. */
  serverUrl: string | null;
  roles: RunningRoles;
  redis: RedisHandle;
  /** Graceful shutdown: finish in-flight jobs, close store and connections, stop a private Redis. */
  shutdown(): Promise<void>;
}

/** Options of {@link bootProcess}. */
export interface BootOptions {
  env: Env;
  roles: readonly Role[];
  sources: readonly SourceConfig[];
  queuePrefix?: string;
  store?: Store;
  analyser?: Analyser | null;
  fetcher?: Partial<FetcherOptions>;
  scheduler?: SchedulerOptions;
  /** Options of the `trends` role (tick period). @defaultValue a tick every 5 minutes */
  trends?: TrendsRoleOptions;
  /** Install SIGTERM/SIGINT handlers that shut down gracefully. @defaultValue false */
  handleSignals?: boolean;
}

/** Find Redis, wire the context, start the roles. */
export async function bootProcess(opts: BootOptions): Promise<BootedProcess> {
  const redis = await ensureRedis({ redisUrl: opts.env.REDIS_URL, dataDir: opts.env.PULSE_DATA_DIR });
  const ctx = await buildContext({
    env: opts.env,
    redisUrl: redis.url,
    sources: opts.sources,
    queuePrefix: opts.queuePrefix ?? opts.env.PULSE_QUEUE_PREFIX,
    ...(opts.store ? { store: opts.store } : {}),
    ...(opts.analyser !== undefined ? { analyser: opts.analyser } : {}),
    ...(opts.fetcher ? { fetcher: opts.fetcher } : {}),
    needsAnalyser: opts.roles.includes('analyse'),
  });
  const roles = startRoles(ctx, opts.roles, opts.scheduler ? { scheduler: opts.scheduler } : {});
  const trends = opts.roles.includes('trends') ? await (await import('../../workers/trends.js')).startTrendsWorker(ctx, opts.trends) : null;
  // The HTTP server is loaded only by processes that serve (no Fastify in a fetch worker).
  const server = opts.roles.includes('server') ? await (await import('../server/start.js')).startServer(ctx) : null;
  let stopping: Promise<void> | null = null;
  const shutdown = () =>
    (stopping ??= (async () => {
      ctx.logger.info('shutting down: finishing in-flight jobs');
      await server?.close();
      await trends?.close();
      await roles.stop();
      await closeContext(ctx);
      await redis.stop();
    })());
  if (opts.handleSignals) {
    for (const sig of ['SIGTERM', 'SIGINT'] as const) {
      process.once(sig, () => {
        void shutdown().then(
          () => process.exit(0),
          (err) => {
            ctx.logger.error({ err: (err as Error).message }, 'shutdown failed');
            process.exit(1);
          },
        );
      });
    }
  }
  ctx.logger.info({ roles: opts.roles, redis: redis.private ? 'private' : 'external', sources: opts.sources.length }, 'policy-pulse started');
  return { ctx, roles, redis, shutdown, serverUrl: server?.url ?? null };
}
