import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Item, SentimentLabel } from '../../core/item.js';
import { requireRole } from '../auth/guard.js';
import type { RouteContext } from '../deps.js';
import { ApiError } from '../http/errors.js';
import { jsonSchema, pagination, parseInput } from '../http/validate.js';
import { filterFields, toItemFilter } from './filters.js';
import { itemSummary } from './items.js';

/** One story: near-duplicate items across outlets, summarised. */
export interface StorySummary {
  storyId: string;
  title: string;
  items: number;
  outlets: { sourceId: string; name: string; count: number }[];
  firstAt: string;
  lastAt: string;
  sentiment: Record<SentimentLabel, number>;
  topics: string[];
  /** Item id of the earliest article (the likely original). */
  leadItemId: string;
}

/** Items scanned to build the story list; bounds cost on large stores. */
const SCAN_LIMIT = 1000;

/** Group items by story id (items without one are their own story). Pure, so it is unit-tested. */
export function groupStories(items: readonly Item[]): StorySummary[] {
  const groups = new Map<string, Item[]>();
  for (const item of items) {
    const key = item.labels?.storyId ?? `item:${item.id}`;
    groups.set(key, [...(groups.get(key) ?? []), item]);
  }
  return [...groups.entries()].map(([storyId, members]) => {
    const sorted = [...members].sort((a, b) => a.publishedAt.localeCompare(b.publishedAt));
    const first = sorted[0] as Item;
    const outlets = new Map<string, { sourceId: string; name: string; count: number }>();
    const sentiment: Record<SentimentLabel, number> = { positive: 0, negative: 0, neutral: 0 };
    const topics = new Map<string, number>();
    for (const m of sorted) {
      const o = outlets.get(m.sourceId) ?? { sourceId: m.sourceId, name: m.sourceName, count: 0 };
      o.count++;
      outlets.set(m.sourceId, o);
      if (m.labels) sentiment[m.labels.sentiment.label]++;
      for (const t of m.labels?.topics ?? []) topics.set(t.id, (topics.get(t.id) ?? 0) + 1);
    }
    return {
      storyId,
      title: first.title,
      items: sorted.length,
      outlets: [...outlets.values()].sort((a, b) => b.count - a.count),
      firstAt: first.publishedAt,
      lastAt: (sorted[sorted.length - 1] as Item).publishedAt,
      sentiment,
      topics: [...topics.entries()].sort((a, b) => b[1] - a[1]).map(([id]) => id),
      leadItemId: first.id,
    };
  });
}

const storiesQuery = z.object({ ...filterFields, minItems: z.coerce.number().int().min(1).max(100).default(1), ...pagination });
const storyParams = z.object({ id: z.string().regex(/^[\p{L}\p{N}._:-]{1,120}$/u) });

/** `GET /api/stories` (stories clustered across outlets, biggest first) and `GET /api/stories/:id`. */
export function registerStoryRoutes(app: FastifyInstance, ctx: RouteContext): void {
  app.get('/api/stories', { preHandler: requireRole('viewer'), schema: { tags: ['stories'], summary: 'Stories clustered across outlets, largest first', querystring: jsonSchema(storiesQuery) } }, async (req) => {
    const q = parseInput(storiesQuery, req.query, 'query');
    const filter = toItemFilter(q);
    if (!filter.from) filter.from = new Date(Date.now() - 7 * 86_400_000).toISOString();
    const { hits } = await ctx.store.search({ ...filter, sort: 'newest', limit: SCAN_LIMIT, offset: 0 });
    const stories = groupStories(hits.map((h) => h.item))
      .filter((s) => s.items >= q.minItems)
      .sort((a, b) => b.items - a.items || b.outlets.length - a.outlets.length || b.lastAt.localeCompare(a.lastAt));
    return { total: stories.length, limit: q.limit, offset: q.offset, scanned: hits.length, stories: stories.slice(q.offset, q.offset + q.limit) };
  });
  app.get('/api/stories/:id', { preHandler: requireRole('viewer'), schema: { tags: ['stories'], summary: 'Items of one story', params: jsonSchema(storyParams) } }, async (req) => {
    const { id } = parseInput(storyParams, req.params, 'params');
    const { hits } = await ctx.store.search({ storyId: id, sort: 'oldest', limit: 200, offset: 0 });
    if (hits.length === 0) throw new ApiError(404, 'not_found', `story ${id} has no items`);
    const items = hits.map((h) => h.item);
    return { story: groupStories(items)[0], items: items.map(itemSummary) };
  });
}
