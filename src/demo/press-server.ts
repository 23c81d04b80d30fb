/**
 * The local "press" HTTP server: serves every demo outlet (feeds, sitemaps, listing pages,
 * article pages, robots.txt) from one node:http server on 127.0.0.1, routed by `/<outletId>/`.
 * It is the offline demo and the end-to-end fixture of the crawler.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import type { SourceConfig } from '../config/sources-schema.js';
import { buildDemoCorpus } from './corpus.js';
import { encodeWindows1258 } from './encoding.js';
import type { OutletFaults, PressFaults } from './press-faults.js';
import { createPressState, etagOf, isDiscoveryPath, route, type PressResponse } from './press-routes.js';
import { buildPressSources } from './press-sources.js';
import type { DemoCorpus } from './types.js';

export type { OutletFaults, PressFaults } from './press-faults.js';

/** Options of {@link startPressServer}. */
export interface PressServerOptions {
  /** Port to listen on. @defaultValue 0 (any free port) */
  port?: number;
  /** End of the corpus span. @defaultValue now */
  anchor?: Date;
  /** Corpus seed. @defaultValue 20250206 */
  seed?: number;
  /** Faults by outlet id. @defaultValue none */
  faults?: PressFaults;
  /** Corpus size. @defaultValue 320 */
  articles?: number;
  /** Only articles published at or before this instant are listed and served. @defaultValue anchor */
  publishedUpTo?: Date;
  /** Use this corpus instead of building one (anchor/seed/articles are then ignored). */
  corpus?: DemoCorpus;
}

/** A running press server. */
export interface PressServer {
  /** Origin, e.g. `http://127.0.0.1:40123` (no trailing slash). */
  url: string;
  corpus: DemoCorpus;
  /** Source configs for every outlet, pointing at this server (allowPrivateNetwork: true). */
  sources: SourceConfig[];
  /** Replaces the faults of one outlet; `null` clears them. */
  setFault(outletId: string, faults: OutletFaults | null): void;
  /** Moves the server's clock: articles published after `date` disappear from feeds and pages. */
  publishUpTo(date: Date): void;
  /** The server's current clock. */
  now(): Date;
  /** Articles currently listed (published at or before `now()`), oldest first. */
  publishedArticles(): DemoCorpus['articles'];
  /** Request counts since start: total and by path (query string excluded). */
  stats(): { requests: number; byPath: Map<string, number> };
  /** Stops listening and drops open (also hanging) connections. */
  close(): Promise<void>;
}

/**
 * Starts the press server.
 * @example
 * const press = await startPressServer({ anchor: new Date('2025-03-01T00:00:00Z') });
 * const res = await fetch(`${press.url}/tinnhanhviet/rss/tin-moi-nhat.rss`);
 * await press.close();
 */
export async function startPressServer(options: PressServerOptions = {}): Promise<PressServer> {
  const corpus = options.corpus ?? buildDemoCorpus({
    ...(options.anchor ? { anchor: options.anchor } : {}),
    ...(options.seed !== undefined ? { seed: options.seed } : {}),
    ...(options.articles !== undefined ? { articles: options.articles } : {}),
  });
  const nowMs = (options.publishedUpTo ?? new Date(corpus.anchor)).getTime();
  const state = createPressState(corpus, '', nowMs);
  for (const [id, f] of Object.entries(options.faults ?? {})) setFaultChecked(id, f);
  let requests = 0;
  const byPath = new Map<string, number>();

  function setFaultChecked(outletId: string, faults: OutletFaults | null): void {
    if (!corpus.outlets.some((o) => o.id === outletId)) {
      throw new Error(`press server: unknown outlet "${outletId}" in faults (known: ${corpus.outlets.map((o) => o.id).join(', ')})`);
    }
    if (faults === null) state.faults.delete(outletId);
    else state.faults.set(outletId, { ...faults });
  }

  const server = createServer((req, res) => {
    requests++;
    const url = new URL(req.url ?? '/', 'http://press.invalid');
    byPath.set(url.pathname, (byPath.get(url.pathname) ?? 0) + 1);
    void handle(req, res, url).catch((err: unknown) => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
      res.end(`press server error: ${err instanceof Error ? err.message : String(err)}`);
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD' }).end();
      return;
    }
    const outletId = url.pathname.split('/')[1] ?? '';
    const faults = state.faults.get(outletId) ?? {};
    if (faults.hang) return; // never answer; close() drops the socket
    if (faults.slow) await new Promise((resolve) => setTimeout(resolve, faults.slow));
    send(req, res, route(state, url.pathname, url.searchParams), faults.mislabelledCharset === true);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  state.origin = `http://127.0.0.1:${port}`;

  return {
    url: state.origin,
    corpus,
    sources: buildPressSources(state.origin, corpus),
    setFault: setFaultChecked,
    publishUpTo(date: Date): void {
      if (!Number.isFinite(date.getTime())) throw new Error('press server: publishUpTo needs a valid Date');
      state.nowMs = date.getTime();
    },
    now: () => new Date(state.nowMs),
    publishedArticles: () => corpus.articles.filter((a) => Date.parse(a.publishedAt) <= state.nowMs),
    stats: () => ({ requests, byPath: new Map(byPath) }),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      }),
  };
}

/** Writes a response with ETag/Last-Modified, 304 on a matching conditional GET, and gzip when accepted. */
function send(req: IncomingMessage, res: ServerResponse, response: PressResponse, mislabel: boolean): void {
  const bytes = typeof response.body === 'string'
    ? response.charset === 'windows-1258' ? encodeWindows1258(response.body) : Buffer.from(response.body, 'utf8')
    : response.body;
  const textual = typeof response.body === 'string';
  const charset = mislabel ? 'iso-8859-1' : response.charset ?? 'utf-8';
  const type = textual && (!response.omitCharset || mislabel) ? `${response.type}; charset=${charset}` : response.type;
  const headers: Record<string, string> = { 'content-type': type, ...response.headers };
  if (response.status === 200) {
    const etag = etagOf(bytes);
    headers.etag = etag;
    if (response.lastModified !== undefined) headers['last-modified'] = new Date(response.lastModified).toUTCString();
    headers['cache-control'] = 'public, max-age=60';
    if (notModified(req, etag, response.lastModified)) {
      res.writeHead(304, { etag, ...(headers['last-modified'] ? { 'last-modified': headers['last-modified'] } : {}) }).end();
      return;
    }
  }
  let payload = bytes;
  if (acceptsGzip(req.headers['accept-encoding'])) {
    payload = gzipSync(bytes);
    headers['content-encoding'] = 'gzip';
    headers.vary = 'Accept-Encoding';
  }
  headers['content-length'] = String(payload.length);
  res.writeHead(response.status, headers);
  res.end(req.method === 'HEAD' ? undefined : payload);
}

function notModified(req: IncomingMessage, etag: string, lastModified: number | undefined): boolean {
  const inm = req.headers['if-none-match'];
  if (inm !== undefined) {
    const strip = (tag: string): string => tag.trim().replace(/^W\//, '');
    return inm.trim() === '*' || inm.split(',').some((tag) => strip(tag) === etag);
  }
  const ims = req.headers['if-modified-since'];
  if (ims === undefined || lastModified === undefined) return false;
  const since = Date.parse(ims);
  return Number.isFinite(since) && Math.floor(lastModified / 1000) <= Math.floor(since / 1000);
}

function acceptsGzip(header: string | undefined): boolean {
  if (!header) return false;
  return header.split(',').some((part) => {
    const [coding = '', ...params] = part.trim().split(';');
    if (coding.trim().toLowerCase() !== 'gzip' && coding.trim() !== '*') return false;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    return q === undefined || Number(q.slice(2)) > 0;
  });
}

/** Whether a path of an outlet is its discovery document (feed, sitemap, listing); for tests. */
export { isDiscoveryPath };
