/**
 * Sources that misbehave: one hangs (never sends headers), one resets every connection, one
 * answers 500, one changes every guid on each poll. The healthy outlets keep flowing, source
 * health says what happened, nothing is duplicated; once the faults clear, a re-poll brings
 * every article in exactly once and the only failed jobs are the faulty sources' polls.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BootedProcess } from '../../src/app/boot.js';
import { account, createFaultHarness, drain, type FaultHarness } from './fault-harness.js';

/**
 * A front for the press server that resets every feed connection while `resetting` is on.
 * robots.txt passes: an unreachable robots.txt makes the fetcher hold the whole origin back for
 * 10 minutes (RetryLater `robots_unavailable`, by design), which is another case than a reset feed.
 */
async function startResettingProxy(target: () => string): Promise<{ server: Server; origin: string; resetting: boolean; resets: number }> {
  const state = { server: null as unknown as Server, origin: '', resetting: true, resets: 0 };
  state.server = createServer((req, res) => {
    if (state.resetting && req.url !== '/robots.txt') {
      state.resets++;
      req.socket.resetAndDestroy();
      return;
    }
    fetch(target() + req.url, { headers: { 'accept-encoding': 'identity' } }).then(async (r) => {
      res.writeHead(r.status, { 'content-type': r.headers.get('content-type') ?? 'text/plain' });
      res.end(Buffer.from(await r.arrayBuffer()));
    }, () => res.destroy());
  });
  await new Promise<void>((r) => state.server.listen(0, '127.0.0.1', r));
  state.origin = `http://127.0.0.1:${(state.server.address() as AddressInfo).port}`;
  return state;
}

describe('hanging, resetting, failing and guid-changing sources', () => {
  let h: FaultHarness;
  let booted: BootedProcess;
  let proxy: Awaited<ReturnType<typeof startResettingProxy>>;
  let hangId: string, resetId: string, failingId: string, guidsId: string;

  beforeAll(async () => {
    let pressOrigin = '';
    proxy = await startResettingProxy(() => pressOrigin);
    h = await createFaultHarness({
      articles: 160,
      fetcher: { timeoutMs: 3_000, idleTimeoutMs: 3_000 },
      sources: (sources) => {
        const feeds = sources.filter((s) => s.kind === 'rss');
        [hangId, resetId, failingId, guidsId] = feeds.slice(0, 4).map((s) => s.id) as [string, string, string, string];
        // The reset source reads its feed through the proxy; its article links still point at the press.
        return sources.map((s) => (s.id === resetId ? { ...s, url: s.url.replace(/^http:\/\/127\.0\.0\.1:\d+/, proxy.origin) } : s));
      },
    });
    pressOrigin = h.press.url;
    h.press.setFault(hangId, { hang: true });
    h.press.setFault(failingId, { status500: true });
    h.press.setFault(guidsId, { changeGuids: true });
    booted = await h.boot();
  }, 60_000);
  afterAll(async () => {
    await h?.cleanup();
    await new Promise((r) => proxy?.server.close(r));
  });

  it('keeps the healthy outlets flowing and reports each fault in source health', async () => {
    const t0 = Date.now();
    await drain(booted, 90_000);
    const faulty = [hangId, resetId, failingId];
    const healthyIds = h.press.corpus.outlets.map((o) => o.id).filter((id) => !faulty.includes(id));
    const a = await account(booted, h.press, healthyIds);
    const health = new Map((await booted.ctx.store.listSourceHealth()).map((x) => [x.sourceId, x]));
    const view = Object.fromEntries(faulty.map((id) => [id, { status: health.get(id)?.lastStatus, error: health.get(id)?.lastError?.slice(0, 80), errors: health.get(id)?.errorCounts }]));
    console.log(JSON.stringify({ case: 'source-faults: during', secondsToIdle: (Date.now() - t0) / 1000, healthy: { ...a, missing: a.missing.length }, faulty: view, resets: proxy.resets }));
    expect(a.missing).toEqual([]);
    expect(a.distinctUrls).toBe(a.expected);
    for (const id of faulty) {
      expect(health.get(id)?.lastStatus, id).toBe('error');
      expect(health.get(id)?.consecutiveFailures, id).toBeGreaterThanOrEqual(1);
    }
    expect(health.get(hangId)?.lastError).toMatch(/timeout|timed out/i);
    expect(health.get(resetId)?.lastError).toMatch(/reset|socket|closed|ECONN/i);
    expect(health.get(failingId)?.lastError).toMatch(/500/);
    expect(proxy.resets).toBeGreaterThanOrEqual(1);
    // Nothing from the faulty outlets was stored half-way.
    expect(await booted.ctx.store.countItems({ sourceIds: faulty })).toBe(0);
  }, 200_000);

  it('a feed that changes every guid does not duplicate items on re-polls', async () => {
    const before = await booted.ctx.store.countItems({ sourceIds: [guidsId] });
    for (let i = 0; i < 2; i++) {
      await booted.ctx.queues.crawl.add('crawl', { sourceId: guidsId, reason: 'manual' }, { jobId: `guids-${i}-${Date.now()}` });
      await drain(booted, 60_000);
    }
    const a = await account(booted, h.press, [guidsId]);
    expect(before).toBe(a.expected);
    expect(a.stored).toBe(a.expected);
    expect(a.distinctUrls).toBe(a.expected);
    expect((await booted.ctx.store.getSourceHealth(guidsId))?.lastNew).toBe(0);
  }, 150_000);

  it('after the faults clear, a re-poll brings everything in exactly once', async () => {
    for (const o of h.press.corpus.outlets) h.press.setFault(o.id, null);
    proxy.resetting = false;
    const t0 = Date.now();
    for (const id of [hangId, resetId, failingId]) await booted.ctx.queues.crawl.add('crawl', { sourceId: id, reason: 'manual' }, { jobId: `recover-${id}-${Date.now()}` });
    await drain(booted, 120_000);
    const a = await account(booted, h.press);
    const failedCrawls = await booted.ctx.queues.crawl.getFailed();
    console.log(JSON.stringify({ case: 'source-faults: after', recoveryS: (Date.now() - t0) / 1000, ...a, missing: a.missing.length, failedCrawlSources: failedCrawls.map((j) => j.data.sourceId) }));
    expect(a.missing).toEqual([]);
    expect(a.stored).toBe(a.expected);
    expect(a.distinctUrls).toBe(a.expected);
    expect([a.failed.fetch, a.failed.analyse, a.failed.index]).toEqual([0, 0, 0]);
    // The quarantined polls are the faulty sources' and nothing else: every failure accounted for.
    expect(failedCrawls.length).toBe(a.failed.crawl);
    for (const j of failedCrawls) expect([hangId, resetId, failingId]).toContain(j.data.sourceId);
    for (const id of [hangId, resetId, failingId]) expect((await booted.ctx.store.getSourceHealth(id))?.lastStatus).toBe('ok');
  }, 150_000);
});
