/**
 * The polite, safe HTTP fetcher (undici adapter of the Fetcher port).
 *
 * Per hop: scheme and IP-literal check › robots.txt › per-host slot › GET through an Agent whose
 * connector refuses forbidden addresses after DNS › status handling › capped, decompressed body
 * › charset decoding. Redirects are followed here, hop by hop, so every hop passes every check.
 */
import type { Readable } from 'node:stream';
import { performance } from 'node:perf_hooks';
import { request, type Agent } from 'undici';
import { PermanentError, TransientError } from '../core/errors.js';
import { decodeBody } from './charset.js';
import { createGuardedAgent } from './dispatcher.js';
import { errorForStatus, mapNetworkError } from './error-mapping.js';
import { HostLimiter } from './host-limiter.js';
import { abandonBody, readBodyCapped, tooLarge } from './limits.js';
import { RobotsCache } from './robots.js';
import { assertLiteralHostAllowed, systemDnsLookup } from './ssrf-guard.js';
import type { FetchRequest, FetchResponse, Fetcher, FetcherOptions } from './types.js';

export type { FetchRequest, FetchResponse, Fetcher, FetcherOptions } from './types.js';
export type { DnsLookup, ResolvedAddress } from './ssrf-guard.js';

const DEFAULT_ACCEPT = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
/** RFC 9309 asks crawlers to parse at least 500 KiB of robots.txt. */
const ROBOTS_MAX_BYTES = 512 * 1024;

/** Parses a URL and refuses anything but http(s). */
export function parseHttpUrl(raw: string, base?: URL): URL {
  let url: URL;
  try {
    url = new URL(raw, base);
  } catch {
    throw new PermanentError('bad_url', `not a valid URL: "${raw}"${base ? ` (relative to ${base.href})` : ''}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new PermanentError('bad_scheme', `only http and https are fetched, got ${url.protocol} in ${url.href}`);
  }
  url.hash = '';
  return url;
}

function flattenHeaders(raw: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(raw)) {
    if (value !== undefined) out[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}

function discard(body: Readable & { dump?: () => Promise<void> }): void {
  if (body.dump) body.dump().catch(() => undefined);
  else abandonBody(body);
}

/** Creates the undici-based {@link Fetcher}. */
export function createHttpFetcher(opts: FetcherOptions): Fetcher {
  const timeoutMs = opts.timeoutMs ?? 20_000;
  const idleTimeoutMs = Math.min(opts.idleTimeoutMs ?? 15_000, timeoutMs);
  const maxBodyBytes = opts.maxBodyBytes ?? 5 * 1024 * 1024;
  const maxDecodedBytes = opts.maxDecodedBytes ?? 20 * 1024 * 1024;
  const maxRedirects = opts.maxRedirects ?? 5;
  const respectRobots = opts.respectRobots ?? true;
  if (!opts.userAgent?.trim()) throw new RangeError('FetcherOptions.userAgent is required');

  const allowedHosts: ReadonlySet<string> = new Set((opts.allowPrivateNetworkHosts ?? []).map((h) => h.toLowerCase()));
  const dispatcherSettings = {
    resolve: opts.dnsLookup ?? systemDnsLookup,
    connectTimeoutMs: Math.min(opts.connectTimeoutMs ?? 10_000, timeoutMs),
    allowedHosts,
  };
  // Two pools so a connection opened under "private allowed" is never reused by a guarded request.
  const agents: { guarded?: Agent; open?: Agent } = {};
  const agentFor = (allowAll: boolean): Agent =>
    allowAll
      ? (agents.open ??= createGuardedAgent(dispatcherSettings, true))
      : (agents.guarded ??= createGuardedAgent(dispatcherSettings, false));

  const limiter = new HostLimiter({ concurrency: opts.perHostConcurrency ?? 2, minDelayMs: opts.perHostDelayMs ?? 1_000 });
  const robots = new RobotsCache(
    { userAgent: opts.userAgent, ...(opts.robotsTtlMs !== undefined ? { ttlMs: opts.robotsTtlMs } : {}) },
    (robotsUrl, allowPrivateNetwork) =>
      fetchUrl({ url: robotsUrl, ignoreRobots: true, allowPrivateNetwork, accept: 'text/plain', maxBytes: ROBOTS_MAX_BYTES }),
  );

  async function fetchUrl(req: FetchRequest): Promise<FetchResponse> {
    let url = parseHttpUrl(req.url);
    const allowAll = req.allowPrivateNetwork === true;
    const wireCap = req.maxBytes ?? maxBodyBytes;
    const decodedCap = req.maxBytes ?? maxDecodedBytes;
    const headers: Record<string, string> = {
      'user-agent': opts.userAgent,
      accept: req.accept ?? DEFAULT_ACCEPT,
      'accept-encoding': 'gzip, deflate, br',
      'accept-language': 'vi-VN,vi;q=0.9,en;q=0.5',
    };
    if (req.etag) headers['if-none-match'] = req.etag;
    if (req.lastModified) headers['if-modified-since'] = req.lastModified;

    const deadline = new AbortController();
    let deadlineFired = false;
    let timer: NodeJS.Timeout | undefined;
    let startedAt: number | undefined;
    const visited = new Set<string>([url.href]);

    try {
      for (let redirects = 0; ; redirects++) {
        assertLiteralHostAllowed(url.hostname, { allowAll, allowedHosts });
        if (respectRobots && !req.ignoreRobots) {
          const verdict = await robots.check(url, allowAll);
          if (!verdict.allowed) {
            throw new PermanentError('robots_disallowed', `robots.txt of ${url.origin} disallows ${url.href}`);
          }
          if (verdict.crawlDelayMs !== undefined) limiter.setSiteDelay(url.hostname, verdict.crawlDelayMs);
        }
        const release = await limiter.acquire(url.hostname);
        try {
          if (startedAt === undefined) {
            // The deadline covers network time, not the politeness queue before the first hop.
            startedAt = performance.now();
            timer = setTimeout(() => {
              deadlineFired = true;
              deadline.abort();
            }, timeoutMs);
          }
          if (deadlineFired) throw new TransientError('timeout', `overall deadline passed fetching ${req.url}`);

          const res = await request(url, {
            method: 'GET',
            headers,
            dispatcher: agentFor(allowAll),
            signal: deadline.signal,
            headersTimeout: idleTimeoutMs,
            bodyTimeout: idleTimeoutMs,
          });
          const status = res.statusCode;
          const resHeaders = flattenHeaders(res.headers);

          if (REDIRECT_STATUSES.has(status)) {
            discard(res.body);
            const location = resHeaders['location'];
            if (!location) throw new PermanentError('bad_redirect', `HTTP ${status} without Location from ${url.href}`);
            const next = parseHttpUrl(location, url);
            if (visited.has(next.href)) {
              throw new PermanentError('too_many_redirects', `redirect loop at ${next.href} (from ${req.url})`);
            }
            if (redirects >= maxRedirects) {
              throw new PermanentError('too_many_redirects', `more than ${maxRedirects} redirects from ${req.url}`);
            }
            visited.add(next.href);
            url = next;
            continue;
          }

          const base = {
            status,
            url: url.href,
            headers: resHeaders,
            contentType: resHeaders['content-type'] ?? null,
            redirects,
          };
          if (status === 304) {
            discard(res.body);
            return {
              ...base,
              notModified: true,
              body: '',
              bytes: 0,
              charset: 'utf-8',
              etag: resHeaders['etag'] ?? req.etag ?? null,
              lastModified: resHeaders['last-modified'] ?? req.lastModified ?? null,
              elapsedMs: performance.now() - startedAt,
            };
          }
          if (status < 200 || status >= 300) {
            discard(res.body);
            throw errorForStatus(status, url.href, resHeaders['retry-after'] ?? null);
          }

          const declaredLength = Number(resHeaders['content-length']);
          if (Number.isFinite(declaredLength) && declaredLength > wireCap) {
            abandonBody(res.body);
            throw tooLarge('wire', wireCap, url.href);
          }
          const body = await readBodyCapped(
            res.body,
            resHeaders['content-encoding'],
            { maxWireBytes: wireCap, maxDecodedBytes: decodedCap },
            url.href,
          );
          const decoded = decodeText(body.bytes, base.contentType, req.forceCharset);
          return {
            ...base,
            notModified: false,
            body: decoded.text,
            bytes: body.wireBytes,
            charset: decoded.charset,
            etag: resHeaders['etag'] ?? null,
            lastModified: resHeaders['last-modified'] ?? null,
            elapsedMs: performance.now() - startedAt,
          };
        } finally {
          release();
        }
      }
    } catch (err) {
      throw mapNetworkError(err, url.href, deadlineFired);
    } finally {
      if (timer) clearTimeout(timer);
    }
  }

  return {
    fetch: fetchUrl,
    async close() {
      limiter.close();
      await Promise.all([agents.guarded?.close(), agents.open?.close()]);
    },
  };
}

function decodeText(bytes: Buffer, contentType: string | null, forceCharset: string | undefined) {
  try {
    return decodeBody(bytes, contentType, forceCharset);
  } catch (err) {
    throw new PermanentError('bad_charset', (err as Error).message, { cause: err });
  }
}
