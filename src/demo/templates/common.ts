/**
 * Pieces shared by the outlet templates: escaping, Vietnamese date strings, and the boxes every
 * Vietnamese news page carries (related news, ads, comments, share bar, tags).
 */
import { vnParts } from '../corpus/time.js';
import type { DemoArticle, DemoOutlet } from '../types.js';

/** What a template needs to render one article page. */
export interface PageContext {
  outlet: DemoOutlet;
  article: DemoArticle;
  /** Server origin, e.g. `http://127.0.0.1:40123` (no trailing slash). */
  origin: string;
  /** Earlier articles of the same outlet on the same topic ("Tin liên quan"). */
  related: DemoArticle[];
  /** Recent articles of the outlet for the "Xem nhiều" sidebar. */
  mostRead: DemoArticle[];
}

/** Escapes text for HTML element content and attribute values. */
export function esc(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

const WEEKDAYS = ['Chủ nhật', 'Thứ hai', 'Thứ ba', 'Thứ tư', 'Thứ năm', 'Thứ sáu', 'Thứ bảy'];
const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const DAYS_EN = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const pad = (n: number): string => String(n).padStart(2, '0');

/** `Thứ năm, 6/2/2025, 20:30 (GMT+7)` */
export function vnLongDate(iso: string): string {
  const p = vnParts(Date.parse(iso));
  return `${WEEKDAYS[p.weekday]}, ${p.day}/${p.month}/${p.year}, ${pad(p.hour)}:${pad(p.minute)} (GMT+7)`;
}

/** `06/02/2025 20:30` (local time, no zone). */
export function vnShortDate(iso: string): string {
  const p = vnParts(Date.parse(iso));
  return `${pad(p.day)}/${pad(p.month)}/${p.year} ${pad(p.hour)}:${pad(p.minute)}`;
}

/** Weekday name in Vietnamese, e.g. `Thứ năm`. */
export function vnWeekday(iso: string): string {
  return WEEKDAYS[vnParts(Date.parse(iso)).weekday] ?? '';
}

/** `2025-02-06T20:30:00+07:00` */
export function isoLocal(iso: string): string {
  const p = vnParts(Date.parse(iso));
  return `${p.year}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)}+07:00`;
}

/** RFC 822 date in local time with the given zone text: `Thu, 06 Feb 2025 20:30:00 +0700`. */
export function rfc822Local(iso: string, zone = '+0700'): string {
  const p = vnParts(Date.parse(iso));
  const weekday = DAYS_EN[p.weekday] ?? 'Mon';
  const month = MONTHS_EN[p.month - 1] ?? 'Jan';
  return `${weekday}, ${pad(p.day)} ${month} ${p.year} ${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)}${zone ? ` ${zone}` : ''}`;
}

/** Absolute URL of an article on this server. */
export function articleUrl(origin: string, article: DemoArticle): string {
  return `${origin}${article.path}`;
}

/** URL of the article's photo. */
export function imageUrl(origin: string, article: DemoArticle): string {
  return `${origin}/${article.outletId}/images/${article.id}.png`;
}

/** Body paragraphs with the photo after the first or second paragraph. */
export function paragraphsWithPhoto(article: DemoArticle, paragraph: (text: string) => string, photo: string): string {
  const at = article.paragraphs.length > 4 ? 2 : 1;
  return article.paragraphs.map((p, i) => (i === at ? photo : '') + paragraph(p)).join('\n');
}

/** An advertising slot, as ad networks leave them in the page. */
export function adSlot(id: string, className = 'banner-ads'): string {
  return `<div class="${className}" id="${id}" data-ad-slot="${id}"><span class="ads-label">Quảng cáo</span><div class="ads-inner"><a href="/quang-cao/click?slot=${id}" rel="sponsored nofollow">Vay tiêu dùng lãi suất ưu đãi, giải ngân trong 15 phút</a></div></div>`;
}

/** The "Tin liên quan" box. */
export function relatedBox(origin: string, related: DemoArticle[], className: string, heading = 'Tin liên quan'): string {
  if (related.length === 0) return '';
  const items = related.map((r) => `<li><a href="${esc(articleUrl(origin, r))}" title="${esc(r.title)}">${esc(r.title)}</a></li>`).join('');
  return `<div class="${className}"><h3 class="title-box">${heading}</h3><ul>${items}</ul></div>`;
}

/** The "Ý kiến bạn đọc" comments block. */
export function commentsBox(article: DemoArticle, className: string, heading = 'Ý kiến bạn đọc'): string {
  const items = article.comments
    .map(
      (c, i) =>
        `<div class="comment-item" id="cmt-${i + 1}"><p class="content-comment"><b class="txt-name">${esc(c.name)}</b> ${esc(c.text)}</p>` +
        `<div class="reactions-total"><span class="number">${c.likes}</span> thích · <a href="#" class="reply">Trả lời</a></div></div>`,
    )
    .join('');
  return `<section class="${className}" id="box_comment"><h3 class="title-comment">${heading} (${article.comments.length})</h3>` +
    `<form class="comment-form"><textarea placeholder="Ý kiến của bạn"></textarea><button type="button">Gửi</button></form>${items}</section>`;
}

/** Share buttons. */
export function shareBar(url: string, className = 'social-share'): string {
  const u = encodeURIComponent(url);
  return `<div class="${className}"><a class="share-facebook" href="https://facebook.demo/share?u=${u}" rel="nofollow">Chia sẻ</a> <a class="share-zalo" href="https://zalo.demo/share?u=${u}" rel="nofollow">Zalo</a> <a class="copy-link" href="#">Sao chép liên kết</a> <a class="print" href="#">In bài</a></div>`;
}

/** Tag links. */
export function tagList(outlet: DemoOutlet, tags: string[], className = 'tags'): string {
  const links = tags.map((t) => `<a href="/${outlet.id}/tag/${encodeURIComponent(t)}" class="tag-item">${esc(t)}</a>`).join(' ');
  return `<div class="${className}"><span>Từ khóa:</span> ${links}</div>`;
}

/** Open Graph and basic meta tags. */
export function ogMeta(ctx: PageContext): string {
  const { article, origin, outlet } = ctx;
  return [
    `<meta property="og:site_name" content="${esc(outlet.name)}">`,
    `<meta property="og:type" content="article">`,
    `<meta property="og:title" content="${esc(article.title)}">`,
    `<meta property="og:description" content="${esc(article.lead)}">`,
    `<meta property="og:url" content="${esc(articleUrl(origin, article))}">`,
    `<meta property="og:image" content="${esc(imageUrl(origin, article))}">`,
    `<meta property="article:published_time" content="${isoLocal(article.publishedAt)}">`,
    article.modifiedAt ? `<meta property="article:modified_time" content="${isoLocal(article.modifiedAt)}">` : '',
    `<meta property="article:section" content="${esc(article.section)}">`,
  ].filter(Boolean).join('\n');
}

/** schema.org NewsArticle as JSON-LD; `<` is escaped so text cannot close the script element. */
export function jsonLd(ctx: PageContext): string {
  const { article, origin, outlet } = ctx;
  const data = {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    mainEntityOfPage: { '@type': 'WebPage', '@id': articleUrl(origin, article) },
    headline: article.title,
    description: article.lead,
    image: [imageUrl(origin, article)],
    datePublished: isoLocal(article.publishedAt),
    dateModified: isoLocal(article.modifiedAt ?? article.publishedAt),
    author: { '@type': 'Person', name: article.author },
    publisher: { '@type': 'Organization', name: outlet.name, logo: { '@type': 'ImageObject', url: `${origin}/${outlet.id}/logo.png` } },
    articleSection: article.section,
    keywords: article.tags.join(', '),
  };
  return `<script type="application/ld+json">${JSON.stringify(data).replace(/</g, '\\u003c')}</script>`;
}

/** Site navigation of every outlet. */
export function navLinks(outlet: DemoOutlet): string {
  const sections = [['thoi-su', 'Thời sự'], ['kinh-doanh', 'Kinh doanh'], ['bat-dong-san', 'Bất động sản'], ['suc-khoe', 'Sức khỏe'], ['giao-duc', 'Giáo dục'], ['phap-luat', 'Pháp luật']];
  return sections.map(([slug, name]) => `<li><a href="/${outlet.id}/${slug}">${name}</a></li>`).join('');
}
