/**
 * Items template version 2 (bulk cost): what changed, and that monthly indices created with
 * version 1 keep working behind the same alias next to version-2 ones (the documented migration
 * path: no reindex, the next month's index picks up the new template).
 */
import { Client } from '@elastic/elasticsearch';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ITEM_ANALYSIS, ITEM_MAPPINGS, ITEMS_TEMPLATE_VERSION, itemsTemplateBody } from '../../../src/store/elasticsearch/mappings.js';
import { makeItem } from '../../contract/store-contract-corpus.js';
import { assertNodeReachable, ES_URL, freshStore, SKIP_ES } from './live-node.js';

type FieldMap = Record<string, { index_options?: string; index?: boolean; fields?: Record<string, unknown> }>;
const props = ITEM_MAPPINGS.properties as unknown as FieldMap;

/** The version-1 item mapping, rebuilt from version 2 by putting back what version 2 dropped. */
function version1Mappings() {
  const properties: FieldMap = JSON.parse(JSON.stringify(props));
  properties.lead = { ...properties.lead, fields: { shingles: { type: 'text', analyzer: 'pulse_shingles' } } };
  for (const field of ['title_folded', 'lead_folded']) delete properties[field]!.index_options;
  return { ...ITEM_MAPPINGS, properties };
}

describe('items template version 2', () => {
  it('is versioned, in the template and in each new index mapping', () => {
    const body = itemsTemplateBody('pulse');
    expect(ITEMS_TEMPLATE_VERSION).toBe(2);
    expect(body.version).toBe(2);
    expect(body.template.mappings._meta.mappingVersion).toBe(2);
  });

  it('keeps shingles on the title only, and no positions on the scoring-only folded fields', () => {
    expect(props.title?.fields).toHaveProperty('shingles');
    expect(props.lead?.fields).toBeUndefined();
    expect(props.title_folded?.index_options).toBe('freqs');
    expect(props.lead_folded?.index_options).toBe('freqs');
    // Phrase matching needs positions: the exact-accent fields and the combined folded field keep them.
    for (const field of ['title', 'lead', 'text', 'all_folded']) expect(props[field]?.index_options).toBeUndefined();
    expect(props.text_folded?.index).toBe(false);
  });
});

describe.skipIf(SKIP_ES)(`a version-1 monthly index beside version-2 ones (${ES_URL})`, () => {
  const admin = new Client({ node: ES_URL, maxRetries: 0, requestTimeout: 30_000 });
  let fresh: Awaited<ReturnType<typeof freshStore>>;
  beforeAll(async () => {
    await assertNodeReachable(admin);
    fresh = await freshStore(admin);
    // An index as version 1 created it (older month), joined to the same alias.
    await admin.indices.create({
      index: `${fresh.prefix}-items-2024.01`,
      settings: { number_of_shards: 1, number_of_replicas: 0, analysis: ITEM_ANALYSIS },
      mappings: version1Mappings(),
      aliases: { [fresh.store.indexNames.itemsAlias]: {} },
    } as Parameters<Client['indices']['create']>[0]);
  });
  afterAll(async () => {
    await fresh?.cleanup();
    await admin.close();
  });

  it('answers searches, phrases and counts over both, and moves an item between them', async () => {
    const old = makeItem('old', { title: 'Đường sắt tốc độ cao Bắc Nam', publishedAt: '2024-01-15T03:00:00.000Z', fetchedAt: '2024-01-15T03:00:00.000Z' });
    const recent = makeItem('new', { title: 'Đường sắt tốc độ cao qua Đồng Nai', publishedAt: '2025-03-10T03:00:00.000Z', fetchedAt: '2025-03-10T03:00:00.000Z' });
    expect(await fresh.store.upsertItems([old, recent])).toMatchObject({ inserted: 2, errors: [] });
    const mapping = await admin.indices.getMapping({ index: `${fresh.prefix}-items-2025.03` });
    expect(Object.values(mapping)[0]?.mappings._meta?.mappingVersion).toBe(2);

    const folded = await fresh.store.search({ text: 'duong sat toc do cao' });
    expect(folded.hits.map((h) => h.item.id).sort()).toEqual([old.id, recent.id].sort());
    const exact = await fresh.store.search({ text: 'Đường sắt tốc độ' });
    expect(exact.total).toBe(2);
    // significant_text reads title.shingles: both versions have it, with the same analysis.
    const shingled = await admin.count({ index: fresh.store.indexNames.itemsAlias, query: { term: { 'title.shingles': 'tốc độ cao' } } });
    expect(shingled.count).toBe(2);
    expect(await fresh.store.countItems({ from: '2024-01-01T00:00:00.000Z' })).toBe(2);

    // publishedAt moved into the version-2 month: the copy in the version-1 index is removed.
    const moved = { ...old, publishedAt: '2025-03-11T03:00:00.000Z', contentHash: `${old.contentHash}-moved` };
    expect(await fresh.store.upsertItems([moved])).toMatchObject({ updated: 1, errors: [] });
    const copies = await admin.search({ index: fresh.store.indexNames.itemsAlias, query: { ids: { values: [old.id] } } });
    expect(copies.hits.hits.map((h) => h._index)).toEqual([`${fresh.prefix}-items-2025.03`]);
  });
});
