import type { Command } from 'commander';
import { loadEnv } from '../../config/env.js';
import { loadSources } from '../../config/load-sources.js';
import { openStore } from '../../store/open-store.js';
import { printTable } from '../table.js';

/** `pulse sources check|validate`: per-source health, and config validation. */
export function registerSources(program: Command): void {
  const sources = program.command('sources').description('nguồn tin / sources');
  sources
    .command('validate')
    .description('validate config/sources.yaml and list the sources')
    .action(() => {
      const env = loadEnv();
      const file = loadSources(env.PULSE_CONFIG_DIR);
      printTable(file.sources.map((s) => ({ id: s.id, kind: s.kind, tier: s.tier, enabled: s.enabled, url: s.url })));
      process.stdout.write(`OK: ${file.sources.length} sources\n`);
    });
  sources
    .command('check')
    .description('last fetch, status, items, errors and next poll of every source')
    .option('--json', 'print JSON')
    .action(async (o: { json?: boolean }) => {
      const env = loadEnv();
      const file = loadSources(env.PULSE_CONFIG_DIR);
      const store = await openStore(env);
      await store.init();
      try {
        const health = new Map((await store.listSourceHealth()).map((h) => [h.sourceId, h]));
        const rows = file.sources.map((s) => {
          const h = health.get(s.id);
          return {
            source: s.id,
            status: s.enabled ? (h?.lastStatus ?? 'never polled') : 'disabled',
            lastPoll: h?.lastPollAt?.slice(0, 19) ?? '',
            lastOk: h?.lastSuccessAt?.slice(0, 19) ?? '',
            items: h?.itemsTotal ?? 0,
            new: h?.lastNew ?? '',
            failures: h?.consecutiveFailures ?? 0,
            nextPoll: h?.nextPollAt?.slice(0, 19) ?? '',
            error: (h?.lastError ?? '').slice(0, 80),
          };
        });
        if (o.json) process.stdout.write(JSON.stringify(rows, null, 2) + '\n');
        else printTable(rows);
      } finally {
        await store.close();
      }
    });
}
