/**
 * SSRF through the whole pipeline (the fetcher's own guard tests are in tests/unit/http): a
 * source at a private address without `allowPrivateNetwork` is refused before any request and
 * the refusal shows in source health; a feed whose host is allowed but redirects to another,
 * private host is refused at the redirect hop.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BootedProcess } from '../../src/app/boot.js';
import { sourceSchema, type SourceConfig } from '../../src/config/sources-schema.js';
import { createFaultHarness, pendingJobs, waitUntil, type FaultHarness } from '../faults/fault-harness.js';

describe('SSRF guard through the pipeline', () => {
  let h: FaultHarness;
  let booted: BootedProcess;
  let internal: Server;
  let internalPort = 0;
  const internalHits: string[] = [];

  beforeAll(async () => {
    // The "internal service" an attacker wants the crawler to reach (a metadata endpoint, say).
    internal = createServer((req, res) => {
      internalHits.push(`${req.headers.host}${req.url}`);
      if (req.url === '/redirecting-feed.rss') {
        res.writeHead(302, { location: `http://metadata.internal.test:${internalPort}/latest/meta-data` }).end();
        return;
      }
      res.writeHead(200, { 'content-type': 'application/rss+xml' }).end('<rss version="2.0"><channel><title>secret</title></channel></rss>');
    });
    await new Promise<void>((r) => internal.listen(0, '127.0.0.1', r));
    internalPort = (internal.address() as AddressInfo).port;
    const extra: SourceConfig[] = [
      sourceSchema.parse({ id: 'ssrf-private-literal', name: 'Private literal', kind: 'rss', url: `http://127.0.0.1:${internalPort}/feed.rss` }),
      sourceSchema.parse({ id: 'ssrf-redirect', name: 'Redirects to private', kind: 'rss', url: `http://feed.allowed.test:${internalPort}/redirecting-feed.rss` }),
    ];
    h = await createFaultHarness({
      articles: 30,
      sources: (s) => [...s.slice(0, 1), ...extra],
    });
    booted = await h.bootWith({
      // Stand-in DNS: both names live on loopback; only feed.allowed.test is allowed to.
      dnsLookup: async (host: string) => (host.endsWith('.test') ? [{ address: '127.0.0.1', family: 4 as const }] : [{ address: host, family: 4 as const }]),
      allowPrivateNetworkHosts: ['feed.allowed.test'],
    });
  }, 60_000);
  afterAll(async () => {
    await h?.cleanup();
    await new Promise((r) => internal?.close(r));
  });

  it('refuses a private source and a redirect to a private host, reports both in health, and the press source still flows', async () => {
    // Refused polls may leave no lastPollAt, so wait for both refusals and an idle pipeline.
    await waitUntil(async () => {
      const [a, b] = await Promise.all([booted.ctx.store.getSourceHealth('ssrf-private-literal'), booted.ctx.store.getSourceHealth('ssrf-redirect')]);
      return a?.lastStatus === 'error' && b?.lastStatus === 'error' && (await pendingJobs(booted.ctx)) === 0;
    }, 90_000, 'both SSRF sources refused and the pipeline idle');
    const literal = await booted.ctx.store.getSourceHealth('ssrf-private-literal');
    const redirect = await booted.ctx.store.getSourceHealth('ssrf-redirect');
    console.log(JSON.stringify({ case: 'ssrf-pipeline', literal: literal?.lastError, redirect: redirect?.lastError, internalHits }));
    expect(literal?.lastStatus).toBe('error');
    expect(literal?.lastError).toMatch(/ssrf|private|loopback|refused/i);
    expect(redirect?.lastStatus).toBe('error');
    expect(redirect?.lastError).toMatch(/ssrf|private|loopback|refused/i);
    // The allowed host was asked for its feed (and robots.txt); the private target never was.
    expect(internalHits.some((x) => x.startsWith('metadata.internal.test'))).toBe(false);
    expect(internalHits.some((x) => x.startsWith(`127.0.0.1:${internalPort}`))).toBe(false);
    // Refusals are permanent: quarantined once, not retried.
    const failed = await booted.ctx.queues.crawl.getFailed();
    for (const id of ['ssrf-private-literal', 'ssrf-redirect']) expect(failed.filter((j) => j.data.sourceId === id).length).toBe(1);
    expect(await booted.ctx.store.countItems()).toBeGreaterThan(0);
  }, 120_000);
});
