import type { SourceConfig } from '../config/sources-schema.js';
import type { Item } from '../core/item.js';
import type { Fetcher } from '../http/fetcher.js';
import type { SourceHealth, Store } from '../store/store.js';
import { analyseItem, type Analyser } from './analyse-stage.js';
import { pollSource } from './crawl-stage.js';
import { fetchArticleItem } from './fetch-stage.js';
import { healthAfterPoll } from './source-health-update.js';

/** Summary of a one-off crawl. */
export interface CrawlOnceResult {
  status: string;
  entries: number;
  new: number;
  stored: number;
  partial: number;
  errors: { url: string; reason: string }[];
}

/**
 * Poll one source and take every new article through fetch → analyse → store in this process,
 * without queues (`pulse crawl <source>`: check a new source before adding it to the schedule).
 */
export async function crawlOnce(
  source: SourceConfig,
  deps: { fetcher: Fetcher; store: Store; analyser: Analyser | null; onProgress?: (done: number, total: number) => void; concurrency?: number },
): Promise<CrawlOnceResult> {
  const health: SourceHealth | null = await deps.store.getSourceHealth(source.id);
  const outcome = await pollSource(source, health, deps.fetcher);
  const stored = await deps.store.existingIds(outcome.candidates.map((c) => c.id));
  const fresh = outcome.candidates.filter((c) => !stored.has(c.id));
  const seenAt = new Date().toISOString();
  const items: Item[] = [];
  const errors: { url: string; reason: string }[] = [...outcome.rejected];
  let done = 0;
  const queue = [...fresh];
  const workers = Array.from({ length: deps.concurrency ?? 4 }, async () => {
    for (let c = queue.shift(); c; c = queue.shift()) {
      try {
        const raw = await fetchArticleItem({ sourceId: source.id, discoveredId: c.id, url: c.url, entry: c.entry, seenAt }, source, { fetcher: deps.fetcher }, { lastAttempt: true });
        items.push(analyseItem(raw, { analyser: deps.analyser }));
      } catch (err) {
        errors.push({ url: c.url, reason: (err as Error).message });
      }
      deps.onProgress?.(++done, fresh.length);
    }
  });
  await Promise.all(workers);
  const result = await deps.store.upsertItems(items);
  for (const e of result.errors) errors.push({ url: e.id, reason: e.reason });
  await deps.store.updateSourceHealth(source.id, healthAfterPoll(source, health, outcome, fresh.length, new Date(seenAt)));
  return {
    status: outcome.status,
    entries: outcome.candidates.length,
    new: fresh.length,
    stored: result.inserted + result.updated,
    partial: items.filter((i) => i.partial).length,
    errors,
  };
}
