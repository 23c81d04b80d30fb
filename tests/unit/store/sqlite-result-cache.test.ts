import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSqliteStore } from '../../../src/store/sqlite/index.js';
import { createResultCache } from '../../../src/store/sqlite/result-cache.js';
import { makeItem, makeLabels } from '../../contract/store-contract-corpus.js';

const RANGE = { from: '2025-02-01T00:00:00.000Z', to: '2025-03-01T00:00:00.000Z', interval: 'day' as const, by: 'sentiment' as const };

describe('SQLite read-result cache', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'pulse-result-cache-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('serves a repeated series from memory, as a copy the caller may change', async () => {
    const store = createSqliteStore({ path: join(dir, 'a.db') });
    await store.init();
    await store.upsertItems([makeItem('a', { labels: makeLabels({ sentiment: 'negative' }) })]);
    let computed = 0;
    const cache = createResultCache(store.db);
    const compute = () => (computed += 1, [{ n: 1 }]);
    const first = cache.get('k', compute, (v) => v.map((x) => ({ ...x })));
    first[0]!.n = 99;
    expect(cache.get('k', compute, (v) => v.map((x) => ({ ...x })))).toEqual([{ n: 1 }]);
    expect(computed).toBe(1);

    const before = await store.series(RANGE);
    before[0]!.count = 1000;
    expect(await store.series(RANGE)).toEqual([{ bucket: '2025-02-05T17:00:00.000Z', key: 'negative', count: 1 }]);
    await store.close();
  });

  it('never serves a result across a write, through this connection or another one', async () => {
    const path = join(dir, 'b.db');
    const reader = createSqliteStore({ path });
    await reader.init();
    const writer = createSqliteStore({ path });
    await writer.init();
    expect(await reader.series(RANGE)).toEqual([]);

    await writer.upsertItems([makeItem('b', { labels: makeLabels({ sentiment: 'positive' }) })]);
    expect(await reader.series(RANGE)).toEqual([{ bucket: '2025-02-05T17:00:00.000Z', key: 'positive', count: 1 }]);

    await reader.upsertItems([makeItem('c', { labels: makeLabels({ sentiment: 'positive' }) })]);
    expect((await reader.series(RANGE))[0]!.count).toBe(2);

    reader.db.prepare("UPDATE items SET sentiment = 'negative', labels_json = '{}' WHERE id = ?").run(makeItem('c').id);
    expect(await reader.series(RANGE)).toEqual([
      { bucket: '2025-02-05T17:00:00.000Z', key: 'negative', count: 1 },
      { bucket: '2025-02-05T17:00:00.000Z', key: 'positive', count: 1 },
    ]);
    await writer.close();
    await reader.close();
  });

  it('recomputes after the TTL and keeps at most maxEntries', () => {
    const store = createSqliteStore({ path: ':memory:' });
    let clock = 0;
    const cache = createResultCache(store.db, { ttlMs: 100, maxEntries: 2, now: () => clock });
    let computed = 0;
    const get = (key: string) => cache.get(key, () => ++computed, (v) => v);
    expect([get('a'), get('a')]).toEqual([1, 1]);
    clock = 150;
    expect(get('a')).toBe(2);
    get('b');
    get('c'); // evicts 'a', the oldest
    expect(get('a')).toBe(5);
    void store.close();
  });
});
