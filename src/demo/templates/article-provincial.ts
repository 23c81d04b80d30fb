/** Article page of the provincial portal: an old portal layout, served in windows-1258. */
import { articleUrl, esc, imageUrl, paragraphsWithPhoto, relatedBox, vnShortDate, type PageContext } from './common.js';

/** Renders the page (the server encodes it to windows-1258). */
export function renderProvincialArticle(ctx: PageContext): string {
  const { article: a, outlet, origin } = ctx;
  const photo = `<p style="text-align: center;"><img src="${esc(imageUrl(origin, a))}" style="width: 600px;" alt=""></p><p style="text-align: center;"><em>${esc(a.imageCaption)}</em></p>`;
  return `<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml"><head>
<meta http-equiv="Content-Type" content="text/html; charset=windows-1258" />
<title>${esc(a.title)} - ${esc(outlet.name)}</title>
<meta property="og:title" content="${esc(a.title)}" />
<link rel="canonical" href="${esc(articleUrl(origin, a))}" />
</head>
<body>
<table class="banner" width="100%"><tr><td><a href="/${outlet.id}/">${esc(outlet.name)}</a> - Cổng thông tin điện tử</td></tr></table>
<div class="menu-top"><a href="/${outlet.id}/">Trang chủ</a> | <a href="/${outlet.id}/portal/tin-tuc">Tin tức - Sự kiện</a> | <a href="/${outlet.id}/portal/van-ban">Văn bản chỉ đạo điều hành</a></div>
<div class="portlet-body"><div class="journal-content-article">
<div class="header-title"><h1 class="title-news">${esc(a.title)}</h1></div>
<span class="date-time">Ngày ${vnShortDate(a.publishedAt)}</span>
<div class="summary"><b>${esc(a.lead)}</b></div>
<div class="content-news">
${paragraphsWithPhoto(a, (p) => `<p style="text-align: justify;"><span style="font-size:14px;">${esc(p)}</span></p>`, photo)}
<p style="text-align: right;"><strong>${esc(a.author)}</strong></p>
</div>
</div>
${relatedBox(origin, ctx.related, 'other-news', 'Các tin khác')}
</div>
<div class="footer">Cơ quan chủ quản: Ban biên tập hư cấu. Trang minh họa, nội dung hư cấu.</div>
</body></html>`;
}
