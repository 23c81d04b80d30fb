import type Database from 'better-sqlite3';
import type { ItemFilter, SearchQuery, SearchResult } from '../store.js';
import { filterToSql } from './filters.js';
import { allTermsExpression, parseSearchText, phraseExpression, type ParsedSearchText } from './fts-query.js';
import { ITEM_COLUMNS, rowToItem, type ItemRow } from './item-rows.js';

/** Relevance tiers, highest first: exact-accent phrase, then folded phrase, then all terms. */
const EXACT_PHRASE_BONUS = 2;
const FOLDED_PHRASE_BONUS = 1;
/** Tier weight in the reported score; bm25 magnitudes stay far below it in practice. */
const TIER_SCORE = 1000;
/** bm25 column weights: title, lead, text. A hit in the title says more than one deep in the body. */
const BM25 = 'bm25(items_fts, 4.0, 2.0, 1.0)';

const SELECT_ITEM = ITEM_COLUMNS.map((c) => `i.${c}`).join(', ');

/** Count items matching a filter. */
export function countItems(db: Database.Database, filter: ItemFilter = {}): number {
  const where = filterToSql(filter);
  const row = db.prepare(`SELECT COUNT(*) AS n FROM items i WHERE ${where.sql}`).get(...where.params) as { n: number };
  return row.n;
}

/**
 * Full-text search with filters. Matching is accent-insensitive (folded FTS, all terms must
 * occur); ranking puts exact-accent phrase matches first (only when the query has accents),
 * then folded phrase matches, then the rest, each tier by bm25. Ties and non-text queries
 * order by publishedAt then id, so paging is stable.
 */
export function searchItems(db: Database.Database, query: SearchQuery): SearchResult {
  const limit = checkCount(query.limit ?? 20, 'limit');
  const offset = checkCount(query.offset ?? 0, 'offset');
  const where = filterToSql(query);
  const text = query.text?.trim() ?? '';
  if (text === '') return browse(db, where, query.sort === 'oldest' ? 'ASC' : 'DESC', limit, offset);
  const parsed = parseSearchText(text);
  if (parsed === null) return { total: 0, hits: [] };
  return fullText(db, where, parsed, query.sort ?? 'relevance', limit, offset);
}

function browse(db: Database.Database, where: { sql: string; params: unknown[] }, direction: 'ASC' | 'DESC', limit: number, offset: number): SearchResult {
  const total = (db.prepare(`SELECT COUNT(*) AS n FROM items i WHERE ${where.sql}`).get(...where.params) as { n: number }).n;
  if (limit === 0 || offset >= total) return { total, hits: [] };
  const rows = db
    .prepare(`SELECT ${SELECT_ITEM} FROM items i WHERE ${where.sql} ORDER BY i.published_ms ${direction}, i.id ASC LIMIT ? OFFSET ?`)
    .all(...where.params, limit, offset) as ItemRow[];
  return { total, hits: rows.map((row) => ({ item: rowToItem(row), score: 0 })) };
}

function fullText(
  db: Database.Database,
  where: { sql: string; params: unknown[] },
  parsed: ParsedSearchText,
  sort: 'relevance' | 'newest' | 'oldest',
  limit: number,
  offset: number,
): SearchResult {
  const match = allTermsExpression(parsed.folded);
  // Without filters the FTS index alone knows the count; joining items would read every row.
  const countSql =
    where.sql === '1'
      ? 'SELECT COUNT(*) AS n FROM items_fts WHERE items_fts MATCH ?'
      : `SELECT COUNT(*) AS n FROM items_fts m JOIN items i ON i.seq = m.rowid WHERE items_fts MATCH ? AND ${where.sql}`;
  const total = (db.prepare(countSql).get(match, ...(where.sql === '1' ? [] : where.params)) as { n: number }).n;
  if (limit === 0 || offset >= total) return { total, hits: [] };

  const exactTier = parsed.accented
    ? `(CASE WHEN i.seq IN (SELECT rowid FROM items_fts_exact WHERE items_fts_exact MATCH ?) THEN ${EXACT_PHRASE_BONUS} ELSE 0 END)`
    : '0';
  const tierParams = parsed.accented ? [phraseExpression(parsed.exact)] : [];
  const foldedTier = `(CASE WHEN i.seq IN (SELECT rowid FROM items_fts WHERE items_fts MATCH ?) THEN ${FOLDED_PHRASE_BONUS} ELSE 0 END)`;
  const order = (prefix: string) =>
    sort === 'relevance'
      ? `${prefix}match_tier DESC, ${prefix}rank ASC, ${prefix}published_ms DESC, ${prefix}id ASC`
      : `${prefix}published_ms ${sort === 'oldest' ? 'ASC' : 'DESC'}, ${prefix}id ASC`;
  // Rank on narrow rows first and fetch the wide item rows (article text) only for one page.
  const sql = `
    WITH m AS (SELECT rowid AS seq, ${BM25} AS rank FROM items_fts WHERE items_fts MATCH ?),
    page AS (
      SELECT i.seq AS seq, i.id AS id, i.published_ms AS published_ms, m.rank AS rank, ${exactTier} + ${foldedTier} AS match_tier
      FROM m JOIN items i ON i.seq = m.seq
      WHERE ${where.sql}
      ORDER BY ${order('')} LIMIT ? OFFSET ?)
    SELECT ${SELECT_ITEM}, page.rank AS rank, page.match_tier AS match_tier
    FROM page JOIN items i ON i.seq = page.seq
    ORDER BY ${order('page.')}`;
  const rows = db
    .prepare(sql)
    .all(match, ...tierParams, phraseExpression(parsed.folded), ...where.params, limit, offset) as (ItemRow & { rank: number; match_tier: number })[];
  return {
    total,
    hits: rows.map((row) => ({ item: rowToItem(row), score: row.match_tier * TIER_SCORE - row.rank })),
  };
}

function checkCount(value: number, field: string): number {
  if (!Number.isInteger(value) || value < 0) throw new Error(`Store search: ${field} must be a non-negative integer, got ${value}`);
  return value;
}
