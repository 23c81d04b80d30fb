import type { DiscoveredEntry } from '../core/item.js';
import type { SourceConfig } from '../config/sources-schema.js';
import type { Fetcher } from '../http/fetcher.js';
import type { SourceHealth } from '../store/store.js';
import { canonicalizeUrl, itemIdFor } from '../extract/canonical-url.js';
import { discoverEntries } from '../sources/discover.js';

/** One discovered entry with its canonical URL and id. */
export interface CrawlCandidate {
  id: string;
  url: string;
  entry: DiscoveredEntry;
}

/** What one poll of a source found. */
export interface CrawlOutcome {
  status: 'ok' | 'not_modified';
  /** Entries after canonicalisation, duplicates (same canonical URL) collapsed. */
  candidates: CrawlCandidate[];
  /** Further URLs to poll (sitemap index children). */
  childUrls: string[];
  etag: string | null;
  lastModified: string | null;
  /** Entries the source listed that could not be used (bad URL), with the reason. */
  rejected: { url: string; reason: string }[];
}

/**
 * Poll a source once: conditional GET with remembered validators, parse whatever kind it is,
 * canonicalise every entry URL. Pure apart from the fetcher.
 */
export async function pollSource(
  source: SourceConfig,
  health: Pick<SourceHealth, 'etag' | 'lastModified'> | null,
  fetcher: Fetcher,
  url: string = source.url,
): Promise<CrawlOutcome> {
  const isRoot = url === source.url;
  const res = await fetcher.fetch({
    url,
    etag: isRoot ? (health?.etag ?? null) : null,
    lastModified: isRoot ? (health?.lastModified ?? null) : null,
    allowPrivateNetwork: source.allowPrivateNetwork,
    accept:
      source.kind === 'listing'
        ? 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.5'
        : 'application/rss+xml,application/atom+xml,application/xml;q=0.9,text/xml;q=0.9,*/*;q=0.5',
    ...(source.forceCharset ? { forceCharset: source.forceCharset } : {}),
  });
  if (res.notModified) {
    return { status: 'not_modified', candidates: [], childUrls: [], etag: res.etag ?? health?.etag ?? null, lastModified: res.lastModified ?? health?.lastModified ?? null, rejected: [] };
  }
  const { entries, childUrls } = await discoverEntries(source, res.body, res.url);
  const byId = new Map<string, CrawlCandidate>();
  const rejected: { url: string; reason: string }[] = [];
  for (const entry of entries) {
    let canonical: string;
    try {
      canonical = canonicalizeUrl(entry.url, res.url);
    } catch (err) {
      rejected.push({ url: entry.url, reason: (err as Error).message });
      continue;
    }
    const id = itemIdFor(canonical);
    if (!byId.has(id)) byId.set(id, { id, url: canonical, entry: { ...entry, url: canonical } });
  }
  return {
    status: 'ok',
    candidates: [...byId.values()],
    childUrls,
    etag: isRoot ? res.etag : (health?.etag ?? null),
    lastModified: isRoot ? res.lastModified : (health?.lastModified ?? null),
    rejected,
  };
}
