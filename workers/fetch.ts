import { Worker } from 'bullmq';
import type { AppContext } from '../src/app/context.js';
import { PermanentError } from '../src/core/errors.js';
import { fetchArticleItem } from '../src/pipeline/fetch-stage.js';
import { jobIds, type FetchJob } from '../src/queue/jobs.js';
import { isLastAttempt, runStage } from '../src/queue/run-stage.js';
import { workerOptions } from './worker-options.js';

/** Start the `fetch` role: fetch + extract an article and hand it to `analyse`. */
export function startFetchWorker(ctx: AppContext, concurrency = 16): Worker<FetchJob, { itemId: string; partial: boolean }> {
  return new Worker<FetchJob, { itemId: string; partial: boolean }>(
    'fetch',
    (job, token) =>
      runStage(job, token, async () => {
        const source = ctx.sourceById.get(job.data.sourceId);
        if (!source) throw new PermanentError('unknown_source', `source "${job.data.sourceId}" is not in sources.yaml`);
        const item = await fetchArticleItem(job.data, source, { fetcher: ctx.fetcher }, { lastAttempt: isLastAttempt(job) });
        await ctx.queues.analyse.add('analyse', { item }, { jobId: jobIds.analyse(item.id) });
        // Registered only once the item is durable in the next queue.
        await ctx.seen.add(job.data.discoveredId, item.id);
        if (item.partial) ctx.logger.warn({ source: source.id, url: item.url, reason: item.partialReason }, 'article kept as partial item');
        return { itemId: item.id, partial: item.partial };
      }),
    workerOptions(ctx, concurrency),
  );
}
