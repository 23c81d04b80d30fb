/** Article page of the Atom outlet: `h2.detail-sapo`, `data-role="publishdate"`, microdata, no JSON-LD. */
import { adSlot, articleUrl, commentsBox, esc, imageUrl, isoLocal, navLinks, ogMeta, paragraphsWithPhoto, relatedBox, shareBar, tagList, vnShortDate, type PageContext } from './common.js';

/** Renders the page. */
export function renderAtomArticle(ctx: PageContext): string {
  const { article: a, outlet, origin } = ctx;
  const url = articleUrl(origin, a);
  const photo = `<figure class="VCSortableInPreviewMode" type="Photo"><div><img src="${esc(imageUrl(origin, a))}" alt="${esc(a.title)}" width="640" height="400"></div><figcaption class="PhotoCMS_Caption"><p data-placeholder="Nhập chú thích ảnh">${esc(a.imageCaption)} - Ảnh: ${esc(a.author.toUpperCase())}</p></figcaption></figure>`;
  return `<!DOCTYPE html>
<html lang="vi-VN"><head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<title>${esc(a.title)} | ${esc(outlet.name)}</title>
<meta name="description" content="${esc(a.lead)}">
${ogMeta(ctx)}
<link rel="canonical" href="${esc(url)}">
<link rel="alternate" type="application/atom+xml" title="${esc(outlet.name)}" href="/${outlet.id}/feeds/tin-moi.atom">
</head>
<body>
<div id="admzone_top">${adSlot('admzone480456', 'ads-top')}</div>
<header class="header-top"><a href="/${outlet.id}/" class="logo">${esc(outlet.name)}</a><ul class="menu-nav">${navLinks(outlet)}</ul></header>
<main class="detail-container" itemscope itemtype="https://schema.org/NewsArticle">
<div class="detail-top"><div class="detail-cate"><a href="/${outlet.id}/${a.sectionSlug}.htm" title="${esc(a.section)}">${esc(a.section)}</a></div>
<div class="detail-time"><div data-role="publishdate">${vnShortDate(a.publishedAt)} GMT+7</div></div></div>
<meta itemprop="datePublished" content="${isoLocal(a.publishedAt)}">
<h1 class="detail-title article-title" data-role="title" itemprop="headline">${esc(a.title)}</h1>
<div class="detail-share">${shareBar(url, 'share-box')}</div>
<div class="detail-cmain">
<h2 class="detail-sapo" data-role="sapo">${esc(a.lead)}</h2>
<div class="detail-content afcbc-body" data-role="content" itemprop="articleBody">
${paragraphsWithPhoto(a, (p) => `<p>${esc(p)}</p>`, photo)}
<div class="VCSortableInPreviewMode link-content-footer" type="RelatedOneNews">${ctx.related[0] ? `<a href="${esc(articleUrl(origin, ctx.related[0]))}">${esc(ctx.related[0].title)}</a>` : ''}</div>
</div>
<div class="author-info"><a class="name" href="/${outlet.id}/tac-gia/${encodeURIComponent(a.author)}" itemprop="author">${esc(a.author)}</a></div>
${tagList(outlet, a.tags, 'detail-tab')}
</div>
${relatedBox(origin, ctx.related, 'relate-container box-category')}
${adSlot('admzone_after_detail')}
${commentsBox(a, 'comment-wrapper', 'Bình luận')}
</main>
<footer class="footer"><p>Cơ quan chủ quản: Công ty Truyền thông Demo. © Bản quyền thuộc ${esc(outlet.name)}. Trang minh họa, nội dung hư cấu.</p></footer>
</body></html>`;
}
