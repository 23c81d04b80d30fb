/**
 * `npm run bench [-- --json] [-- --only extract,e2e,analyse] [-- --articles 3000]`
 * `npm run bench -- --only es [--es-items 1000000] [--es-runs 30] [--es-keep]`: Elasticsearch bulk
 * load and dashboard query latency beside SQLite (bench/es-bench.ts); uses ELASTICSEARCH_URL, or
 * starts the test node on ES_TEST_PORT (9270) and stops it afterwards.
 *
 * Throughput and memory of the pipeline. A benchmark, not a test: it prints figures and writes
 * docs/BENCHMARKS.md; it asserts nothing. With --json the last line is one JSON object of figures
 * (names from DESIGN.md §9); a figure not measured is absent.
 */
import { parseArgs } from 'node:util';
import { cpus } from 'node:os';
import { ensureRedis } from '../src/redis/private-redis.js';
import { benchEndToEnd, benchExtraction } from './pipeline-bench.js';
import { writeBenchmarksDoc } from './lib/benchmarks-doc.js';

const { values } = parseArgs({
  options: {
    json: { type: 'boolean', default: false },
    only: { type: 'string' },
    articles: { type: 'string', default: '2000' },
    'no-doc': { type: 'boolean', default: false },
    'es-items': { type: 'string', default: '1000000' },
    'es-runs': { type: 'string', default: '30' },
    'es-keep': { type: 'boolean', default: false },
  },
});
const only = new Set((values.only ?? 'extract,e2e,analyse').split(',').map((s) => s.trim()));
const figures: Record<string, number> = {};
const log = (msg: string) => process.stdout.write(msg + '\n');

log(`policy-pulse bench — node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}`);

if (only.has('extract')) {
  const f = await benchExtraction();
  Object.assign(figures, f);
  log(`extract: ${f.extract_pages_per_s_per_core} pages/s per core (avg page ${f.extract_page_kb_avg} KB); feeds: ${f.feed_parse_per_s_per_core} feeds/s per core`);
}
if (only.has('analyse')) {
  const { benchAnalyse } = await import('./analyse-figures.js');
  const f = await benchAnalyse();
  Object.assign(figures, f);
  log(`analyse: ${f.analyse_articles_per_s_per_core} articles/s per core (avg text ${f.analyse_article_kb_avg} KB), analyser heap ${f.analyse_heap_mb} MB`);
}
if (only.has('e2e')) {
  const redis = await ensureRedis({ redisUrl: process.env.REDIS_URL, dataDir: 'data/bench' });
  try {
    const f = await benchEndToEnd({ articles: Number(values.articles), redisUrl: redis.url, analyser: true });
    Object.assign(figures, f);
    log(`e2e: ${f.e2e_articles} articles in ${f.e2e_seconds} s = ${f.e2e_articles_per_s} articles/s (Redis + SQLite + NLP, one process); peak RSS ${f.peak_rss_mb} MB`);
  } finally {
    await redis.stop();
  }
}
if (only.has('es')) {
  const { benchElasticsearchWithNode } = await import('./es-bench-node.js');
  const f = await benchElasticsearchWithNode({ items: Number(values['es-items']), runs: Number(values['es-runs']), keep: values['es-keep'] });
  Object.assign(figures, f);
  log(`es: bulk ${f.es_bulk_docs_per_s ?? '(reused index)'} docs/s; ${f.es_items} items — overview p95 es ${f.es_overview_p95_ms} ms vs sqlite ${f.sqlite_overview_p95_ms} ms; search p95 es ${f.es_search_p95_ms} ms vs sqlite ${f.sqlite_search_p95_ms} ms`);
}
if (!values['no-doc']) writeBenchmarksDoc(figures);
if (values.json) log(JSON.stringify(figures));
