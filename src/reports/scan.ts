/**
 * Reads every item of a time range through the Store port, so the report works on any adapter
 * (SQLite, Elasticsearch) without a report-specific query. Items are visited once, in pages,
 * and never held all at once.
 */
import type { Item } from '../core/item.js';
import type { Store } from '../store/store.js';

/** Options of {@link scanItems}. */
export interface ScanOptions {
  /** Items per `search` call. @defaultValue 1000 */
  pageSize?: number;
  /** Width of a time window, ms; windows keep offset paging shallow (Elasticsearch caps it). @defaultValue 6 h */
  windowMs?: number;
}

const HOUR_MS = 3_600_000;

/**
 * Call `visit` for every item published in `[from, to)`, oldest window first.
 * Within a window items are paged by offset with a stable order (publishedAt, id).
 */
export async function scanItems(store: Store, from: string, to: string, visit: (item: Item) => void, options: ScanOptions = {}): Promise<number> {
  const pageSize = options.pageSize ?? 1000;
  const windowMs = options.windowMs ?? 6 * HOUR_MS;
  const endMs = Date.parse(to);
  let seen = 0;
  for (let start = Date.parse(from); start < endMs; start += windowMs) {
    const window = { from: new Date(start).toISOString(), to: new Date(Math.min(start + windowMs, endMs)).toISOString() };
    let offset = 0;
    for (;;) {
      const page = await store.search({ ...window, sort: 'oldest', limit: pageSize, offset });
      for (const hit of page.hits) visit(hit.item);
      seen += page.hits.length;
      offset += page.hits.length;
      if (page.hits.length < pageSize || offset >= page.total) break;
    }
  }
  return seen;
}
