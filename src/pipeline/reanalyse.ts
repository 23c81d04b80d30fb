import type { Item } from '../core/item.js';
import type { Store } from '../store/store.js';
import { analyseItem, type Analyser } from './analyse-stage.js';

const DAY_MS = 86_400_000;

/**
 * Re-run the analyser over stored items (after a lexicon, taxonomy or model change), oldest first,
 * one day of items at a time so memory stays flat and paging never walks a huge offset.
 */
export async function reanalyseStore(
  store: Store,
  analyser: Analyser,
  opts: { from?: string; to?: string; batch?: number; onProgress?: (done: number, total: number) => void } = {},
): Promise<{ total: number; updated: number; unchanged: number; errors: { id: string; reason: string }[] }> {
  const filter = { ...(opts.from ? { from: opts.from } : {}), ...(opts.to ? { to: opts.to } : {}) };
  const total = await store.countItems(filter);
  const first = await store.search({ ...filter, sort: 'oldest', limit: 1 });
  const last = await store.search({ ...filter, sort: 'newest', limit: 1 });
  const result = { total, updated: 0, unchanged: 0, errors: [] as { id: string; reason: string }[] };
  if (!first.hits[0] || !last.hits[0]) return result;
  const batch = opts.batch ?? 500;
  let done = 0;
  const end = Date.parse(last.hits[0].item.publishedAt) + 1;
  for (let t = Date.parse(first.hits[0].item.publishedAt); t < end; t += DAY_MS) {
    const from = new Date(t).toISOString();
    const to = new Date(Math.min(t + DAY_MS, end)).toISOString();
    for (let offset = 0; ; offset += batch) {
      const page = await store.search({ from, to, sort: 'oldest', limit: batch, offset });
      if (page.hits.length === 0) break;
      const items: Item[] = page.hits.map((h) => analyseItem(h.item, { analyser }));
      const res = await store.upsertItems(items);
      result.updated += res.updated + res.inserted;
      result.unchanged += res.unchanged;
      result.errors.push(...res.errors);
      done += items.length;
      opts.onProgress?.(done, total);
      if (page.hits.length < batch) break;
    }
  }
  return result;
}
