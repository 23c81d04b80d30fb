import { afterEach, describe, expect, it } from 'vitest';
import { PermanentError, RetryLaterError } from '../../../src/core/errors.js';
import type { Fetcher } from '../../../src/http/fetcher.js';
import { HostLimiter } from '../../../src/http/host-limiter.js';
import { productToken } from '../../../src/http/robots.js';
import { rejectionOf, reply, startServer, testFetcher, type Handler, type LocalServer } from './local-server.js';

let server: LocalServer | undefined;
let fetcher: Fetcher | undefined;
afterEach(async () => {
  await fetcher?.close();
  await server?.close();
  fetcher = server = undefined;
});

const ok = reply(200, { 'content-type': 'text/html; charset=utf-8' }, '<p>Tin tức</p>');
const ROBOTS = ['User-agent: policy-pulse', 'Disallow: /private', '', 'User-agent: *', 'Disallow: /'].join('\n');

describe('robots.txt', () => {
  it('obeys the group for our product token, fetching robots.txt once per origin', async () => {
    server = await startServer({ '/robots.txt': reply(200, { 'content-type': 'text/plain' }, ROBOTS), '/news': ok, '/private/x': ok });
    fetcher = testFetcher();
    await fetcher.fetch({ url: `${server.origin}/news`, allowPrivateNetwork: true });
    await fetcher.fetch({ url: `${server.origin}/news?page=2`, allowPrivateNetwork: true });
    const err = await rejectionOf(fetcher.fetch({ url: `${server.origin}/private/x`, allowPrivateNetwork: true }));
    expect(err).toBeInstanceOf(PermanentError);
    expect(err.code).toBe('robots_disallowed');
    expect(server.hits('/private/x')).toHaveLength(0);
    expect(server.hits('/robots.txt')).toHaveLength(1);
    expect(server.hits('/robots.txt')[0]!.headers['user-agent']).toBe('policy-pulse/0.1 (+test)');
  });

  it('another user agent falls under the * group', async () => {
    server = await startServer({ '/robots.txt': reply(200, {}, ROBOTS), '/news': ok });
    fetcher = testFetcher({ userAgent: 'otherbot/2.0' });
    const err = await rejectionOf(fetcher.fetch({ url: `${server.origin}/news`, allowPrivateNetwork: true }));
    expect(err.code).toBe('robots_disallowed');
  });

  it('refetches robots.txt after its TTL', async () => {
    server = await startServer({ '/robots.txt': reply(200, {}, 'User-agent: *\nAllow: /'), '/news': ok });
    fetcher = testFetcher({ robotsTtlMs: 50 });
    await fetcher.fetch({ url: `${server.origin}/news`, allowPrivateNetwork: true });
    await new Promise((r) => setTimeout(r, 80));
    await fetcher.fetch({ url: `${server.origin}/news`, allowPrivateNetwork: true });
    expect(server.hits('/robots.txt')).toHaveLength(2);
  });

  it.each([404, 403, 410])('robots.txt answering %i allows everything', async (status) => {
    server = await startServer({ '/robots.txt': reply(status, {}), '/news': ok });
    fetcher = testFetcher();
    const res = await fetcher.fetch({ url: `${server.origin}/news`, allowPrivateNetwork: true });
    expect(res.body).toBe('<p>Tin tức</p>');
  });

  it('robots.txt answering 5xx means "not now": RetryLaterError, page untouched, robots not re-asked per URL', async () => {
    server = await startServer({ '/robots.txt': reply(503, {}), '/news': ok });
    fetcher = testFetcher();
    for (const path of ['/news', '/news?p=2']) {
      const err = await rejectionOf(fetcher.fetch({ url: `${server.origin}${path}`, allowPrivateNetwork: true }));
      expect(err).toBeInstanceOf(RetryLaterError);
      expect(err.code).toBe('robots_unavailable');
      expect(err.delayMs).toBeGreaterThan(60_000);
    }
    expect(server.hits('/news')).toHaveLength(0);
    expect(server.hits('/robots.txt')).toHaveLength(1);
  });

  it('follows a robots.txt redirect', async () => {
    server = await startServer({
      '/robots.txt': reply(301, { location: '/robots-real.txt' }),
      '/robots-real.txt': reply(200, {}, 'User-agent: *\nDisallow: /secret'),
      '/secret': ok,
    });
    fetcher = testFetcher();
    const err = await rejectionOf(fetcher.fetch({ url: `${server.origin}/secret`, allowPrivateNetwork: true }));
    expect(err.code).toBe('robots_disallowed');
  });

  it('extracts the product token from a full user agent', () => {
    expect(productToken('policy-pulse/0.1 (+https://example.org)')).toBe('policy-pulse');
    expect(() => productToken('  (no token)')).toThrow(/product token/);
  });
});

/** Records request starts and the peak number of requests in flight. */
function slowPage(holdMs: number) {
  let active = 0;
  const stats = { peak: 0 };
  const handler: Handler = (_req, res) => {
    active++;
    stats.peak = Math.max(stats.peak, active);
    setTimeout(() => {
      active--;
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end('ok');
    }, holdMs);
  };
  return { handler, stats };
}

const gaps = (times: number[]): number[] => times.slice(1).map((t, i) => t - times[i]!);

describe('per-host politeness', () => {
  it('spaces request starts to one host by perHostDelayMs', async () => {
    server = await startServer({ '/p': ok });
    fetcher = testFetcher({ perHostDelayMs: 150, perHostConcurrency: 4 });
    await Promise.all([1, 2, 3, 4, 5].map((i) => fetcher!.fetch({ url: `${server!.origin}/p?i=${i}`, allowPrivateNetwork: true })));
    const starts = server.requests.filter((r) => r.path.startsWith('/p')).map((r) => r.atMs);
    expect(starts).toHaveLength(5);
    for (const gap of gaps(starts)) expect(gap).toBeGreaterThanOrEqual(140);
  });

  it('caps requests in flight per host', async () => {
    const slow = slowPage(150);
    server = await startServer({ '/p': slow.handler });
    fetcher = testFetcher({ perHostDelayMs: 0, perHostConcurrency: 2 });
    await Promise.all([1, 2, 3, 4, 5, 6].map((i) => fetcher!.fetch({ url: `${server!.origin}/p?i=${i}`, allowPrivateNetwork: true })));
    expect(slow.stats.peak).toBe(2);
  });

  it('0 delay and high concurrency really run in parallel (benchmark mode)', async () => {
    const slow = slowPage(150);
    server = await startServer({ '/p': slow.handler });
    fetcher = testFetcher({ perHostDelayMs: 0, perHostConcurrency: 6 });
    const started = performance.now();
    await Promise.all([1, 2, 3, 4, 5, 6].map((i) => fetcher!.fetch({ url: `${server!.origin}/p?i=${i}`, allowPrivateNetwork: true })));
    expect(slow.stats.peak).toBe(6);
    expect(performance.now() - started).toBeLessThan(600);
  });

  it('honours a robots Crawl-delay larger than the configured delay', async () => {
    server = await startServer({ '/robots.txt': reply(200, {}, 'User-agent: *\nCrawl-delay: 0.3\nAllow: /'), '/p': ok });
    fetcher = testFetcher({ perHostDelayMs: 0, perHostConcurrency: 4 });
    await Promise.all([1, 2, 3].map((i) => fetcher!.fetch({ url: `${server!.origin}/p?i=${i}`, allowPrivateNetwork: true })));
    const starts = server.requests.filter((r) => r.path.startsWith('/p')).map((r) => r.atMs);
    for (const gap of gaps(starts)) expect(gap).toBeGreaterThanOrEqual(290);
  });

  it('HostLimiter keeps hosts independent', async () => {
    const limiter = new HostLimiter({ concurrency: 1, minDelayMs: 10_000 });
    const a1 = await limiter.acquire('a.vn');
    const b1 = await limiter.acquire('b.vn'); // would hang for 10 s if hosts shared a queue
    a1();
    b1();
    limiter.close();
    expect(() => new HostLimiter({ concurrency: 0, minDelayMs: 0 })).toThrow(/perHostConcurrency/);
  });
});
