/** Article page of the RSS-with-CDATA outlet: a layout in the manner of the big national e-papers. */
import { adSlot, articleUrl, commentsBox, esc, imageUrl, isoLocal, jsonLd, navLinks, ogMeta, paragraphsWithPhoto, relatedBox, shareBar, tagList, vnLongDate, type PageContext } from './common.js';

/** Renders the page. */
export function renderRssCdataArticle(ctx: PageContext): string {
  const { article: a, outlet, origin } = ctx;
  const url = articleUrl(origin, a);
  const photo = `<figure class="tplCaption"><div class="fig-picture"><img itemprop="contentUrl" src="${esc(imageUrl(origin, a))}" alt="${esc(a.imageCaption)}" loading="lazy"></div><figcaption><p class="Image">${esc(a.imageCaption)} Ảnh: <em>${esc(a.author)}</em></p></figcaption></figure>`;
  const mostRead = ctx.mostRead.map((m) => `<article class="item-news"><h3 class="title-news"><a href="${esc(articleUrl(origin, m))}">${esc(m.title)}</a></h3></article>`).join('');
  return `<!DOCTYPE html>
<html lang="vi"><head><meta charset="utf-8">
<title>${esc(a.title)} - ${esc(outlet.name)}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="description" content="${esc(a.lead)}">
<meta name="keywords" content="${esc(a.tags.join(', '))}">
<meta name="pubdate" content="${isoLocal(a.publishedAt)}">
<meta itemprop="datePublished" content="${isoLocal(a.publishedAt)}">
${ogMeta(ctx)}
<link rel="canonical" href="${esc(url)}">
${jsonLd(ctx)}
<script>window.dataLayer = window.dataLayer || []; dataLayer.push({ articleId: "${a.id}" });</script>
</head>
<body class="page-detail">
<header class="header"><div class="container"><a class="logo" href="/${outlet.id}/" title="${esc(outlet.name)}">${esc(outlet.name)}</a>
<span class="time-now">${esc(vnLongDate(a.publishedAt).split(',')[0] ?? '')}</span>
<nav class="main-nav"><ul class="parent"><li class="home"><a href="/${outlet.id}/">Trang chủ</a></li>${navLinks(outlet)}</ul></nav></div></header>
${adSlot('banner_top')}
<section class="section page-detail top-detail"><div class="container"><div class="sidebar-1">
<div class="header-content width_common"><ul class="breadcrumb"><li><a href="/${outlet.id}/${a.sectionSlug}" title="${esc(a.section)}">${esc(a.section)}</a></li></ul><span class="date">${vnLongDate(a.publishedAt)}</span></div>
<h1 class="title-detail">${esc(a.title)}</h1>
<p class="description">${esc(a.lead)}</p>
<article class="fck_detail">
${paragraphsWithPhoto(a, (p) => `<p class="Normal">${esc(p)}</p>`, photo)}
<p class="Normal" style="text-align:right;"><strong>${esc(a.author)}</strong></p>
</article>
${relatedBox(origin, ctx.related, 'box-tinlienquanv2')}
${tagList(outlet, a.tags, 'tags width_common')}
${shareBar(url, 'social_share')}
${adSlot('banner_after_content')}
${commentsBox(a, 'box_comment_vne width_common')}
</div>
<aside class="sidebar-2"><div class="box-news-most-read"><h3 class="title-box">Xem nhiều</h3>${mostRead}</div>${adSlot('banner_right', 'banner-ads sticky')}</aside>
</div></section>
<footer class="footer"><div class="container"><p>${esc(outlet.name)} - Báo tiếng Việt nhiều người xem. Thuộc Công ty Truyền thông Demo.</p><p>© 2015-2025. Toàn bộ bản quyền thuộc ${esc(outlet.name)}. Trang minh họa, nội dung hư cấu.</p><p>Địa chỉ: ${esc(outlet.host)}</p></div></footer>
</body></html>`;
}
