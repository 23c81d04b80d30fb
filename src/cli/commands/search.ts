import type { Command } from 'commander';
import { loadEnv } from '../../config/env.js';
import type { SentimentLabel } from '../../core/item.js';
import { openStore } from '../../store/open-store.js';
import type { SearchQuery } from '../../store/store.js';
import { printTable } from '../table.js';

const list = (v?: string) => (v ? v.split(',').map((s) => s.trim()).filter(Boolean) : undefined);

/** `pulse search <text>`: accent-insensitive full-text search with filters. */
export function registerSearch(program: Command): void {
  program
    .command('search')
    .description('tìm kiếm (không cần dấu) / search, accents optional: `pulse search "duong sat"`')
    .argument('[text]', 'words to find')
    .option('--from <date>', 'published on/after (ISO date)')
    .option('--to <date>', 'published before (ISO date)')
    .option('--source <ids>', 'comma-separated source ids')
    .option('--topic <ids>', 'comma-separated topic ids')
    .option('--sentiment <labels>', 'positive,negative,neutral')
    .option('--limit <n>', 'rows', '20')
    .option('--json', 'print JSON')
    .action(async (text: string | undefined, o: Record<string, string | boolean | undefined>) => {
      const env = loadEnv();
      const store = await openStore(env);
      await store.init();
      try {
        const q: SearchQuery = { limit: Number(o.limit ?? 20) };
        if (text) q.text = text;
        if (typeof o.from === 'string') q.from = new Date(o.from).toISOString();
        if (typeof o.to === 'string') q.to = new Date(o.to).toISOString();
        const sources = list(o.source as string | undefined);
        if (sources) q.sourceIds = sources;
        const topics = list(o.topic as string | undefined);
        if (topics) q.topics = topics;
        const sentiments = list(o.sentiment as string | undefined);
        if (sentiments) q.sentiments = sentiments as SentimentLabel[];
        const res = await store.search(q);
        if (o.json) {
          process.stdout.write(JSON.stringify(res, null, 2) + '\n');
          return;
        }
        process.stdout.write(`${res.total} kết quả / results\n`);
        printTable(
          res.hits.map((h) => ({
            published: h.item.publishedAt.slice(0, 16),
            source: h.item.sourceId,
            sentiment: h.item.labels?.sentiment.label ?? '',
            title: h.item.title.slice(0, 90),
          })),
        );
      } finally {
        await store.close();
      }
    });
}
