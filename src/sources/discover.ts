/**
 * One entry point for the crawl stage: whatever kind a source is, its fetched body becomes
 * discovered entries plus any child URLs (sitemap indexes) to crawl next.
 */
import { PermanentError } from '../core/errors.js';
import type { DiscoveredEntry } from '../core/item.js';
import type { SourceConfig } from '../config/sources-schema.js';
import { parseFeed } from './feed.js';
import { parseListing } from './listing.js';
import { parseSitemap } from './sitemap.js';

/** Entries found in one fetched body, and further URLs of the same source to fetch. */
export interface Discovery {
  entries: DiscoveredEntry[];
  /** Child sitemaps of a sitemap index (absolute). Empty for feeds and listings. */
  childUrls: string[];
  /** One message per item that was dropped (no usable link), for source health. */
  skipped: string[];
}

/**
 * Parse a source's fetched body according to `source.kind`.
 *
 * For `rss`, Atom and RDF bodies are accepted too; an HTML page throws `not_a_feed` naming the
 * feed it advertises. `finalUrl` (after redirects) is the base for relative links.
 *
 * @throws PermanentError `not_a_feed`, `feed_unparseable`, `sitemap_unparseable`, `listing_unconfigured`
 */
export async function discoverEntries(source: SourceConfig, body: string, finalUrl: string): Promise<Discovery> {
  const skipped: string[] = [];
  const onSkip = (reason: string): void => void skipped.push(reason);
  switch (source.kind) {
    case 'rss':
      return { entries: withSection(await parseFeed(body, finalUrl, { onSkip }), source.section), childUrls: [], skipped };
    case 'sitemap': {
      const { entries, sitemaps } = parseSitemap(body, finalUrl, { onSkip });
      return { entries: withSection(entries, source.section), childUrls: sitemaps, skipped };
    }
    case 'listing': {
      if (!source.listing) {
        throw new PermanentError('listing_unconfigured', `source "${source.id}" is a listing but has no listing selectors`);
      }
      return { entries: withSection(parseListing(body, finalUrl, source.listing, { onSkip }), source.section), childUrls: [], skipped };
    }
  }
}

/** A source configured for one section labels entries whose feed names none. */
function withSection(entries: DiscoveredEntry[], section: string | undefined): DiscoveredEntry[] {
  if (!section) return entries;
  return entries.map((e) => (e.section ? e : { ...e, section }));
}
