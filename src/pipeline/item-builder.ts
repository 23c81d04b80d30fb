import { createHash } from 'node:crypto';
import type { DiscoveredEntry, ExtractedArticle, Item } from '../core/item.js';
import type { SourceConfig } from '../config/sources-schema.js';

/** sha1 over the normalised visible content: tells a real update from a re-fetch. */
export function contentHashOf(title: string, lead: string | null, text: string): string {
  return createHash('sha1').update(`${title}\u0000${lead ?? ''}\u0000${text}`).digest('hex');
}

/** Fields every item built from a source shares. */
function sourceFields(source: SourceConfig) {
  return {
    sourceId: source.id,
    sourceName: source.name,
    tier: source.tier,
    sourceProvince: source.province ?? null,
  };
}

/** Build an item from a fully extracted article page. */
export function itemFromArticle(args: {
  id: string;
  url: string;
  source: SourceConfig;
  entry: DiscoveredEntry;
  article: ExtractedArticle;
  seenAt: string;
  fetchedAt: string;
}): Item {
  const { article, entry } = args;
  const title = article.title || entry.title || args.url;
  const lead = article.lead ?? entry.summary ?? null;
  return {
    id: args.id,
    url: args.url,
    ...sourceFields(args.source),
    title,
    lead,
    text: article.text,
    author: article.author ?? entry.author ?? null,
    section: article.section ?? entry.section ?? args.source.section ?? null,
    tags: article.tags,
    publishedAt: article.publishedAt ?? entry.publishedAt ?? args.seenAt,
    modifiedAt: article.modifiedAt,
    fetchedAt: args.fetchedAt,
    imageUrl: article.imageUrl ?? entry.imageUrl ?? null,
    partial: false,
    partialReason: null,
    contentHash: contentHashOf(title, lead, article.text),
    labels: null,
  };
}

/**
 * Build a partial item from what the feed said, when the article page cannot be had:
 * the item is kept (never lost) and marked with the reason.
 */
export function partialItemFromEntry(args: {
  id: string;
  url: string;
  source: SourceConfig;
  entry: DiscoveredEntry;
  seenAt: string;
  fetchedAt: string;
  reason: string;
}): Item {
  const { entry } = args;
  const title = entry.title?.trim() || titleFromUrl(args.url);
  const lead = entry.summary?.trim() || null;
  return {
    id: args.id,
    url: args.url,
    ...sourceFields(args.source),
    title,
    lead,
    text: '',
    author: entry.author ?? null,
    section: entry.section ?? args.source.section ?? null,
    tags: [],
    publishedAt: entry.publishedAt ?? args.seenAt,
    modifiedAt: null,
    fetchedAt: args.fetchedAt,
    imageUrl: entry.imageUrl ?? null,
    partial: true,
    partialReason: args.reason,
    contentHash: contentHashOf(title, lead, ''),
    labels: null,
  };
}

/** Last path segment as a readable title (`/chinh-sach-moi-123.html` → `chinh sach moi 123`). */
function titleFromUrl(url: string): string {
  try {
    const last = new URL(url).pathname.split('/').filter(Boolean).pop() ?? url;
    return decodeURIComponent(last).replace(/\.[a-z]+$/i, '').replace(/[-_]+/g, ' ').trim() || url;
  } catch {
    return url;
  }
}
