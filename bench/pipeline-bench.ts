import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bootProcess } from '../src/app/boot.js';
import { waitForIdle } from '../src/app/drain.js';
import { PIPELINE_ROLES } from '../src/app/roles.js';
import { loadEnv } from '../src/config/env.js';
import { startPressServer } from '../src/demo/press-server.js';
import { extractArticle } from '../src/extract/article.js';
import { discoverEntries } from '../src/sources/discover.js';
import { collectPressBodies } from './lib/press-pages.js';
import { cpuThroughput, round, sampleRss } from './lib/measure.js';

/** Figures of the ingestion benchmarks (names from DESIGN.md §9). */
export interface PipelineFigures {
  extract_pages_per_s_per_core: number;
  feed_parse_per_s_per_core: number;
  extract_page_kb_avg: number;
  e2e_articles_per_s: number;
  e2e_articles: number;
  e2e_seconds: number;
  peak_rss_mb: number;
}

/** Extraction and feed parsing on one core (this thread), over the demo corpus pages. */
export async function benchExtraction(): Promise<Pick<PipelineFigures, 'extract_pages_per_s_per_core' | 'feed_parse_per_s_per_core' | 'extract_page_kb_avg'>> {
  const press = await startPressServer({});
  try {
    const { pages, feeds } = await collectPressBodies(press);
    const sources = new Map(press.sources.map((s) => [s.id, s]));
    const extract = cpuThroughput(() => {
      for (const p of pages) extractArticle(p.html, p.url);
      return pages.length;
    });
    let feedCalls = 0;
    const t0 = performance.now();
    while (performance.now() - t0 < 2_000) {
      for (const f of feeds) await discoverEntries(sources.get(f.sourceId)!, f.body, f.url);
      feedCalls += feeds.length;
    }
    const feedPerS = (feedCalls / (performance.now() - t0)) * 1000;
    const kb = pages.reduce((a, p) => a + Buffer.byteLength(p.html), 0) / pages.length / 1024;
    return { extract_pages_per_s_per_core: round(extract.perSecond, 0), feed_parse_per_s_per_core: round(feedPerS, 0), extract_page_kb_avg: round(kb) };
  } finally {
    await press.close();
  }
}

/**
 * End to end through real Redis and SQLite: a press server with `articles` articles, every role
 * in this process, politeness off for the bench host. Time from the first scheduled poll to idle.
 */
export async function benchEndToEnd(opts: { articles: number; redisUrl: string; analyser: boolean }): Promise<Pick<PipelineFigures, 'e2e_articles_per_s' | 'e2e_articles' | 'e2e_seconds' | 'peak_rss_mb'>> {
  const dir = mkdtempSync(join(tmpdir(), 'pulse-bench-'));
  const press = await startPressServer({ articles: opts.articles });
  const rss = sampleRss();
  const env = loadEnv({ ...process.env, REDIS_URL: opts.redisUrl, PULSE_DATA_DIR: dir, PULSE_SQLITE_PATH: join(dir, 'bench.db'), LOG_LEVEL: 'error', PULSE_HOST_DELAY_MS: '0', PULSE_HOST_CONCURRENCY: '32' });
  const booted = await bootProcess({
    env, roles: PIPELINE_ROLES, sources: press.sources, queuePrefix: `bench${Date.now()}`,
    ...(opts.analyser ? {} : { analyser: null }),
    scheduler: { tickMs: 200 },
  });
  try {
    const t0 = performance.now();
    const stored = await waitForIdle(booted.ctx, { timeoutMs: 600_000, pollMs: 100 });
    const seconds = (performance.now() - t0) / 1000;
    if (stored !== press.publishedArticles().length) throw new Error(`bench stored ${stored} of ${press.publishedArticles().length}`);
    return { e2e_articles_per_s: round(stored / seconds), e2e_articles: stored, e2e_seconds: round(seconds, 2), peak_rss_mb: rss.stop() };
  } finally {
    rss.stop();
    await booted.shutdown();
    await press.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
