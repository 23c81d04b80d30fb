/**
 * The SQLite store cannot grow for a while: a real SQLITE_FULL ("database or disk is full"),
 * made by lowering `PRAGMA max_page_count` to the file's current size on the store's own
 * connection (works unprivileged in CI; a tmpfs would need root and a mount). Index jobs then
 * wait in the delayed set — no attempt spent, nothing quarantined — and land once the limit is
 * lifted. The case ends with the exact accounting.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BootedProcess } from '../../src/app/boot.js';
import { RetryLaterError } from '../../src/core/errors.js';
import { asStoreRetry } from '../../src/pipeline/store-outage.js';
import type { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { createSqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { makeItem as makeContractItem } from '../contract/store-contract-corpus.js';
import { account, createFaultHarness, waitForIdle, waitUntil, type FaultHarness, countItemsOutside } from './fault-harness.js';

const FULL_MS = Number(process.env.PULSE_FAULT_FULL_MS ?? (process.env.PULSE_SOAK === '1' ? 120_000 : 10_000));
/** An item big enough (4 KB of text) that a batch of them needs new pages. */
const makeItem = (n: number) => makeContractItem(`full-${n}`, { text: `Chính sách số ${n}. `.repeat(200) });

/** SQLite's own ceiling: what "no limit" means for max_page_count. */
const NO_PAGE_LIMIT = 4_294_967_294;

describe('SQLITE_FULL is a store outage, not a bad item', () => {
  it('a full database fails the whole batch with SQLITE_FULL, mapped to a retry-later store_full', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pulse-full-'));
    const store = createSqliteStore({ path: join(dir, 'full.db') });
    try {
      await store.init();
      await store.upsertItems([makeItem(0)]);
      const pages = (store.db.pragma('page_count', { simple: true }) as number);
      store.db.pragma(`max_page_count = ${pages}`);
      let thrown: unknown;
      try {
        await store.upsertItems(Array.from({ length: 50 }, (_, i) => makeItem(i + 1)));
      } catch (err) {
        thrown = err;
      }
      expect((thrown as { code?: string })?.code ?? (thrown as { cause?: { code?: string } })?.cause?.code).toBe('SQLITE_FULL');
      const mapped = asStoreRetry(thrown);
      expect(mapped).toBeInstanceOf(RetryLaterError);
      expect((mapped as RetryLaterError).code).toBe('store_full');
      expect(mapped.message).toMatch(/disk or database full.*database or disk is full.*waits/);
      // Nothing of the failed batch was half-written.
      expect(await store.countItems()).toBe(1);
      store.db.pragma(`max_page_count = ${NO_PAGE_LIMIT}`);
      const after = await store.upsertItems(Array.from({ length: 50 }, (_, i) => makeItem(i + 1)));
      expect(after).toMatchObject({ inserted: 50, errors: [] });
    } finally {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe(`SQLite store full for ${FULL_MS} ms mid-run, then space returns`, () => {
  let h: FaultHarness;
  let booted: BootedProcess;

  beforeAll(async () => {
    h = await createFaultHarness({ articles: 140, slowPressMs: 100 });
    booted = await h.boot();
  }, 60_000);
  afterAll(async () => h?.cleanup());

  it('items wait in the delayed set, then land: every article stored exactly once', async () => {
    const expected = h.press.publishedArticles().length;
    const db = (booted.ctx.store as SqliteStore).db;
    await waitUntil(async () => (await booted.ctx.store.countItems()) >= 6, 90_000, 'first items stored');
    const pages = db.pragma('page_count', { simple: true }) as number;
    db.pragma(`max_page_count = ${pages}`);
    const atFull = countItemsOutside(h.env.PULSE_SQLITE_PATH);
    let maxDelayedIndexJobs = 0;
    const fullUntil = Date.now() + FULL_MS;
    while (Date.now() < fullUntil) {
      maxDelayedIndexJobs = Math.max(maxDelayedIndexJobs, await booted.ctx.queues.index.getDelayedCount());
      await new Promise((r) => setTimeout(r, 250));
    }
    // Free pages inside the last allocated page can still take a row or two; the file cannot grow.
    const underFull = countItemsOutside(h.env.PULSE_SQLITE_PATH);
    const pagesUnderFull = db.pragma('page_count', { simple: true }) as number;
    const failedUnderFull = await booted.ctx.queues.index.getFailedCount();
    db.pragma(`max_page_count = ${NO_PAGE_LIMIT}`);
    const freedAt = Date.now();
    for (const o of h.press.corpus.outlets) h.press.setFault(o.id, null);
    await waitUntil(async () => (await booted.ctx.store.countItems()) >= expected, 120_000, 'every article stored');
    const recoveryS = (Date.now() - freedAt) / 1000;
    await waitForIdle(booted.ctx, { timeoutMs: 60_000 });
    const a = await account(booted, h.press);
    // Waiting out an outage spends no attempt: a job burning its 10 attempts would end quarantined.
    const indexJobs = await booted.ctx.queues.index.getJobs(['completed'], 0, -1);
    const maxIndexAttempts = Math.max(...indexJobs.map((j) => j.attemptsMade));
    console.log(JSON.stringify({ case: 'sqlite-disk-full', fullMs: FULL_MS, storedAtFull: atFull, storedUnderFull: underFull, pages, pagesUnderFull, maxDelayedIndexJobs, maxIndexAttempts, recoveryS, ...a, missing: a.missing.length }));
    expect(maxIndexAttempts).toBeLessThanOrEqual(2);
    expect(pagesUnderFull).toBe(pages);
    expect(underFull - atFull).toBeLessThan(expected - atFull);
    expect(maxDelayedIndexJobs).toBeGreaterThan(0);
    expect(failedUnderFull).toBe(0);
    expect(a.missing).toEqual([]);
    expect(a.stored).toBe(expected);
    expect(a.distinctUrls).toBe(expected);
    expect(a.failed).toEqual({ crawl: 0, fetch: 0, analyse: 0, index: 0 });
  }, 240_000);
});
