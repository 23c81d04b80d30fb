import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Item, OutletTier, SentimentLabel } from '../../../src/core/item.js';
import { createSqliteStore, type SqliteStore } from '../../../src/store/sqlite/index.js';
import { ROLLUP_TABLES, hourStartSql } from '../../../src/store/sqlite/schema/rollup-migration.js';
import type { SeriesDimension } from '../../../src/store/store.js';
import { makeItem, makeLabels } from '../../contract/store-contract-corpus.js';

const ALL_TIERS: OutletTier[] = ['central', 'party', 'local', 'government', 'other'];
const BASE_MS = Date.parse('2026-11-20T00:00:00.000Z');
const SOURCES = ['vnexpress', 'tuoitre', 'baochinhphu'];
const TOPICS = ['economy', 'transport', 'health'];
const PROVINCES = ['ha-noi', 'da-nang'];

/** The rollups recomputed from scratch with GROUP BY over the base tables. */
const EXPECTED: Record<keyof typeof ROLLUP_TABLES, string> = {
  sentiment: `SELECT ${hourStartSql('published_ms')} AS hour_ms, COALESCE(sentiment, 'unlabelled') AS key, COUNT(*) AS n FROM items GROUP BY 1, 2`,
  source: `SELECT ${hourStartSql('published_ms')} AS hour_ms, source_id AS key, COUNT(*) AS n FROM items GROUP BY 1, 2`,
  tier: `SELECT ${hourStartSql('published_ms')} AS hour_ms, tier AS key, COUNT(*) AS n FROM items GROUP BY 1, 2`,
  topic: `SELECT ${hourStartSql('published_ms')} AS hour_ms, topic AS key, COUNT(*) AS n FROM item_topics GROUP BY 1, 2`,
  province: `SELECT ${hourStartSql('published_ms')} AS hour_ms, province AS key, COUNT(*) AS n FROM item_provinces GROUP BY 1, 2`,
};

function expectRollupsMatchItems(store: SqliteStore): void {
  for (const [dim, table] of Object.entries(ROLLUP_TABLES) as [keyof typeof ROLLUP_TABLES, string][]) {
    const actual = store.db.prepare(`SELECT hour_ms, key, n FROM ${table} ORDER BY 1, 2`).all();
    const expected = store.db.prepare(`${EXPECTED[dim]} ORDER BY 1, 2`).all();
    expect(actual, `rollup ${dim}`).toEqual(expected);
  }
  // Per-hour item-number bounds (schema step 4) only widen: every item must lie inside its hour's.
  const outside = store.db
    .prepare(`SELECT COUNT(*) AS n FROM items i LEFT JOIN item_seq_hours h ON h.hour_ms = ${hourStartSql('i.published_ms')} WHERE h.hour_ms IS NULL OR i.seq NOT BETWEEN h.min_seq AND h.max_seq`)
    .get() as { n: number };
  expect(outside.n, 'items outside their hour bounds').toBe(0);
}

const itemVersion = fc.record({
  slot: fc.integer({ min: 0, max: 7 }),
  // Minutes across ~3 days, so items share hours, cross hour and day edges, and move between them.
  minute: fc.integer({ min: -60, max: 4000 }),
  source: fc.constantFrom(...SOURCES),
  tier: fc.constantFrom(...ALL_TIERS),
  text: fc.constantFrom('một', 'hai'),
  labels: fc.option(
    fc.record({
      sentiment: fc.constantFrom<SentimentLabel>('positive', 'negative', 'neutral'),
      topics: fc.subarray(TOPICS),
      provinces: fc.subarray(PROVINCES),
    }),
    { nil: null },
  ),
});
type ItemVersion = typeof itemVersion extends fc.Arbitrary<infer T> ? T : never;

const operation = fc.oneof(
  { arbitrary: itemVersion.map((v) => ({ kind: 'upsert' as const, v })), weight: 5 },
  { arbitrary: fc.integer({ min: 0, max: 7 }).map((slot) => ({ kind: 'delete' as const, slot })), weight: 1 },
);

function toItem(v: ItemVersion): Item {
  return makeItem(`slot-${v.slot}`, {
    url: `https://bench.example.vn/slot-${v.slot}.html`,
    sourceId: v.source,
    tier: v.tier,
    text: `Nội dung ${v.text}.`,
    contentHash: `hash-${v.text}`,
    publishedAt: new Date(BASE_MS + v.minute * 60_000).toISOString(),
    labels: v.labels === null ? null : makeLabels({ sentiment: v.labels.sentiment, topics: v.labels.topics.map((id) => ({ id, score: 0.7 })), provinces: v.labels.provinces }),
  });
}

describe('SQLite hourly series rollups and item-number bounds', () => {
  it('stay equal to a GROUP BY over items through inserts, re-analyses, moves and deletes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(operation, { minLength: 1, maxLength: 40 }), async (ops) => {
        const store = createSqliteStore({ path: ':memory:' });
        await store.init();
        try {
          for (const op of ops) {
            if (op.kind === 'upsert') {
              const result = await store.upsertItems([toItem(op.v)]);
              expect(result.errors).toEqual([]);
            } else {
              store.db.prepare('DELETE FROM items WHERE id = ?').run(toItem({ slot: op.slot, minute: 0, source: SOURCES[0]!, tier: 'central', text: 'một', labels: null }).id);
            }
          }
          expectRollupsMatchItems(store);
        } finally {
          await store.close();
        }
      }),
      { numRuns: 150 },
    );
  });

  it('backfills from rows written before schema step 3', async () => {
    const store = createSqliteStore({ path: ':memory:' });
    await store.init();
    const items = Array.from({ length: 30 }, (_, i) =>
      toItem({ slot: i, minute: i * 97, source: SOURCES[i % 3]!, tier: ALL_TIERS[i % 5]!, text: 'một', labels: i % 4 === 0 ? null : { sentiment: 'negative', topics: TOPICS.slice(0, i % 3), provinces: PROVINCES.slice(0, i % 2) } }),
    ).map((item, i) => ({ ...item, id: `item-${i}`, url: `https://x.example.vn/${i}.html` }));
    await store.upsertItems(items);
    // Empty the rollups and drop the triggers, then replay step 3's backfill as an old file would.
    const { ROLLUP_MIGRATION_SQL } = await import('../../../src/store/sqlite/schema/rollup-migration.js');
    for (const table of Object.values(ROLLUP_TABLES)) {
      for (const op of ['delete', 'update']) store.db.exec(`DROP TRIGGER ${table}_${op}`);
      store.db.exec(`DROP TABLE ${table}`);
    }
    store.db.exec(ROLLUP_MIGRATION_SQL);
    expect((store.db.prepare(`SELECT SUM(n) AS n FROM ${ROLLUP_TABLES.source}`).get() as { n: number }).n).toBe(30);
    expectRollupsMatchItems(store);
    await store.close();
  });

  it('series read from the rollups equal series counted from items, for ranges off the hour', async () => {
    const store = createSqliteStore({ path: ':memory:' });
    await store.init();
    const versions = fc.sample(itemVersion, { numRuns: 60, seed: 7 }).map((v, i) => ({ ...v, slot: i }));
    await store.upsertItems(versions.map(toItem));
    const dims: SeriesDimension[] = ['none', 'sentiment', 'source', 'tier', 'topic', 'province'];
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: -120, max: 4100 }),
        fc.integer({ min: 1, max: 4200 }),
        fc.constantFrom(...dims),
        fc.constantFrom('hour' as const, 'day' as const, 'week' as const),
        fc.boolean(),
        // Whole-hour offsets use the rollups; a half-hour offset must fall back to items.
        fc.constantFrom('Asia/Ho_Chi_Minh', 'UTC', 'UTC+5:30'),
        async (fromMinute, lengthMinutes, by, interval, openStart, timeZone) => {
          const range = {
            ...(openStart ? {} : { from: new Date(BASE_MS + fromMinute * 60_000 + 17_000).toISOString() }),
            to: new Date(BASE_MS + (fromMinute + lengthMinutes) * 60_000).toISOString(),
          };
          const viaRollup = await store.series({ ...range, by, interval, timeZone });
          // Listing every tier is the same set of items but not a time-only filter: no rollup.
          const viaItems = await store.series({ ...range, tiers: ALL_TIERS, by, interval, timeZone });
          expect(viaRollup).toEqual(viaItems);
        },
      ),
      { numRuns: 200 },
    );
    await store.close();
  });
});
