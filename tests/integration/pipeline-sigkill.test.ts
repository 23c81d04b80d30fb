import { spawn, type ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BootedProcess } from '../../src/app/boot.js';
import { createPipelineHarness, waitForIdle, type PipelineHarness } from '../helpers/pipeline-harness.js';

/** Start every role in a child process, as `pulse start` would, on the harness's Redis, prefix and DB. */
function startWorkerProcess(h: PipelineHarness): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', 'workers/role.ts', 'crawl,fetch,analyse,index,scheduler'], {
    env: {
      ...process.env,
      REDIS_URL: h.env.REDIS_URL,
      PULSE_DATA_DIR: h.env.PULSE_DATA_DIR,
      PULSE_SQLITE_PATH: h.env.PULSE_SQLITE_PATH,
      PULSE_SOURCES_FILE: h.sourcesFile,
      PULSE_QUEUE_PREFIX: h.prefix,
      // One local host serves every outlet: no politeness spacing in tests.
      PULSE_HOST_DELAY_MS: '0',
      PULSE_HOST_CONCURRENCY: '16',
      PORT: '0',
      LOG_LEVEL: 'silent',
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
}

async function waitUntil(check: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe('a worker process stopped mid-run', () => {
  let h: PipelineHarness;
  let observer: BootedProcess;
  const children: ChildProcess[] = [];

  beforeAll(async () => {
    h = await createPipelineHarness();
    // Hold the last ten days back so the SIGTERM case has new work to find.
    h.press.publishUpTo(new Date(h.press.now().getTime() - 10 * 24 * 3600_000));
    // Slow article pages a little so the kill lands while many jobs are in flight.
    for (const o of h.press.corpus.outlets) h.press.setFault(o.id, { slow: 30 });
    // The test process only observes: queues and store, no roles.
    observer = await h.boot([]);
  }, 60_000);
  afterAll(async () => {
    for (const c of children) c.kill('SIGKILL');
    await h?.cleanup();
  });

  it('loses and duplicates nothing after a restart', async () => {
    const expected = h.press.publishedArticles().length;
    const first = startWorkerProcess(h);
    children.push(first);
    let stderr = '';
    first.stderr?.on('data', (d) => (stderr += String(d)));
    await waitUntil(async () => (await observer.ctx.store.countItems()) >= 40, 90_000, `first items stored (worker stderr: ${stderr.slice(-500)})`);
    first.kill('SIGKILL');
    await new Promise((r) => first.once('exit', r));
    const atKill = await observer.ctx.store.countItems();
    expect(atKill).toBeLessThan(expected);

    for (const o of h.press.corpus.outlets) h.press.setFault(o.id, null);
    const second = startWorkerProcess(h);
    children.push(second);
    // Jobs the killed process held come back after their lock expires (stalled-job check).
    const stored = await waitForIdle(observer.ctx, { timeoutMs: 150_000 });
    expect(stored).toBe(expected);
    // No duplicates under another id: every stored URL is distinct and every article is there.
    const urls = new Set<string>();
    let offset = 0;
    for (;;) {
      const page = await observer.ctx.store.search({ limit: 200, offset, sort: 'oldest' });
      for (const hit of page.hits) urls.add(hit.item.url);
      offset += page.hits.length;
      if (page.hits.length === 0 || offset >= page.total) break;
    }
    expect(urls.size).toBe(expected);
    expect(await observer.ctx.store.countItems({ includePartial: false })).toBe(expected);
    const failed = await observer.ctx.queues.fetch.getFailedCount();
    expect(failed).toBe(0);
    second.kill('SIGTERM');
    await new Promise((r) => second.once('exit', r));
  }, 280_000);

  it('on SIGTERM finishes or returns its in-flight jobs and exits cleanly', async () => {
    // Publish more work: move the press clock on so new articles appear.
    h.press.publishUpTo(new Date(h.press.now().getTime() + 30 * 24 * 3600_000));
    for (const o of h.press.corpus.outlets) h.press.setFault(o.id, { slow: 30 });
    const before = await observer.ctx.store.countItems();
    const child = startWorkerProcess(h);
    children.push(child);
    for (const s of h.press.sources) await observer.ctx.queues.crawl.add('crawl', { sourceId: s.id, reason: 'manual' }, { jobId: `manual-${s.id}-${Date.now()}` });
    await waitUntil(async () => (await observer.ctx.queues.fetch.getActiveCount()) > 0, 60_000, 'fetch jobs in flight');
    const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    // Nothing is left active (locked by a dead process): every job finished or went back.
    for (const name of ['crawl', 'fetch', 'analyse', 'index'] as const) expect(await observer.ctx.queues[name].getActiveCount()).toBe(0);
    for (const o of h.press.corpus.outlets) h.press.setFault(o.id, null);
    const restart = startWorkerProcess(h);
    children.push(restart);
    const stored = await waitForIdle(observer.ctx, { timeoutMs: 120_000 });
    expect(stored).toBe(h.press.publishedArticles().length);
    expect(stored).toBeGreaterThanOrEqual(before);
    restart.kill('SIGTERM');
    await new Promise((r) => restart.once('exit', r));
  }, 200_000);
});
