/**
 * Choosing among competing metadata clues: which title, which author, which tags.
 */
import type { Element } from './dom.js';
import { foldForSearch } from '../nlp/fold.js';
import { normaliseSpace } from './dom.js';
import type { JsonLdArticle } from './json-ld.js';
import type { PageFacts } from './page-facts.js';

type MetaLookup = (key: string) => string | undefined;

const SEPARATOR = /\s+[-|–—»:·]\s+/g;
const SITE_WORDS = /báo|vnexpress|online|\.vn\b|\.com\b|\.net\b|cổng thông tin|cổng ttđt|portal|tin tức|news|tạp chí|điện tử|chính phủ/i;

/**
 * Title: the page's h1 (the headline as readers see it) when one matches the declared title or
 * is headline-sized; else og:title / JSON-LD headline / `<title>` without the site suffix
 * (` - VnExpress`, ` | Báo Chính phủ`).
 */
export function pickTitle(facts: PageFacts, ld: JsonLdArticle | null, meta: MetaLookup): { text: string; h1: Element | null } {
  const siteName = meta('og:site_name');
  const declared = [meta('og:title'), meta('twitter:title'), ld?.headline, facts.titleTag ?? undefined]
    .filter((t): t is string => !!t && t.trim() !== '')
    .map((t) => stripSiteSuffix(normaliseSpace(t), siteName));
  const h1s = facts.h1s.filter((h) => h.text.length >= 8 && !/(?:^|[\s_-])logo(?:$|[\s_-])/i.test(h.el.attribs.class ?? ''));
  const folded = declared.map(foldForSearch);
  const matching = h1s.find((h) => {
    const f = foldForSearch(h.text);
    return folded.some((d) => d === f || (f.length >= 15 && (d.includes(f) || f.includes(d))));
  });
  const chosen = matching ?? h1s.find((h) => h.text.length >= 20) ?? null;
  if (chosen) return { text: chosen.text, h1: chosen.el };
  return { text: declared[0] ?? '', h1: null };
}

/** Remove a trailing (or leading) site name: `Tiêu đề - VnExpress` → `Tiêu đề`. */
export function stripSiteSuffix(title: string, siteName?: string): string {
  const parts = title.split(SEPARATOR);
  if (parts.length < 2) return title;
  const site = siteName ? foldForSearch(normaliseSpace(siteName)) : '';
  const isSite = (part: string): boolean => {
    const f = foldForSearch(part);
    if (site && (f === site || f.includes(site) || site.includes(f))) return true;
    return part.length <= 40 && SITE_WORDS.test(part);
  };
  const separators = title.match(SEPARATOR) ?? [];
  if (isSite(parts[parts.length - 1]!)) return rejoin(parts.slice(0, -1), separators);
  if (isSite(parts[0]!) && parts[0]!.length < parts.slice(1).join(' ').length) return rejoin(parts.slice(1), separators.slice(1));
  return title;
}

function rejoin(parts: string[], separators: string[]): string {
  return parts.reduce((acc, part, i) => (i === 0 ? part : acc + (separators[i - 1] ?? ' - ') + part), '').trim();
}

const BYLINE_PREFIX = /^(?:tác giả|bài(?: và ảnh)?|bài, ảnh|bài\/ảnh|thực hiện|author|by)\s*[:\-–]?\s*/i;

/** Author: JSON-LD, meta author, `article:author` (unless a URL), `.author`-like elements, trailing byline. */
export function pickAuthor(facts: PageFacts, ld: JsonLdArticle | null, meta: MetaLookup, byline: string | null): string | null {
  const siteName = foldForSearch(meta('og:site_name') ?? '');
  const candidates = [ld?.author, meta('author'), meta('article:author'), meta('dc.creator'), ...facts.authorTexts, byline ?? undefined];
  for (const raw of candidates) {
    if (!raw) continue;
    const text = normaliseSpace(raw).replace(BYLINE_PREFIX, '');
    if (text === '' || text.length > 80 || /^https?:\/\//i.test(text)) continue;
    if (siteName && foldForSearch(text) === siteName) continue;
    return text;
  }
  return null;
}

/**
 * Tags from meta keywords/news_keywords, `article:tag` and JSON-LD keywords, else from the
 * visible tag links: trimmed, NFC, deduplicated.
 */
export function pickTags(facts: PageFacts, ld: JsonLdArticle | null): string[] {
  const declared = [
    ...(facts.meta.get('keywords') ?? []),
    ...(facts.meta.get('news_keywords') ?? []),
    ...(facts.meta.get('article:tag') ?? []),
    ...(ld?.keywords ?? []),
  ].filter((v) => v.trim() !== '');
  const raw = declared.length > 0 ? declared : facts.visibleTags;
  const seen = new Set<string>();
  const tags: string[] = [];
  for (const value of raw) {
    for (const part of value.split(/[,;]/)) {
      const tag = normaliseSpace(part);
      const key = foldForSearch(tag);
      if (tag === '' || tag.length > 60 || seen.has(key)) continue;
      seen.add(key);
      tags.push(tag);
      if (tags.length >= 30) return tags;
    }
  }
  return tags;
}
