import type { Client } from '@elastic/elasticsearch';
import type { Item } from '../../core/item.js';
import type { ItemFilter } from '../store.js';
import { documentToItem, ITEM_SOURCE_FIELDS, type ItemDocument } from './documents.js';
import { filterQuery } from './queries.js';

/** One emerging term: a 2–3 syllable phrase over-represented in the foreground items. */
export interface SignificantTerm {
  term: string;
  /** Foreground items containing it. */
  docCount: number;
  /** Items in the background set containing it. */
  bgCount: number;
  score: number;
}

/** Options of {@link significantTerms}. */
export interface SignificantTermsOptions {
  /** Background set; defaults to every stored item. */
  background?: ItemFilter;
  /** @defaultValue 20 */
  size?: number;
  /** Foreground items sampled per shard (bounds the cost on big windows). @defaultValue 2000 */
  sampleSize?: number;
}

/**
 * Phrases (title shingles of 2–3 syllables, accents kept) that are significantly more frequent in
 * the items matching `filter` than in the background, via `significant_text` on a sample.
 * Typical use: `filter = last 24 h`, `background = last 30 days`.
 */
export async function significantTerms(client: Client, alias: string, filter: ItemFilter, options: SignificantTermsOptions = {}): Promise<SignificantTerm[]> {
  const response = await client.search({
    index: alias,
    size: 0,
    ignore_unavailable: true,
    allow_no_indices: true,
    query: filterQuery(filter),
    aggs: {
      sample: {
        sampler: { shard_size: options.sampleSize ?? 2000 },
        aggs: {
          terms: {
            significant_text: {
              field: 'title.shingles',
              source_fields: ['title'],
              size: options.size ?? 20,
              min_doc_count: 2,
              filter_duplicate_text: true,
              ...(options.background ? { background_filter: filterQuery(options.background) } : {}),
            },
          },
        },
      },
    },
  } as Parameters<Client['search']>[0]);
  const buckets = ((response.aggregations?.sample as { terms?: { buckets?: SigBucket[] } } | undefined)?.terms?.buckets ?? []);
  return buckets.map((b) => ({ term: b.key, docCount: b.doc_count, bgCount: b.bg_count, score: b.score }));
}

interface SigBucket {
  key: string;
  doc_count: number;
  bg_count: number;
  score: number;
}

/** Options of {@link exportItems}. */
export interface ExportOptions {
  /** Items per page. @defaultValue 500 */
  pageSize?: number;
  /** How long the point in time stays open between pages. @defaultValue '2m' */
  keepAlive?: string;
}

/**
 * Every item matching `filter`, oldest first, from one consistent point in time: writes made
 * during the export do not shift pages. Pages with `search_after`; the PIT is closed when the
 * iteration ends, early exits included.
 */
export async function* exportItems(client: Client, alias: string, filter: ItemFilter = {}, options: ExportOptions = {}): AsyncGenerator<Item> {
  const keepAlive = options.keepAlive ?? '2m';
  const pageSize = options.pageSize ?? 500;
  const query = filterQuery(filter); // validated before the PIT is opened
  const exists = await client.indices.exists({ index: alias });
  if (!exists) return;
  const pit = await client.openPointInTime({ index: alias, keep_alive: keepAlive });
  let pitId = pit.id;
  try {
    let after: (string | number)[] | undefined;
    for (;;) {
      const response = await client.search<Partial<ItemDocument>>({
        size: pageSize,
        query,
        pit: { id: pitId, keep_alive: keepAlive },
        sort: [{ publishedAt: { order: 'asc' } }, { id: { order: 'asc' } }],
        _source: [...ITEM_SOURCE_FIELDS],
        track_total_hits: false,
        ...(after ? { search_after: after } : {}),
      });
      pitId = response.pit_id ?? pitId;
      const hits = response.hits.hits;
      for (const hit of hits) yield documentToItem(hit._source as Partial<ItemDocument>);
      if (hits.length < pageSize) return;
      after = hits[hits.length - 1]?.sort as (string | number)[];
    }
  } finally {
    await client.closePointInTime({ id: pitId }).catch(() => undefined);
  }
}
