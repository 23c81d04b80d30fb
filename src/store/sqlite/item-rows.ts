import type { Item, ItemLabels, OutletTier } from '../../core/item.js';
import { foldForIndex } from '../../nlp/fold-index.js';
import { instantMs } from './item-validation.js';

/** One row of the `items` table, named as the columns are. */
export interface ItemRow {
  id: string;
  url: string;
  source_id: string;
  source_name: string;
  tier: string;
  source_province: string | null;
  title: string;
  lead: string | null;
  text: string;
  author: string | null;
  section: string | null;
  tags_json: string;
  published_at: string;
  published_ms: number;
  modified_at: string | null;
  fetched_at: string;
  image_url: string | null;
  partial: number;
  partial_reason: string | null;
  content_hash: string;
  labels_json: string | null;
  sentiment: string | null;
  sentiment_score: number | null;
  story_id: string | null;
  model_version: string | null;
}

/** Column list shared by INSERT and UPDATE statements (order matters: it matches {@link ItemRow}). */
export const ITEM_COLUMNS: readonly (keyof ItemRow)[] = [
  'id', 'url', 'source_id', 'source_name', 'tier', 'source_province', 'title', 'lead', 'text', 'author', 'section',
  'tags_json', 'published_at', 'published_ms', 'modified_at', 'fetched_at', 'image_url', 'partial', 'partial_reason',
  'content_hash', 'labels_json', 'sentiment', 'sentiment_score', 'story_id', 'model_version',
];

/** Map a (validated) item to its row. `labelsJson` is passed in so it is serialised once. */
export function itemToRow(item: Item, labelsJson: string | null): ItemRow {
  const labels = item.labels ?? null;
  return {
    id: item.id,
    url: item.url,
    source_id: item.sourceId,
    source_name: item.sourceName,
    tier: item.tier,
    source_province: item.sourceProvince ?? null,
    title: item.title,
    lead: item.lead ?? null,
    text: item.text,
    author: item.author ?? null,
    section: item.section ?? null,
    tags_json: JSON.stringify(item.tags),
    published_at: item.publishedAt,
    published_ms: instantMs(item.publishedAt),
    modified_at: item.modifiedAt ?? null,
    fetched_at: item.fetchedAt,
    image_url: item.imageUrl ?? null,
    partial: item.partial ? 1 : 0,
    partial_reason: item.partialReason ?? null,
    content_hash: item.contentHash,
    labels_json: labelsJson,
    sentiment: labels?.sentiment.label ?? null,
    sentiment_score: labels?.sentiment.score ?? null,
    story_id: labels?.storyId ?? null,
    model_version: labels?.modelVersion ?? null,
  };
}

/** Rebuild the item from its row. */
export function rowToItem(row: ItemRow): Item {
  return {
    id: row.id,
    url: row.url,
    sourceId: row.source_id,
    sourceName: row.source_name,
    tier: row.tier as OutletTier,
    sourceProvince: row.source_province,
    title: row.title,
    lead: row.lead,
    text: row.text,
    author: row.author,
    section: row.section,
    tags: JSON.parse(row.tags_json) as string[],
    publishedAt: row.published_at,
    modifiedAt: row.modified_at,
    fetchedAt: row.fetched_at,
    imageUrl: row.image_url,
    partial: row.partial === 1,
    partialReason: row.partial_reason,
    contentHash: row.content_hash,
    labels: row.labels_json === null ? null : (JSON.parse(row.labels_json) as ItemLabels),
  };
}

/** Text written to the two full-text tables for one item. */
export interface FtsDocument {
  folded: { title: string; lead: string; text: string };
  exact: { title: string; lead: string; text: string };
}

/**
 * Folded copy for recall (`duong sat` finds `Đường sắt`) and an NFC lower-cased copy with
 * accents kept, which ranks exact-accent matches first.
 */
export function itemToFtsDocument(item: Item): FtsDocument {
  const exact = (s: string | null) => (s ?? '').normalize('NFC').toLowerCase();
  return {
    folded: { title: foldForIndex(item.title), lead: foldForIndex(item.lead ?? ''), text: foldForIndex(item.text) },
    exact: { title: exact(item.title), lead: exact(item.lead), text: exact(item.text) },
  };
}

/** Deduplicated multi-valued label fields, as written to the side tables. */
export interface SideValues {
  topics: { id: string; score: number }[];
  provinces: string[];
  policies: string[];
}

/** Side-table values for an item (empty when unlabelled). Duplicate ids keep their first score. */
export function itemSideValues(item: Item): SideValues {
  const labels = item.labels;
  if (!labels) return { topics: [], provinces: [], policies: [] };
  const seen = new Set<string>();
  const topics = labels.topics.filter((t) => (seen.has(t.id) ? false : (seen.add(t.id), true)));
  return { topics, provinces: [...new Set(labels.provinces)], policies: [...new Set(labels.policies)] };
}
