import { Redis } from 'ioredis';

/**
 * Open a Redis connection for BullMQ. Workers need `maxRetriesPerRequest: null` so a blocking
 * command survives a Redis restart instead of failing the worker.
 */
export function createRedisConnection(url: string, opts: { forWorker?: boolean } = {}): Redis {
  return new Redis(url, {
    maxRetriesPerRequest: opts.forWorker ? null : 20,
    enableReadyCheck: true,
    // Reconnect forever with a capped delay: a Redis restart must not kill the process.
    retryStrategy: (times) => Math.min(times * 200, 5_000),
    lazyConnect: false,
  });
}
