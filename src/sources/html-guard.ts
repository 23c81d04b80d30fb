/**
 * Servers answer a feed URL with an HTML page more often than one would think (a moved feed, a
 * CMS redirect to the home page, a captive portal). Saying so — and naming the feed the page
 * advertises — saves the operator a guess.
 */
import * as cheerio from 'cheerio';
import { PermanentError } from '../core/errors.js';

const HTML_START = /^(?:\s|<!--[\s\S]*?-->)*(?:<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>])/i;

/** True when the body is an HTML document rather than XML. */
export function looksLikeHtml(body: string): boolean {
  return HTML_START.test(body.slice(0, 4096));
}

/** Feed URLs an HTML page advertises with `<link rel="alternate" type="application/rss+xml">` (absolute). */
export function advertisedFeeds(html: string, pageUrl: string): string[] {
  const $ = cheerio.load(html);
  const found: string[] = [];
  $('link[rel~="alternate"][href]').each((_, el) => {
    const type = ($(el).attr('type') ?? '').toLowerCase();
    if (!/^application\/(rss|atom|rdf)\+xml$/.test(type)) return;
    try {
      found.push(new URL($(el).attr('href')!.trim(), pageUrl).toString());
    } catch {
      // An unusable href is no feed to advertise.
    }
  });
  return found;
}

/**
 * Throw when a body fetched as a feed (or sitemap: pass `expected`) is an HTML page.
 * @throws PermanentError `not_a_feed`, naming the feed link the page advertises, if any
 */
export function assertNotHtml(body: string, url: string, expected = 'RSS/Atom/RDF'): void {
  if (!looksLikeHtml(body)) return;
  const feeds = advertisedFeeds(body, url);
  const hint = feeds.length > 0 ? `; it advertises the feed ${feeds[0]} — use that URL` : '; it advertises no feed link';
  throw new PermanentError('not_a_feed', `${url} returned an HTML page, not ${expected}${hint}`);
}
