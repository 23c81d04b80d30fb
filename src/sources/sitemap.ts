/**
 * Sitemaps → discovered entries: Google News sitemaps (`news:title`, `news:publication_date`),
 * plain `urlset`s (only `lastmod`), and sitemap indexes (whose children the crawler fetches next).
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { PermanentError } from '../core/errors.js';
import type { DiscoveredEntry } from '../core/item.js';
import { canonicalizeUrl } from '../extract/canonical-url.js';
import { parseVietnameseDate } from '../extract/dates.js';
import { assertNotHtml } from './html-guard.js';
import { cleanTitle, repairMojibake } from './text.js';
import { repairCommonXmlDefects } from './xml-repair.js';

/** What one sitemap yields: article entries and/or child sitemap URLs (from an index). */
export interface SitemapResult {
  entries: DiscoveredEntry[];
  /** Absolute URLs of child sitemaps, deduplicated, in document order. */
  sitemaps: string[];
}

/** Options for {@link parseSitemap}. */
export interface ParseSitemapOptions {
  /** Receives a message per `<url>` dropped for lack of a usable `<loc>`. */
  onSkip?: (reason: string) => void;
  /** Reference time for date sanity checks (tests). */
  now?: Date;
}

interface UrlNode { loc?: unknown; lastmod?: unknown; news?: { title?: unknown; publication_date?: unknown }; image?: { loc?: unknown }[] }

const xmlParser = new XMLParser({
  ignoreAttributes: true,
  // Prefixes vary between sites (`news:`, `n:`); the local names are what matter.
  removeNSPrefix: true,
  parseTagValue: false,
  trimValues: true,
  isArray: (name) => name === 'url' || name === 'sitemap' || name === 'image',
});

/**
 * Parse a sitemap, news sitemap or sitemap index.
 *
 * `publishedAt` comes from `news:publication_date`, else from `lastmod` (the best hint a plain
 * sitemap gives; the article page's own date replaces it after extraction).
 *
 * @throws PermanentError `not_a_feed` for an HTML page, `sitemap_unparseable` for invalid XML
 *   (after one repair pass) or a root that is neither `urlset` nor `sitemapindex`
 */
export function parseSitemap(xml: string, sitemapUrl: string, opts: ParseSitemapOptions = {}): SitemapResult {
  const body = repairMojibake(xml.replace(/^[\ufeff\s]+/, ''));
  assertNotHtml(body, sitemapUrl, 'an XML sitemap');
  const doc = parseValidated(body, sitemapUrl) as { urlset?: { url?: UrlNode[] } | string; sitemapindex?: { sitemap?: { loc?: unknown }[] } | string };

  if (doc.sitemapindex !== undefined) {
    const children = typeof doc.sitemapindex === 'object' ? doc.sitemapindex.sitemap ?? [] : [];
    const urls = children.map((s) => resolve(text(s.loc), sitemapUrl)).filter((u): u is string => u !== undefined);
    return { entries: [], sitemaps: [...new Set(urls)] };
  }
  if (doc.urlset === undefined) {
    const root = Object.keys(doc).find((k) => k !== '?xml') ?? '(none)';
    throw new PermanentError('sitemap_unparseable', `sitemap ${sitemapUrl} has root <${root}>, expected <urlset> or <sitemapindex>`);
  }
  const nodes = typeof doc.urlset === 'object' ? doc.urlset.url ?? [] : [];
  const entries = new Map<string, DiscoveredEntry>();
  nodes.forEach((node, index) => {
    const url = resolve(text(node.loc), sitemapUrl);
    if (!url) {
      opts.onSkip?.(`${sitemapUrl}: <url> ${index + 1} skipped: missing or invalid <loc>`);
      return;
    }
    const key = canonicalizeUrl(url);
    if (entries.has(key)) return;
    entries.set(key, toEntry(url, node, opts.now));
  });
  return { entries: [...entries.values()], sitemaps: [] };
}

function parseValidated(body: string, sitemapUrl: string): Record<string, unknown> {
  const verdict = XMLValidator.validate(body);
  if (verdict === true) return parseOrExplain(body, sitemapUrl);
  const repaired = repairCommonXmlDefects(body);
  if (repaired !== body && XMLValidator.validate(repaired) === true) return parseOrExplain(repaired, sitemapUrl);
  const { msg, line, col } = verdict.err;
  throw new PermanentError('sitemap_unparseable', `sitemap ${sitemapUrl} is not valid XML: ${msg} at line ${line}, column ${col}`);
}

/**
 * The validator accepts some bodies the parser then rejects (two DOCTYPEs, entity tricks, very
 * deep nesting): report those as this sitemap's typed error, never a bare parser exception.
 */
function parseOrExplain(body: string, sitemapUrl: string): Record<string, unknown> {
  try {
    return xmlParser.parse(body) as Record<string, unknown>;
  } catch (err) {
    const reason = err instanceof RangeError ? 'nested too deeply' : (err as Error).message.split('\n')[0];
    throw new PermanentError('sitemap_unparseable', `sitemap ${sitemapUrl} is not readable XML: ${reason}`, { cause: err });
  }
}

function toEntry(url: string, node: UrlNode, now: Date | undefined): DiscoveredEntry {
  const entry: DiscoveredEntry = { url };
  const title = text(node.news?.title);
  if (title) entry.title = cleanTitle(title);
  const rawDate = text(node.news?.publication_date) ?? text(node.lastmod);
  const publishedAt = rawDate ? parseVietnameseDate(rawDate, now ? { now } : {}) : null;
  if (publishedAt) entry.publishedAt = publishedAt;
  const image = resolve(text(node.image?.[0]?.loc), url);
  if (image) entry.imageUrl = image;
  return entry;
}

function text(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() || undefined;
  if (typeof value === 'number') return String(value);
  return undefined;
}

function resolve(href: string | undefined, base: string): string | undefined {
  if (!href) return undefined;
  try {
    const url = new URL(href, base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.toString() : undefined;
  } catch {
    return undefined;
  }
}
