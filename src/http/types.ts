/**
 * The Fetcher port: what the crawl and fetch stages need from HTTP. The undici adapter is
 * {@link ./fetcher.ts}; tests and other adapters implement the same interface.
 */
import type { DnsLookup } from './ssrf-guard.js';

/** One GET. */
export interface FetchRequest {
  url: string;
  /** Validator from the previous fetch: sent as If-None-Match. */
  etag?: string | null;
  /** Validator from the previous fetch: sent as If-Modified-Since. */
  lastModified?: string | null;
  /** Allow private, loopback and link-local addresses for this request and its redirects. */
  allowPrivateNetwork?: boolean;
  /** Accept header. @defaultValue HTML, XML, then anything */
  accept?: string;
  /** Decode with this charset whatever the page says (mislabelled sites). */
  forceCharset?: string;
  /** Cap on both wire and decompressed bytes for this request (overrides the fetcher's caps). */
  maxBytes?: number;
  /** Skip robots (used for robots.txt itself). */
  ignoreRobots?: boolean;
}

/** A successful (2xx or 304) response. */
export interface FetchResponse {
  status: number;
  /** Final URL after redirects. */
  url: string;
  /** Response headers, lower-case names; repeated headers joined with ", ". */
  headers: Record<string, string>;
  /** True on 304 Not Modified. */
  notModified: boolean;
  /** Decoded NFC text ('' on 304). */
  body: string;
  /** Bytes received on the wire for the final response body (before decompression). */
  bytes: number;
  /** Charset used to decode `body`. */
  charset: string;
  etag: string | null;
  lastModified: string | null;
  contentType: string | null;
  /** Redirect hops followed. */
  redirects: number;
  /** Wall time from the first request start (after politeness waits) to the end of the body. */
  elapsedMs: number;
}

/** Settings for {@link createHttpFetcher}. */
export interface FetcherOptions {
  /** Full User-Agent header; its product token is matched against robots.txt groups. */
  userAgent: string;
  /** Per-host concurrent requests. @defaultValue 2 */
  perHostConcurrency?: number;
  /** Min ms between request starts to one host; 0 disables (benchmarks). @defaultValue 1000 */
  perHostDelayMs?: number;
  /** Overall deadline for one fetch including redirects and body. @defaultValue 20000 */
  timeoutMs?: number;
  /** TCP/TLS connect timeout. @defaultValue 10000 */
  connectTimeoutMs?: number;
  /** Time to wait for response headers, and max idle time between body chunks. @defaultValue 15000 */
  idleTimeoutMs?: number;
  /** Cap on compressed (wire) body bytes. @defaultValue 5 MB */
  maxBodyBytes?: number;
  /** Cap on decompressed body bytes. @defaultValue 20 MB */
  maxDecodedBytes?: number;
  /** Redirect hops allowed. @defaultValue 5 */
  maxRedirects?: number;
  /** Obey robots.txt. @defaultValue true */
  respectRobots?: boolean;
  /** robots.txt cache lifetime. @defaultValue 24 h */
  robotsTtlMs?: number;
  /** Resolver hook for tests (stands in for the internet's DNS). @defaultValue system resolver */
  dnsLookup?: DnsLookup;
  /** Host names allowed to resolve to private addresses (intranet portals). */
  allowPrivateNetworkHosts?: string[];
}

/** The Fetcher port. */
export interface Fetcher {
  /**
   * GETs a URL politely and safely. Resolves on 2xx and 304; rejects with PermanentError,
   * RetryLaterError or TransientError from src/core/errors.ts otherwise.
   */
  fetch(req: FetchRequest): Promise<FetchResponse>;
  /** Closes pooled connections and timers. */
  close(): Promise<void>;
}
