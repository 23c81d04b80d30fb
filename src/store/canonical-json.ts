/**
 * Stable serialisation shared by the store adapters (SQLite's change rule, Elasticsearch's labels
 * hash).
 */

/**
 * JSON with object keys sorted, so two equal label objects built in different key order
 * serialise identically and a re-upsert is recognised as unchanged.
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v === null || typeof v !== 'object' || Array.isArray(v)) return v;
    const sorted: Record<string, unknown> = {};
    for (const key of Object.keys(v).sort()) sorted[key] = (v as Record<string, unknown>)[key];
    return sorted;
  });
}
