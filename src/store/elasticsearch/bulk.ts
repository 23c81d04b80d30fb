import type { Client, estypes } from '@elastic/elasticsearch';

/** One bulk action on one document. */
export interface BulkOperation {
  action: 'index' | 'delete';
  index: string;
  id: string;
  /** Required for `index`. */
  document?: unknown;
}

/** What became of one operation after all retries. */
export interface BulkOutcome {
  ok: boolean;
  /** HTTP status of the last attempt for this item (0 when the request itself never got through). */
  status: number;
  /** Elasticsearch error type of the last attempt, e.g. `document_parsing_exception`. */
  errorType?: string;
  reason?: string;
  attempts: number;
}

/** Tuning of the bulk writer. Defaults suit a 1 GB-heap node. */
export interface BulkOptions {
  /** Documents per request. @defaultValue 1000 */
  maxDocs?: number;
  /** Bytes of NDJSON per request; one larger document still goes alone. @defaultValue 5 MiB */
  maxBytes?: number;
  /**
   * Requests in flight at once. A bulk request to a one-shard index is written by one thread, so
   * 2 keeps both cores of a small node busy; the bound is the back-pressure. @defaultValue 2
   */
  concurrency?: number;
  /** Attempts per item for 429/503 rejections before it is reported failed. @defaultValue 8 */
  maxItemAttempts?: number;
  /** First back-off; doubles per attempt with jitter, capped by maxBackoffMs. @defaultValue 250 */
  initialBackoffMs?: number;
  /** @defaultValue 15000 */
  maxBackoffMs?: number;
  /**
   * How long a whole request may keep failing (connection refused, 429/502/503/504) before the
   * call gives up by throwing, so the caller's job is retried later. @defaultValue 300000
   */
  requestRetryTimeoutMs?: number;
  /** Refresh policy sent with each request. @defaultValue 'wait_for' */
  refresh?: 'wait_for' | boolean;
  /** Injected for tests. */
  sleep?: (ms: number) => Promise<void>;
  /** Called before every request attempt (count, bytes), retries included; for tests and metrics. */
  onRequest?: (info: { docs: number; bytes: number }) => void;
}

/** Item statuses worth another try: the node is overloaded or briefly unavailable. */
const RETRYABLE_ITEM_STATUS = new Set([429, 503]);
/** Whole-request statuses (or no response at all) that mean "try the request again later". */
const RETRYABLE_REQUEST_STATUS = new Set([429, 502, 503, 504]);

/** Fields of a bulk response the outcome needs; one entry per operation stays, in order. */
const BULK_RESPONSE_FIELDS = ['items.*.status', 'items.*.error'];

/** One operation's NDJSON lines, encoded to UTF-8 once: its size and the request body come from the same bytes. */
interface Encoded {
  position: number;
  ndjson: Buffer;
  bytes: number;
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Run bulk operations with back-pressure: at most `concurrency` requests are in flight, each
 * bounded by a document count and a byte size; the next is sent only when one has been answered.
 * Items rejected with 429/503 are retried with exponential back-off; other item failures are
 * returned as they are (the caller decides, e.g. quarantine). Whole requests that fail to reach
 * the node are retried until `requestRetryTimeoutMs`, then the call throws. Index and delete by id
 * are idempotent, so a retried request never doubles a document.
 *
 * @returns one outcome per operation, in input order.
 */
export async function runBulk(client: Client, operations: readonly BulkOperation[], options: BulkOptions = {}): Promise<BulkOutcome[]> {
  const maxDocs = options.maxDocs ?? 1000;
  const maxBytes = options.maxBytes ?? 5 * 1024 * 1024;
  const maxItemAttempts = options.maxItemAttempts ?? 8;
  const sleep = options.sleep ?? defaultSleep;
  const concurrency = Math.max(1, options.concurrency ?? 2);
  const outcomes: BulkOutcome[] = operations.map(() => ({ ok: false, status: 0, attempts: 0 }));
  let pending = operations.map((op, position) => encode(op, position));

  for (let round = 0; pending.length > 0; round += 1) {
    if (round > 0) await sleep(backoffMs(round, options));
    const retry: Encoded[] = [];
    const queue = batches(pending, maxDocs, maxBytes);
    let gaveUp = false;
    const worker = async () => {
      for (let batch = queue.shift(); batch && !gaveUp; batch = queue.shift()) {
        try {
          record(batch, await sendWithRetry(client, batch, options, sleep));
        } catch (error) {
          gaveUp = true; // the other workers stop taking new batches
          throw error;
        }
      }
    };
    const record = (batch: Encoded[], items: BulkItemResult[]) => {
      batch.forEach((encoded, i) => {
        const outcome = outcomes[encoded.position] as BulkOutcome;
        outcome.attempts += 1;
        const result = items[i];
        const status = result?.status ?? 0;
        outcome.status = status;
        const okDelete = operations[encoded.position]?.action === 'delete' && status === 404;
        if ((result && !result.error && status < 300) || okDelete) {
          // A delete answered 404 is already gone: its goal is met.
          outcome.ok = true;
          delete outcome.errorType;
          delete outcome.reason;
        } else {
          outcome.errorType = result?.error?.type ?? 'unknown';
          outcome.reason = describeItemError(result?.error);
          if (RETRYABLE_ITEM_STATUS.has(status) && outcome.attempts < maxItemAttempts) retry.push(encoded);
        }
      });
    };
    // allSettled: when one request gives up, let the others finish before reporting, so no write
    // is still in flight after the call has thrown.
    const settled = await Promise.allSettled(Array.from({ length: Math.min(concurrency, queue.length) }, worker));
    const failure = settled.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failure) throw failure.reason;
    pending = retry.sort((a, b) => a.position - b.position);
  }
  return outcomes;
}

function encode(op: BulkOperation, position: number): Encoded {
  const header = JSON.stringify({ [op.action]: { _index: op.index, _id: op.id } });
  const text = op.action === 'index' ? `${header}\n${JSON.stringify(op.document)}\n` : `${header}\n`;
  const ndjson = Buffer.from(text);
  return { position, ndjson, bytes: ndjson.length };
}

/** Split into requests of at most maxDocs operations and maxBytes bytes (an oversize op goes alone). */
export function batches<T extends { bytes: number }>(items: readonly T[], maxDocs: number, maxBytes: number): T[][] {
  const out: T[][] = [];
  let current: T[] = [];
  let bytes = 0;
  for (const item of items) {
    if (current.length > 0 && (current.length >= maxDocs || bytes + item.bytes > maxBytes)) {
      out.push(current);
      current = [];
      bytes = 0;
    }
    current.push(item);
    bytes += item.bytes;
  }
  if (current.length > 0) out.push(current);
  return out;
}

interface BulkItemResult {
  status: number;
  error?: { type?: string; reason?: string; caused_by?: { type?: string; reason?: string } };
}

async function sendWithRetry(client: Client, batch: Encoded[], options: BulkOptions, sleep: (ms: number) => Promise<void>): Promise<BulkItemResult[]> {
  const deadline = Date.now() + (options.requestRetryTimeoutMs ?? 300_000);
  const bytes = batch.reduce((n, e) => n + e.bytes, 0);
  for (let attempt = 1; ; attempt += 1) {
    options.onRequest?.({ docs: batch.length, bytes });
    try {
      const response = await client.bulk({
        // One prebuilt body: the client passes a Buffer through as it is, instead of joining and
        // re-encoding every line of every operation on each attempt.
        operations: Buffer.concat(batch.map((e) => e.ndjson), bytes) as unknown as estypes.BulkOperationContainer[],
        refresh: options.refresh ?? 'wait_for',
        // Only what `record` reads: the full per-item answer (index, id, version, seq_no, shards)
        // is most of the response bytes and of the client's JSON parsing.
        filter_path: BULK_RESPONSE_FIELDS,
      });
      return response.items.map((entry) => Object.values(entry)[0] as BulkItemResult);
    } catch (error) {
      const status = (error as { meta?: { statusCode?: number } }).meta?.statusCode;
      // No status (connection refused/reset, timeout) means the node never answered: worth waiting for.
      const retryable = !status || RETRYABLE_REQUEST_STATUS.has(status);
      if (!retryable || Date.now() >= deadline) {
        throw new Error(
          `Elasticsearch bulk request of ${batch.length} operations failed${retryable ? ` for ${options.requestRetryTimeoutMs ?? 300_000} ms` : ''}: ${(error as Error).message}`,
          { cause: error },
        );
      }
      await sleep(backoffMs(attempt, options));
    }
  }
}

function backoffMs(attempt: number, options: BulkOptions): number {
  const initial = options.initialBackoffMs ?? 250;
  const cap = options.maxBackoffMs ?? 15_000;
  const base = Math.min(cap, initial * 2 ** (attempt - 1));
  return Math.round(base / 2 + Math.random() * (base / 2));
}

function describeItemError(error: BulkItemResult['error']): string {
  if (!error) return 'no result for this item in the bulk response';
  const cause = error.caused_by ? ` (caused by ${error.caused_by.type}: ${error.caused_by.reason})` : '';
  return `${error.type}: ${error.reason}${cause}`;
}
