import { Worker } from 'bullmq';
import { createHash } from 'node:crypto';
import type { AppContext } from '../src/app/context.js';
import { PermanentError, describeError } from '../src/core/errors.js';
import { pollSource } from '../src/pipeline/crawl-stage.js';
import { healthAfterFailure, healthAfterPoll } from '../src/pipeline/source-health-update.js';
import { jobIds, type CrawlJob, type FetchJob } from '../src/queue/jobs.js';
import { runStage } from '../src/queue/run-stage.js';
import { workerOptions } from './worker-options.js';

/** Result recorded on a completed crawl job. */
export interface CrawlResult { entries: number; new: number; status: string }

/** Start the `crawl` role: poll a source, queue new articles, record source health. */
export function startCrawlWorker(ctx: AppContext, concurrency = 4): Worker<CrawlJob, CrawlResult> {
  return new Worker<CrawlJob, CrawlResult>(
    'crawl',
    (job, token) =>
      runStage(job, token, async () => {
        const source = ctx.sourceById.get(job.data.sourceId);
        if (!source) throw new PermanentError('unknown_source', `source "${job.data.sourceId}" is not in sources.yaml`);
        const health = await ctx.store.getSourceHealth(source.id);
        const now = new Date();
        try {
          const outcome = await pollSource(source, health, ctx.fetcher, job.data.url ?? source.url);
          const ids = outcome.candidates.map((c) => c.id);
          const [stored, seen] = await Promise.all([ctx.store.existingIds(ids), ctx.seen.filterSeen(ids)]);
          const fresh = outcome.candidates.filter((c) => !stored.has(c.id) && !seen.has(c.id));
          const seenAt = now.toISOString();
          await ctx.queues.fetch.addBulk(
            fresh.map((c) => ({
              name: 'fetch',
              data: { sourceId: source.id, discoveredId: c.id, url: c.url, entry: c.entry, seenAt } satisfies FetchJob,
              opts: { jobId: jobIds.fetch(c.id) },
            })),
          );
          for (const url of outcome.childUrls) {
            const slot = createHash('sha1').update(url).digest('hex').slice(0, 16) + '-' + Math.floor(now.getTime() / 600_000);
            await ctx.queues.crawl.add('crawl', { sourceId: source.id, reason: 'child', url }, { jobId: jobIds.crawl(source.id, slot) });
          }
          for (const r of outcome.rejected) ctx.logger.warn({ source: source.id, url: r.url, reason: r.reason }, 'entry rejected');
          // Child URLs (sitemap index entries) do not move the source's own schedule.
          if (!job.data.url) await ctx.store.updateSourceHealth(source.id, healthAfterPoll(source, health, outcome, fresh.length, now));
          return { entries: outcome.candidates.length, new: fresh.length, status: outcome.status };
        } catch (err) {
          const patch = healthAfterFailure(source, health, err, now);
          await ctx.store.updateSourceHealth(source.id, patch);
          ctx.logger.warn({ source: source.id, err: describeError(err), failures: patch.consecutiveFailures }, 'source poll failed');
          throw err;
        }
      }),
    workerOptions(ctx, concurrency),
  );
}
