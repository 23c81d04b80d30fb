import type { Command } from 'commander';
import { Presets, SingleBar } from 'cli-progress';
import { loadAnalyser } from '../../app/load-analyser.js';
import { loadEnv } from '../../config/env.js';
import { createLogger } from '../../core/logger.js';
import { reanalyseStore } from '../../pipeline/reanalyse.js';
import { openStore } from '../../store/open-store.js';

/** `pulse reanalyse`: re-label stored items after a lexicon/taxonomy/model change, with a progress bar. */
export function registerReanalyse(program: Command): void {
  program
    .command('reanalyse')
    .description('phân tích lại các bài đã lưu / re-run NLP over stored items')
    .option('--from <date>', 'only items published on/after (ISO date)')
    .option('--to <date>', 'only items published before (ISO date)')
    .action(async (o: { from?: string; to?: string }) => {
      const env = loadEnv();
      const store = await openStore(env);
      await store.init();
      const bar = new SingleBar({ format: 'Phân tích lại / re-analysing |{bar}| {value}/{total}' }, Presets.shades_classic);
      try {
        const analyser = await loadAnalyser(env, createLogger('warn'));
        let started = false;
        const res = await reanalyseStore(store, analyser, {
          ...(o.from ? { from: new Date(o.from).toISOString() } : {}),
          ...(o.to ? { to: new Date(o.to).toISOString() } : {}),
          onProgress: (done, total) => {
            if (!started) { bar.start(total, 0); started = true; }
            bar.update(done);
          },
        });
        bar.stop();
        process.stdout.write(`${res.total} bài / items: ${res.updated} cập nhật / updated, ${res.unchanged} không đổi / unchanged, ${res.errors.length} lỗi / errors\n`);
        for (const e of res.errors.slice(0, 20)) process.stdout.write(`  ! ${e.id}: ${e.reason}\n`);
      } finally {
        bar.stop();
        await store.close();
      }
    });
}
