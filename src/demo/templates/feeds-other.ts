/** Atom feed, Google News sitemap (and its index), and the HTML listing pages of the no-feed outlet. */
import type { DemoArticle, DemoOutlet } from '../types.js';
import { articleUrl, esc, imageUrl, isoLocal, vnShortDate } from './common.js';
import type { FeedContext } from './feeds-rss.js';

/** Atom 1.0 with HTML summaries. */
export function renderAtom(ctx: FeedContext): string {
  const updated = ctx.articles[0] ? isoLocal(ctx.articles[0].modifiedAt ?? ctx.articles[0].publishedAt) : isoLocal(new Date(0).toISOString());
  const entries = ctx.articles.map((a) => `<entry>
<title type="text">${esc(a.title)}</title>
<link rel="alternate" type="text/html" href="${esc(articleUrl(ctx.origin, a))}"/>
<id>tag:${ctx.outlet.host},2025:${a.id}${ctx.changeGuids ? ':v2' : ''}</id>
<published>${isoLocal(a.publishedAt)}</published>
<updated>${isoLocal(a.modifiedAt ?? a.publishedAt)}</updated>
<author><name>${esc(a.author)}</name></author>
<category term="${esc(a.sectionSlug)}" label="${esc(a.section)}"/>
<summary type="html">${esc(`<a href="${articleUrl(ctx.origin, a)}"><img src="${imageUrl(ctx.origin, a)}" /></a>${a.lead}`)}</summary>
</entry>`);
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="vi">
<title>${esc(ctx.outlet.name)} - Tin mới</title>
<id>tag:${ctx.outlet.host},2025:feed</id>
<updated>${updated}</updated>
<link rel="self" type="application/atom+xml" href="${esc(ctx.selfUrl)}"/>
<link rel="alternate" type="text/html" href="${ctx.origin}/${ctx.outlet.id}/"/>
${entries.join('\n')}
</feed>`;
}

/** Google News sitemap. */
export function renderNewsSitemap(ctx: FeedContext): string {
  const urls = ctx.articles.map((a) => `<url>
<loc>${esc(articleUrl(ctx.origin, a))}</loc>
<lastmod>${isoLocal(a.modifiedAt ?? a.publishedAt)}</lastmod>
<news:news>
<news:publication><news:name>${esc(ctx.outlet.name)}</news:name><news:language>vi</news:language></news:publication>
<news:publication_date>${isoLocal(a.publishedAt)}</news:publication_date>
<news:title>${esc(a.title)}</news:title>
<news:keywords>${esc(a.tags.join(', '))}</news:keywords>
</news:news>
<image:image><image:loc>${esc(imageUrl(ctx.origin, a))}</image:loc></image:image>
</url>`);
  return `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9" xmlns:image="http://www.google.com/schemas/sitemap-image/1.1">
${urls.join('\n')}
</urlset>`;
}

/** Sitemap index pointing at the news sitemap. */
export function renderSitemapIndex(origin: string, outlet: DemoOutlet, lastmod: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<sitemap><loc>${origin}/${outlet.id}/sitemaps/news.xml</loc><lastmod>${lastmod}</lastmod></sitemap>
</sitemapindex>`;
}

/** One page of an HTML listing (relative links, as the CMS writes them). */
export interface ListingPage {
  outlet: DemoOutlet;
  origin: string;
  heading: string;
  /** Articles of this page, newest first. */
  articles: DemoArticle[];
  page: number;
  pageCount: number;
  /** Path of page 1, e.g. `/phothi/tin-tuc`; other pages add `?page=N`. */
  basePath: string;
}

/** Renders a listing page; `broken` drops the list, as when a site changes its layout. */
export function renderListingPage(p: ListingPage, broken = false): string {
  const items = p.articles.map((a) => `<article class="news-item">
<a class="thumb" href="${esc(a.path)}"><img src="${esc(imageUrl(p.origin, a))}" alt="${esc(a.title)}"></a>
<h3 class="news-title"><a href="${esc(a.path)}" title="${esc(a.title)}">${esc(a.title)}</a></h3>
<p class="news-sapo">${esc(a.lead)}</p>
<span class="news-date">${vnShortDate(a.publishedAt)}</span>
</article>`);
  const pageLink = (n: number): string => (n === 1 ? p.basePath : `${p.basePath}?page=${n}`);
  const pages: string[] = [];
  for (let n = 1; n <= p.pageCount; n++) pages.push(n === p.page ? `<li class="active"><span>${n}</span></li>` : `<li><a href="${pageLink(n)}">${n}</a></li>`);
  if (p.page < p.pageCount) pages.push(`<li class="next"><a href="${pageLink(p.page + 1)}">Trang sau »</a></li>`);
  const list = broken ? '<div class="maintenance">Chuyên mục đang được nâng cấp, mời bạn quay lại sau.</div>' : `<div class="list-news">\n${items.join('\n')}\n</div>`;
  return `<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>${esc(p.heading)} - ${esc(p.outlet.name)}</title></head>
<body>
<div id="top-bar"><a href="/${p.outlet.id}/">${esc(p.outlet.name)}</a> | <a href="/${p.outlet.id}/tin-tuc">Tin tức</a></div>
<div class="wrapper"><div class="col-main">
<h1 class="cate-title">${esc(p.heading)}</h1>
${list}
<ul class="pagination">${pages.join('')}</ul>
</div><div class="col-right"><div class="qc-right">Quảng cáo</div></div></div>
<div id="footer">Bản quyền © ${esc(p.outlet.name)}. Trang minh họa, nội dung hư cấu.</div>
</body></html>`;
}
