import type { Worker } from 'bullmq';
import type { AppContext } from '../src/app/context.js';
import type { Role } from '../src/app/roles.js';
import { startAnalyseWorker } from './analyse.js';
import { startCrawlWorker } from './crawl.js';
import { startFetchWorker } from './fetch.js';
import { startIndexWorker } from './index-role.js';
import { startScheduler, type SchedulerOptions } from './scheduler.js';
import { closeWorkerConnection } from './worker-options.js';

/** Running roles of one process. */
export interface RunningRoles {
  workers: Worker[];
  scheduler: ReturnType<typeof startScheduler> | null;
  /** Graceful stop: no new jobs; in-flight jobs finish (or return to the queue on timeout). */
  stop(): Promise<void>;
}

/** Start the given roles on a context. */
export function startRoles(ctx: AppContext, roles: readonly Role[], opts: { scheduler?: SchedulerOptions } = {}): RunningRoles {
  const workers: Worker[] = [];
  let flushIndex: (() => Promise<void>) | null = null;
  let saveStories: (() => void) | null = null;
  for (const role of roles) {
    if (role === 'crawl') workers.push(startCrawlWorker(ctx));
    if (role === 'fetch') workers.push(startFetchWorker(ctx));
    if (role === 'analyse') {
      const an = startAnalyseWorker(ctx);
      workers.push(an.worker);
      saveStories = an.saveState;
    }
    if (role === 'index') {
      const idx = startIndexWorker(ctx);
      workers.push(idx.worker);
      flushIndex = idx.flush;
    }
  }
  for (const w of workers) {
    w.on('failed', (job, err) => ctx.logger.warn({ queue: w.name, jobId: job?.id, attempts: job?.attemptsMade, err: err.message }, 'job failed'));
    w.on('error', (err) => ctx.logger.error({ queue: w.name, err: err.message }, 'worker error'));
  }
  const scheduler = roles.includes('scheduler') ? startScheduler(ctx, opts.scheduler) : null;
  // The story window is saved every half minute and on stop; a SIGKILL loses at most that much continuity.
  const storySaver = saveStories ? setInterval(saveStories, 30_000) : null;
  storySaver?.unref();
  return {
    workers,
    scheduler,
    async stop() {
      await scheduler?.close();
      // Closing a worker waits for its active jobs; the index batcher is flushed meanwhile so
      // the jobs waiting on it can complete.
      const closing = workers.map((w) => w.close());
      const flusher = flushIndex ? setInterval(() => void flushIndex?.(), 20) : null;
      await Promise.all(closing);
      if (flusher) clearInterval(flusher);
      if (storySaver) clearInterval(storySaver);
      saveStories?.();
      for (const w of workers) closeWorkerConnection(w.opts);
    },
  };
}
