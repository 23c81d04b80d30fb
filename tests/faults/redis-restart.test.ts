/**
 * Redis killed mid-run and restarted on the same port from its append-only file (appendfsync
 * always), after staying unreachable for a while. The pipeline reconnects by itself, and the
 * accounting is exact: every article stored once, no failed job.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BootedProcess } from '../../src/app/boot.js';
import { account, createFaultHarness, freePort, waitForIdle, waitUntil, type FaultHarness } from './fault-harness.js';

/** A redis-server of our own, persisted with AOF, that the test can kill and bring back. */
class OwnRedis {
  readonly dir = mkdtempSync(join(tmpdir(), 'pulse-fault-redis-'));
  constructor(readonly port: number) {}
  get url(): string { return `redis://127.0.0.1:${this.port}`; }
  async start(): Promise<void> {
    const r = spawnSync('redis-server', ['--port', String(this.port), '--bind', '127.0.0.1', '--dir', this.dir, '--save', '', '--appendonly', 'yes', '--appendfsync', 'always', '--daemonize', 'yes', '--pidfile', join(this.dir, 'redis.pid'), '--logfile', join(this.dir, 'redis.log')]);
    if (r.status !== 0) throw new Error(`redis-server did not start: ${String(r.stderr)}`);
    await waitUntil(async () => spawnSync('redis-cli', ['-p', String(this.port), 'ping']).stdout.toString().includes('PONG'), 10_000, 'redis to answer');
  }
  /** SIGKILL: no shutdown save, only what the AOF already holds survives. */
  kill(): void {
    const pid = Number(readFileSync(join(this.dir, 'redis.pid'), 'utf8'));
    process.kill(pid, 'SIGKILL');
    rmSync(join(this.dir, 'redis.pid'), { force: true });
  }
  stop(): void {
    spawn('redis-cli', ['-p', String(this.port), 'shutdown', 'nosave']).on('error', () => undefined);
  }
}

describe('Redis killed mid-run, unreachable for a while, restarted from its AOF', () => {
  let redis: OwnRedis;
  let h: FaultHarness;
  let booted: BootedProcess;

  beforeAll(async () => {
    redis = new OwnRedis(await freePort());
    await redis.start();
    h = await createFaultHarness({ articles: 140, redisUrl: redis.url, slowPressMs: 150 });
    booted = await h.boot();
  }, 60_000);
  afterAll(async () => {
    await h?.cleanup();
    redis?.stop();
    await new Promise((r) => setTimeout(r, 300));
    if (redis) rmSync(redis.dir, { recursive: true, force: true });
  });

  it('reconnects, drains the backlog, and loses or duplicates nothing', async () => {
    const expected = h.press.publishedArticles().length;
    await waitUntil(async () => (await booted.ctx.store.countItems()) >= 10, 90_000, 'first items stored');
    const atKill = await booted.ctx.store.countItems();
    redis.kill();
    const downFor = Number(process.env.PULSE_FAULT_REDIS_DOWN_MS ?? 4_000);
    await new Promise((r) => setTimeout(r, downFor));
    await redis.start();
    const backAt = Date.now();
    for (const o of h.press.corpus.outlets) h.press.setFault(o.id, null);
    await waitForIdle(booted.ctx, { timeoutMs: 150_000 });
    const recoveryS = (Date.now() - backAt) / 1000;
    const a = await account(booted, h.press);
    console.log(JSON.stringify({ case: 'redis-restart', downMs: downFor, storedAtKill: atKill, recoveryS, ...a, missing: a.missing.length }));
    expect(atKill).toBeLessThan(expected);
    expect(a.missing).toEqual([]);
    expect(a.stored).toBe(expected);
    expect(a.distinctUrls).toBe(expected);
    expect(a.failed).toEqual({ crawl: 0, fetch: 0, analyse: 0, index: 0 });
  }, 240_000);
});
