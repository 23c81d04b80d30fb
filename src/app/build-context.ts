import type { Env } from '../config/env.js';
import type { SourceConfig } from '../config/sources-schema.js';
import { createLogger, type Logger } from '../core/logger.js';
import { createHttpFetcher, type FetcherOptions } from '../http/fetcher.js';
import type { Analyser } from '../pipeline/analyse-stage.js';
import { createRedisConnection } from '../queue/connection.js';
import { closeQueues, createQueues } from '../queue/queues.js';
import { createSeenRegistry } from '../queue/seen-registry.js';
import { openStore } from '../store/open-store.js';
import type { Store } from '../store/store.js';
import type { AppContext } from './context.js';
import { loadAnalyser } from './load-analyser.js';

/** Options to build a context; tests and the demo override parts. */
export interface BuildContextOptions {
  env: Env;
  redisUrl: string;
  sources: readonly SourceConfig[];
  /** @defaultValue 'pulse' */
  queuePrefix?: string;
  store?: Store;
  logger?: Logger;
  fetcher?: Partial<FetcherOptions>;
  /** null disables NLP labels; undefined loads the configured analyser (when `needsAnalyser`). */
  analyser?: Analyser | null;
  /** False for processes without the analyse role: they never load NLP models. @defaultValue true */
  needsAnalyser?: boolean;
}

/** Wire adapters for one process. Call {@link closeContext} on shutdown. */
export async function buildContext(opts: BuildContextOptions): Promise<AppContext> {
  const logger = opts.logger ?? createLogger(opts.env.LOG_LEVEL);
  const redis = createRedisConnection(opts.redisUrl);
  redis.on('error', (err) => logger.debug({ err: err.message }, 'redis connection error'));
  const queuePrefix = opts.queuePrefix ?? 'pulse';
  const store = opts.store ?? (await openStore(opts.env));
  await store.init();
  const analyser = opts.analyser !== undefined ? opts.analyser : opts.needsAnalyser === false ? null : await loadAnalyser(opts.env, logger);
  return {
    env: opts.env,
    logger,
    redisUrl: opts.redisUrl,
    redis,
    queuePrefix,
    queues: createQueues(redis, queuePrefix),
    seen: createSeenRegistry(redis, queuePrefix),
    store,
    fetcher: createHttpFetcher({
      userAgent: opts.env.PULSE_USER_AGENT,
      perHostDelayMs: opts.env.PULSE_HOST_DELAY_MS,
      perHostConcurrency: opts.env.PULSE_HOST_CONCURRENCY,
      ...opts.fetcher,
    }),
    analyser,
    sources: opts.sources,
    sourceById: new Map(opts.sources.map((s) => [s.id, s])),
  };
}

/** Close everything the context opened, in dependency order. */
export async function closeContext(ctx: AppContext): Promise<void> {
  await closeQueues(ctx.queues);
  await ctx.fetcher.close();
  await ctx.store.close();
  ctx.redis.disconnect();
}
