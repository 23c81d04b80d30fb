/**
 * The load checks in CI size: the pipeline flood (10× the normal article rate, one minute, every
 * role in one process on real Redis and SQLite) and the API under 16 concurrent logged-in clients
 * (demo server, every read route). Both run the real bench scripts in a child process, so CI
 * exercises exactly what `bench/flood-bench.ts --minutes 10` and `bench/load-bench.ts` measure at
 * full length (docs/RELIABILITY.md).
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { testRedisUrl } from '../helpers/redis.js';

const run = promisify(execFile);

/** Run a bench script and return the JSON figures it prints as its last line. */
async function benchFigures(script: string, args: string[]): Promise<Record<string, unknown>> {
  const { stdout } = await run(process.execPath, ['--import', 'tsx', script, ...args, '--json'], {
    env: { ...process.env, REDIS_URL: testRedisUrl(), LOG_LEVEL: 'error' },
    maxBuffer: 64 * 1024 * 1024,
    timeout: 280_000,
  }).catch((err: { stdout?: string; stderr?: string; message: string }) => {
    throw new Error(`${script} failed: ${err.message}\n${(err.stderr ?? '').slice(-4000)}\n${(err.stdout ?? '').slice(-2000)}`);
  });
  const last = stdout.trim().split('\n').at(-1)!;
  return JSON.parse(last) as Record<string, unknown>;
}

describe('load', () => {
  it('a one-minute flood at 10× the normal rate: every article stored once, nothing failed or left, memory bounded', async () => {
    const f = await benchFigures('bench/flood-bench.ts', ['--minutes', '1']);
    const { flood_depth_samples: _samples, ...summary } = f;
    console.log(JSON.stringify({ case: 'flood-1min', ...summary }));
    expect(f.flood_articles_published).toBeGreaterThanOrEqual(1_200);
    expect(f.flood_articles_stored).toBe(f.flood_articles_published);
    expect(f.flood_duplicates).toBe(0);
    expect(f.flood_failed_jobs).toEqual({ crawl: 0, fetch: 0, analyse: 0, index: 0 });
    expect(f.flood_pending_after).toBe(0);
    // The backlog waits in Redis, not in the process: peak RSS stays within the bench budget.
    expect(f.peak_rss_mb as number).toBeLessThan(600);
  }, 300_000);

  it('the API under 16 concurrent clients answers every request on every read route', async () => {
    const f = await benchFigures('bench/load-bench.ts', ['--seconds', '3', '--connections', '16']);
    console.log(JSON.stringify({ case: 'api-load-3s', ...f }));
    const routes = Object.keys(f).filter((k) => k.endsWith('_errors'));
    expect(routes.length).toBeGreaterThanOrEqual(6);
    for (const k of routes) {
      expect(f[k], k).toBe(0);
      expect(f[k.replace(/_errors$/, '_rps')] as number, k).toBeGreaterThan(0);
    }
    expect(f.peak_rss_mb as number).toBeLessThan(600);
  }, 120_000);
});
