/**
 * Elasticsearch at scale, side by side with SQLite (issue 4's bench check).
 *
 * 1. Bulk load: the items of bench/fixtures-1m.ts (same generator, same seed, so the same items as
 *    the SQLite bench DB) go through the store's own `upsertItems` (id look-up, change rule, folded
 *    copies, bulk with back-pressure) with ingestion settings: see {@link BULK_LOAD_SETTINGS}.
 *    `es_bulk_docs_per_s` is the steady-state rate (the first 5 % of the load, JIT and segment
 *    warm-up, is not counted).
 * 2. After the load the refresh interval goes back to 1 s and the indices are refreshed; then the
 *    dashboard's queries run alternately on SQLite and Elasticsearch (alternating, so both see the
 *    same background load of a shared machine), and their answers are compared.
 *
 *   npx tsx bench/es-bench.ts --url http://127.0.0.1:9270 [--items 1000000] [--runs 30] [--keep]
 *     [--sqlite data/bench/items-1m.db | --no-sqlite] [--load-only] [--load '{"bulk":{"maxDocs":5000}}']
 *
 * The load also reports its CPU split over the steady state: the bench process (client) and the
 * node's JVM (`_nodes/_local/stats/process`, so the node must be dedicated to the bench), per
 * document, and `es_bulk_docs_per_cpu2_s` = what 2 CPU-seconds per second would index. On a shared
 * machine the wall rate measures the neighbours as much as the code.
 */
import { randomUUID } from 'node:crypto';
import { Client } from '@elastic/elasticsearch';
import type { Item } from '../src/core/item.js';
import { createElasticsearchStore, type ElasticsearchStore } from '../src/store/elasticsearch/index.js';
import { createSqliteStore } from '../src/store/sqlite/index.js';
import type { SearchQuery, Store } from '../src/store/store.js';
import { createRng } from '../src/trends/random.js';
import { BENCH_END, FIXTURE_SEED, benchItem, ensureBenchDb } from './fixtures-1m.js';
import { percentile, round } from './lib/measure.js';

/** Options of {@link benchElasticsearch}. */
export interface EsBenchOptions {
  /** Elasticsearch node URL. */
  url: string;
  /** Items to load (the generator spreads them over the same 20 weeks whatever N is). */
  items: number;
  /** Timed runs per query kind. @defaultValue 30 */
  runs?: number;
  /** SQLite bench DB with the same N items; null skips the SQLite side. @defaultValue data/bench/items-<N>.db */
  sqlitePath?: string | null;
  /**
   * Keep the bench indices (prefix `bench-es-<N>`) and reuse them next time when they already hold N
   * items: the load (and `es_bulk_docs_per_s`) is then skipped. @defaultValue false
   */
  keep?: boolean;
  /** Progress lines. @defaultValue stderr */
  log?: (line: string) => void;
  /** Measure the bulk load only (no queries, no SQLite). @defaultValue false */
  loadOnly?: boolean;
  /** Overrides of {@link BULK_LOAD_SETTINGS}, to measure one lever at a time. */
  load?: BulkLoadOverrides;
}

/** Partial {@link BULK_LOAD_SETTINGS}; `index` and `bulk` are merged key by key. */
export interface BulkLoadOverrides {
  refresh?: false | 'wait_for';
  index?: Record<string, unknown>;
  bulk?: Record<string, unknown>;
  upsertBatch?: number;
  upsertCallsInFlight?: number;
}

/**
 * What a real bulk load would set, and what the bench uses: no per-request refresh (visibility is
 * left to the refresh interval), a 30 s refresh interval during the load, no replicas (one node),
 * 5,000-item `upsertItems` calls (the `index` job's batch) with two calls in flight, each split
 * into bulk requests of ≤ 2,000 docs / 10 MiB, two requests in flight per call.
 */
export const BULK_LOAD_SETTINGS = {
  refresh: false as const,
  index: { replicas: 0, refreshInterval: '30s' },
  bulk: { maxDocs: 2000, maxBytes: 10 * 1024 * 1024, concurrency: 2 },
  upsertBatch: 5000,
  upsertCallsInFlight: 2,
  warmupShare: 0.05,
};


const TO = BENCH_END;
const FROM = new Date(Date.parse(TO) - 30 * 86_400_000).toISOString();
const DAY = { from: FROM, to: TO, interval: 'day' as const, timeZone: 'Asia/Ho_Chi_Minh' };

/** The dashboard's accent-free searches with filters (the same mix as bench/api-bench.ts). */
const SEARCHES: SearchQuery[] = [
  { text: 'duong sat toc do cao' },
  { text: 'giai ngan von dau tu cong', from: FROM, to: TO },
  { text: 'nha o xa hoi', sentiments: ['negative'] },
  { text: 'tham nhung', topics: ['anti_corruption'], from: FROM, to: TO },
  { text: 'sat lo bo song', provinces: ['dong-thap'] },
  { text: 'Đường sắt', tiers: ['central'], from: FROM, to: TO },
  { text: 'chuyen doi so cap xa', sourceIds: ['outlet-3', 'outlet-25'] },
  { text: 'bao hiem xa hoi tu nguyen', from: FROM, to: TO, sentiments: ['positive'], topics: ['social_security'] },
];

/** The overview screen: 30-day count plus day × topic and day × sentiment series, in parallel. */
const overview = (store: Store) =>
  Promise.all([store.countItems({ from: FROM, to: TO }), store.series({ ...DAY, by: 'topic' }), store.series({ ...DAY, by: 'sentiment' })]);

/**
 * Load `items` generated items into a fresh index set on `url` through the store's upsert path,
 * then time the dashboard's queries there and on the SQLite bench DB of the same items.
 *
 * @returns figures: `es_items`, `es_bulk_docs_per_s` (steady state), `es_load_docs_per_s` (whole
 *   load), `es_load_s`, `{es,sqlite}_{overview,search,count_30d,series_topic,series_sentiment}_{p50,p95}_ms`,
 *   and `es_sqlite_answer_mismatches` (0 = same answers). Load figures are absent when a kept index is reused.
 */
export async function benchElasticsearch(opts: EsBenchOptions): Promise<Record<string, number>> {
  const log = opts.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const runs = opts.runs ?? 30;
  const prefix = opts.keep ? `bench-es-${opts.items}` : `bench-es-${randomUUID().slice(0, 8)}`;
  const figures: Record<string, number> = { es_items: opts.items };
  const admin = new Client({ node: opts.url, requestTimeout: 600_000 });
  const load = mergeLoadSettings(opts.load);
  log(`es load settings: ${JSON.stringify(load)}`);
  const es = createElasticsearchStore({ node: opts.url, indexPrefix: prefix, refresh: load.refresh, index: load.index, bulk: load.bulk });
  let sqlite: Store | null = null;
  try {
    await es.init();
    const already = await es.countItems();
    if (opts.keep && already === opts.items) log(`es: reusing ${prefix}-* with ${already} items (load and bulk figure skipped)`);
    else {
      if (already > 0) throw new Error(`es-bench: ${prefix}-* already holds ${already} items, not ${opts.items}; delete those indices first`);
      Object.assign(figures, await bulkLoad(es, admin, opts.items, load, log));
    }
    await admin.indices.putSettings({ index: `${prefix}-items-*`, settings: { refresh_interval: '1s' } });
    await admin.indices.refresh({ index: `${prefix}-items-*` });
    const segments = await admin.cat.segments({ index: `${prefix}-items-*`, format: 'json' });
    log(`es: ${await es.countItems()} items searchable in ${segments.length} segments`);

    if (opts.loadOnly) return figures;
    const sqlitePath = opts.sqlitePath === undefined ? defaultSqlitePath(opts.items) : opts.sqlitePath;
    if (sqlitePath) sqlite = await openSqlite(sqlitePath, opts.items, log);
    // Identical size-0 requests are answered from the shard request cache; a dashboard whose
    // window moves, or whose indices refresh, misses it. Clearing it before every sample (outside
    // the timing) makes each Elasticsearch figure a real computation, as SQLite's are.
    const clearRequestCache = async () => {
      await admin.indices.clearCache({ index: `${prefix}-items-*`, request: true });
    };
    Object.assign(figures, await compareQueries({ es, ...(sqlite ? { sqlite } : {}) }, runs, log, { es: clearRequestCache }));
  } finally {
    if (sqlite) await sqlite.close();
    await es.close();
    if (!opts.keep) {
      await admin.indices.delete({ index: `${prefix}-*` }).catch(() => undefined);
      await admin.indices.deleteIndexTemplate({ name: `${prefix}-items` }).catch(() => undefined);
    }
    await admin.close();
  }
  return figures;
}

type LoadSettings = typeof BULK_LOAD_SETTINGS;

function mergeLoadSettings(over: BulkLoadOverrides = {}): LoadSettings {
  const base = BULK_LOAD_SETTINGS;
  return {
    ...base,
    ...over,
    index: { ...base.index, ...over.index },
    bulk: { ...base.bulk, ...over.bulk },
  } as LoadSettings;
}

/** CPU milliseconds used so far by the node's JVM (all of it: the bench's node is dedicated). */
async function nodeCpuMs(admin: Client): Promise<number> {
  const stats = await admin.nodes.stats({ node_id: '_local', metric: 'process' });
  const node = Object.values(stats.nodes)[0];
  return node?.process?.cpu?.total_in_millis ?? Number.NaN;
}

/** Sequential generation (as the fixture does), `upsertCallsInFlight` upsert calls overlapping. */
async function bulkLoad(es: ElasticsearchStore, admin: Client, total: number, load: LoadSettings, log: (s: string) => void): Promise<Record<string, number>> {
  const random = createRng(FIXTURE_SEED);
  const { upsertBatch, upsertCallsInFlight, warmupShare } = load;
  const warmupDocs = Math.floor(total * warmupShare);
  const started = performance.now();
  let done = 0;
  let steadyFrom: { t: number; docs: number } | null = null;
  let nextLog = 50_000;
  let retries = 0;
  let steadyCpu: { client: NodeJS.CpuUsage; nodeMs: number } | null = null;
  const inFlight = new Set<Promise<void>>();
  for (let n = 0; n < total; n += upsertBatch) {
    const chunk: Item[] = [];
    for (let k = n; k < Math.min(total, n + upsertBatch); k++) chunk.push(benchItem(k, total, random));
    const call: Promise<void> = upsertLikeTheIndexJob(es, chunk, log, () => (retries += 1)).then((result) => {
      if (result.errors.length > 0) throw new Error(`es-bench upsert: ${result.errors.length} errors, first: ${JSON.stringify(result.errors[0])}`);
      // A retried batch finds its already-written items unchanged; together they must be the whole batch.
      if (result.inserted + result.unchanged !== chunk.length) throw new Error(`es-bench upsert: ${result.inserted} inserted + ${result.unchanged} unchanged of ${chunk.length} (ids collided?)`);
      done += chunk.length;
      if (!steadyFrom && done >= warmupDocs) {
        steadyFrom = { t: performance.now(), docs: done };
        void nodeCpuMs(admin).then((ms) => (steadyCpu = { client: process.cpuUsage(), nodeMs: ms }));
      }
      if (done >= nextLog) {
        const s = (performance.now() - started) / 1000;
        log(`  es load: ${done} items in ${Math.round(s)} s (${Math.round(done / s)} docs/s)`);
        nextLog += 50_000;
      }
      inFlight.delete(call);
    });
    inFlight.add(call);
    if (inFlight.size >= upsertCallsInFlight) await Promise.race(inFlight);
  }
  await Promise.all(inFlight);
  const end = performance.now();
  const seconds = (end - started) / 1000;
  const steady = steadyFrom as { t: number; docs: number } | null;
  const steadyRate = steady && end > steady.t ? (done - steady.docs) / ((end - steady.t) / 1000) : done / seconds;
  log(`es load: ${done} items in ${Math.round(seconds)} s; overall ${Math.round(done / seconds)} docs/s, steady state ${Math.round(steadyRate)} docs/s`);
  const figures: Record<string, number> = { es_bulk_docs_per_s: Math.round(steadyRate), es_load_docs_per_s: Math.round(done / seconds), es_load_s: Math.round(seconds), es_load_batch_retries: retries };
  // CPU split over the steady state: on a shared 2-core machine the wall rate measures the
  // neighbours too; CPU per document measures the code (client) and the node.
  const cpuAtStart = steadyCpu as { client: NodeJS.CpuUsage; nodeMs: number } | null;
  if (steady && cpuAtStart) {
    const docs = done - steady.docs;
    const client = process.cpuUsage(cpuAtStart.client);
    const clientMs = (client.user + client.system) / 1000;
    const nodeMs = (await nodeCpuMs(admin)) - cpuAtStart.nodeMs;
    const wallS = (end - steady.t) / 1000;
    figures.es_bulk_client_cpu_ms_per_doc = round(clientMs / docs, 4);
    figures.es_bulk_node_cpu_ms_per_doc = round(nodeMs / docs, 4);
    figures.es_bulk_cores_used = round((clientMs + nodeMs) / 1000 / wallS, 2);
    // What 2 cores would index if the bench had them to itself: 2000 ms of CPU per second.
    figures.es_bulk_docs_per_cpu2_s = Math.round(2000 / ((clientMs + nodeMs) / docs));
    log(`es load CPU (steady state): client ${figures.es_bulk_client_cpu_ms_per_doc} ms/doc, node ${figures.es_bulk_node_cpu_ms_per_doc} ms/doc, ${figures.es_bulk_cores_used} cores used → ${figures.es_bulk_docs_per_cpu2_s} docs/s per 2 CPU-seconds`);
  }
  return figures;
}

/**
 * `upsertItems`, retried as the `index` queue retries a failed job: the store throws when a whole
 * request is refused (e.g. 429 `circuit_breaking_exception` on its id look-up when a 1 GB heap is
 * full), and upserts by id are idempotent, so the whole batch is simply sent again after a pause.
 */
async function upsertLikeTheIndexJob(es: ElasticsearchStore, chunk: Item[], log: (s: string) => void, onRetry: () => void) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await es.upsertItems(chunk);
    } catch (error) {
      const status = (error as { meta?: { statusCode?: number } }).meta?.statusCode;
      if (attempt >= 6 || (status !== 429 && status !== 503)) throw error;
      onRetry();
      log(`  es load: batch refused (HTTP ${status}: ${(error as Error).message.slice(0, 160)}); retry ${attempt} in ${2 ** attempt} s`);
      await new Promise((resolve) => setTimeout(resolve, 2 ** attempt * 1000));
    }
  }
}

function defaultSqlitePath(items: number): string {
  return `data/bench/items-${items >= 1_000_000 ? `${items / 1_000_000}m` : items}.db`;
}

/** The cached SQLite bench DB (generated when missing), migrated once, then opened read-only. */
async function openSqlite(path: string, items: number, log: (s: string) => void): Promise<Store> {
  const corpus = await ensureBenchDb(path, items, log);
  log(`sqlite: ${path} (${corpus.cached ? 'cached' : `generated in ${Math.round(corpus.seconds)} s`})`);
  const writer = createSqliteStore({ path });
  await writer.init();
  await writer.close();
  const store = createSqliteStore({ path, readonly: true });
  await store.init();
  return store;
}

type Engines = { es: Store; sqlite?: Store };

/** Time each query kind `runs` times per engine, engines alternating; compare their answers. */
async function compareQueries(
  engines: Engines,
  runs: number,
  log: (s: string) => void,
  beforeSample: Partial<Record<keyof Engines, () => Promise<void>>> = {},
): Promise<Record<string, number>> {
  const kinds: [string, number, (store: Store, i: number) => Promise<unknown>][] = [
    ['count_30d', runs, (s) => s.countItems({ from: FROM, to: TO })],
    ['series_topic', runs, (s) => s.series({ ...DAY, by: 'topic' })],
    ['series_sentiment', runs, (s) => s.series({ ...DAY, by: 'sentiment' })],
    ['overview', runs, (s) => overview(s)],
    ['search', runs * 2, (s, i) => s.search({ ...SEARCHES[i % SEARCHES.length]!, limit: 20 })],
  ];
  const figures: Record<string, number> = {};
  const names = Object.keys(engines) as (keyof Engines)[];
  log(`queries (30-day window to ${TO}; search = ${SEARCHES.length} accent-free queries with filters, limit 20):`);
  log(`  ${'query'.padEnd(18)}${names.map((n) => `${n} p50 / p95 ms`.padStart(26)).join('')}`);
  for (const [kind, n, run] of kinds) {
    const samples: Record<string, number[]> = {};
    for (const name of names) await run(engines[name]!, 0); // warm-up, not counted
    for (let i = 0; i < n; i++) {
      for (const name of names) {
        await beforeSample[name]?.();
        const t = performance.now();
        await run(engines[name]!, i);
        (samples[name] ??= []).push(performance.now() - t);
      }
    }
    const cells = names.map((name) => {
      const p50 = round(percentile(samples[name]!, 50));
      const p95 = round(percentile(samples[name]!, 95));
      figures[`${name}_${kind}_p50_ms`] = p50;
      figures[`${name}_${kind}_p95_ms`] = p95;
      return `${p50} / ${p95}`.padStart(26);
    });
    log(`  ${kind.padEnd(18)}${cells.join('')}`);
    if (kind === 'search') {
      SEARCHES.forEach((q, k) => {
        const own = (name: string) => samples[name]!.filter((_, i) => i % SEARCHES.length === k);
        log(`    #${k + 1} ${JSON.stringify(q).slice(0, 60).padEnd(60)}${names.map((name) => `${name} p50 ${round(percentile(own(name), 50))} ms`.padStart(22)).join('')}`);
      });
    }
  }
  if (engines.sqlite) figures.es_sqlite_answer_mismatches = await countMismatches(engines.es, engines.sqlite, log);
  return figures;
}

/** Same question, same answer? Counts, series buckets and search totals. */
async function countMismatches(es: Store, sqlite: Store, log: (s: string) => void): Promise<number> {
  const checks: [string, (s: Store) => Promise<unknown>][] = [
    ['count all', (s) => s.countItems()],
    ['count 30d', (s) => s.countItems({ from: FROM, to: TO })],
    ['series topic', (s) => s.series({ ...DAY, by: 'topic' })],
    ['series sentiment', (s) => s.series({ ...DAY, by: 'sentiment' })],
    ...SEARCHES.map((q, i): [string, (s: Store) => Promise<unknown>] => [
      `search #${i + 1} total`,
      async (s) => (await s.search({ ...q, limit: 20 })).total,
    ]),
  ];
  let mismatches = 0;
  for (const [name, ask] of checks) {
    const [a, b] = [JSON.stringify(await ask(es)), JSON.stringify(await ask(sqlite))];
    if (a !== b) {
      mismatches += 1;
      log(`  answer differs, ${name}: es ${a.slice(0, 120)} vs sqlite ${b.slice(0, 120)}`);
    }
  }
  log(`answers compared: ${checks.length - mismatches} of ${checks.length} identical`);
  return mismatches;
}

if (process.argv[1]?.endsWith('es-bench.ts')) {
  const { parseArgs } = await import('node:util');
  const { values } = parseArgs({
    options: { url: { type: 'string' }, items: { type: 'string', default: '1000000' }, runs: { type: 'string', default: '30' }, keep: { type: 'boolean', default: false }, load: { type: 'string' }, 'load-only': { type: 'boolean', default: false }, 'no-sqlite': { type: 'boolean', default: false }, sqlite: { type: 'string' } },
  });
  const url = values.url ?? process.env.ELASTICSEARCH_URL;
  if (!url) throw new Error('es-bench: pass --url or set ELASTICSEARCH_URL');
  const figures = await benchElasticsearch({ url, items: Number(values.items), runs: Number(values.runs), keep: values.keep, loadOnly: values['load-only'], ...(values.load ? { load: JSON.parse(values.load) as BulkLoadOverrides } : {}), ...(values['no-sqlite'] ? { sqlitePath: null } : values.sqlite ? { sqlitePath: values.sqlite } : {}) });
  process.stdout.write(`${JSON.stringify(figures)}\n`);
}
