import { Client } from '@elastic/elasticsearch';
import type { Item } from '../../core/item.js';
import type { ItemFilter, SearchQuery, SearchResult, SeriesPoint, SeriesQuery, SourceHealth, Store, UpsertResult } from '../store.js';
import { exportItems, significantTerms, type ExportOptions, type SignificantTerm, type SignificantTermsOptions } from './analytics.js';
import type { BulkOptions } from './bulk.js';
import { documentToItem, ITEM_SOURCE_FIELDS, type ItemDocument } from './documents.js';
import { indexNames, itemsTemplateBody, monthlyIndexName, QUARANTINE_MAPPINGS, SOURCES_MAPPINGS, type IndexSettingsOptions } from './mappings.js';
import { filterQuery, planSearch } from './queries.js';
import { deleteExpiredIndices, retentionCutoff } from './retention.js';
import { seriesCounts } from './series.js';
import { createSourceHealthAccess, type SourceHealthPatch } from './source-health.js';
import { upsertItems } from './upsert.js';

/** Options of {@link createElasticsearchStore}. */
export interface ElasticsearchStoreOptions {
  /** Node URL, e.g. `http://127.0.0.1:9200`. Ignored when `client` is given. */
  node: string;
  /** Prefix of every index, alias and template name (`pulse` → `pulse-items-2025.02`). */
  indexPrefix: string;
  auth?: { username: string; password: string } | { apiKey: string };
  /** Whole UTC months of items kept; older monthly indices are deleted. 0/absent = forever. */
  retentionMonths?: number;
  /** Refresh policy of writes; `wait_for` makes writes visible when the call resolves. @defaultValue 'wait_for' */
  refresh?: 'wait_for' | boolean;
  /** Use this client instead of creating one (it is then not closed by `close()`). */
  client?: Client;
  /** Shards, replicas and refresh interval of new monthly indices. */
  index?: IndexSettingsOptions;
  /** Bulk batching and retry tuning. */
  bulk?: Omit<BulkOptions, 'refresh'>;
}

/** The Elasticsearch Store, with the analytics only this backend offers. */
export interface ElasticsearchStore extends Store {
  /** Emerging 2–3 syllable phrases in `filter` compared with the background. */
  significantTerms(filter: ItemFilter, options?: SignificantTermsOptions): Promise<SignificantTerm[]>;
  /** Every matching item from one point in time, oldest first. */
  exportItems(filter?: ItemFilter, options?: ExportOptions): AsyncGenerator<Item>;
  /** Delete monthly indices older than the retention window now; returns their names. */
  applyRetention(now?: Date): Promise<string[]>;
  /** Names of the indices this store uses. */
  readonly indexNames: ReturnType<typeof indexNames>;
}

const RETENTION_CHECK_MS = 3_600_000;

/**
 * Create the Elasticsearch adapter of the Store port. Works against Elasticsearch 8 and 9,
 * including a bare core node (no analysis plugins, scripts or by-query APIs are used).
 *
 * @example
 * const store = createElasticsearchStore({ node: 'http://127.0.0.1:9200', indexPrefix: 'pulse' });
 * await store.init();
 */
export function createElasticsearchStore(opts: ElasticsearchStoreOptions): ElasticsearchStore {
  if (!/^[a-z0-9][a-z0-9_-]*$/.test(opts.indexPrefix)) {
    throw new Error(`Elasticsearch indexPrefix must match [a-z0-9][a-z0-9_-]*, got ${JSON.stringify(opts.indexPrefix)}`);
  }
  const ownsClient = !opts.client;
  const client =
    opts.client ??
    new Client({
      node: opts.node,
      ...(opts.auth ? { auth: opts.auth } : {}),
      // Retries are ours (bulk back-off, job retries); the client's would hide how long we waited.
      maxRetries: 0,
      requestTimeout: 120_000,
    });
  const prefix = opts.indexPrefix;
  const names = indexNames(prefix);
  const refresh = opts.refresh ?? 'wait_for';
  const months = opts.retentionMonths ?? 0;
  retentionCutoff(months); // validates
  const health = createSourceHealthAccess(client, names.sources, names.itemsAlias, refresh);
  let lastRetentionRun = 0;

  const applyRetention = async (now: Date = new Date()) => {
    lastRetentionRun = now.getTime();
    return deleteExpiredIndices(client, prefix, months, now);
  };
  const ctx = {
    client,
    prefix,
    names,
    bulk: { ...opts.bulk, refresh },
    retentionCutoff: () => retentionCutoff(months),
  };
  const searchItems = (body: Record<string, unknown>) =>
    client.search<Partial<ItemDocument>>({ index: names.itemsAlias, ignore_unavailable: true, allow_no_indices: true, ...body });

  return {
    indexNames: names,

    async init() {
      await client.indices.putIndexTemplate(itemsTemplateBody(prefix, opts.index) as Parameters<Client['indices']['putIndexTemplate']>[0]);
      await Promise.all([
        // The current month's index makes the alias exist before the first write.
        createIfMissing(client, monthlyIndexName(prefix, new Date().toISOString())),
        createIfMissing(client, names.sources, { mappings: SOURCES_MAPPINGS, settings: smallIndexSettings(opts.index) }),
        createIfMissing(client, names.quarantine, { mappings: QUARANTINE_MAPPINGS, settings: smallIndexSettings(opts.index) }),
      ]);
      if (months > 0) await applyRetention();
    },

    async upsertItems(items: Item[]): Promise<UpsertResult> {
      if (months > 0 && Date.now() - lastRetentionRun > RETENTION_CHECK_MS) await applyRetention();
      return upsertItems(ctx, items);
    },

    async getItem(id: string) {
      const response = await searchItems({ size: 1, query: { ids: { values: [id] } }, _source: [...ITEM_SOURCE_FIELDS] });
      const hit = response.hits.hits[0];
      return hit ? documentToItem(hit._source as Partial<ItemDocument>) : null;
    },

    async existingIds(ids: string[]) {
      const found = new Set<string>();
      for (let start = 0; start < ids.length; start += 1000) {
        const chunk = ids.slice(start, start + 1000);
        const response = await searchItems({ size: chunk.length * 2, query: { ids: { values: chunk } }, _source: false });
        for (const hit of response.hits.hits) found.add(hit._id as string);
      }
      return found;
    },

    async countItems(filter: ItemFilter = {}) {
      const response = await client.count({ index: names.itemsAlias, ignore_unavailable: true, allow_no_indices: true, query: filterQuery(filter) });
      return response.count;
    },

    async search(query: SearchQuery): Promise<SearchResult> {
      const plan = planSearch(query);
      if (plan.query === null) return { total: 0, hits: [] };
      if (plan.from + plan.size > 10_000) {
        throw new Error(`Store search: offset + limit must stay within 10000 on Elasticsearch (got ${plan.from + plan.size}); use exportItems for deep paging`);
      }
      const response = await searchItems({
        query: plan.query,
        sort: plan.sort,
        from: plan.from,
        size: plan.size,
        track_total_hits: true,
        track_scores: true,
        _source: [...ITEM_SOURCE_FIELDS],
      });
      const total = typeof response.hits.total === 'number' ? response.hits.total : (response.hits.total?.value ?? 0);
      return {
        total,
        hits: response.hits.hits.map((hit) => ({ item: documentToItem(hit._source as Partial<ItemDocument>), score: hit._score ?? 0 })),
      };
    },

    series(query: SeriesQuery): Promise<SeriesPoint[]> {
      return seriesCounts(client, names.itemsAlias, query);
    },

    getSourceHealth: (sourceId: string): Promise<SourceHealth | null> => health.get(sourceId),
    listSourceHealth: (): Promise<SourceHealth[]> => health.list(),
    updateSourceHealth: (sourceId: string, patch: SourceHealthPatch) => health.update(sourceId, patch),

    significantTerms: (filter, options) => significantTerms(client, names.itemsAlias, filter, options),
    exportItems: (filter, options) => exportItems(client, names.itemsAlias, filter, options),
    applyRetention,

    async close() {
      if (ownsClient) await client.close();
    },
  };
}

function smallIndexSettings(options: IndexSettingsOptions | undefined) {
  return {
    number_of_shards: 1,
    ...(options?.replicas === undefined ? {} : { number_of_replicas: options.replicas }),
    ...(options?.refreshInterval === undefined ? {} : { refresh_interval: options.refreshInterval }),
  };
}

async function createIfMissing(client: Client, index: string, body: Record<string, unknown> = {}): Promise<void> {
  try {
    await client.indices.create({ index, ...body } as Parameters<Client['indices']['create']>[0]);
  } catch (error) {
    const type = (error as { meta?: { body?: { error?: { type?: string } } } }).meta?.body?.error?.type;
    if (type !== 'resource_already_exists_exception') throw error;
  }
}
