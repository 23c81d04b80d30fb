import { Worker } from 'bullmq';
import type { AppContext } from '../src/app/context.js';
import { createIndexBatcher } from '../src/pipeline/index-batcher.js';
import type { IndexJob } from '../src/queue/jobs.js';
import { runStage } from '../src/queue/run-stage.js';
import { workerOptions } from './worker-options.js';

/**
 * Start the `index` role. Many jobs run at once and share one bulk upsert per batch, so the
 * store sees a few large transactions instead of one per article; each job completes only once
 * its own item is durably written.
 */
export function startIndexWorker(ctx: AppContext, concurrency = 200): { worker: Worker<IndexJob, { outcome: string }>; flush: () => Promise<void> } {
  const batcher = createIndexBatcher(ctx.store, { maxItems: Math.max(1, Math.floor(concurrency / 2)), maxWaitMs: 50, logger: ctx.logger });
  const worker = new Worker<IndexJob, { outcome: string }>(
    'index',
    (job, token) => runStage(job, token, async () => ({ outcome: await batcher.add(job.data.item) })),
    workerOptions(ctx, concurrency),
  );
  return { worker, flush: batcher.flush };
}
