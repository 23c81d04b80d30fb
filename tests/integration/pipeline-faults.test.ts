import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BootedProcess } from '../../src/app/boot.js';
import { createPipelineHarness, waitForIdle, type PipelineHarness } from '../helpers/pipeline-harness.js';

describe('faulty sources on real Redis and SQLite', () => {
  let h: PipelineHarness;
  let booted: BootedProcess;
  let brokenId: string;
  let missingPagesId: string;

  beforeAll(async () => {
    h = await createPipelineHarness();
    // Two feed sources: one serves malformed XML, the other's article pages answer 404.
    [brokenId, missingPagesId] = h.press.sources.filter((s) => s.kind === 'rss').map((s) => s.id) as [string, string];
    h.press.setFault(brokenId, { broken: true });
    h.press.setFault(missingPagesId, { articlePage404: true });
    booted = await h.boot();
  }, 60_000);
  afterAll(async () => h?.cleanup());

  it('reports a broken feed in source health while the other sources keep flowing', async () => {
    await waitForIdle(booted.ctx, { timeoutMs: 120_000 });
    const health = new Map((await booted.ctx.store.listSourceHealth()).map((x) => [x.sourceId, x]));
    const broken = health.get(brokenId)!;
    expect(broken.lastStatus).toBe('error');
    expect(broken.lastError).toMatch(/feed_unparseable|unparseable|malformed/i);
    expect(broken.consecutiveFailures).toBeGreaterThanOrEqual(1);
    expect(Object.values(broken.errorCounts).reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(1);
    // The crawl job is in the quarantine with its reason, retryable.
    const failed = await booted.ctx.queues.crawl.getFailed();
    expect(failed.some((j) => j.data.sourceId === brokenId)).toBe(true);

    const published = h.press.publishedArticles();
    const healthy = published.filter((a) => a.outletId !== brokenId);
    expect(await booted.ctx.store.countItems()).toBe(healthy.length);
    for (const s of h.press.sources) if (s.id !== brokenId) expect(health.get(s.id)!.lastStatus).toBe('ok');
  }, 150_000);

  it('keeps the feed summary as a partial item when article pages fail', async () => {
    const partial = await booted.ctx.store.search({ sourceIds: [missingPagesId], limit: 500 });
    const expected = h.press.publishedArticles().filter((a) => a.outletId === missingPagesId).length;
    expect(partial.total).toBe(expected);
    for (const hit of partial.hits) {
      expect(hit.item.partial).toBe(true);
      expect(hit.item.partialReason).toMatch(/http_404/);
      expect(hit.item.title.length).toBeGreaterThan(10);
    }
    expect(await booted.ctx.store.countItems({ sourceIds: [missingPagesId], includePartial: false })).toBe(0);
  });

  it('recovers once the feed is fixed', async () => {
    h.press.setFault(brokenId, null);
    await booted.ctx.queues.crawl.add('crawl', { sourceId: brokenId, reason: 'manual' }, { jobId: `manual-${brokenId}-${Date.now()}` });
    await waitForIdle(booted.ctx, { timeoutMs: 60_000 });
    const health = await booted.ctx.store.getSourceHealth(brokenId);
    expect(health!.lastStatus).toBe('ok');
    expect(health!.consecutiveFailures).toBe(0);
    expect(await booted.ctx.store.countItems()).toBe(h.press.publishedArticles().length);
  }, 90_000);
});
