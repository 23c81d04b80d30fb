import type { Command } from 'commander';
import { SingleBar, Presets } from 'cli-progress';
import { runDemo } from '../../app/run-demo.js';
import { loadEnv } from '../../config/env.js';
import { printTable } from '../table.js';

/** `pulse demo`: the offline demo (local press server + whole pipeline), no internet needed. */
export function registerDemo(program: Command): void {
  program
    .command('demo')
    .description('chạy thử ngoại tuyến / offline demo: local press server + the whole pipeline')
    .option('--keep', 'keep running after the first crawl (Ctrl+C to stop)')
    .action(async (o: { keep?: boolean }) => {
      const env = loadEnv({ LOG_LEVEL: 'warn', ...process.env });
      const bar = new SingleBar({ format: 'Lưu bài / storing |{bar}| {value} bài / items, {pending} việc chờ / jobs pending' }, Presets.shades_classic);
      bar.start(400, 0, { pending: 0 });
      const run = await runDemo({ env, serve: o.keep === true, onTick: (stored, pending) => bar.update(stored, { pending }) }).finally(() => bar.stop());
      const { ctx } = run.booted;
      const health = await ctx.store.listSourceHealth();
      const partial = run.stored - (await ctx.store.countItems({ includePartial: false }));
      process.stdout.write(
        `\nĐã lưu / stored ${run.stored} bài / articles from ${health.length} nguồn / sources in ${(run.elapsedMs / 1000).toFixed(1)} s ` +
          `(${partial} partial). Press server: ${run.press.url}\n\n`,
      );
      printTable(health.map((h) => ({ source: h.sourceId, status: h.lastStatus, items: h.itemsTotal, error: (h.lastError ?? '').slice(0, 60) })));
      const sample = await ctx.store.search({ text: 'duong sat', limit: 5 });
      process.stdout.write(`\nTìm "duong sat" (không dấu) / accent-free search: ${sample.total} kết quả / results\n`);
      for (const h of sample.hits) process.stdout.write(`  - ${h.item.title} (${h.item.sourceName})\n`);
      process.stdout.write(`\nDữ liệu / data: ${ctx.env.PULSE_SQLITE_PATH}\n`);
      if (o.keep) {
        if (run.booted.serverUrl) process.stdout.write(`Bảng điều khiển / dashboard: ${run.booted.serverUrl}\n`);
        process.stdout.write('Đang chạy tiếp / still running — Ctrl+C to stop.\n');
        for (const sig of ['SIGINT', 'SIGTERM'] as const) process.once(sig, () => void run.stop().then(() => process.exit(0)));
        return;
      }
      process.stdout.write('Xem bảng điều khiển / browse the dashboard: npm run demo -- --keep\n');
      await run.stop();
    });
}
