/**
 * HTML listing pages (sites without a feed, many provincial portals) → discovered entries,
 * driven by the cheerio selectors configured for the source.
 */
import * as cheerio from 'cheerio';
import type { DiscoveredEntry } from '../core/item.js';
import { canonicalizeUrl } from '../extract/canonical-url.js';
import { parseVietnameseDate } from '../extract/dates.js';
import { capHtmlDepth, MAX_HTML_DEPTH } from './html-depth.js';
import { cleanInline } from './text.js';

/** Selectors of a listing source (see `listingSelectorsSchema`). */
export interface ListingSelectors {
  /** One entry block. */
  item: string;
  /** Link inside the block (or the block itself when it is the link). */
  link: string;
  title?: string | undefined;
  summary?: string | undefined;
  date?: string | undefined;
}

/** Options for {@link parseListing}. */
export interface ParseListingOptions {
  /** Receives a message per block dropped for lack of a usable link. */
  onSkip?: (reason: string) => void;
  /** Reference time for date sanity checks (tests). */
  now?: Date;
}

/**
 * Read the entry blocks of a listing page. Links resolve against `<base href>` when present,
 * else the page URL; entries pointing at the same canonical URL are collapsed (listing pages
 * often show one article in a hero box and again in the list).
 */
export function parseListing(html: string, pageUrl: string, selectors: ListingSelectors, opts: ParseListingOptions = {}): DiscoveredEntry[] {
  // parse5 is quadratic in nesting depth: flatten absurd nesting first (text and links kept).
  const capped = capHtmlDepth(html);
  if (capped.flattenedTags > 0) opts.onSkip?.(`${pageUrl}: markup nested deeper than ${MAX_HTML_DEPTH} levels; ${capped.flattenedTags} tags below that were flattened (their text kept)`);
  const $ = cheerio.load(capped.html);
  const base = resolveHref($('base[href]').first().attr('href'), pageUrl) ?? pageUrl;
  const entries = new Map<string, DiscoveredEntry>();
  $(selectors.item).each((index, block) => {
    const $block = $(block);
    const $link = $block.is(selectors.link) ? $block : $block.find(selectors.link).first();
    const url = resolveHref($link.attr('href'), base);
    if (!url) {
      opts.onSkip?.(`${pageUrl}: listing item ${index + 1} skipped: no usable link for selector "${selectors.link}"`);
      return;
    }
    const key = canonicalizeUrl(url);
    if (entries.has(key)) return;
    const entry: DiscoveredEntry = { url };
    const title = selectors.title ? cleanInline($block.find(selectors.title).first().text()) : cleanInline($link.attr('title') ?? $link.text());
    if (title) entry.title = title;
    if (selectors.summary) {
      const summary = cleanInline($block.find(selectors.summary).first().text());
      if (summary) entry.summary = summary;
    }
    if (selectors.date) {
      const $date = $block.find(selectors.date).first();
      // A machine-readable <time datetime> beats the display text next to it.
      const $machine = $date.is('[datetime]') ? $date : $date.find('[datetime]').first();
      const raw = $machine.attr('datetime') ?? $date.attr('title') ?? $date.text();
      const publishedAt = parseVietnameseDate(raw, opts.now ? { now: opts.now } : {});
      if (publishedAt) entry.publishedAt = publishedAt;
    }
    const image = $block.find('img').first();
    const imageUrl = resolveHref(image.attr('data-src') ?? image.attr('src'), base);
    if (imageUrl) entry.imageUrl = imageUrl;
    entries.set(key, entry);
  });
  return [...entries.values()];
}

function resolveHref(href: string | undefined, base: string): string | undefined {
  if (!href || href.trim() === '' || href.trim().startsWith('#')) return undefined;
  try {
    const url = new URL(href.trim(), base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.toString() : undefined;
  } catch {
    return undefined;
  }
}
