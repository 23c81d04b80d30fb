/**
 * The data model every stage speaks: what the crawler discovers, what the extractor produces,
 * and the stored item with its (optional) NLP labels.
 */

/** Outlet tier used for filters, series and alert severity. */
export type OutletTier = 'central' | 'party' | 'local' | 'government' | 'other';

/** Sentiment classes. */
export type SentimentLabel = 'positive' | 'negative' | 'neutral';

/** One entry found in a feed, sitemap or listing page, before the article is fetched. */
export interface DiscoveredEntry {
  /** Absolute URL of the article as the source gives it (not yet canonicalised). */
  url: string;
  /** Feed guid/id when present; never required. */
  guid?: string | undefined;
  title?: string | undefined;
  /** Plain-text summary (HTML stripped) from the feed, kept as a fallback when the page fails. */
  summary?: string | undefined;
  /** ISO-8601 UTC instant, when the source states one that could be parsed. */
  publishedAt?: string | undefined;
  author?: string | undefined;
  section?: string | undefined;
  imageUrl?: string | undefined;
}

/** What the extractor reads out of one article page. */
export interface ExtractedArticle {
  title: string;
  lead: string | null;
  /** Main text, paragraphs separated by `\n\n`, boilerplate removed. */
  text: string;
  author: string | null;
  section: string | null;
  /** ISO-8601 UTC. */
  publishedAt: string | null;
  modifiedAt: string | null;
  /** Canonical URL declared by the page (rel=canonical / og:url), already absolute. */
  canonicalUrl: string | null;
  /** AMP page link, when the fetched page is not the canonical one. */
  ampUrl?: string | null;
  imageUrl: string | null;
  /** Keywords/tags the page declares. */
  tags: string[];
}

/** Evidence for a sentiment decision: the phrase and where it sits. */
export interface EvidencePhrase {
  text: string;
  field: 'title' | 'lead' | 'text';
  /** Character offsets into that field (UTF-16 code units of the NFC text), end exclusive. */
  start: number;
  end: number;
  polarity: SentimentLabel;
  weight: number;
}

/** Labels written by the NLP analyser. Absent (null) until the analyser has run on the item. */
export interface ItemLabels {
  /** Analyser/model version that produced these labels. */
  modelVersion: string;
  topics: { id: string; score: number }[];
  /** Named policies (config-defined) the item mentions. */
  policies: string[];
  sentiment: {
    label: SentimentLabel;
    /** In [-1, 1]. */
    score: number;
    /** In [0, 1]. */
    confidence: number;
    evidence: EvidencePhrase[];
    /** Per-topic sentiment for multi-topic items. */
    byTopic?: Record<string, { label: SentimentLabel; score: number }>;
  };
  entities: { type: 'agency' | 'province' | 'committee' | 'official'; id: string; name: string; count: number }[];
  /** Province ids (post-2025 units) the item is about. */
  provinces: string[];
  /** Near-duplicate story this item belongs to. */
  storyId: string | null;
  /** 64-bit SimHash, hex. */
  simhash: string | null;
}

/** A stored article. */
export interface Item {
  /** sha1 hex of the canonical URL. */
  id: string;
  /** Canonical URL. */
  url: string;
  sourceId: string;
  sourceName: string;
  tier: OutletTier;
  /** Province the source belongs to (local press), when configured. */
  sourceProvince: string | null;
  title: string;
  lead: string | null;
  text: string;
  author: string | null;
  section: string | null;
  tags: string[];
  /** ISO-8601 UTC; falls back to first-seen time when the source gives none. */
  publishedAt: string;
  modifiedAt: string | null;
  /** ISO-8601 UTC time the item was fetched. */
  fetchedAt: string;
  imageUrl: string | null;
  /** True when only the feed summary could be stored (article page failed). */
  partial: boolean;
  /** Why the item is partial. */
  partialReason: string | null;
  /** sha1 of normalised title+text; lets an upsert tell a real update from a re-fetch. */
  contentHash: string;
  labels: ItemLabels | null;
}
