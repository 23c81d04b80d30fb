/**
 * The pipeline writing to the Elasticsearch store while the node is killed (SIGKILL) and stays
 * down for a while, then starts again on the same data. Jobs that need the store (crawl reads
 * source health, analyse reads story state, index writes) wait as `store_unreachable` /
 * `store_not_ready` retry-laters — no attempt spent, nothing quarantined — and every article
 * lands after the restart; the accounting is exact.
 *
 * Runs on a node of its own (tests/elasticsearch-node/start.sh on a free port): a node that
 * cannot start fails the case loudly. `PULSE_SKIP_ES=1` is the only opt-out, and says so.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BootedProcess } from '../../src/app/boot.js';
import { QUEUE_NAMES } from '../../src/queue/jobs.js';
import { OwnElasticsearchNode } from './es-node.js';
import { account, createFaultHarness, describePending, freePort, waitForIdle, waitUntil, type FaultHarness } from './fault-harness.js';

const DOWN_MS = Number(process.env.PULSE_FAULT_ES_DOWN_MS ?? (process.env.PULSE_SOAK === '1' ? 120_000 : 8_000));
// Skipped only under PULSE_SKIP_ES=1, the explicit opt-out for machines without Java/Maven;
// `.ci/run` unsets it, so CI always runs this case against a real node.
const skipEs = process.env.PULSE_SKIP_ES === '1';
if (skipEs) console.warn('elasticsearch-stopped: SKIPPED because PULSE_SKIP_ES=1 (developer opt-out; CI unsets it and runs this case)');

describe.skipIf(skipEs)(`Elasticsearch node killed, down for ${DOWN_MS} ms mid-run, then restarted on its data`, () => {
  let node: OwnElasticsearchNode;
  let h: FaultHarness;
  let booted: BootedProcess;
  let firstStartMs = 0;

  beforeAll(async () => {
    node = new OwnElasticsearchNode(await freePort());
    firstStartMs = await node.start();
    h = await createFaultHarness({
      articles: 140,
      env: { PULSE_STORE: 'elasticsearch', ELASTICSEARCH_URL: node.url, ELASTICSEARCH_INDEX_PREFIX: `fault-${Date.now().toString(36)}` },
      slowPressMs: 100,
    });
    booted = await h.boot();
  }, 240_000);
  afterAll(async () => {
    await h?.cleanup();
    await node?.remove();
  }, 120_000);

  it('index jobs wait for the node, then every article is stored exactly once', async () => {
    const expected = h.press.publishedArticles().length;
    await waitUntil(async () => (await booted.ctx.store.countItems()) >= 10, 90_000, 'first items stored');
    const atStop = await booted.ctx.store.countItems();
    await node.kill();
    const stoppedAt = Date.now();
    // Items wait wherever they need the store: analyse reads story state, index writes, crawl reads health.
    let maxDelayedJobs = 0;
    while (Date.now() - stoppedAt < DOWN_MS) {
      let delayed = 0;
      for (const name of QUEUE_NAMES) delayed += await booted.ctx.queues[name].getDelayedCount();
      maxDelayedJobs = Math.max(maxDelayedJobs, delayed);
      await new Promise((r) => setTimeout(r, 250));
    }
    let failedWhileDown = 0;
    for (const name of QUEUE_NAMES) failedWhileDown += await booted.ctx.queues[name].getFailedCount();
    const restartMs = await node.start();
    const backAt = Date.now();
    const atRestart = await booted.ctx.store.countItems();
    for (const o of h.press.corpus.outlets) h.press.setFault(o.id, null);
    await waitUntil(async () => (await booted.ctx.store.countItems()) >= expected, 120_000, 'every article stored').catch(async (err: Error) => {
      const stored = await booted.ctx.store.countItems().catch((e: Error) => `count failed: ${e.message}`);
      throw new Error(`${err.message} (stored ${stored} of ${expected}, restart took ${restartMs} ms)\n${await describePending(booted)}`);
    });
    const recoveryS = (Date.now() - backAt) / 1000;
    await waitForIdle(booted.ctx, { timeoutMs: 60_000 });
    const a = await account(booted, h.press);
    // Waiting out the outage spends no attempt (a crawl poll has 3, an index write 10).
    const maxAttempts: Record<string, number> = {};
    for (const name of QUEUE_NAMES) maxAttempts[name] = Math.max(0, ...(await booted.ctx.queues[name].getJobs(['completed'], 0, -1)).map((j) => j.attemptsMade));
    console.log(JSON.stringify({ case: 'elasticsearch-stopped', downMs: backAt - stoppedAt, firstStartMs, restartMs, storedAtStop: atStop, storedAtRestart: atRestart, maxDelayedJobs, maxAttempts, recoveryS, ...a, missing: a.missing.length }));
    // The data survived the restart, and the outage was waited out, not spent as attempts.
    expect(atRestart).toBeGreaterThanOrEqual(atStop);
    expect(maxDelayedJobs).toBeGreaterThan(0);
    expect(failedWhileDown).toBe(0);
    for (const name of QUEUE_NAMES) expect(maxAttempts[name], name).toBeLessThanOrEqual(2);
    expect(a.missing).toEqual([]);
    expect(a.stored).toBe(expected);
    expect(a.distinctUrls).toBe(expected);
    expect(a.failed).toEqual({ crawl: 0, fetch: 0, analyse: 0, index: 0 });
  }, 300_000);
});
