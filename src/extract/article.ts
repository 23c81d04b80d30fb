/**
 * Article extraction: generic (no per-site rules), from the clues every Vietnamese news page
 * carries in some form — JSON-LD, OpenGraph/meta, `<time>`, visible date lines, sapo classes —
 * plus content scoring for the body text. Parsing is one pass of `fast-html.ts`; the rest are a few
 * linear walks (see `page-facts.ts`, `main-text.ts`).
 */
import type { Element } from './dom.js';
import { PermanentError } from '../core/errors.js';
import type { ExtractedArticle } from '../core/item.js';
import { canonicalizeUrl, deAmpUrl } from './canonical-url.js';
import { parseVietnameseDate } from './dates.js';
import { absoluteUrl, normaliseSpace, parseHtml } from './dom.js';
import { findJsonLdArticle, type JsonLdArticle } from './json-ld.js';
import { extractMainText } from './main-text.js';
import { collectPageFacts, type PageFacts } from './page-facts.js';
import { pickAuthor, pickTags, pickTitle } from './metadata-pickers.js';

/** Options for {@link extractArticle}. */
export interface ExtractOptions {
  /** Reference time for date sanity checks (tests, re-processing old pages). */
  now?: Date;
}

const MIN_TEXT_WITHOUT_TITLE = 50;

/**
 * Extract title, lead, main text and metadata from an article page.
 *
 * @param html decoded page HTML
 * @param pageUrl URL the page was fetched from (after redirects): base for relative links
 * @throws PermanentError `unparseable` when the page has neither a title nor ~50 characters of text
 */
export function extractArticle(html: string, pageUrl: string, opts: ExtractOptions = {}): ExtractedArticle {
  try {
    return extractFrom(html, pageUrl, opts);
  } catch (err) {
    // Pathological nesting (tens of thousands of levels) exhausts the recursive walks: that page
    // is hostile or broken, and must fail as this page's typed error, not crash the worker.
    if (err instanceof RangeError) throw new PermanentError('unparseable', `${pageUrl}: page nested too deeply to read`, { cause: err });
    throw err;
  }
}

function extractFrom(html: string, pageUrl: string, opts: ExtractOptions): ExtractedArticle {
  const doc = parseHtml(html);
  const facts = collectPageFacts(doc);
  const ld = findJsonLdArticle(facts.jsonLd);
  const meta = (key: string): string | undefined => firstNonEmpty(facts.meta.get(key));

  const title = pickTitle(facts, ld, meta);
  const lead = facts.lead?.text ?? cleanOrNull(meta('og:description') ?? ld?.description ?? meta('description') ?? meta('twitter:description'));
  const exclude = new Set<Element>();
  if (title.h1) exclude.add(title.h1);
  if (facts.lead) exclude.add(facts.lead.el);
  const body = extractMainText(doc, exclude, [title.text, lead ?? ''].filter(Boolean));
  const text = body.paragraphs.join('\n\n');

  if (!title.text && text.length < MIN_TEXT_WITHOUT_TITLE) {
    throw new PermanentError('unparseable', `${pageUrl}: no article found — no title (h1, og:title, JSON-LD headline or <title>) and only ${text.length} characters of body text`);
  }
  const date = (candidates: (string | undefined)[]): string | null => {
    for (const c of candidates) {
      const parsed = c ? parseVietnameseDate(c, opts.now ? { now: opts.now } : {}) : null;
      if (parsed) return parsed;
    }
    return null;
  };

  return {
    title: title.text || firstLine(text),
    lead: lead && lead !== title.text ? lead : null,
    text,
    author: pickAuthor(facts, ld, meta, body.byline),
    section: cleanOrNull(ld?.section ?? meta('article:section') ?? meta('articlesection') ?? sectionFromBreadcrumbs(facts.breadcrumbs)),
    publishedAt: date([
      ld?.datePublished, meta('article:published_time'), meta('datepublished'), ...facts.publishedAttrs, meta('pubdate'),
      meta('publishdate'), meta('publish-date'), meta('dc.date.issued'), meta('dc.date'), meta('date'), ...facts.dateTexts,
    ]),
    modifiedAt: date([ld?.dateModified, meta('article:modified_time'), meta('og:updated_time'), meta('datemodified'), ...facts.modifiedAttrs, meta('lastmod')]),
    canonicalUrl: canonicalOf(facts, ld, meta('og:url'), pageUrl),
    ampUrl: absoluteUrl(facts.ampHref, pageUrl) ?? (facts.isAmp ? pageUrl : null),
    imageUrl: absoluteUrl(meta('og:image') ?? ld?.image ?? meta('twitter:image') ?? facts.imageSrcHref ?? body.imageSrc, pageUrl),
    tags: pickTags(facts, ld),
  };
}

function canonicalOf(facts: PageFacts, ld: JsonLdArticle | null, ogUrl: string | undefined, pageUrl: string): string | null {
  const declared = absoluteUrl(facts.canonicalHref, pageUrl) ?? absoluteUrl(ogUrl, pageUrl);
  // An AMP page that names no canonical still tells us it is a variant: strip the AMP marker.
  const url = declared ?? (facts.isAmp ? deAmpUrl(pageUrl) : null) ?? absoluteUrl(ld?.url, pageUrl);
  if (!url) return null;
  try {
    return canonicalizeUrl(url);
  } catch {
    return null;
  }
}

function sectionFromBreadcrumbs(crumbs: string[]): string | undefined {
  return crumbs.find((c) => !/^(trang chủ|home|trang chu)$/i.test(c) && c.length <= 60);
}

function firstNonEmpty(values: string[] | undefined): string | undefined {
  return values?.find((v) => v.trim() !== '');
}

function cleanOrNull(value: string | undefined): string | null {
  if (!value) return null;
  const cleaned = normaliseSpace(value);
  return cleaned === '' ? null : cleaned;
}

function firstLine(text: string): string {
  const line = text.split('\n')[0] ?? '';
  return line.length <= 160 ? line : `${line.slice(0, line.lastIndexOf(' ', 157))}…`;
}
