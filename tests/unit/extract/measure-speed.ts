/**
 * Extraction throughput on the hand-written fixtures, each padded to a realistic 30–60 KB
 * (more sidebar links, comments and inline script, as real pages carry), on one core.
 * Run: npx tsx tests/unit/extract/measure-speed.ts [seconds]
 */
import { readdirSync, readFileSync } from 'node:fs';
import { extractArticle } from '../../../src/extract/article.js';

const dir = new URL('../../fixtures/pages/articles/', import.meta.url);
const pages = readdirSync(dir)
  .filter((f) => f.endsWith('.html') && !f.startsWith('not-'))
  .map((f) => padToRealisticSize(readFileSync(new URL(f, dir), 'utf8')));

function padToRealisticSize(html: string): string {
  const filler: string[] = [];
  for (let i = 0; filler.join('').length + html.length < 45_000; i++) {
    filler.push(
      `<div class="box-category item-news" id="news-${i}"><h3 class="title-news"><a href="/tin-${i}.html" title="Tin số ${i}">Tin tức số ${i}: cập nhật diễn biến mới nhất trong ngày về chính sách</a></h3>` +
        `<p class="description"><a href="/tin-${i}.html">Mô tả ngắn của tin ${i}, kèm theo đường dẫn và ảnh minh họa.</a></p><img src="/thumb/${i}.jpg" alt=""></div>`,
      `<script>window.__ads_${i}={slot:"${i}",sizes:[[300,250],[300,600]],targeting:{section:"thoi-su",pos:${i}}};</script>`,
    );
  }
  return html.replace('</body>', `<aside class="sidebar-2 box-xemnhieu">${filler.join('\n')}</aside></body>`);
}

const seconds = Number(process.argv[2] ?? 3);
const bytes = pages.reduce((n, p) => n + p.length, 0) / pages.length;
for (let i = 0; i < 200; i++) extractArticle(pages[i % pages.length]!, 'https://example.vn/a.html');
// CPU time per chunk of 100 pages, not wall time: on a shared machine wall time measures the
// neighbours too. The best chunk is the closest to an idle core; the median is reported beside it.
const chunks: number[] = [];
const start = process.hrtime.bigint();
let count = 0;
while (Number(process.hrtime.bigint() - start) / 1e9 < seconds) {
  const cpu = process.cpuUsage();
  for (let i = 0; i < 100; i++) extractArticle(pages[count++ % pages.length]!, 'https://example.vn/a.html');
  const used = process.cpuUsage(cpu);
  chunks.push(100 / ((used.user + used.system) / 1e6));
}
chunks.sort((a, b) => a - b);
const median = chunks[Math.floor(chunks.length / 2)]!;
const best = chunks[chunks.length - 1]!;
console.log(
  `${pages.length} pages, mean ${(bytes / 1024).toFixed(1)} KB: median ${median.toFixed(0)}, best ${best.toFixed(0)} pages per CPU-second on one core ` +
    `(${count} pages in ${chunks.length} chunks)`,
);
