import type Database from 'better-sqlite3';
import type { ItemFilter, SearchQuery, SearchResult } from '../store.js';
import { filterToSql, type FilterSql, type TimeRange } from './filters.js';
import { allTermsExpression, parseSearchText, phraseExpression, type ParsedSearchText } from './fts-query.js';
import { ITEM_COLUMNS, rowToItem, type ItemRow } from './item-rows.js';

const HOUR_MS = 3_600_000;
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
  where: FilterSql,
  parsed: ParsedSearchText,
  sort: 'relevance' | 'newest' | 'oldest',
  limit: number,
  offset: number,
): SearchResult {
  const match = allTermsExpression(parsed.folded);
  const seqs = seqRangeOf(db, where.range);
  if (seqs === 'empty') return { total: 0, hits: [] };
  // Every FTS5 scan gets the item-number range of the time filter: FTS5 skips postings outside
  // it, so a 30-day search no longer walks (and ranks) every matching item of the whole archive.
  const inRange = (column: string) => (seqs === null ? '' : ` AND ${column} BETWEEN ${seqs.min} AND ${seqs.max}`);
  // Without filters the FTS index alone knows the count; joining items would read every row.
  const countSql =
    where.sql === '1'
      ? `SELECT COUNT(*) AS n FROM items_fts WHERE items_fts MATCH ?${inRange('rowid')}`
      : `SELECT COUNT(*) AS n FROM items_fts m JOIN items i ON i.seq = m.rowid WHERE items_fts MATCH ?${inRange('m.rowid')} AND ${where.sql}`;
  const total = (db.prepare(countSql).get(match, ...(where.sql === '1' ? [] : where.params)) as { n: number }).n;
  if (limit === 0 || offset >= total) return { total, hits: [] };

  const exactTier = parsed.accented
    ? `(CASE WHEN i.seq IN (SELECT rowid FROM items_fts_exact WHERE items_fts_exact MATCH ?${inRange('rowid')}) THEN ${EXACT_PHRASE_BONUS} ELSE 0 END)`
    : '0';
  const tierParams = parsed.accented ? [phraseExpression(parsed.exact)] : [];
  const foldedTier = `(CASE WHEN i.seq IN (SELECT rowid FROM items_fts WHERE items_fts MATCH ?${inRange('rowid')}) THEN ${FOLDED_PHRASE_BONUS} ELSE 0 END)`;
  const order = (prefix: string) =>
    sort === 'relevance'
      ? `${prefix}match_tier DESC, ${prefix}rank ASC, ${prefix}published_ms DESC, ${prefix}id ASC`
      : `${prefix}published_ms ${sort === 'oldest' ? 'ASC' : 'DESC'}, ${prefix}id ASC`;
  // Rank on narrow rows first and fetch the wide item rows (article text) only for one page.
  // bm25() sits in the same SELECT as the filter so it runs only for items that pass it; CROSS
  // JOIN keeps FTS5 as the driving table (probing it per filtered item is far slower).
  const sql = `
    WITH page AS (
      SELECT i.seq AS seq, i.id AS id, i.published_ms AS published_ms, ${BM25} AS rank, ${exactTier} + ${foldedTier} AS match_tier
      FROM items_fts CROSS JOIN items i ON i.seq = items_fts.rowid
      WHERE items_fts MATCH ?${inRange('items_fts.rowid')} AND ${where.sql}
      ORDER BY ${order('')} LIMIT ? OFFSET ?)
    SELECT ${SELECT_ITEM}, page.rank AS rank, page.match_tier AS match_tier
    FROM page JOIN items i ON i.seq = page.seq
    ORDER BY ${order('page.')}`;
  const rows = db
    .prepare(sql)
    .all(...tierParams, phraseExpression(parsed.folded), match, ...where.params, limit, offset) as (ItemRow & { rank: number; match_tier: number })[];
  return {
    total,
    hits: rows.map((row) => ({ item: rowToItem(row), score: row.match_tier * TIER_SCORE - row.rank })),
  };
}

/**
 * Bounds on the item numbers (`seq`) published in a time range, from the per-hour bounds of
 * schema step 4: null when the range is open on both ends, 'empty' when no item was ever
 * published in its hours. Item numbers follow arrival order, which tracks publication time, so
 * the bound is narrow in practice; it is only a superset (the exact time condition is still
 * applied), so results never depend on that order.
 */
function seqRangeOf(db: Database.Database, range: TimeRange): { min: number; max: number } | null | 'empty' {
  if (range.fromMs === null && range.toMs === null) return null;
  const fromHour = range.fromMs === null ? Number.MIN_SAFE_INTEGER : range.fromMs - ((range.fromMs % HOUR_MS) + HOUR_MS) % HOUR_MS;
  const row = db
    .prepare('SELECT MIN(min_seq) AS min, MAX(max_seq) AS max FROM item_seq_hours WHERE hour_ms >= ? AND hour_ms < ?')
    .get(fromHour, range.toMs ?? Number.MAX_SAFE_INTEGER) as { min: number | null; max: number | null };
  return row.min === null || row.max === null ? 'empty' : { min: row.min, max: row.max };
}

function checkCount(value: number, field: string): number {
  if (!Number.isInteger(value) || value < 0) throw new Error(`Store search: ${field} must be a non-negative integer, got ${value}`);
  return value;
}
