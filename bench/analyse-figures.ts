import { buildDemoCorpus } from '../src/demo/corpus.js';
import { createAnalyser } from '../src/nlp/analyse.js';
import { round } from './lib/measure.js';

/**
 * The analyse stage (normalise, segment, topics, sentiment, entities, simhash + story lookup) on
 * one core over ~3 KB articles (each demo article's text topped up with the next articles'
 * paragraphs, as the issue sizes them); analyser memory as the heap (and resident memory) it adds once loaded.
 */
export async function benchAnalyse(): Promise<{ analyse_articles_per_s_per_core: number; analyse_article_kb_avg: number; analyse_heap_mb: number }> {
  const corpus = buildDemoCorpus({ articles: 1000 });
  const all = corpus.articles;
  const items = all.map((a, i) => {
    const paragraphs = [...a.paragraphs];
    for (let k = 1; Buffer.byteLength(paragraphs.join('\n\n')) < 2_800; k++) paragraphs.push(...all[(i + k) % all.length]!.paragraphs);
    return { id: a.id, title: a.title, lead: a.lead, text: paragraphs.join('\n\n'), publishedAt: a.publishedAt };
  });
  (globalThis as { gc?: () => void }).gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  const analyser = createAnalyser({ configDir: 'config' });
  analyser.analyse(items[0]!);
  (globalThis as { gc?: () => void }).gc?.();
  // Heap, not RSS: after the other benches in this process RSS can shrink while the analyser loads.
  const heapMb = (process.memoryUsage().heapUsed - heapBefore) / 1024 / 1024;
  // One untimed pass first: the figure is the steady state of a long-running analyse worker, not
  // the JIT compiling the stages (which, inside a 4 s window, cost a quarter to a third of it).
  for (const it of items) analyser.analyse(it);
  // CPU time, not wall time: on a shared machine wall time measures the neighbours.
  const cpu0 = process.cpuUsage();
  let done = 0;
  const t0 = performance.now();
  while (performance.now() - t0 < 4_000) {
    for (const it of items) analyser.analyse(it);
    done += items.length;
  }
  const cpu = process.cpuUsage(cpu0);
  const res = { perSecond: done / ((cpu.user + cpu.system) / 1e6) };
  const kb = items.reduce((a, it) => a + Buffer.byteLength(it.title + it.lead + it.text), 0) / items.length / 1024;
  return { analyse_articles_per_s_per_core: round(res.perSecond, 0), analyse_article_kb_avg: round(kb), analyse_heap_mb: round(heapMb) };
}
