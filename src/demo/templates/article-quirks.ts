/** Article page (and AMP variant) of the regional outlet with a quirky feed. */
import { adSlot, articleUrl, commentsBox, esc, imageUrl, ogMeta, paragraphsWithPhoto, relatedBox, shareBar, vnShortDate, vnWeekday, type PageContext } from './common.js';

/** AMP URL of an article of this outlet: `/<outlet>/amp/<rest of path>`. */
export function ampPath(path: string, outletId: string): string {
  return path.replace(`/${outletId}/`, `/${outletId}/amp/`);
}

/** Renders the normal page. */
export function renderQuirksArticle(ctx: PageContext): string {
  const { article: a, outlet, origin } = ctx;
  const [date, time] = vnShortDate(a.publishedAt).split(' ');
  const photo = `<div class="post-image"><img data-src="${esc(imageUrl(origin, a))}" src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" class="lazyload" alt=""><p class="img-caption"><em>${esc(a.imageCaption)}</em></p></div>`;
  return `<!DOCTYPE html>
<html lang="vi"><head><meta charset="utf-8">
<title>${esc(a.title)} - ${esc(outlet.name)}</title>
${ogMeta(ctx)}
<link rel="canonical" href="${esc(articleUrl(origin, a))}">
<link rel="amphtml" href="${esc(origin + ampPath(a.path, outlet.id))}">
</head>
<body>
<div class="top-header"><a href="/${outlet.id}/">${esc(outlet.name)}</a> <span>Thông tin nhanh miền Trung – Tây Nguyên</span></div>
${adSlot('header-banner')}
<div class="container"><div class="main-article">
<div class="post-cat"><a href="/${outlet.id}/${a.sectionSlug}/">${esc(a.section)}</a></div>
<h1 class="post-title">${esc(a.title)}</h1>
<div class="post-meta"><span class="post-date">${vnWeekday(a.publishedAt)}, ${date} | ${time}</span></div>
<div class="post-sapo"><strong>${esc(a.lead)}</strong></div>
<div class="post-content">
${paragraphsWithPhoto(a, (p) => `<p>${esc(p)}</p>`, photo)}
<div class="inline-ads">${adSlot('in-article')}</div>
</div>
<p class="post-author"><strong>${esc(a.author)}</strong></p>
${shareBar(articleUrl(origin, a))}
${relatedBox(origin, ctx.related, 'related-posts', 'Tin liên quan')}
${commentsBox(a, 'fb-comments-box', 'Ý kiến bạn đọc')}
</div></div>
<footer><p>${esc(outlet.name)} © 2025 · Trang minh họa, nội dung hư cấu.</p></footer>
</body></html>`;
}

/** Renders the AMP page, which points back to the canonical page. */
export function renderQuirksAmp(ctx: PageContext): string {
  const { article: a, outlet, origin } = ctx;
  return `<!doctype html>
<html ⚡ lang="vi"><head><meta charset="utf-8">
<title>${esc(a.title)} - ${esc(outlet.name)}</title>
<link rel="canonical" href="${esc(articleUrl(origin, a))}">
<meta name="viewport" content="width=device-width">
<script async src="https://cdn.ampproject.demo/v0.js"></script>
<style amp-boilerplate>body{visibility:hidden}</style>
</head>
<body>
<header class="amp-header"><a href="/${outlet.id}/">${esc(outlet.name)}</a></header>
<article class="amp-article">
<h1 class="amp-title">${esc(a.title)}</h1>
<div class="amp-meta">${vnShortDate(a.publishedAt)}</div>
<p class="amp-sapo"><strong>${esc(a.lead)}</strong></p>
<amp-img src="${esc(imageUrl(origin, a))}" width="640" height="400" layout="responsive" alt=""></amp-img>
${a.paragraphs.map((p) => `<p>${esc(p)}</p>`).join('\n')}
<p class="amp-author"><strong>${esc(a.author)}</strong></p>
</article>
<amp-ad width="300" height="250" type="demo" data-slot="amp-1"></amp-ad>
</body></html>`;
}
