import type { Client } from '@elastic/elasticsearch';
import type { Item } from '../../core/item.js';
import type { UpsertResult } from '../store.js';
import { findItemProblems } from '../sqlite/item-validation.js';
import { runBulk, type BulkOperation, type BulkOptions, type BulkOutcome } from './bulk.js';
import { itemToDocument, labelsHash } from './documents.js';
import { monthlyIndexName, type IndexNames } from './mappings.js';
import { withLoadRetry } from './retry.js';

/** What the upserter needs from the store. */
export interface UpsertContext {
  client: Client;
  prefix: string;
  names: IndexNames;
  bulk: BulkOptions;
  /** Items published before this instant are refused (retention), or null. */
  retentionCutoff: () => Date | null;
}

/** Stored state of one id, as far as the change rule needs it. */
interface StoredState {
  contentHash: string;
  labelsHash: string | null;
  /** Every index currently holding this id (normally one). */
  indices: string[];
}

type Outcome = 'inserted' | 'updated' | 'unchanged';

/** Item statuses that mean "this document can never be indexed as it is": quarantine it. */
const MAPPING_ERROR_STATUS = 400;
const LOOKUP_CHUNK = 1000;

/**
 * Upsert a batch with exactly the SQLite adapter's change rule and counts: an existing id is
 * rewritten when `contentHash` or labels differ; `labels: null` with the same content keeps the
 * stored labels (unchanged); duplicates within a batch are applied in order. Only the final
 * version of each id is written, to its monthly index; a copy left in another month (publishedAt
 * moved) is deleted after the new one landed. Refused documents go to the quarantine index and
 * are reported in `errors`; nothing is dropped silently.
 */
export async function upsertItems(ctx: UpsertContext, items: readonly Item[]): Promise<UpsertResult> {
  const result: UpsertResult = { inserted: 0, updated: 0, unchanged: 0, errors: [] };
  const valid = validateItems(ctx, items, result);
  if (valid.length === 0) return result;
  return upsertValidItems(ctx, valid, result);
}

/** Items that may be stored; the others are reported in `result.errors` with the reason. */
function validateItems(ctx: UpsertContext, items: readonly Item[], result: UpsertResult): Item[] {
  const valid: Item[] = [];
  const cutoff = ctx.retentionCutoff();
  for (const item of items) {
    const problems = findItemProblems(item);
    if (problems.length === 0 && cutoff && Date.parse(item.publishedAt) < cutoff.getTime()) {
      problems.push(`publishedAt: ${item.publishedAt} is older than the retention window (before ${cutoff.toISOString()}); not stored`);
    }
    if (problems.length > 0) result.errors.push({ id: describeId(item), reason: problems.join('; ') });
    else valid.push(item);
  }
  return valid;
}

/**
 * The full change rule on validated items: look every id up across the alias, then write what
 * changed; counts and errors are added to `result`.
 */
async function upsertValidItems(ctx: UpsertContext, valid: readonly Item[], result: UpsertResult): Promise<UpsertResult> {
  const stored = await lookupStored(ctx, [...new Set(valid.map((item) => item.id))]);
  // Walk the batch in order, as SQLite does, remembering per id the version to write.
  const finalVersion = new Map<string, Item>();
  const writers = new Map<string, Outcome[]>();
  for (const item of valid) {
    const current = stored.get(item.id);
    const incomingLabels = labelsHash(item.labels);
    let outcome: Outcome;
    if (!current) outcome = 'inserted';
    else if (current.contentHash === item.contentHash && (incomingLabels === null || incomingLabels === current.labelsHash)) outcome = 'unchanged';
    else outcome = 'updated';
    if (outcome === 'unchanged') {
      result.unchanged += 1;
      continue;
    }
    // Later duplicates in the batch compare against this version, as the sequential SQLite writes do.
    finalVersion.set(item.id, item);
    stored.set(item.id, { contentHash: item.contentHash, labelsHash: incomingLabels, indices: current?.indices ?? [] });
    writers.set(item.id, [...(writers.get(item.id) ?? []), outcome]);
  }
  if (finalVersion.size === 0) return result;

  const writes = [...finalVersion.values()].map((item) => ({ item, index: monthlyIndexName(ctx.prefix, item.publishedAt) }));
  const outcomes = await runBulk(
    ctx.client,
    writes.map(({ item, index }): BulkOperation => ({ action: 'index', index, id: item.id, document: itemToDocument(item, stored.get(item.id)?.labelsHash ?? null) })),
    ctx.bulk,
  );
  const failed: { item: Item; index: string; outcome: BulkOutcome }[] = [];
  const staleCopies: BulkOperation[] = [];
  writes.forEach(({ item, index }, i) => {
    const outcome = outcomes[i] as BulkOutcome;
    const counted = writers.get(item.id) ?? [];
    if (outcome.ok) {
      for (const o of counted) result[o] += 1;
      for (const old of originalIndices(stored, item.id, index)) staleCopies.push({ action: 'delete', index: old, id: item.id });
    } else {
      failed.push({ item, index, outcome });
    }
  });
  if (staleCopies.length > 0) await deleteStaleCopies(ctx, staleCopies);
  if (failed.length > 0) await reportFailures(ctx, failed, writers, result);
  return result;
}

/** Indices other than `target` that held the id before this batch. */
function originalIndices(stored: Map<string, StoredState>, id: string, target: string): string[] {
  return (stored.get(id)?.indices ?? []).filter((index) => index !== target);
}

async function lookupStored(ctx: UpsertContext, ids: string[]): Promise<Map<string, StoredState>> {
  const stored = new Map<string, StoredState>();
  for (let start = 0; start < ids.length; start += LOOKUP_CHUNK) {
    const chunk = ids.slice(start, start + LOOKUP_CHUNK);
    const response = await withLoadRetry(() => ctx.client.search({
      index: ctx.names.itemsAlias,
      ignore_unavailable: true,
      allow_no_indices: true,
      size: chunk.length * 2, // an id can sit in two monthly indices after an interrupted move
      query: { ids: { values: chunk } },
      // Doc values, not _source: the look-up never decompresses the article text.
      _source: false,
      docvalue_fields: ['contentHash', 'labelsHash'],
    }));
    for (const hit of response.hits.hits) {
      const id = hit._id as string;
      const fields = (hit.fields ?? {}) as { contentHash?: string[]; labelsHash?: string[] };
      const seen = stored.get(id);
      if (seen) seen.indices.push(hit._index);
      else stored.set(id, { contentHash: fields.contentHash?.[0] ?? '', labelsHash: fields.labelsHash?.[0] ?? null, indices: [hit._index] });
    }
  }
  return stored;
}

async function deleteStaleCopies(ctx: UpsertContext, deletes: BulkOperation[]): Promise<void> {
  const outcomes = await runBulk(ctx.client, deletes, ctx.bulk);
  const failures = outcomes.map((o, i) => ({ o, op: deletes[i] as BulkOperation })).filter(({ o }) => !o.ok);
  if (failures.length > 0) {
    // The new version landed; the old copy is a duplicate that the next upsert of the id removes.
    throw new Error(
      `Elasticsearch: items were written but ${failures.length} stale copies in other monthly indices could not be deleted: ` +
        failures.map(({ o, op }) => `${op.index}/${op.id}: ${o.reason}`).join('; '),
    );
  }
}

async function reportFailures(
  ctx: UpsertContext,
  failed: { item: Item; index: string; outcome: BulkOutcome }[],
  writers: Map<string, Outcome[]>,
  result: UpsertResult,
): Promise<void> {
  const quarantine = failed.filter((f) => f.outcome.status === MAPPING_ERROR_STATUS);
  if (quarantine.length > 0) {
    const at = new Date().toISOString();
    const outcomes = await runBulk(
      ctx.client,
      quarantine.map(({ item, index, outcome }): BulkOperation => ({
        action: 'index',
        index: ctx.names.quarantine,
        id: `${item.id}-${item.contentHash}`.slice(0, 512),
        document: { itemId: item.id, targetIndex: index, errorType: outcome.errorType, reason: outcome.reason, quarantinedAt: at, itemJson: JSON.stringify(item) },
      })),
      ctx.bulk,
    );
    outcomes.forEach((o, i) => {
      if (!o.ok) (quarantine[i] as { quarantineError?: string }).quarantineError = o.reason;
    });
  }
  for (const f of failed) {
    const quarantineError = (f as { quarantineError?: string }).quarantineError;
    const where =
      f.outcome.status === MAPPING_ERROR_STATUS
        ? quarantineError
          ? `; quarantine write ALSO failed: ${quarantineError}`
          : `; quarantined in ${ctx.names.quarantine}`
        : ` after ${f.outcome.attempts} attempts`;
    const reason = `Elasticsearch rejected the item (HTTP ${f.outcome.status}) ${f.outcome.reason ?? ''}${where}`;
    for (let n = (writers.get(f.item.id) ?? [undefined]).length; n > 0; n -= 1) result.errors.push({ id: f.item.id, reason });
  }
}

function describeId(item: Item): string {
  const id = (item as unknown as { id?: unknown } | null)?.id;
  return typeof id === 'string' ? id : String(id);
}
