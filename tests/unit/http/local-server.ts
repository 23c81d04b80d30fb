/**
 * A real node:http server on 127.0.0.1 (port 0) for fetcher tests, with a request log.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createHttpFetcher, type Fetcher, type FetcherOptions } from '../../../src/http/fetcher.js';

export interface LoggedRequest {
  path: string;
  headers: http.IncomingHttpHeaders;
  atMs: number;
}

export interface LocalServer {
  /** e.g. `http://127.0.0.1:41234` */
  origin: string;
  port: number;
  requests: LoggedRequest[];
  /** Requests to one path. */
  hits(path: string): LoggedRequest[];
  close(): Promise<void>;
}

export type Handler = (req: http.IncomingMessage, res: http.ServerResponse) => void;

/** Starts a server; `routes` maps a path to its handler; unknown paths answer 404 (so robots.txt is "allow all"). */
export async function startServer(routes: Record<string, Handler>): Promise<LocalServer> {
  const requests: LoggedRequest[] = [];
  const server = http.createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0]!;
    requests.push({ path: req.url ?? '/', headers: req.headers, atMs: performance.now() });
    const handler = routes[path];
    if (handler) handler(req, res);
    else {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    origin: `http://127.0.0.1:${port}`,
    port,
    requests,
    hits: (path) => requests.filter((r) => r.path === path),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A fetcher with test-friendly defaults: no spacing, short timeouts. */
export function testFetcher(overrides: Partial<FetcherOptions> = {}): Fetcher {
  return createHttpFetcher({
    userAgent: 'policy-pulse/0.1 (+test)',
    perHostDelayMs: 0,
    timeoutMs: 5_000,
    ...overrides,
  });
}

/** Sends `body` with the given status and headers. */
export function reply(status: number, headers: Record<string, string | number>, body: string | Buffer = ''): Handler {
  return (_req, res) => {
    res.writeHead(status, headers);
    res.end(body);
  };
}

/** Catches the rejection of `p`, failing the test when it resolves. */
export async function rejectionOf(p: Promise<unknown>): Promise<Error & { code?: string; delayMs?: number }> {
  try {
    await p;
  } catch (err) {
    return err as Error & { code?: string; delayMs?: number };
  }
  throw new Error('expected the promise to reject, but it resolved');
}
