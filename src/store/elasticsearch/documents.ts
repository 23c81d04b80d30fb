import { createHash } from 'node:crypto';
import type { Item, ItemLabels, OutletTier } from '../../core/item.js';
import { foldForIndex } from '../../nlp/fold-index.js';
import { canonicalJson } from '../canonical-json.js';

/** Key under which unlabelled items are counted in topic and sentiment series (as in SQLite). */
export const UNLABELLED_KEY = 'unlabelled';

/** The document stored for one item (see ITEM_MAPPINGS): the item itself plus folded copies and flat facets. */
export interface ItemDocument extends Item {
  title_folded: string;
  lead_folded: string;
  text_folded: string;
  labelsHash: string | null;
  labelled: boolean;
  modelVersion: string | null;
  topics: string[];
  topicKeys: string[];
  sentiment: string | null;
  sentimentKey: string;
  sentimentScore: number | null;
  sentimentConfidence: number | null;
  policies: string[];
  provinces: string[];
  storyId: string | null;
  simhash: string | null;
  entityIds: string[];
}

/** sha1 of the canonical labels JSON, or null without labels. Key order does not matter. */
export function labelsHash(labels: ItemLabels | null | undefined): string | null {
  if (!labels) return null;
  return createHash('sha1').update(canonicalJson(labels)).digest('hex');
}

/**
 * Build the stored document. Text is NFC-normalised at this boundary; the folded copies use
 * `foldForIndex` (the same folding as `foldForSearch`, table-driven, and what both adapters apply
 * to query text), so `duong sat` and `Đường sắt` meet in the `*_folded` fields.
 * `knownLabelsHash`, when given, must be `labelsHash(item.labels)`.
 */
export function itemToDocument(item: Item, knownLabelsHash?: string | null): ItemDocument {
  const labels = item.labels ?? null;
  const seen = new Set<string>();
  const topics = (labels?.topics ?? []).map((t) => t.id).filter((id) => (seen.has(id) ? false : (seen.add(id), true)));
  return {
    id: item.id,
    url: item.url,
    sourceId: item.sourceId,
    sourceName: item.sourceName,
    tier: item.tier,
    sourceProvince: item.sourceProvince ?? null,
    title: item.title,
    lead: item.lead ?? null,
    text: item.text,
    title_folded: foldForIndex(item.title),
    lead_folded: foldForIndex(item.lead ?? ''),
    text_folded: foldForIndex(item.text),
    author: item.author ?? null,
    section: item.section ?? null,
    tags: item.tags,
    publishedAt: item.publishedAt,
    modifiedAt: item.modifiedAt ?? null,
    fetchedAt: item.fetchedAt,
    imageUrl: item.imageUrl ?? null,
    partial: item.partial,
    partialReason: item.partialReason ?? null,
    contentHash: item.contentHash,
    labels,
    // The upserter already hashed the labels for its change rule; hashing twice was measurable.
    labelsHash: knownLabelsHash === undefined ? labelsHash(labels) : knownLabelsHash,
    labelled: labels !== null,
    modelVersion: labels?.modelVersion ?? null,
    topics,
    topicKeys: labels ? topics : [UNLABELLED_KEY],
    sentiment: labels?.sentiment.label ?? null,
    sentimentKey: labels?.sentiment.label ?? UNLABELLED_KEY,
    sentimentScore: labels?.sentiment.score ?? null,
    sentimentConfidence: labels?.sentiment.confidence ?? null,
    policies: labels ? [...new Set(labels.policies)] : [],
    provinces: labels ? [...new Set(labels.provinces)] : [],
    storyId: labels?.storyId ?? null,
    simhash: labels?.simhash ?? null,
    entityIds: [...new Set((labels?.entities ?? []).map((e) => `${e.type}:${e.id}`))],
  };
}

/** Fields of _source needed to rebuild an item (search requests ask for just these). */
export const ITEM_SOURCE_FIELDS = [
  'id', 'url', 'sourceId', 'sourceName', 'tier', 'sourceProvince', 'title', 'lead', 'text', 'author', 'section', 'tags',
  'publishedAt', 'modifiedAt', 'fetchedAt', 'imageUrl', 'partial', 'partialReason', 'contentHash', 'labels',
] as const;

/** Rebuild the item from a stored document's _source. */
export function documentToItem(source: Partial<ItemDocument>): Item {
  return {
    id: source.id as string,
    url: source.url as string,
    sourceId: source.sourceId as string,
    sourceName: source.sourceName as string,
    tier: source.tier as OutletTier,
    sourceProvince: source.sourceProvince ?? null,
    title: source.title as string,
    lead: source.lead ?? null,
    text: source.text as string,
    author: source.author ?? null,
    section: source.section ?? null,
    tags: source.tags ?? [],
    publishedAt: source.publishedAt as string,
    modifiedAt: source.modifiedAt ?? null,
    fetchedAt: source.fetchedAt as string,
    imageUrl: source.imageUrl ?? null,
    partial: source.partial === true,
    partialReason: source.partialReason ?? null,
    contentHash: source.contentHash as string,
    labels: source.labels ?? null,
  };
}
