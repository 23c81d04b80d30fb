import type { Client } from '@elastic/elasticsearch';
import { monthOfIndex } from './mappings.js';

/**
 * First instant kept under a retention of `months` whole UTC months counted back from `now`'s
 * month: with 3 months on 2025-05-20, April, March and February are kept along with May, so the
 * cutoff is 2025-02-01T00:00Z. `months = 0` keeps everything (returns null).
 */
export function retentionCutoff(months: number, now: Date = new Date()): Date | null {
  if (!Number.isInteger(months) || months < 0) throw new Error(`Elasticsearch retentionMonths must be a non-negative integer, got ${months}`);
  if (months === 0) return null;
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - months, 1));
}

/**
 * Delete the monthly item indices that lie wholly before the retention cutoff. Deleting whole
 * indices is what makes time-based indices cheap: no by-query deletes (absent on a bare node).
 *
 * @returns the names of the deleted indices.
 */
export async function deleteExpiredIndices(client: Client, prefix: string, months: number, now: Date = new Date()): Promise<string[]> {
  const cutoff = retentionCutoff(months, now);
  if (!cutoff) return [];
  const indices = await client.indices.get({ index: `${prefix}-items-*`, ignore_unavailable: true, allow_no_indices: true });
  const expired = Object.keys(indices).filter((name) => {
    const month = monthOfIndex(prefix, name);
    // An index holds one month; it expires when the month after it starts at or before the cutoff.
    return month !== null && Date.UTC(month.year, month.month, 1) <= cutoff.getTime();
  });
  if (expired.length > 0) await client.indices.delete({ index: expired.join(',') });
  return expired.sort();
}
