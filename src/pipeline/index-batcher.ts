import type { Item } from '../core/item.js';
import type { Logger } from '../core/logger.js';
import type { Store } from '../store/store.js';
import { asStoreRetry, isStoreOutage } from './store-outage.js';

/** Outcome of one item's write, from the batch's bulk upsert. */
export type IndexOutcome = 'written';

/** Options of {@link createIndexBatcher}. */
export interface IndexBatcherOptions {
  /** Flush when this many items wait. @defaultValue 200 */
  maxItems?: number;
  /** Flush at the latest this long after the first waiting item. @defaultValue 50 */
  maxWaitMs?: number;
  /** Told when the store cannot be written (disk full, locked, unreachable) and when it is back. */
  logger?: Pick<Logger, 'warn' | 'info'>;
}

/**
 * Collects items from many concurrent index jobs into one bulk upsert, and settles each job's
 * promise with its own outcome: a bad item fails only its own job, the rest of the batch lands.
 */
export function createIndexBatcher(store: Store, opts: IndexBatcherOptions = {}) {
  const maxItems = opts.maxItems ?? 200;
  const maxWaitMs = opts.maxWaitMs ?? 50;
  type Waiter = { item: Item; resolve: (o: IndexOutcome) => void; reject: (e: Error) => void };
  let pending: Waiter[] = [];
  let timer: NodeJS.Timeout | null = null;
  let outageSince: number | null = null;

  async function flush(): Promise<void> {
    if (timer) clearTimeout(timer);
    timer = null;
    const batch = pending;
    pending = [];
    if (batch.length === 0) return;
    // The last write of an id in one batch wins; earlier duplicates share its outcome.
    const latest = new Map<string, Item>();
    for (const w of batch) latest.set(w.item.id, w.item);
    try {
      const result = await store.upsertItems([...latest.values()]);
      if (outageSince !== null) {
        opts.logger?.info({ outageMs: Date.now() - outageSince, items: latest.size }, 'store writable again: waiting items are being written');
        outageSince = null;
      }
      const failed = new Map(result.errors.map((e) => [e.id, e.reason]));
      for (const w of batch) {
        const reason = failed.get(w.item.id);
        if (reason) w.reject(new Error(`store rejected item ${w.item.id}: ${reason}`));
        else w.resolve('written');
      }
    } catch (err) {
      // A store outage delays the jobs (no attempt spent, no quarantine); anything else fails them.
      const failure = asStoreRetry(err);
      if (isStoreOutage(err)) {
        outageSince ??= Date.now();
        opts.logger?.warn({ code: (failure as { code?: string }).code, items: batch.length, outageMs: Date.now() - outageSince, err: (err as Error).message }, failure.message);
      }
      for (const w of batch) w.reject(failure);
    }
  }

  return {
    /** Queue an item for the next bulk write; resolves when it is durably stored. */
    add(item: Item): Promise<IndexOutcome> {
      return new Promise<IndexOutcome>((resolve, reject) => {
        pending.push({ item, resolve, reject });
        if (pending.length >= maxItems) void flush();
        else if (!timer) timer = setTimeout(() => void flush(), maxWaitMs);
      });
    },
    /** Write whatever waits now (shutdown). */
    flush,
  };
}
