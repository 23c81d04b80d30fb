import type { SourceHealth } from './store.js';

/** A partial source-health record as `Store.updateSourceHealth` takes it. */
export type SourceHealthPatch = Partial<Omit<SourceHealth, 'sourceId' | 'itemsTotal'>>;

/** Fields that are text or null. */
export const NULLABLE_TEXT_FIELDS = ['lastPollAt', 'lastSuccessAt', 'lastError', 'etag', 'lastModified', 'nextPollAt'] as const;
/** Fields that are non-negative integers. */
export const COUNT_FIELDS = ['consecutiveFailures', 'lastEntries', 'lastNew', 'pollIntervalSec'] as const;
const KNOWN_KEYS = new Set<string>([...NULLABLE_TEXT_FIELDS, ...COUNT_FIELDS, 'lastStatus', 'errorCounts']);

/**
 * Reject unknown keys and wrong types with a message naming the field, the same way in every
 * Store adapter: nothing is dropped silently.
 */
export function assertValidSourceHealthPatch(sourceId: string, patch: SourceHealthPatch): void {
  const where = `updateSourceHealth(${JSON.stringify(sourceId)})`;
  if (typeof sourceId !== 'string' || sourceId.length === 0) throw new Error(`${where}: sourceId must be a non-empty string`);
  for (const [key, value] of Object.entries(patch)) {
    if (!KNOWN_KEYS.has(key)) throw new Error(`${where}: unknown or read-only field ${JSON.stringify(key)}`);
    if (value === undefined) continue;
    if ((NULLABLE_TEXT_FIELDS as readonly string[]).includes(key) && value !== null && typeof value !== 'string') {
      throw new Error(`${where}: ${key} must be a string or null`);
    }
    if ((COUNT_FIELDS as readonly string[]).includes(key) && !(Number.isInteger(value) && (value as number) >= 0)) {
      throw new Error(`${where}: ${key} must be a non-negative integer, got ${JSON.stringify(value)}`);
    }
    if (key === 'lastStatus' && typeof value !== 'string') throw new Error(`${where}: lastStatus must be a string`);
    if (key === 'errorCounts' && !isCountRecord(value)) throw new Error(`${where}: errorCounts must map kinds to non-negative integers`);
  }
}

function isCountRecord(value: unknown): boolean {
  return (
    typeof value === 'object' && value !== null && !Array.isArray(value) &&
    Object.values(value).every((n) => Number.isInteger(n) && (n as number) >= 0)
  );
}
