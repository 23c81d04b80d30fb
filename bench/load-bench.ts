/**
 * Bounded loopback load on the API: the demo server (SQLite with the demo corpus, three users)
 * on 127.0.0.1, a logged-in viewer, C concurrent clients hammering each read route for D seconds.
 * Latencies are measured per request (exact p50/p95/p99, not histogram buckets); also the share
 * of non-2xx answers and the server's peak RSS (same process).
 *
 *   npx tsx bench/load-bench.ts [--seconds 10] [--connections 16] [--json]
 *
 * The API owner's bench/api-bench.ts (autocannon) gives the DESIGN.md figures; this one is the
 * reliability view: does the API stay correct and bounded under sustained concurrent load.
 */
import { Command } from 'commander';
import { request } from 'undici';
import { PASSWORDS, startDemoServer } from '../tests/e2e/helpers/demo-server.js';
import { percentile, round, sampleRss } from './lib/measure.js';

const opts = new Command()
  .option('--seconds <n>', 'seconds per route', '10')
  .option('--connections <n>', 'concurrent clients', '16')
  .option('--json', 'print the figures as one JSON line last', false)
  .parse()
  .opts<{ seconds: string; connections: string; json: boolean }>();

const ROUTES: Record<string, string> = {
  overview: '/api/overview',
  search: `/api/search?q=${encodeURIComponent('chính sách')}`,
  search_folded: '/api/search?q=duong%20sat',
  items: '/api/items?limit=50',
  series: '/api/series?interval=day',
  sources: '/api/sources',
};

const server = await startDemoServer({ deps: { rateLimit: { global: 1_000_000, login: 1000 } } });
const rss = sampleRss();
const login = await request(`${server.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'viewer', password: PASSWORDS.viewer }) });
const cookie = String(login.headers['set-cookie'] ?? '').split(';')[0]!;
await login.body.dump();
if (login.statusCode !== 200 || !cookie) throw new Error(`login failed: HTTP ${login.statusCode}`);

const figures: Record<string, number> = {};
for (const [name, path] of Object.entries(ROUTES)) {
  const latencies: number[] = [];
  let errors = 0;
  const until = Date.now() + Number(opts.seconds) * 1000;
  await Promise.all(Array.from({ length: Number(opts.connections) }, async () => {
    while (Date.now() < until) {
      const t0 = performance.now();
      const res = await request(server.url + path, { headers: { cookie } });
      await res.body.dump();
      latencies.push(performance.now() - t0);
      if (res.statusCode >= 300) errors++;
    }
  }));
  figures[`load_${name}_rps`] = round(latencies.length / Number(opts.seconds));
  figures[`load_${name}_p50_ms`] = round(percentile(latencies, 50));
  figures[`load_${name}_p95_ms`] = round(percentile(latencies, 95));
  figures[`load_${name}_p99_ms`] = round(percentile(latencies, 99));
  figures[`load_${name}_errors`] = errors;
  if (!opts.json) console.log(`${name.padEnd(14)} ${figures[`load_${name}_rps`]} req/s  p50 ${figures[`load_${name}_p50_ms`]} ms  p95 ${figures[`load_${name}_p95_ms`]} ms  p99 ${figures[`load_${name}_p99_ms`]} ms  non-2xx ${errors}`);
}
figures.peak_rss_mb = rss.stop();
await server.close();
console.log(JSON.stringify(figures));
