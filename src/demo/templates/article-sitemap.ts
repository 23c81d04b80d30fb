/** Article page of the sitemap-only outlet: `h2.singular-sapo`, `time.author-time`, JSON-LD. */
import { adSlot, articleUrl, commentsBox, esc, imageUrl, isoLocal, jsonLd, navLinks, ogMeta, paragraphsWithPhoto, relatedBox, shareBar, tagList, vnShortDate, vnWeekday, type PageContext } from './common.js';

/** Renders the page. */
export function renderSitemapArticle(ctx: PageContext): string {
  const { article: a, outlet, origin } = ctx;
  const url = articleUrl(origin, a);
  const [date, time] = vnShortDate(a.publishedAt).split(' ');
  const photo = `<figure class="image align-center"><img src="${esc(imageUrl(origin, a))}" alt="${esc(a.imageCaption)}"><figcaption><p>${esc(a.imageCaption)} (Ảnh: ${esc(a.author)}).</p></figcaption></figure>`;
  return `<!DOCTYPE html>
<html lang="vi"><head><meta charset="UTF-8">
<title>${esc(a.title)} | Báo ${esc(outlet.name)}</title>
<meta name="description" content="${esc(a.lead)}">
${ogMeta(ctx)}
<link rel="canonical" href="${esc(url)}">
${jsonLd(ctx)}
</head>
<body>
<header class="site-header"><a class="site-logo" href="/${outlet.id}/">${esc(outlet.name)}</a><nav class="menu-wrap"><ul>${navLinks(outlet)}</ul></nav></header>
<main class="body-container"><div class="grid-container">
<article class="singular-container">
<ul class="dt-breadcrumb"><li><a href="/${outlet.id}/">Trang chủ</a></li><li><a href="/${outlet.id}/${a.sectionSlug}.htm">${esc(a.section)}</a></li></ul>
<h1 class="title-page detail">${esc(a.title)}</h1>
<div class="author-wrap"><div class="author-name"><a href="/${outlet.id}/tac-gia/${encodeURIComponent(a.author)}.htm"><b>${esc(a.author)}</b></a></div>
<time class="author-time" datetime="${isoLocal(a.publishedAt)}">${vnWeekday(a.publishedAt)}, ${date} - ${time}</time></div>
<h2 class="singular-sapo">(Sông Hồng) - ${esc(a.lead)}</h2>
<div class="singular-content">
${paragraphsWithPhoto(a, (p) => `<p>${esc(p)}</p>`, photo)}
</div>
<div class="author-wrap bottom"><b>${esc(a.author)}</b></div>
${tagList(outlet, a.tags, 'tags-container')}
${shareBar(url, 'singular-share')}
${relatedBox(origin, ctx.related, 'article-related', 'Tin liên quan')}
</article>
<aside class="sidebar">${adSlot('ads-sidebar-1')}${adSlot('ads-sidebar-2')}</aside>
</div>
${commentsBox(a, 'article-comment', 'Bình luận')}
</main>
<footer class="site-footer"><p>${esc(outlet.name)} - Tòa soạn demo. Giấy phép hư cấu số 000/GP-DEMO. Trang minh họa, nội dung hư cấu.</p></footer>
</body></html>`;
}
