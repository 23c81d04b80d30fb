import type { Item } from '../../core/item.js';

const TIERS = new Set(['central', 'party', 'local', 'government', 'other']);
const SENTIMENTS = new Set(['positive', 'negative', 'neutral']);

/**
 * Check the fields the store indexes or relies on, so a bad item is reported with a reason
 * instead of landing half-usable. Returns the list of problems (empty when the item is fine).
 * Items arrive from queue payloads (JSON), so types are checked at run time despite the typings.
 */
export function findItemProblems(item: Item): string[] {
  const problems: string[] = [];
  const record = item as unknown as Record<string, unknown>;
  if (record === null || typeof record !== 'object') return ['item is not an object'];
  for (const field of ['id', 'url', 'sourceId', 'contentHash'] as const) {
    if (typeof record[field] !== 'string' || (record[field] as string).length === 0) {
      problems.push(`${field}: must be a non-empty string`);
    }
  }
  for (const field of ['sourceName', 'title', 'text'] as const) {
    if (typeof record[field] !== 'string') problems.push(`${field}: must be a string`);
  }
  for (const field of ['sourceProvince', 'lead', 'author', 'section', 'modifiedAt', 'imageUrl', 'partialReason'] as const) {
    const value = record[field];
    if (value !== null && value !== undefined && typeof value !== 'string') problems.push(`${field}: must be a string or null`);
  }
  if (!TIERS.has(record.tier as string)) problems.push(`tier: must be one of ${[...TIERS].join(', ')}, got ${JSON.stringify(record.tier)}`);
  if (!isInstant(record.publishedAt)) problems.push(`publishedAt: not an ISO-8601 instant: ${JSON.stringify(record.publishedAt)}`);
  if (!isInstant(record.fetchedAt)) problems.push(`fetchedAt: not an ISO-8601 instant: ${JSON.stringify(record.fetchedAt)}`);
  if (typeof record.partial !== 'boolean') problems.push('partial: must be a boolean');
  if (!Array.isArray(record.tags) || !record.tags.every((t) => typeof t === 'string')) problems.push('tags: must be an array of strings');
  if (record.labels !== null && record.labels !== undefined) problems.push(...findLabelProblems(record.labels));
  return problems;
}

function findLabelProblems(labels: unknown): string[] {
  if (typeof labels !== 'object' || labels === null) return ['labels: must be an object or null'];
  const l = labels as Record<string, unknown>;
  const problems: string[] = [];
  const sentiment = l.sentiment as Record<string, unknown> | undefined;
  if (!sentiment || !SENTIMENTS.has(sentiment.label as string)) {
    problems.push(`labels.sentiment.label: must be one of positive, negative, neutral, got ${JSON.stringify(sentiment?.label)}`);
  }
  const topics = l.topics;
  if (!Array.isArray(topics) || !topics.every((t) => t && typeof t.id === 'string' && typeof t.score === 'number')) {
    problems.push('labels.topics: must be an array of { id: string, score: number }');
  }
  for (const field of ['policies', 'provinces'] as const) {
    const values = l[field];
    if (!Array.isArray(values) || !values.every((v) => typeof v === 'string')) problems.push(`labels.${field}: must be an array of strings`);
  }
  if (l.storyId !== null && l.storyId !== undefined && typeof l.storyId !== 'string') problems.push('labels.storyId: must be a string or null');
  return problems;
}

/** Epoch ms of an ISO-8601 instant, or NaN. */
export function instantMs(value: unknown): number {
  return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(value) ? Date.parse(value) : Number.NaN;
}

function isInstant(value: unknown): boolean {
  return Number.isFinite(instantMs(value));
}
