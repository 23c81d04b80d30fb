import type { Item, OutletTier, SentimentLabel } from '../core/item.js';

/** Filters shared by search, counts and series. All optional; combined with AND. */
export interface ItemFilter {
  /** ISO-8601 inclusive lower bound on publishedAt. */
  from?: string;
  /** ISO-8601 exclusive upper bound on publishedAt. */
  to?: string;
  sourceIds?: string[];
  tiers?: OutletTier[];
  /** Items labelled with any of these topic ids. */
  topics?: string[];
  policies?: string[];
  sentiments?: SentimentLabel[];
  /** Items about any of these province ids. */
  provinces?: string[];
  storyId?: string;
  /** Include partial items. @defaultValue true */
  includePartial?: boolean;
}

/** Full-text search request. */
export interface SearchQuery extends ItemFilter {
  /**
   * Free text. Accents are optional: `duong sat` matches `Đường sắt`; exact-accent matches rank
   * first. Empty or absent means "all items matching the filters", newest first.
   */
  text?: string;
  /** @defaultValue 20 */
  limit?: number;
  /** @defaultValue 0 */
  offset?: number;
  /** @defaultValue 'relevance' when text is given, else 'newest' */
  sort?: 'relevance' | 'newest' | 'oldest';
}

/** One search hit. */
export interface SearchHit {
  item: Item;
  score: number;
}

export interface SearchResult {
  total: number;
  hits: SearchHit[];
}

/** Dimension to split a series by. */
export type SeriesDimension = 'none' | 'topic' | 'sentiment' | 'source' | 'tier' | 'province';

/** Time-series aggregation request. */
export interface SeriesQuery extends ItemFilter {
  interval: 'hour' | 'day' | 'week';
  /** @defaultValue 'none' */
  by?: SeriesDimension;
  /** IANA zone the buckets are aligned to. @defaultValue 'Asia/Ho_Chi_Minh' */
  timeZone?: string;
}

/** One bucket of a series. `key` is the dimension value (`'all'` for `by: 'none'`). */
export interface SeriesPoint {
  /** Bucket start, ISO-8601 UTC. */
  bucket: string;
  key: string;
  count: number;
}

/** Result of a bulk upsert. Every input item is in exactly one of the three counts or in `errors`. */
export interface UpsertResult {
  inserted: number;
  updated: number;
  unchanged: number;
  errors: { id: string; reason: string }[];
}

/** Health of one source as recorded by the crawler. */
export interface SourceHealth {
  sourceId: string;
  /** ISO times. */
  lastPollAt: string | null;
  lastSuccessAt: string | null;
  /** `ok`, `not_modified`, `error`, `disabled`. */
  lastStatus: string;
  lastError: string | null;
  consecutiveFailures: number;
  /** Entries seen in the last poll and new articles queued by it. */
  lastEntries: number;
  lastNew: number;
  /** Items stored for this source (maintained by the store). */
  itemsTotal: number;
  /** Conditional-GET validators remembered between polls. */
  etag: string | null;
  lastModified: string | null;
  /** Current adaptive poll interval and next due time. */
  pollIntervalSec: number;
  nextPollAt: string | null;
  /** Errors by kind in the last 24 h, e.g. `{ http_500: 3 }`. */
  errorCounts: Record<string, number>;
}

/**
 * The storage port: items, their labels and source health. Adapters: SQLite (embedded default)
 * and Elasticsearch. Every method is idempotent where it writes; upserts are keyed by item id.
 */
export interface Store {
  /** Create schema / run migrations. Safe to call on every start. */
  init(): Promise<void>;
  /** Insert or update items by id. A re-upsert of identical content counts as `unchanged`. */
  upsertItems(items: Item[]): Promise<UpsertResult>;
  getItem(id: string): Promise<Item | null>;
  /** Which of these ids are already stored. */
  existingIds(ids: string[]): Promise<Set<string>>;
  countItems(filter?: ItemFilter): Promise<number>;
  search(query: SearchQuery): Promise<SearchResult>;
  series(query: SeriesQuery): Promise<SeriesPoint[]>;
  getSourceHealth(sourceId: string): Promise<SourceHealth | null>;
  listSourceHealth(): Promise<SourceHealth[]>;
  /** Merge a partial health record (creates it when missing). */
  updateSourceHealth(sourceId: string, patch: Partial<Omit<SourceHealth, 'sourceId' | 'itemsTotal'>>): Promise<void>;
  close(): Promise<void>;
}

/**
 * The record a store creates for a source it has no health for yet: never polled, no errors.
 * Shared by every adapter so `updateSourceHealth` on a new source yields the same defaults.
 */
export function emptySourceHealth(sourceId: string): SourceHealth {
  return {
    sourceId,
    lastPollAt: null,
    lastSuccessAt: null,
    lastStatus: 'unknown',
    lastError: null,
    consecutiveFailures: 0,
    lastEntries: 0,
    lastNew: 0,
    itemsTotal: 0,
    etag: null,
    lastModified: null,
    pollIntervalSec: 0,
    nextPollAt: null,
    errorCounts: {},
  };
}
