/**
 * Items template versions 2 and 3 (bulk cost): what changed, and that monthly indices created with
 * earlier versions keep working behind the same alias next to current ones (the documented
 * migration path: no reindex, the next month's index picks up the new template).
 */
import { Client } from '@elastic/elasticsearch';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ITEM_ANALYSIS, ITEM_MAPPINGS, ITEMS_TEMPLATE_VERSION, itemsTemplateBody } from '../../../src/store/elasticsearch/mappings.js';
import { makeItem } from '../../contract/store-contract-corpus.js';
import { assertNodeReachable, ES_URL, freshStore, SKIP_ES } from './live-node.js';

type FieldMap = Record<string, { index_options?: string; index?: boolean; norms?: boolean; doc_values?: boolean; fields?: Record<string, Record<string, unknown>> }>;
const props = ITEM_MAPPINGS.properties as unknown as FieldMap;

/** The version-2 item mapping, rebuilt from version 3 by putting back what version 3 changed. */
function version2Mappings() {
  const properties: FieldMap = JSON.parse(JSON.stringify(props));
  for (const field of ['title', 'lead', 'text']) delete properties[field]!.norms;
  properties.title!.fields!.shingles = { type: 'text', analyzer: 'pulse_shingles' };
  properties.url = { type: 'keyword' } as FieldMap[string];
  return { ...ITEM_MAPPINGS, _source: { excludes: ['*_folded'] }, properties };
}

/** The version-1 item mapping: version 2 plus what version 2 dropped. */
function version1Mappings() {
  const v2 = version2Mappings();
  const properties: FieldMap = JSON.parse(JSON.stringify(v2.properties));
  properties.lead = { ...properties.lead, fields: { shingles: { type: 'text', analyzer: 'pulse_shingles' } } };
  for (const field of ['title_folded', 'lead_folded']) delete properties[field]!.index_options;
  return { ...v2, properties };
}

describe('items template version 3', () => {
  it('is versioned, in the template and in each new index mapping', () => {
    const body = itemsTemplateBody('pulse');
    expect(ITEMS_TEMPLATE_VERSION).toBe(3);
    expect(body.version).toBe(3);
    expect(body.template.mappings._meta.mappingVersion).toBe(3);
  });

  it('keeps shingles on the title only, and no positions on the scoring-only folded fields (v2)', () => {
    expect(props.title?.fields).toHaveProperty('shingles');
    expect(props.lead?.fields).toBeUndefined();
    expect(props.title_folded?.index_options).toBe('freqs');
    expect(props.lead_folded?.index_options).toBe('freqs');
    // Phrase matching needs positions: the exact-accent fields and the combined folded field keep them.
    for (const field of ['title', 'lead', 'text', 'all_folded']) expect(props[field]?.index_options).toBeUndefined();
    expect(props.text_folded?.index).toBe(false);
  });

  it('filters no _source, keeps norms only where BM25 scores, and drops what nothing reads (v3)', () => {
    expect(ITEM_MAPPINGS).not.toHaveProperty('_source');
    for (const field of ['title', 'lead', 'text']) expect(props[field]?.norms).toBe(false);
    for (const field of ['title_folded', 'lead_folded', 'all_folded']) expect(props[field]?.norms).toBeUndefined();
    expect(props.title?.fields?.shingles).toMatchObject({ index_options: 'docs', norms: false });
    expect(props.url?.doc_values).toBe(false);
  });
});

// Skipped only under PULSE_SKIP_ES=1, the explicit opt-out for machines without Java/Maven;
// `.ci/run` unsets it, so CI always runs this against a real node.
describe.skipIf(SKIP_ES)(`version-1 and version-2 monthly indices beside version-3 ones (${ES_URL})`, () => {
  const admin = new Client({ node: ES_URL, maxRetries: 0, requestTimeout: 30_000 });
  let fresh: Awaited<ReturnType<typeof freshStore>>;
  beforeAll(async () => {
    await assertNodeReachable(admin);
    fresh = await freshStore(admin);
    // An index as version 1 created it (older month), joined to the same alias.
    // Indices as versions 1 and 2 created them (older months), joined to the same alias.
    for (const [month, mappings] of [['2024.01', version1Mappings()], ['2024.06', version2Mappings()]] as const) {
      await admin.indices.create({
        index: `${fresh.prefix}-items-${month}`,
        settings: { number_of_shards: 1, number_of_replicas: 0, analysis: ITEM_ANALYSIS },
        mappings,
        aliases: { [fresh.store.indexNames.itemsAlias]: {} },
      } as Parameters<Client['indices']['create']>[0]);
    }
  });
  afterAll(async () => {
    await fresh?.cleanup();
    await admin.close();
  });

  it('answers searches, phrases and counts over all three, reads items back whole, and moves an item between them', async () => {
    const old = makeItem('old', { title: 'Đường sắt tốc độ cao Bắc Nam', publishedAt: '2024-01-15T03:00:00.000Z', fetchedAt: '2024-01-15T03:00:00.000Z' });
    const middle = makeItem('mid', { title: 'Đường sắt tốc độ cao qua Huế', publishedAt: '2024-06-15T03:00:00.000Z', fetchedAt: '2024-06-15T03:00:00.000Z' });
    const recent = makeItem('new', { title: 'Đường sắt tốc độ cao qua Đồng Nai', publishedAt: '2025-03-10T03:00:00.000Z', fetchedAt: '2025-03-10T03:00:00.000Z' });
    expect(await fresh.store.upsertItems([old, middle, recent])).toMatchObject({ inserted: 3, errors: [] });
    const mapping = await admin.indices.getMapping({ index: `${fresh.prefix}-items-2025.03` });
    expect(Object.values(mapping)[0]?.mappings._meta?.mappingVersion).toBe(3);

    const ids = [old.id, middle.id, recent.id].sort();
    const folded = await fresh.store.search({ text: 'duong sat toc do cao' });
    expect(folded.hits.map((h) => h.item.id).sort()).toEqual(ids);
    const exact = await fresh.store.search({ text: 'Đường sắt tốc độ' });
    expect(exact.total).toBe(3);
    // significant_text reads title.shingles: every version has it, with the same analysis.
    const shingled = await admin.count({ index: fresh.store.indexNames.itemsAlias, query: { term: { 'title.shingles': 'tốc độ cao' } } });
    expect(shingled.count).toBe(3);
    expect(await fresh.store.countItems({ from: '2024-01-01T00:00:00.000Z' })).toBe(3);
    // Whatever the version's _source rules, an item reads back exactly as it was written.
    for (const item of [old, middle, recent]) expect(await fresh.store.getItem(item.id)).toEqual(item);

    // publishedAt moved into the version-3 month: the copy in the version-1 index is removed.
    const moved = { ...old, publishedAt: '2025-03-11T03:00:00.000Z', contentHash: `${old.contentHash}-moved` };
    expect(await fresh.store.upsertItems([moved])).toMatchObject({ updated: 1, errors: [] });
    const copies = await admin.search({ index: fresh.store.indexNames.itemsAlias, query: { ids: { values: [old.id] } } });
    expect(copies.hits.hits.map((h) => h._index)).toEqual([`${fresh.prefix}-items-2025.03`]);
  });
});
