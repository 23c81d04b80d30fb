import type { WorkerOptions } from 'bullmq';
import type { AppContext } from '../src/app/context.js';
import { createRedisConnection } from '../src/queue/connection.js';

/**
 * BullMQ worker options shared by every role: own connection, our prefix. BullMQ does not close a
 * connection it was handed, so {@link closeWorkerConnection} does it after `worker.close()`.
 */
export function workerOptions(ctx: AppContext, concurrency: number): WorkerOptions {
  const connection = createRedisConnection(ctx.redisUrl, { forWorker: true });
  connection.on('error', (err) => ctx.logger.debug({ err: err.message }, 'worker redis connection error'));
  return {
    connection,
    prefix: ctx.queuePrefix,
    concurrency,
    // A crashed worker's active jobs return to the queue after this long without a lock renewal.
    lockDuration: 30_000,
    stalledInterval: 15_000,
    maxStalledCount: 5,
    autorun: true,
  };
}

/** Close the connection {@link workerOptions} opened for a worker. */
export function closeWorkerConnection(opts: { connection?: unknown }): void {
  const conn = opts.connection as { disconnect?: () => void } | undefined;
  conn?.disconnect?.();
}
