import type { Client } from '@elastic/elasticsearch';
import { emptySourceHealth, type SourceHealth } from '../store.js';
import { assertValidSourceHealthPatch, type SourceHealthPatch } from '../source-health-patch.js';

/** Patch accepted by `updateSourceHealth`. */
export type { SourceHealthPatch };

/** Optimistic-concurrency retries when two crawlers patch the same source at once. */
const MAX_CONFLICT_RETRIES = 10;

type StoredHealth = Omit<SourceHealth, 'itemsTotal'>;

/** Source-health records in `<prefix>-sources`; `itemsTotal` is counted from the items alias at read time. */
export function createSourceHealthAccess(client: Client, sourcesIndex: string, itemsAlias: string, refresh: 'wait_for' | boolean) {
  const countBySource = async (sourceIds: string[]): Promise<Map<string, number>> => {
    const response = await client.search({
      index: itemsAlias,
      size: 0,
      ignore_unavailable: true,
      allow_no_indices: true,
      query: { terms: { sourceId: sourceIds } },
      aggs: { bySource: { terms: { field: 'sourceId', size: Math.max(1, sourceIds.length) } } },
    });
    const buckets = (response.aggregations?.bySource as { buckets?: { key: string; doc_count: number }[] } | undefined)?.buckets ?? [];
    return new Map(buckets.map((b) => [b.key, b.doc_count]));
  };

  const read = async (sourceId: string) => {
    const response = await client.get<StoredHealth>({ index: sourcesIndex, id: sourceId }, { ignore: [404] });
    return response.found && response._source ? { health: response._source, seqNo: response._seq_no, primaryTerm: response._primary_term } : null;
  };

  const get = async (sourceId: string): Promise<SourceHealth | null> => {
    const stored = await read(sourceId);
    if (!stored) return null;
    const counts = await countBySource([sourceId]);
    return toHealth(stored.health, counts.get(sourceId) ?? 0);
  };

  const list = async (): Promise<SourceHealth[]> => {
    const response = await client.search<StoredHealth>({
      index: sourcesIndex,
      size: 10_000,
      sort: [{ sourceId: { order: 'asc' } }],
      ignore_unavailable: true,
      allow_no_indices: true,
    });
    const records = response.hits.hits.map((h) => h._source as StoredHealth);
    if (records.length === 0) return [];
    const counts = await countBySource(records.map((r) => r.sourceId));
    return records.map((r) => toHealth(r, counts.get(r.sourceId) ?? 0));
  };

  const update = async (sourceId: string, patch: SourceHealthPatch): Promise<void> => {
    assertValidSourceHealthPatch(sourceId, patch);
    for (let attempt = 0; ; attempt += 1) {
      const stored = await read(sourceId);
      const { itemsTotal: _ignored, ...base } = emptySourceHealth(sourceId);
      const merged: StoredHealth = { ...base, ...(stored?.health ?? {}) };
      for (const [key, value] of Object.entries(patch)) {
        if (value !== undefined) (merged as unknown as Record<string, unknown>)[key] = value;
      }
      try {
        await client.index({
          index: sourcesIndex,
          id: sourceId,
          document: merged,
          refresh,
          ...(stored ? { if_seq_no: stored.seqNo, if_primary_term: stored.primaryTerm } : { op_type: 'create' as const }),
        });
        return;
      } catch (error) {
        const status = (error as { meta?: { statusCode?: number } }).meta?.statusCode;
        if (status !== 409 || attempt >= MAX_CONFLICT_RETRIES) throw error;
      }
    }
  };

  return { get, list, update };
}

function toHealth(stored: StoredHealth, itemsTotal: number): SourceHealth {
  const base = emptySourceHealth(stored.sourceId);
  return { ...base, ...stored, errorCounts: { ...(stored.errorCounts ?? {}) }, itemsTotal };
}

