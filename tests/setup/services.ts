/**
 * Vitest global setup: make sure the services the integration suites need are there.
 *
 * - Redis: `REDIS_URL` when set (CI starts one); otherwise a private redis-server on a free
 *   port for this run. No Redis at all is an error, never a skip.
 */
import { ensureRedis, type RedisHandle } from '../../src/redis/private-redis.js';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

let redis: RedisHandle | null = null;
let dir: string | null = null;

export async function setup(): Promise<void> {
  if (!process.env.REDIS_URL) {
    dir = mkdtempSync(join(tmpdir(), 'pulse-test-redis-'));
    redis = await ensureRedis({ dataDir: dir });
    process.env.REDIS_URL = redis.url;
  }
}

export async function teardown(): Promise<void> {
  await redis?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
}
