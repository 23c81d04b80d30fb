/**
 * `npx tsx bench/analyse-bench.ts [--json] [--articles N]`: the whole analyse stage (normalise,
 * topics + model, policies, sentiment, entities, SimHash + story lookup) on one core, over
 * ~3 KB articles assembled deterministically from the labelled topic set's headlines and leads.
 * Prints articles/s and the memory the analyser holds (heap and RSS growth once loaded).
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { createAnalyser } from '../src/nlp/analyse.js';

const { values } = parseArgs({ options: { json: { type: 'boolean', default: false }, articles: { type: 'string', default: '3000' } } });
const count = Number(values.articles);
const gold = readFileSync('tests/fixtures/nlp/topics.jsonl', 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((l) => JSON.parse(l) as { title: string; lead: string });

/** Deterministic article of about 3 KB: one headline, one lead, paragraphs of other leads. */
function article(i: number) {
  const pick = (k: number) => gold[(i * 7919 + k * 104729) % gold.length] as { title: string; lead: string };
  const paragraphs: string[] = [];
  let bytes = 0;
  for (let k = 1; bytes < 2800; k++) {
    const p = `${pick(k).lead} ${pick(k + 50).lead}`;
    paragraphs.push(p);
    bytes += Buffer.byteLength(p) + 2;
  }
  return { id: `bench-${i}`, title: pick(0).title, lead: pick(0).lead, text: paragraphs.join('\n\n'), publishedAt: new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString() };
}

const items = Array.from({ length: count }, (_, i) => article(i));
const avgKb = items.reduce((a, it) => a + Buffer.byteLength(it.title + it.lead + it.text), 0) / items.length / 1024;
const rssBefore = process.memoryUsage().rss;
const heapBefore = process.memoryUsage().heapUsed;
const analyser = createAnalyser();
for (let i = 0; i < 200; i++) analyser.analyse({ ...(items[i % items.length] as (typeof items)[number]), id: `warm-${i}` });
const loadedRss = (process.memoryUsage().rss - rssBefore) / 1024 / 1024;
const loadedHeap = (process.memoryUsage().heapUsed - heapBefore) / 1024 / 1024;
const t0 = process.hrtime.bigint();
const cpu0 = process.cpuUsage();
for (const it of items) analyser.analyse(it);
const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
const cpu = process.cpuUsage(cpu0);
// The stage is single-threaded: CPU seconds are its cost on one core even when the machine is
// shared (wall-clock throughput is also printed; it drops with the load average).
const cpuSeconds = (cpu.user + cpu.system) / 1e6;
const figures = {
  analyse_articles_per_s_per_core: Math.round(count / cpuSeconds),
  analyse_articles_per_s_wall: Math.round(count / seconds),
  analyse_article_kb_avg: Math.round(avgKb * 100) / 100,
  analyser_heap_mb: Math.round(loadedHeap * 10) / 10,
  analyser_rss_growth_mb: Math.round(loadedRss * 10) / 10,
  peak_rss_mb: Math.round(process.memoryUsage().rss / 1024 / 1024),
};
console.log(`analyse: ${figures.analyse_articles_per_s_per_core} articles/s per core by CPU time, ${figures.analyse_articles_per_s_wall}/s wall (${count} articles, avg ${figures.analyse_article_kb_avg} KB); analyser heap ${figures.analyser_heap_mb} MB, RSS growth ${figures.analyser_rss_growth_mb} MB, peak RSS ${figures.peak_rss_mb} MB`);
if (values.json) console.log(JSON.stringify(figures));
