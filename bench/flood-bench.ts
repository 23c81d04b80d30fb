/**
 * Flood test of the pipeline: the local press publishes articles at 10× the normal rate for a
 * bounded time while every source is polled every few seconds; every role runs in this process
 * on real Redis and SQLite. Reports throughput, queue depth over time, p95 stage latencies
 * (queue wait + work, from BullMQ job timestamps), peak RSS and Redis memory, and whether the
 * process's memory stayed bounded while the backlog grew.
 *
 *   npx tsx bench/flood-bench.ts [--minutes 2] [--rate-multiplier 10] [--analyser] [--json]
 *
 * "Normal" is `NORMAL_ARTICLES_PER_S` (2 articles/s ≈ 170 000 a day, already far above the whole
 * Vietnamese national press), so 10× is 20 new articles a second across the seven demo outlets.
 * Needs REDIS_URL, or starts a private redis-server.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { bootProcess } from '../src/app/boot.js';
import { pendingJobs, waitForIdle } from '../src/app/drain.js';
import { PIPELINE_ROLES } from '../src/app/roles.js';
import { loadEnv } from '../src/config/env.js';
import { startPressServer } from '../src/demo/press-server.js';
import { QUEUE_NAMES } from '../src/queue/jobs.js';
import { percentile, round } from './lib/measure.js';

const NORMAL_ARTICLES_PER_S = 2;
const SAMPLE_MS = 2_000;
const POLL_EVERY_MS = 3_000;

const opts = new Command()
  .option('--minutes <n>', 'flood duration', '2')
  .option('--rate-multiplier <n>', 'times the normal article rate', '10')
  .option('--analyser', 'run the NLP analyser (slower; off measures the pipeline itself)', false)
  .option('--json', 'print the figures as one JSON line last', false)
  .parse()
  .opts<{ minutes: string; rateMultiplier: string; analyser: boolean; json: boolean }>();

const floodMs = Number(opts.minutes) * 60_000;
const rate = NORMAL_ARTICLES_PER_S * Number(opts.rateMultiplier);
const total = Math.ceil((rate * floodMs) / 1000);

const dir = mkdtempSync(join(tmpdir(), 'pulse-flood-'));
const press = await startPressServer({ articles: total + 50 });
const articles = press.corpus.articles.map((a) => Date.parse(a.publishedAt)).sort((a, b) => a - b);
const env = loadEnv({ ...process.env, PULSE_DATA_DIR: dir, PULSE_SQLITE_PATH: join(dir, 'flood.db'), LOG_LEVEL: 'error', PULSE_HOST_DELAY_MS: '0', PULSE_HOST_CONCURRENCY: '32' });
// Start with the first 50 published, then release the rest evenly over the flood.
press.publishUpTo(new Date(articles[49]!));
const booted = await bootProcess({ env, roles: PIPELINE_ROLES, sources: press.sources, queuePrefix: `flood${Date.now()}`, ...(opts.analyser ? {} : { analyser: null }), scheduler: { tickMs: 500 } });
const { ctx } = booted;

interface Sample { t: number; published: number; stored: number; rssMb: number; heapMb: number; redisMb: number; depth: Record<string, number> }
const samples: Sample[] = [];
let peakRss = 0;
const redisMb = async (): Promise<number> => Number(/used_memory:(\d+)/.exec(await ctx.redis.info('memory'))?.[1] ?? 0) / 1_048_576;

async function sample(t0: number): Promise<void> {
  const depth: Record<string, number> = {};
  for (const q of QUEUE_NAMES) {
    const c = await ctx.queues[q].getJobCounts('waiting', 'active', 'delayed', 'prioritized');
    depth[q] = Object.values(c).reduce((a, b) => a + b, 0);
  }
  const mem = process.memoryUsage();
  peakRss = Math.max(peakRss, mem.rss);
  samples.push({ t: round((Date.now() - t0) / 1000), published: press.publishedArticles().length, stored: await ctx.store.countItems(), rssMb: round(mem.rss / 1_048_576), heapMb: round(mem.heapUsed / 1_048_576), redisMb: round(await redisMb()), depth });
  const s = samples.at(-1)!;
  if (!opts.json) console.log(`t=${s.t}s published=${s.published} stored=${s.stored} depth=${JSON.stringify(s.depth)} rss=${s.rssMb}MB heap=${s.heapMb}MB redis=${s.redisMb}MB`);
}

const t0 = Date.now();
let pollRound = 0;
const publisher = setInterval(() => {
  const frac = Math.min(1, (Date.now() - t0) / floodMs);
  press.publishUpTo(new Date(articles[Math.min(articles.length - 1, 49 + Math.floor(frac * (articles.length - 50)))]!));
}, 250);
const poller = setInterval(() => {
  pollRound++;
  for (const s of ctx.sources) void ctx.queues.crawl.add('crawl', { sourceId: s.id, reason: 'manual' }, { jobId: `flood-${s.id}-${pollRound}` });
}, POLL_EVERY_MS);
const sampler = setInterval(() => void sample(t0), SAMPLE_MS);
await new Promise((r) => setTimeout(r, floodMs));
clearInterval(publisher);
clearInterval(poller);
press.publishUpTo(new Date(articles.at(-1)!));
for (const s of ctx.sources) await ctx.queues.crawl.add('crawl', { sourceId: s.id, reason: 'manual' }, { jobId: `flood-${s.id}-final` });
const floodEnd = Date.now();
const stored = await waitForIdle(ctx, { timeoutMs: Math.max(120_000, floodMs), pollMs: 500 });
const drainS = (Date.now() - floodEnd) / 1000;
clearInterval(sampler);
await sample(t0);

/** p95 of queue wait + work and of work alone, from the kept completed jobs. */
const latency: Record<string, { p95_total_ms: number; p95_work_ms: number; jobs: number }> = {};
for (const q of QUEUE_NAMES) {
  const jobs = await ctx.queues[q].getJobs(['completed'], 0, 20_000);
  const totals = jobs.filter((j) => j.finishedOn).map((j) => j.finishedOn! - j.timestamp);
  const work = jobs.filter((j) => j.finishedOn && j.processedOn).map((j) => j.finishedOn! - j.processedOn!);
  latency[q] = { p95_total_ms: round(percentile(totals, 95), 0), p95_work_ms: round(percentile(work, 95), 0), jobs: jobs.length };
}
const published = press.publishedArticles().length;
const maxDepth = Math.max(...samples.map((s) => Object.values(s.depth).reduce((a, b) => a + b, 0)));
// Bounded memory: RSS in the last third of the flood is not trending far above the first third.
const third = Math.max(1, Math.floor(samples.length / 3));
const rssEarly = Math.max(...samples.slice(0, third).map((s) => s.rssMb));
const rssLate = Math.max(...samples.slice(-third).map((s) => s.rssMb));
const figures = {
  flood_minutes: Number(opts.minutes),
  flood_articles_per_s_offered: rate,
  flood_articles_published: published,
  flood_articles_stored: stored,
  flood_duplicates: stored - published,
  flood_throughput_articles_per_s: round(stored / ((Date.now() - t0) / 1000), 2),
  flood_drain_s_after_stop: round(drainS, 1),
  flood_max_queue_depth: maxDepth,
  flood_p95_ms: latency,
  peak_rss_mb: round(peakRss / 1_048_576),
  flood_rss_first_third_mb: rssEarly,
  flood_rss_last_third_mb: rssLate,
  flood_redis_peak_mb: Math.max(...samples.map((s) => s.redisMb)),
  flood_failed_jobs: Object.fromEntries(await Promise.all(QUEUE_NAMES.map(async (q) => [q, await ctx.queues[q].getFailedCount()] as const))),
  flood_pending_after: await pendingJobs(ctx),
  // Heap and Redis beside RSS: tells a growing JS heap from allocator slack or the page cache.
  flood_depth_samples: samples.map((s) => ({ t: s.t, ...s.depth, stored: s.stored, rss: s.rssMb, heap: s.heapMb, redis: s.redisMb })),
};
await booted.shutdown();
await press.close();
rmSync(dir, { recursive: true, force: true });
if (!opts.json) console.log(JSON.stringify(figures, null, 2));
console.log(JSON.stringify(figures));
process.exit(published === stored ? 0 : 1);
