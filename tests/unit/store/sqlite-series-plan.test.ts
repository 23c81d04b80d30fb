import { describe, expect, it } from 'vitest';
import { createSqliteStore } from '../../../src/store/sqlite/index.js';
import type { SeriesDimension } from '../../../src/store/store.js';

/**
 * Dashboard series over a time range must be answered from covering indexes: reading item rows
 * (which hold the article text) made a 30-day series take seconds at 1M items.
 */
describe('SQLite series query plans', () => {
  it.each<SeriesDimension>(['none', 'sentiment', 'source', 'tier', 'topic', 'province'])('series by %s over a time range reads only the hourly rollups or covering indexes', async (by) => {
    const store = createSqliteStore({ path: ':memory:' });
    await store.init();
    const prepared: string[] = [];
    const original = store.db.prepare.bind(store.db);
    store.db.prepare = ((sql: string) => {
      prepared.push(sql);
      return original(sql);
    }) as typeof store.db.prepare;
    await store.series({ from: '2026-11-01T00:00:00Z', to: '2026-12-01T00:00:00Z', interval: 'day', by });
    store.db.prepare = original;
    expect(prepared.length).toBeGreaterThan(0);
    for (const sql of prepared) {
      const params = Array.from({ length: (sql.match(/\?/g) ?? []).length }, () => 0);
      const plan = (original(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((r) => r.detail);
      const reads = plan.filter((d) => /^(SCAN|SEARCH) /.test(d));
      expect(reads.length).toBeGreaterThan(0);
      for (const d of reads) {
        expect(d, plan.join(' | ')).toMatch(
          /^SEARCH (\w+ USING COVERING INDEX \w+ \((\w+=\? AND )?published_ms>\? AND published_ms<\?\)|rollup USING PRIMARY KEY \(hour_ms>\? AND hour_ms<\?\))/,
        );
      }
    }
    await store.close();
  });
});
