import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Item } from '../../core/item.js';
import { requireRole } from '../auth/guard.js';
import type { RouteContext } from '../deps.js';
import { ApiError } from '../http/errors.js';
import { jsonSchema, pagination, parseInput } from '../http/validate.js';
import { filterFields, toItemFilter } from './filters.js';

/** Fields of an item in lists: everything but the full text (which can be long). */
export function itemSummary(item: Item) {
  const { text, contentHash, ...rest } = item;
  return { ...rest, textLength: text.length };
}

/** Search query: accent-free `q` plus filters, sort and pagination. */
export const searchQuerySchema = z.object({
  q: z.string().max(300).optional(),
  ...filterFields,
  sort: z.enum(['relevance', 'newest', 'oldest']).optional(),
  ...pagination,
});

const itemParams = z.object({ id: z.string().regex(/^[A-Za-z0-9_-]{1,100}$/, 'item ids are letters, digits, _ and -') });

/**
 * `GET /api/search` (full text, accents optional: `duong sat` finds `Đường sắt`), `GET /api/items`
 * (same filters, newest first) and `GET /api/items/:id` (the full item with its labels).
 */
export function registerItemRoutes(app: FastifyInstance, ctx: RouteContext): void {
  const search = async (query: unknown) => {
    const q = parseInput(searchQuerySchema, query, 'query');
    const text = q.q?.normalize('NFC').trim();
    const result = await ctx.store.search({
      ...toItemFilter(q),
      ...(text ? { text } : {}),
      ...(q.sort ? { sort: q.sort } : {}),
      limit: q.limit,
      offset: q.offset,
    });
    return { total: result.total, limit: q.limit, offset: q.offset, items: result.hits.map((h) => ({ ...itemSummary(h.item), score: h.score })) };
  };
  app.get('/api/search', { preHandler: requireRole('viewer'), schema: { tags: ['items'], summary: 'Full-text search ignoring accents, with filters', querystring: jsonSchema(searchQuerySchema) } }, async (req) => search(req.query));
  app.get('/api/items', { preHandler: requireRole('viewer'), schema: { tags: ['items'], summary: 'List items matching filters', querystring: jsonSchema(searchQuerySchema) } }, async (req) => search(req.query));
  app.get('/api/items/:id', { preHandler: requireRole('viewer'), schema: { tags: ['items'], summary: 'One item with labels and evidence offsets', params: jsonSchema(itemParams) } }, async (req) => {
    const { id } = parseInput(itemParams, req.params, 'params');
    const item = await ctx.store.getItem(id);
    if (!item) throw new ApiError(404, 'not_found', `item ${id} does not exist`);
    return { item };
  });
}
