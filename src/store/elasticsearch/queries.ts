import type { ItemFilter, SearchQuery } from '../store.js';
import { parseSearchText } from '../sqlite/fts-query.js';
import { instantMs } from '../sqlite/item-validation.js';

/** Elasticsearch query DSL, kept loose: the shapes are checked by the node, not by TypeScript. */
export type QueryDsl = Record<string, unknown>;

/**
 * Filter clauses (non-scoring) for an {@link ItemFilter}. Same semantics as the SQLite adapter:
 * `from` inclusive, `to` exclusive, arrays mean "any of", empty arrays do not constrain, and a bad
 * time bound is an error naming the field.
 */
export function filterClauses(filter: ItemFilter = {}): QueryDsl[] {
  const clauses: QueryDsl[] = [];
  const range: Record<string, string> = {};
  if (filter.from !== undefined && filter.from !== null) range.gte = checkedInstant(filter.from, 'from');
  if (filter.to !== undefined && filter.to !== null) range.lt = checkedInstant(filter.to, 'to');
  if (Object.keys(range).length > 0) clauses.push({ range: { publishedAt: { ...range, format: 'strict_date_optional_time' } } });
  const anyOf = (field: string, values: readonly string[] | undefined) => {
    if (values && values.length > 0) clauses.push({ terms: { [field]: [...values] } });
  };
  anyOf('sourceId', filter.sourceIds);
  anyOf('tier', filter.tiers);
  anyOf('topics', filter.topics);
  anyOf('policies', filter.policies);
  anyOf('sentiment', filter.sentiments);
  anyOf('provinces', filter.provinces);
  if (filter.storyId !== undefined && filter.storyId !== null) clauses.push({ term: { storyId: filter.storyId } });
  if (filter.includePartial === false) clauses.push({ term: { partial: false } });
  return clauses;
}

function checkedInstant(value: string, field: string): string {
  const ms = instantMs(value);
  if (!Number.isFinite(ms)) throw new Error(`Store filter: ${field} is not an ISO-8601 instant: ${JSON.stringify(value)}`);
  // Normalised so Elasticsearch parses exactly what JavaScript understood.
  return new Date(ms).toISOString();
}

/** Query matching every item that passes the filter. */
export function filterQuery(filter: ItemFilter = {}): QueryDsl {
  return { bool: { filter: filterClauses(filter) } };
}

/** Score given to each relevance tier; BM25 scores of news text stay far below it. */
export const TIER_SCORE = 1000;
const EXACT_PHRASE_TIERS = 2;
const FOLDED_PHRASE_TIERS = 1;

/** Search request parts built from a {@link SearchQuery}; `null` query means "matches nothing". */
export interface SearchPlan {
  query: QueryDsl | null;
  sort: QueryDsl[];
  from: number;
  size: number;
}

/**
 * Plan a search. Matching is accent-insensitive: every folded token must occur in the folded
 * title, lead or text. Ranking, as in SQLite: exact-accent phrase (only when the user typed
 * accents) > folded phrase > all terms, each tier ordered by BM25 (title weighs most), then
 * newest first and id, so paging is stable.
 */
export function planSearch(query: SearchQuery): SearchPlan {
  const size = checkCount(query.limit ?? 20, 'limit');
  const from = checkCount(query.offset ?? 0, 'offset');
  const filters = filterClauses(query);
  const text = query.text?.trim() ?? '';
  const byDate = (order: 'asc' | 'desc') => [{ publishedAt: { order } }, { id: { order: 'asc' } }];
  if (text === '') {
    return { query: { bool: { filter: filters } }, sort: byDate(query.sort === 'oldest' ? 'asc' : 'desc'), from, size };
  }
  const parsed = parseSearchText(text);
  if (parsed === null) return { query: null, sort: [], from, size };

  const foldedText = parsed.folded.join(' ');
  const should: QueryDsl[] = [
    {
      constant_score: {
        filter: { match_phrase: { all_folded: { query: foldedText } } },
        boost: FOLDED_PHRASE_TIERS * TIER_SCORE,
      },
    },
  ];
  if (parsed.accented) {
    should.push({
      constant_score: {
        filter: { bool: { should: ['title', 'lead', 'text'].map((field) => ({ match_phrase: { [field]: { query: parsed.exact.join(' ') } } })) } },
        boost: EXACT_PHRASE_TIERS * TIER_SCORE,
      },
    });
  }
  const match: QueryDsl = {
    bool: {
      must: [
        { match: { all_folded: { query: foldedText, operator: 'and' } } },
      ],
      should: [
        // BM25 weights as in SQLite (title 4, lead 2, text 1 via the must clause); these only add score.
        { multi_match: { query: foldedText, fields: ['title_folded^4', 'lead_folded^2'], type: 'most_fields' } },
        ...should,
      ],
      filter: filters,
    },
  };
  const sort = query.sort === 'newest' || query.sort === 'oldest'
    ? byDate(query.sort === 'oldest' ? 'asc' : 'desc')
    : [{ _score: { order: 'desc' } }, ...byDate('desc')];
  return { query: match, sort, from, size };
}

function checkCount(value: number, field: string): number {
  if (!Number.isInteger(value) || value < 0) throw new Error(`Store search: ${field} must be a non-negative integer, got ${value}`);
  return value;
}
