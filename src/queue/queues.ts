import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { QUEUE_NAMES, defaultJobOptions, type AnalyseJob, type CrawlJob, type FetchJob, type IndexJob, type QueueName } from './jobs.js';

/** The pipeline's queues, typed by job data. */
export interface PipelineQueues {
  crawl: Queue<CrawlJob>;
  fetch: Queue<FetchJob>;
  analyse: Queue<AnalyseJob>;
  index: Queue<IndexJob>;
}

/**
 * Open every pipeline queue under one key prefix.
 * @param prefix Redis key prefix; tests pass a unique one so runs never see each other's jobs.
 */
export function createQueues(connection: Redis, prefix: string): PipelineQueues {
  const make = <T>(name: QueueName) =>
    new Queue<T>(name, { connection, prefix, defaultJobOptions: defaultJobOptions(name) });
  return {
    crawl: make<CrawlJob>('crawl'),
    fetch: make<FetchJob>('fetch'),
    analyse: make<AnalyseJob>('analyse'),
    index: make<IndexJob>('index'),
  };
}

/** Close every queue (does not close the shared connection). */
export async function closeQueues(queues: PipelineQueues): Promise<void> {
  await Promise.all(QUEUE_NAMES.map((n) => queues[n].close()));
}

/** Job counts per queue for `pulse queue stats` and metrics. */
export async function queueStats(queues: PipelineQueues) {
  const rows = await Promise.all(
    QUEUE_NAMES.map(async (name) => ({
      queue: name,
      ...(await queues[name].getJobCounts('waiting', 'active', 'delayed', 'completed', 'failed', 'prioritized', 'waiting-children')),
    })),
  );
  return rows;
}
