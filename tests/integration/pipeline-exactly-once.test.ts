import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BootedProcess } from '../../src/app/boot.js';
import { canonicalizeUrl, itemIdFor } from '../../src/extract/canonical-url.js';
import { createPipelineHarness, waitForIdle, type PipelineHarness } from '../helpers/pipeline-harness.js';

/** Article page paths the press server knows, with their AMP twins. */
function articlePaths(h: PipelineHarness): Set<string> {
  const paths = new Set<string>();
  for (const a of h.press.publishedArticles()) {
    paths.add(a.path);
    // One outlet's feed links to AMP copies (`/<outlet>/amp/...`) of its pages.
    paths.add(a.path.replace(/^\/([^/]+)\//, '/$1/amp/'));
  }
  return paths;
}

/** Article page requests answered so far, and the pages requested more than once. */
function articleRequests(h: PipelineHarness): { total: number; repeated: string[] } {
  const paths = articlePaths(h);
  let total = 0;
  const repeated: string[] = [];
  for (const [path, count] of h.press.stats().byPath) {
    if (!paths.has(path)) continue;
    total += count;
    if (count > 1) repeated.push(`${path}×${count}`);
  }
  return { total, repeated };
}

describe('pipeline on real Redis and SQLite against the local press server', () => {
  let h: PipelineHarness;
  let booted: BootedProcess;

  beforeAll(async () => {
    h = await createPipelineHarness();
    // Start with the last days unpublished so a later crawl has something new to find.
    h.press.publishUpTo(new Date(h.press.now().getTime() - 4 * 24 * 3600_000));
    booted = await h.boot();
  }, 120_000);
  afterAll(async () => h?.cleanup());

  async function crawlAllNow(): Promise<void> {
    const stamp = Date.now();
    for (const s of booted.ctx.sources) await booted.ctx.queues.crawl.add('crawl', { sourceId: s.id, reason: 'manual' }, { jobId: `manual-${s.id}-${stamp}` });
    await waitForIdle(booted.ctx, { timeoutMs: 60_000 });
  }

  it('stores every published demo article exactly once, with its text', async () => {
    const stored = await waitForIdle(booted.ctx, { timeoutMs: 120_000 });
    const published = h.press.publishedArticles();
    expect(published.length).toBeGreaterThanOrEqual(250);
    expect(stored).toBe(published.length);
    const store = booted.ctx.store;
    for (const article of published) {
      const id = itemIdFor(canonicalizeUrl(h.press.url + article.path));
      const item = await store.getItem(id);
      expect(item, `missing ${article.path}`).not.toBeNull();
      expect(item!.partial).toBe(false);
      expect(item!.title).toBe(article.title);
      expect(item!.text).toContain(article.paragraphs[0]!.slice(0, 40));
      // NLP labels and their evidence are stored with the item.
      expect(item!.labels, `no labels on ${article.path}`).not.toBeNull();
      expect(['positive', 'negative', 'neutral']).toContain(item!.labels!.sentiment.label);
      expect(item!.labels!.storyId).toBeTruthy();
      // Boilerplate (comments) stays out of the stored text.
      for (const c of article.comments) expect(item!.text).not.toContain(c.text);
    }
    expect(await store.countItems({ includePartial: false })).toBe(published.length);
    // Each article page was fetched once (a feed may also list an AMP twin: fetched once too).
    const pages = articleRequests(h);
    expect(pages.repeated).toEqual([]);
    expect(pages.total).toBeGreaterThanOrEqual(published.length);
  }, 150_000);

  it('a second crawl of every source adds nothing and fetches no article again', async () => {
    const before = await booted.ctx.store.countItems();
    const pagesBefore = articleRequests(h).total;
    await crawlAllNow();
    expect(await booted.ctx.store.countItems()).toBe(before);
    expect(articleRequests(h).total).toBe(pagesBefore);
  }, 90_000);

  it('articles published later are picked up, each once', async () => {
    const before = await booted.ctx.store.countItems();
    h.press.publishUpTo(new Date(h.press.now().getTime() + 10 * 24 * 3600_000));
    const published = h.press.publishedArticles();
    expect(published.length).toBeGreaterThanOrEqual(300);
    expect(published.length).toBeGreaterThan(before);
    await crawlAllNow();
    expect(await booted.ctx.store.countItems()).toBe(published.length);
    expect(articleRequests(h).repeated).toEqual([]);
  }, 90_000);

  it('records health for every source', async () => {
    const health = await booted.ctx.store.listSourceHealth();
    expect(health.map((x) => x.sourceId).sort()).toEqual(h.press.sources.map((s) => s.id).sort());
    for (const x of health) {
      expect(x.lastStatus === 'ok' || x.lastStatus === 'not_modified').toBe(true);
      expect(x.itemsTotal).toBeGreaterThan(0);
      expect(x.nextPollAt).not.toBeNull();
    }
  });
});
