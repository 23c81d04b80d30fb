import type { Command } from 'commander';
import { SingleBar, Presets } from 'cli-progress';
import { loadAnalyser } from '../../app/load-analyser.js';
import { createLogger } from '../../core/logger.js';
import { createHttpFetcher } from '../../http/fetcher.js';
import { crawlOnce } from '../../pipeline/crawl-once.js';
import { openStore } from '../../store/open-store.js';
import { loadCliConfig } from '../load-config.js';

/** `pulse crawl <source>`: poll one source once and store its new articles, with a progress bar. */
export function registerCrawl(program: Command): void {
  program
    .command('crawl')
    .description('thu thập một nguồn một lần / crawl one source once (no queues)')
    .argument('<sourceId>', 'source id from sources.yaml')
    .action(async (sourceId: string) => {
      const { env, sources } = loadCliConfig();
      const source = sources.find((s) => s.id === sourceId);
      if (!source) throw new Error(`unknown source "${sourceId}"; known: ${sources.map((s) => s.id).join(', ')}`);
      const store = await openStore(env);
      await store.init();
      const fetcher = createHttpFetcher({ userAgent: env.PULSE_USER_AGENT });
      const bar = new SingleBar({ format: 'Tải bài / fetching |{bar}| {value}/{total}' }, Presets.shades_classic);
      let started = false;
      try {
        const analyser = await loadAnalyser(env, createLogger('warn'));
        const res = await crawlOnce(source, {
          fetcher, store, analyser,
          onProgress: (done, total) => {
            if (!started && process.stderr.isTTY) { bar.start(total, 0); started = true; }
            if (started) bar.update(done);
          },
        });
        if (started) bar.stop();
        process.stdout.write(
          `${source.id}: ${res.status}, ${res.entries} mục / entries, ${res.new} mới / new, ${res.stored} lưu / stored, ` +
            `${res.partial} chỉ tóm tắt / partial, ${res.errors.length} lỗi / errors\n`,
        );
        for (const e of res.errors) process.stdout.write(`  ! ${e.url}: ${e.reason}\n`);
      } finally {
        if (started) bar.stop();
        await fetcher.close();
        await store.close();
      }
    });
}
