/**
 * The SQLite store locked by another connection holding an exclusive write transaction for
 * several seconds mid-run, then released. Index jobs fail with SQLITE_BUSY meanwhile and retry
 * with backoff; afterwards the accounting is exact and no job is left failed.
 */
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BootedProcess } from '../../src/app/boot.js';
import { account, createFaultHarness, waitForIdle, waitUntil, type FaultHarness, countItemsOutside } from './fault-harness.js';

const LOCK_MS = Number(process.env.PULSE_FAULT_LOCK_MS ?? (process.env.PULSE_SOAK === '1' ? 120_000 : 8_000));

describe(`SQLite locked by another writer for ${LOCK_MS} ms, then released`, () => {
  let h: FaultHarness;
  let booted: BootedProcess;

  beforeAll(async () => {
    h = await createFaultHarness({ articles: 140, slowPressMs: 100 });
    booted = await h.boot();
  }, 60_000);
  afterAll(async () => h?.cleanup());

  it('retries the writes, then stores every article exactly once', async () => {
    const expected = h.press.publishedArticles().length;
    await waitUntil(async () => (await booted.ctx.store.countItems()) >= 5, 90_000, 'first items stored');
    const locker = new Database(h.env.PULSE_SQLITE_PATH, { timeout: 0 });
    locker.exec('BEGIN EXCLUSIVE');
    const atLock = countItemsOutside(h.env.PULSE_SQLITE_PATH);
    await new Promise((r) => setTimeout(r, LOCK_MS));
    // Nothing could be written while the lock was held (a read through our own connection sees it).
    const underLock = locker.prepare('SELECT count(*) AS n FROM items').get() as { n: number };
    locker.exec('COMMIT');
    locker.close();
    const releasedAt = Date.now();
    for (const o of h.press.corpus.outlets) h.press.setFault(o.id, null);
    await waitForIdle(booted.ctx, { timeoutMs: 150_000 });
    const recoveryS = (Date.now() - releasedAt) / 1000;
    const a = await account(booted, h.press);
    console.log(JSON.stringify({ case: 'sqlite-locked', lockMs: LOCK_MS, storedAtLock: atLock, storedUnderLock: underLock.n, recoveryS, ...a, missing: a.missing.length }));
    expect(underLock.n).toBe(atLock);
    expect(a.missing).toEqual([]);
    expect(a.stored).toBe(expected);
    expect(a.distinctUrls).toBe(expected);
    expect(a.failed).toEqual({ crawl: 0, fetch: 0, analyse: 0, index: 0 });
  }, 240_000);
});
