import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildDemoCorpus } from '../../../src/demo/corpus.js';
import { createAnalyser } from '../../../src/nlp/analyse.js';
import { contentHashOf } from '../../../src/pipeline/item-builder.js';
import { reanalyseStore } from '../../../src/pipeline/reanalyse.js';
import { createSqliteStore } from '../../../src/store/sqlite/index.js';
import type { Item } from '../../../src/core/item.js';

describe('reanalyse stored items', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pulse-reanalyse-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('labels every stored item, paging day by day', async () => {
    const store = createSqliteStore({ path: join(dir, 'r.db') });
    await store.init();
    const corpus = buildDemoCorpus({ anchor: new Date('2025-03-01T00:00:00Z'), articles: 120 });
    const items: Item[] = corpus.articles.map((a) => {
      const text = a.paragraphs.join('\n\n');
      return {
        id: a.id.padEnd(40, '0').slice(0, 40), url: `https://demo.vn${a.path}`, sourceId: a.outletId, sourceName: a.outletId, tier: 'central',
        sourceProvince: null, title: a.title, lead: a.lead, text, author: a.author, section: a.section, tags: a.tags,
        publishedAt: a.publishedAt, modifiedAt: null, fetchedAt: a.publishedAt, imageUrl: null, partial: false, partialReason: null,
        contentHash: contentHashOf(a.title, a.lead, text), labels: null,
      };
    });
    await store.upsertItems(items);
    const analyser = createAnalyser({ configDir: 'config' });
    let lastProgress = 0;
    const res = await reanalyseStore(store, analyser, { batch: 7, onProgress: (done) => (lastProgress = done) });
    expect(res.total).toBe(items.length);
    expect(res.errors).toEqual([]);
    expect(res.updated).toBe(items.length);
    expect(lastProgress).toBe(items.length);
    const negatives = await store.countItems({ sentiments: ['negative'] });
    expect(negatives).toBeGreaterThan(0);
    for (const it of items.slice(0, 20)) expect((await store.getItem(it.id))!.labels).not.toBeNull();
    await store.close();
  });
});
