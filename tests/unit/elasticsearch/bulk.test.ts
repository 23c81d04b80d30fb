/**
 * Bulk writer against a local node:http stand-in for the `_bulk` endpoint: batching by count and
 * bytes, one request in flight at a time (back-pressure), per-item 429/503 retries, whole-request
 * retries, and failures reported instead of dropped.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Client } from '@elastic/elasticsearch';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { batches, runBulk, type BulkOperation } from '../../../src/store/elasticsearch/bulk.js';

interface Stand {
  /** Per id, how many more times the item is answered with this status before it is accepted. */
  rejectItems: Map<string, { status: number; times: number }>;
  /** Whole requests to answer with 503 before answering normally. */
  failRequests: number;
  requests: { docs: number; bytes: number }[];
  stored: Map<string, unknown>;
  inFlight: number;
  maxInFlight: number;
}

const stand: Stand = { rejectItems: new Map(), failRequests: 0, requests: [], stored: new Map(), inFlight: 0, maxInFlight: 0 };
let server: Server;
let client: Client;
const noSleep = async () => undefined;

async function handleBulk(req: IncomingMessage, res: ServerResponse): Promise<void> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const body = Buffer.concat(chunks).toString('utf8');
  stand.inFlight += 1;
  stand.maxInFlight = Math.max(stand.maxInFlight, stand.inFlight);
  await new Promise((r) => setTimeout(r, 5)); // a concurrent sender would overlap here
  stand.inFlight -= 1;
  const headers = { 'content-type': 'application/json', 'x-elastic-product': 'Elasticsearch' };
  if (stand.failRequests > 0) {
    stand.failRequests -= 1;
    res.writeHead(503, headers).end(JSON.stringify({ error: { type: 'unavailable', reason: 'stand-in says 503' }, status: 503 }));
    return;
  }
  const lines = body.split('\n').filter((l) => l.length > 0);
  const items: unknown[] = [];
  let docs = 0;
  for (let i = 0; i < lines.length; i += 1) {
    const header = JSON.parse(lines[i] as string) as Record<string, { _index: string; _id: string }>;
    const [action, meta] = Object.entries(header)[0] as [string, { _index: string; _id: string }];
    const doc = action === 'index' ? JSON.parse(lines[++i] as string) : undefined;
    docs += 1;
    const reject = stand.rejectItems.get(meta._id);
    if (reject && reject.times > 0) {
      reject.times -= 1;
      items.push({ [action]: { _index: meta._index, _id: meta._id, status: reject.status, error: { type: 'es_rejected_execution_exception', reason: 'queue full' } } });
      continue;
    }
    if (action === 'index') stand.stored.set(meta._id, doc);
    items.push({ [action]: { _index: meta._index, _id: meta._id, status: 201, result: 'created' } });
  }
  stand.requests.push({ docs, bytes: Buffer.byteLength(body) });
  res.writeHead(200, headers).end(JSON.stringify({ took: 1, errors: items.some((it) => JSON.stringify(it).includes('"error"')), items }));
}

beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.method === 'POST' && req.url?.startsWith('/_bulk')) void handleBulk(req, res);
    else res.writeHead(404, { 'x-elastic-product': 'Elasticsearch' }).end('{}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  client = new Client({ node: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, maxRetries: 0 });
});
afterAll(async () => {
  await client.close();
  await new Promise((resolve) => server.close(resolve));
});
afterEach(() => {
  Object.assign(stand, { rejectItems: new Map(), failRequests: 0, requests: [], stored: new Map(), inFlight: 0, maxInFlight: 0 });
});

const ops = (n: number, text = 'x'): BulkOperation[] =>
  Array.from({ length: n }, (_, i) => ({ action: 'index', index: 'items-2025.02', id: `id-${i}`, document: { n: i, text } }));

describe('batches', () => {
  it('cuts by count and by bytes, and sends an oversize item alone', () => {
    const sized = [5, 5, 5, 50, 5, 5].map((bytes) => ({ bytes }));
    expect(batches(sized, 2, 12).map((b) => b.map((x) => x.bytes))).toEqual([[5, 5], [5], [50], [5, 5]]);
    expect(batches(sized, 10, 1000)).toHaveLength(1);
    expect(batches([], 10, 10)).toEqual([]);
  });
});

describe('runBulk against a stand-in node', () => {
  it('splits 2,500 documents by count, one request at a time, and lands them all', async () => {
    const outcomes = await runBulk(client, ops(2500), { maxDocs: 1000, concurrency: 1, sleep: noSleep });
    expect(stand.requests.map((r) => r.docs)).toEqual([1000, 1000, 500]);
    expect(stand.maxInFlight).toBe(1);
    expect(outcomes.every((o) => o.ok && o.attempts === 1)).toBe(true);
    expect(stand.stored.size).toBe(2500);
  });

  it('never has more than `concurrency` requests in flight', async () => {
    const outcomes = await runBulk(client, ops(1000), { maxDocs: 100, concurrency: 3, sleep: noSleep });
    expect(stand.requests).toHaveLength(10);
    expect(stand.maxInFlight).toBe(3);
    expect(outcomes.every((o) => o.ok)).toBe(true);
    expect(stand.stored.size).toBe(1000);
  });

  it('keeps every request under the byte budget', async () => {
    const budget = 20_000;
    await runBulk(client, ops(200, 'é'.repeat(400)), { maxDocs: 1000, maxBytes: budget, sleep: noSleep });
    expect(stand.requests.length).toBeGreaterThan(4);
    for (const r of stand.requests) expect(r.bytes).toBeLessThanOrEqual(budget);
    expect(stand.requests.reduce((n, r) => n + r.docs, 0)).toBe(200);
  });

  it('retries only the items rejected with 429/503 and reports their attempts', async () => {
    stand.rejectItems.set('id-3', { status: 429, times: 2 });
    stand.rejectItems.set('id-7', { status: 503, times: 1 });
    const delays: number[] = [];
    const outcomes = await runBulk(client, ops(10), { sleep: async (ms) => void delays.push(ms), initialBackoffMs: 100 });
    expect(outcomes.every((o) => o.ok)).toBe(true);
    expect(outcomes[3]?.attempts).toBe(3);
    expect(outcomes[7]?.attempts).toBe(2);
    expect(outcomes[0]?.attempts).toBe(1);
    expect(stand.requests.map((r) => r.docs)).toEqual([10, 2, 1]); // only the rejected items go again
    expect(delays).toHaveLength(2);
    expect(delays[1]).toBeGreaterThanOrEqual(delays[0]! / 2); // exponential back-off with jitter
    expect(stand.stored.size).toBe(10);
  });

  it('reports an item still rejected after maxItemAttempts instead of dropping it', async () => {
    stand.rejectItems.set('id-1', { status: 429, times: 100 });
    const outcomes = await runBulk(client, ops(3), { maxItemAttempts: 4, sleep: noSleep });
    expect(outcomes[1]).toMatchObject({ ok: false, status: 429, attempts: 4, errorType: 'es_rejected_execution_exception' });
    expect(outcomes[1]?.reason).toMatch(/queue full/);
    expect(outcomes.filter((o) => o.ok)).toHaveLength(2);
  });

  it('retries a whole request answered 503, then lands it once', async () => {
    stand.failRequests = 2;
    const outcomes = await runBulk(client, ops(5), { sleep: noSleep });
    expect(outcomes.every((o) => o.ok)).toBe(true);
    expect(stand.requests).toHaveLength(1);
    expect(stand.stored.size).toBe(5);
  });

  it('throws with the cause when the node stays unreachable past requestRetryTimeoutMs', async () => {
    const dead = new Client({ node: 'http://127.0.0.1:1', maxRetries: 0 });
    await expect(runBulk(dead, ops(2), { requestRetryTimeoutMs: 50, sleep: () => new Promise((r) => setTimeout(r, 20)) })).rejects.toThrow(
      /bulk request of 2 operations failed for 50 ms/,
    );
    await dead.close();
  });
});
