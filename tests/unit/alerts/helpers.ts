/** Shared test helpers for alerting: items, a temporary SQLite store, a local HTTP recorder. */
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Item, OutletTier, SentimentLabel } from '../../../src/core/item.js';
import { createSqliteStore, type SqliteStore } from '../../../src/store/sqlite/index.js';

let seq = 0;

/** A labelled item; every field can be overridden. */
export function makeItem(o: {
  publishedAt: string;
  sentiment?: SentimentLabel;
  topics?: string[];
  title?: string;
  lead?: string;
  sourceId?: string;
  tier?: OutletTier;
  storyId?: string | null;
  provinces?: string[];
  evidence?: string[];
  policies?: string[];
}): Item {
  const n = ++seq;
  const url = `https://bao.example.vn/tin-${n}-${o.publishedAt}`;
  const sentiment = o.sentiment ?? 'neutral';
  const title = o.title ?? `Tin số ${n}`;
  return {
    id: createHash('sha1').update(url).digest('hex'),
    url,
    sourceId: o.sourceId ?? 'bao-a',
    sourceName: (o.sourceId ?? 'bao-a').toUpperCase(),
    tier: o.tier ?? 'local',
    sourceProvince: null,
    title,
    lead: o.lead ?? null,
    text: `${title}. Nội dung bài viết.`,
    author: null,
    section: null,
    tags: [],
    publishedAt: o.publishedAt,
    modifiedAt: null,
    fetchedAt: o.publishedAt,
    imageUrl: null,
    partial: false,
    partialReason: null,
    contentHash: createHash('sha1').update(`${title}${n}`).digest('hex'),
    labels: {
      modelVersion: 'test',
      topics: (o.topics ?? ['land']).map((id) => ({ id, score: 0.9 })),
      policies: o.policies ?? [],
      sentiment: {
        label: sentiment,
        score: sentiment === 'negative' ? -0.7 : 0.1,
        confidence: 0.8,
        evidence: (o.evidence ?? []).map((text) => ({ text, field: 'title' as const, start: 0, end: text.length, polarity: 'negative' as const, weight: 1 })),
      },
      entities: [],
      provinces: o.provinces ?? [],
      storyId: o.storyId ?? null,
      simhash: null,
    },
  };
}

/** A fresh SQLite store in a temp directory. */
export async function tempStore(): Promise<{ store: SqliteStore; path: string; cleanup: () => Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'pulse-alerts-'));
  const path = join(dir, 'pulse.db');
  const store = createSqliteStore({ path });
  await store.init();
  return {
    store,
    path,
    cleanup: async () => {
      await store.close().catch(() => undefined);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A received HTTP request. */
export interface Received {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/** Local HTTP server on 127.0.0.1:0 recording requests; `respond` picks the status per request. */
export async function httpRecorder(respond: (req: Received, index: number) => number = () => 200): Promise<{ url: string; received: Received[]; close: () => Promise<void> }> {
  const received: Received[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const r = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') };
      received.push(r);
      const status = respond(r, received.length - 1);
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(status < 300 ? '{"ok":true}' : '{"ok":false}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, received, close: () => new Promise<void>((r) => server.close(() => r())) };
}
