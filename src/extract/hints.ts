/**
 * Class/id hints that tell article text from page furniture on Vietnamese news sites.
 * Hints are matched as dash/underscore/space separated tokens, so `box-tinlienquan` and
 * `box_comment` match while `download` does not match `ad`.
 */
import type { Element } from './dom.js';
import { hintsOf } from './dom.js';

const T0 = '(?:^|[\\s_-])';
const T1 = '(?:$|[\\s_-])';
const token = (alternatives: string): RegExp => new RegExp(`${T0}(?:${alternatives})${T1}`);

/** Never article text, whatever else the element says about itself. */
const STRONG_NEGATIVE = token(
  [
    'related\\w*', 'relate', 'lien-?quan', 'tinlienquan\\w*', 'tin-?lien-?quan', 'comments?', 'comment-\\w+', 'binh-?luan', 'binhluan',
    'ads?', 'adv', 'advert\\w*', 'quang-?cao', 'quangcao', 'qc', 'banner\\w*', 'sponsor\\w*', 'share\\w*', 'sharing', 'social\\w*',
    'tags?', 'tag-?list', 'keywords?', 'tu-?khoa', 'most-?view\\w*', 'xem-?nhieu', 'doc-?nhieu', 'docnhieu', 'tin-?moi', 'tinmoi',
    'readmore', 'read-more', 'xem-?them', 'other-?news\\w*', 'othernews\\w*', 'tin-?khac', 'tinkhac', 'cac-?tin-?khac', 'recommend\\w*', 'outbrain', 'popup', 'modal', 'newsletter', 'rating', 'vote',
  ].join('|'),
);

/** Usually furniture, unless the same element also claims to be content (`content has-sidebar`). */
const WEAK_NEGATIVE = token(
  [
    'footer', 'sidebar\\w*', 'side-?bar', 'aside', 'menu\\w*', 'nav\\w*', 'navigation', 'breadcrumbs?', 'widget\\w*', 'header',
    'author\\w*', 'byline', 'tac-?gia', 'date', 'time', 'datetime', 'meta', 'publish\\w*', 'toolbar', 'tools?', 'print', 'copyright',
    'login', 'search', 'logo', 'hotline', 'box-?category', 'category-?box', 'timeline', 'top-?story', 'follow', 'subscribe',
  ].join('|'),
);

/** Names article bodies go by. */
const POSITIVE = token(
  [
    'content\\w*', 'detail\\w*', 'article\\w*', 'fck', 'body', 'entry', 'main', 'story', 'singular\\w*',
    'news-?content', 'noi-?dung', 'noidung', 'chi-?tiet', 'chitiet', 'maincontent', 'cms-?body', 'e-?magazine',
  ].join('|'),
);

/** Comment sections and related-news boxes: their bylines and dates are not the article's. */
const FOREIGN_META = token('related\\w*|lien-?quan|tinlienquan\\w*|tin-?lien-?quan|comments?|comment-\\w+|binh-?luan|binhluan|most-?view\\w*|xem-?nhieu');

// Substring matches: these only nominate texts that must still parse as a date or look like a name.
const DATE_HINT = /date|time|publish|ngay-?dang|ngaydang|thoi-?gian|meta|info/;
const AUTHOR_HINT = /author|byline|tac-?gia|tacgia|writer/;
const BREADCRUMB_HINT = token('breadcrumbs?|bread-?crumb|chuyen-?muc|category|cate|section-?name');
const TAGS_HINT = token('tags?|tag-?list|tags?-?(?:wrap\\w*|box|item\\w*|list|link)|keywords?|tu-?khoa|the-?tag');

/** Bit flags of what an element's class/id suggests. */
export const Hint = {
  Strong: 1, Weak: 2, Positive: 4, Foreign: 8, Date: 16, Author: 32, Breadcrumb: 64, Tags: 128,
} as const;

// Pages reuse a few hundred class strings thousands of times; classify each string once.
const cache = new Map<string, number>();
const CACHE_LIMIT = 20_000;

/** Classify a lower-cased `class id` string into {@link Hint} flags (memoised). */
export function hintFlags(hints: string): number {
  if (hints === '') return 0;
  let flags = cache.get(hints);
  if (flags !== undefined) return flags;
  flags =
    (STRONG_NEGATIVE.test(hints) ? Hint.Strong : 0) |
    (WEAK_NEGATIVE.test(hints) ? Hint.Weak : 0) |
    (POSITIVE.test(hints) ? Hint.Positive : 0) |
    (FOREIGN_META.test(hints) ? Hint.Foreign : 0) |
    (DATE_HINT.test(hints) ? Hint.Date : 0) |
    (AUTHOR_HINT.test(hints) ? Hint.Author : 0) |
    (BREADCRUMB_HINT.test(hints) ? Hint.Breadcrumb : 0) |
    (TAGS_HINT.test(hints) ? Hint.Tags : 0);
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(hints, flags);
  return flags;
}

/** {@link hintFlags} of an element, memoised on the element. */
export function flagsOf(el: Element): number {
  if (el.hintFlags < 0) el.hintFlags = hintFlags(hintsOf(el));
  return el.hintFlags;
}

/** Weight of an element's own hints for content scoring: +25 content-like, −25 furniture-like. */
export function classWeight(el: Element): number {
  const flags = flagsOf(el);
  return (flags & Hint.Positive ? 25 : 0) - (flags & (Hint.Strong | Hint.Weak) ? 25 : 0);
}

/**
 * How sure we are that an element is page furniture: `strong` (related news, ads, comments, share
 * bars, tags: never article text), `weak` (sidebar, footer, menu, date/author lines: skipped
 * inside the chosen content, but never used to discard a whole column — real sites call their
 * main column `sidebar-1`), or null.
 */
export function boilerplateStrength(el: Element): 'strong' | 'weak' | null {
  if (el.name === 'body' || el.name === 'html') return null;
  const flags = flagsOf(el);
  if (flags & Hint.Strong) return 'strong';
  return flags & Hint.Weak && !(flags & Hint.Positive) ? 'weak' : null;
}
