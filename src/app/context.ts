import type { Redis } from 'ioredis';
import type { Env } from '../config/env.js';
import type { SourceConfig } from '../config/sources-schema.js';
import type { Logger } from '../core/logger.js';
import type { Fetcher } from '../http/fetcher.js';
import type { Analyser } from '../pipeline/analyse-stage.js';
import type { PipelineQueues } from '../queue/queues.js';
import type { SeenRegistry } from '../queue/seen-registry.js';
import type { Store } from '../store/store.js';

/**
 * Everything a worker needs, wired once per process. Workers stay thin: they read from here and
 * call pure stages.
 */
export interface AppContext {
  env: Env;
  logger: Logger;
  /** Redis URL every BullMQ connection is opened from. */
  redisUrl: string;
  /** Shared non-blocking connection (queues, registry). */
  redis: Redis;
  /** Redis key prefix of this deployment's queues. */
  queuePrefix: string;
  queues: PipelineQueues;
  seen: SeenRegistry;
  store: Store;
  fetcher: Fetcher;
  analyser: Analyser | null;
  sources: readonly SourceConfig[];
  sourceById: ReadonlyMap<string, SourceConfig>;
}
