/**
 * Vitest global setup: make sure the services the integration suites need are there, so the
 * README's `npm test` works on a developer machine as well as in CI.
 *
 * - Redis: `REDIS_URL` when set (CI starts one); otherwise a private redis-server on a free port.
 * - Elasticsearch: `ELASTICSEARCH_URL` when set (CI starts the test node); otherwise the Maven
 *   test node under tests/elasticsearch-node is built and started for this run.
 * A missing service is an error, never a skip (`PULSE_SKIP_ES=1` is the only, explicit opt-out:
 * those cases then report as skipped).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureRedis, type RedisHandle } from '../../src/redis/private-redis.js';

let redis: RedisHandle | null = null;
let dir: string | null = null;
let esPort: string | null = null;

export async function setup(): Promise<void> {
  if (!process.env.REDIS_URL) {
    dir = mkdtempSync(join(tmpdir(), 'pulse-test-redis-'));
    redis = await ensureRedis({ dataDir: dir });
    process.env.REDIS_URL = redis.url;
  }
  if (!process.env.ELASTICSEARCH_URL && process.env.PULSE_SKIP_ES !== '1' && runMayNeedElasticsearch()) {
    esPort = process.env.ES_TEST_PORT ?? '9260';
    const env = { ...process.env, ES_TEST_PORT: esPort };
    execFileSync('bash', ['tests/elasticsearch-node/build.sh'], { stdio: 'inherit', env });
    execFileSync('bash', ['tests/elasticsearch-node/start.sh'], { stdio: 'inherit', env });
    process.env.ELASTICSEARCH_URL = `http://127.0.0.1:${esPort}`;
  }
}

/**
 * Starting the node costs 10–30 s: skip it when the command line names only test paths that
 * cannot reach it (`vitest run tests/unit/http`). The whole suite, or any path mentioning
 * elasticsearch, contract or faults, starts it.
 */
function runMayNeedElasticsearch(): boolean {
  const filters = process.argv.slice(2).filter((a) => !a.startsWith('-') && a !== 'run' && !a.includes('='));
  if (filters.length === 0) return true;
  return filters.some((f) => /elasticsearch|contract|faults|compose/i.test(f));
}

export async function teardown(): Promise<void> {
  await redis?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
  if (esPort) execFileSync('bash', ['tests/elasticsearch-node/stop.sh'], { stdio: 'ignore', env: { ...process.env, ES_TEST_PORT: esPort } });
}
