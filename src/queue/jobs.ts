import type { DiscoveredEntry, Item } from '../core/item.js';

/** Queue names of the pipeline, in flow order. */
export const QUEUE_NAMES = ['crawl', 'fetch', 'analyse', 'index'] as const;
export type QueueName = (typeof QUEUE_NAMES)[number];

/** One poll of one source. */
export interface CrawlJob {
  sourceId: string;
  /** Why the poll was queued: the scheduler, a manual `pulse crawl`, or a child sitemap. */
  reason: 'scheduled' | 'manual' | 'child';
  /** A child URL (sitemap index entry, listing page 2…) to poll instead of the source URL. */
  url?: string;
}

/** One article to fetch and extract. */
export interface FetchJob {
  sourceId: string;
  /** Item id of the discovered URL (sha1 of its canonical form). */
  discoveredId: string;
  url: string;
  entry: DiscoveredEntry;
  /** ISO time the crawler first saw the entry (fallback publishedAt). */
  seenAt: string;
}

/** One extracted item to analyse. */
export interface AnalyseJob {
  item: Item;
}

/** One analysed item to write to the Store (the worker batches many jobs into one bulk upsert). */
export interface IndexJob {
  item: Item;
}

/**
 * Deterministic job ids: the same work queued twice is one job (BullMQ ignores an add whose id
 * exists). `:` is avoided because BullMQ reserves it in keys.
 */
export const jobIds = {
  crawl: (sourceId: string, slot: string | number) => `source-${sourceId}-${slot}`,
  fetch: (discoveredId: string) => `fetch-${discoveredId}`,
  analyse: (itemId: string) => `analyse-${itemId}`,
  index: (itemId: string, contentHash: string) => `index-${itemId}-${contentHash.slice(0, 12)}`,
} as const;

/** Attempts per queue before a job is kept in the failed set (the quarantine). */
export const ATTEMPTS: Record<QueueName, number> = { crawl: 3, fetch: 5, analyse: 3, index: 10 };

/**
 * Default options for every job: exponential backoff with jitter so a host outage does not
 * come back as a thundering herd; failed jobs are never removed (quarantine, retryable from CLI);
 * completed jobs are kept a while so a re-discovered URL maps onto the same job id.
 */
export function defaultJobOptions(queue: QueueName) {
  return {
    attempts: ATTEMPTS[queue],
    backoff: { type: 'exponential' as const, delay: queue === 'index' ? 1_000 : 5_000, jitter: 0.5 },
    removeOnComplete: { age: 7 * 24 * 3600, count: 200_000 },
    removeOnFail: false as const,
  };
}
