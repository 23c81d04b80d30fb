import { afterEach, describe, expect, it } from 'vitest';
import { PermanentError, RetryLaterError, TransientError } from '../../../src/core/errors.js';
import type { Fetcher } from '../../../src/http/fetcher.js';
import { rejectionOf, reply, startServer, testFetcher, type LocalServer } from './local-server.js';

let server: LocalServer | undefined;
let fetcher: Fetcher | undefined;
afterEach(async () => {
  await fetcher?.close();
  await server?.close();
  fetcher = server = undefined;
});

describe('conditional GET', () => {
  it('sends the validators it was given and reports 304 as notModified', async () => {
    const etag = '"v1-abc"';
    const lastModified = 'Wed, 05 Feb 2025 13:30:00 GMT';
    server = await startServer({
      '/feed': (req, res) => {
        const fresh = req.headers['if-none-match'] === etag || req.headers['if-modified-since'] === lastModified;
        if (fresh) {
          res.writeHead(304, { etag });
          res.end();
          return;
        }
        res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8', etag, 'last-modified': lastModified });
        res.end('<rss>Tin mới</rss>');
      },
    });
    fetcher = testFetcher();
    const url = `${server.origin}/feed`;

    const first = await fetcher.fetch({ url, allowPrivateNetwork: true });
    expect(first).toMatchObject({ status: 200, notModified: false, body: '<rss>Tin mới</rss>', etag, lastModified });

    const byEtag = await fetcher.fetch({ url, allowPrivateNetwork: true, etag: first.etag });
    expect(byEtag).toMatchObject({ status: 304, notModified: true, body: '', etag });

    const byDate = await fetcher.fetch({ url, allowPrivateNetwork: true, lastModified: first.lastModified });
    expect(byDate).toMatchObject({ status: 304, notModified: true, lastModified });

    const feedHits = server.hits('/feed');
    expect(feedHits[0]!.headers['if-none-match']).toBeUndefined();
    expect(feedHits[1]!.headers['if-none-match']).toBe(etag);
    expect(feedHits[2]!.headers['if-modified-since']).toBe(lastModified);
  });
});

describe('status mapping', () => {
  it('429 with Retry-After seconds becomes RetryLaterError with that delay', async () => {
    server = await startServer({ '/busy': reply(429, { 'retry-after': '120' }, 'slow down') });
    fetcher = testFetcher();
    const err = await rejectionOf(fetcher.fetch({ url: `${server.origin}/busy`, allowPrivateNetwork: true }));
    expect(err).toBeInstanceOf(RetryLaterError);
    expect(err).toMatchObject({ code: 'http_429', delayMs: 120_000 });
  });

  it('429 with Retry-After as an HTTP-date waits until that date', async () => {
    const at = new Date(Date.now() + 90_000).toUTCString();
    server = await startServer({ '/busy': reply(429, { 'retry-after': at }) });
    fetcher = testFetcher();
    const err = await rejectionOf(fetcher.fetch({ url: `${server.origin}/busy`, allowPrivateNetwork: true }));
    expect(err).toBeInstanceOf(RetryLaterError);
    // HTTP-dates have whole-second precision.
    expect(err.delayMs).toBeGreaterThan(85_000);
    expect(err.delayMs).toBeLessThanOrEqual(90_000);
  });

  it('503 with Retry-After is RetryLater; 503 without it and 500 are Transient', async () => {
    server = await startServer({
      '/maint': reply(503, { 'retry-after': '30' }),
      '/down': reply(503, {}),
      '/boom': reply(500, {}),
    });
    fetcher = testFetcher();
    const maint = await rejectionOf(fetcher.fetch({ url: `${server.origin}/maint`, allowPrivateNetwork: true }));
    expect(maint).toBeInstanceOf(RetryLaterError);
    expect(maint).toMatchObject({ code: 'http_503', delayMs: 30_000 });
    const down = await rejectionOf(fetcher.fetch({ url: `${server.origin}/down`, allowPrivateNetwork: true }));
    expect(down).toBeInstanceOf(TransientError);
    expect(down.code).toBe('http_503');
    const boom = await rejectionOf(fetcher.fetch({ url: `${server.origin}/boom`, allowPrivateNetwork: true }));
    expect(boom).toBeInstanceOf(TransientError);
    expect(boom.code).toBe('http_500');
  });

  it.each([404, 410, 401, 403, 400])('%i is a PermanentError http_<status>', async (status) => {
    server = await startServer({ '/x': reply(status, {}) });
    fetcher = testFetcher();
    const err = await rejectionOf(fetcher.fetch({ url: `${server.origin}/x`, allowPrivateNetwork: true }));
    expect(err).toBeInstanceOf(PermanentError);
    expect(err.code).toBe(`http_${status}`);
  });

  it('refuses non-http schemes before any network use', async () => {
    fetcher = testFetcher();
    for (const url of ['file:///etc/passwd', 'ftp://example.com/x', 'gopher://127.0.0.1:70/']) {
      const err = await rejectionOf(fetcher.fetch({ url, allowPrivateNetwork: true }));
      expect(err).toMatchObject({ code: 'bad_scheme' });
    }
    expect(await rejectionOf(fetcher.fetch({ url: 'not a url' }))).toMatchObject({ code: 'bad_url' });
  });

  it('maps a refused connection to a TransientError (and to robots_unavailable when robots is checked first)', async () => {
    server = await startServer({});
    const deadOrigin = server.origin;
    await server.close();
    server = undefined;
    fetcher = testFetcher({ respectRobots: false });
    const err = await rejectionOf(fetcher.fetch({ url: `${deadOrigin}/`, allowPrivateNetwork: true }));
    expect(err).toBeInstanceOf(TransientError);
    expect(err.code).toBe('econnrefused');
    await fetcher.close();

    fetcher = testFetcher();
    const viaRobots = await rejectionOf(fetcher.fetch({ url: `${deadOrigin}/`, allowPrivateNetwork: true }));
    expect(viaRobots).toBeInstanceOf(RetryLaterError);
    expect(viaRobots.code).toBe('robots_unavailable');
  });
});

describe('redirects', () => {
  it('follows a relative Location and reports the final URL and hop count', async () => {
    server = await startServer({
      '/old/article': reply(301, { location: '../new/article?id=7' }),
      '/new/article': reply(302, { location: '/final' }),
      '/final': reply(200, { 'content-type': 'text/html; charset=utf-8' }, 'Bài viết'),
    });
    fetcher = testFetcher();
    const res = await fetcher.fetch({ url: `${server.origin}/old/article`, allowPrivateNetwork: true });
    expect(res).toMatchObject({ status: 200, url: `${server.origin}/final`, redirects: 2, body: 'Bài viết' });
    expect(server.hits('/new/article?id=7')).toHaveLength(1);
  });

  it('stops a redirect loop with too_many_redirects', async () => {
    server = await startServer({ '/a': reply(302, { location: '/b' }), '/b': reply(302, { location: '/a' }) });
    fetcher = testFetcher();
    const err = await rejectionOf(fetcher.fetch({ url: `${server.origin}/a`, allowPrivateNetwork: true }));
    expect(err).toBeInstanceOf(PermanentError);
    expect(err.code).toBe('too_many_redirects');
    expect(server.hits('/a')).toHaveLength(1);
  });

  it('stops after maxRedirects distinct hops', async () => {
    server = await startServer({
      '/r': (req, res) => {
        const n = Number(new URL(req.url!, 'http://x').searchParams.get('n') ?? 0);
        res.writeHead(302, { location: `/r?n=${n + 1}` });
        res.end();
      },
    });
    fetcher = testFetcher({ maxRedirects: 3 });
    const err = await rejectionOf(fetcher.fetch({ url: `${server.origin}/r`, allowPrivateNetwork: true }));
    expect(err.code).toBe('too_many_redirects');
    expect(server.requests.filter((r) => r.path === '/r' || r.path.startsWith('/r?'))).toHaveLength(4);
  });

  it('refuses a redirect to a non-http scheme', async () => {
    server = await startServer({ '/x': reply(302, { location: 'file:///etc/passwd' }) });
    fetcher = testFetcher();
    const err = await rejectionOf(fetcher.fetch({ url: `${server.origin}/x`, allowPrivateNetwork: true }));
    expect(err.code).toBe('bad_scheme');
  });
});
