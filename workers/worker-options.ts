import type { WorkerOptions } from 'bullmq';
import type { AppContext } from '../src/app/context.js';
import { createRedisConnection } from '../src/queue/connection.js';

/** BullMQ worker options shared by every role: own blocking connection, our prefix. */
export function workerOptions(ctx: AppContext, concurrency: number): WorkerOptions {
  return {
    connection: createRedisConnection(ctx.redisUrl, { forWorker: true }),
    prefix: ctx.queuePrefix,
    concurrency,
    // A crashed worker's active jobs return to the queue after this long without a lock renewal.
    lockDuration: 30_000,
    stalledInterval: 15_000,
    maxStalledCount: 5,
    autorun: true,
  };
}
