/** Article page of the no-feed outlet: a plain CMS page with a `div.sapo`, no OG tags, no JSON-LD. */
import { adSlot, articleUrl, commentsBox, esc, imageUrl, paragraphsWithPhoto, relatedBox, vnShortDate, type PageContext } from './common.js';

/** Renders the page. */
export function renderListingArticle(ctx: PageContext): string {
  const { article: a, outlet, origin } = ctx;
  const [date, time] = vnShortDate(a.publishedAt).split(' ');
  const photo = `<table class="image-caption" align="center"><tbody><tr><td><img src="${esc(imageUrl(origin, a))}" alt=""></td></tr><tr><td class="caption">${esc(a.imageCaption)}</td></tr></tbody></table>`;
  return `<!DOCTYPE html>
<html><head><meta charset="utf-8">
<title>${esc(a.title)}</title>
<meta name="description" content="${esc(a.lead)}">
<link rel="canonical" href="${esc(articleUrl(origin, a))}">
</head>
<body>
<div id="top-bar"><a href="/${outlet.id}/">${esc(outlet.name)}</a> | <a href="/${outlet.id}/tin-tuc">Tin tức</a> | <a href="/${outlet.id}/lien-he">Liên hệ</a></div>
${adSlot('top-728x90', 'qc-top')}
<div class="wrapper"><div class="col-main">
<div class="breadcrumbs"><a href="/${outlet.id}/">Trang chủ</a> » <a href="/${outlet.id}/chuyen-muc/${a.sectionSlug}">${esc(a.section)}</a></div>
<div class="article-detail">
<h1 class="article-title">${esc(a.title)}</h1>
<div class="article-meta"><span class="date">${time} | ${date}</span> <span class="views">${(a.paragraphs.length * 137) % 900 + 100} lượt xem</span></div>
<div class="sapo"><strong>${esc(a.lead)}</strong></div>
<div class="article-body">
${paragraphsWithPhoto(a, (p) => `<p style="text-align: justify;">${esc(p)}</p>`, photo)}
</div>
<p class="author" style="text-align: right;"><strong>${esc(a.author)}</strong></p>
</div>
${relatedBox(origin, ctx.related, 'tin-lien-quan', 'Tin liên quan')}
${commentsBox(a, 'binh-luan', 'Ý kiến bạn đọc')}
</div>
<div class="col-right">${adSlot('right-300x250', 'qc-right')}<div class="box-hot"><h3>Tin mới</h3><ul>${ctx.mostRead.map((m) => `<li><a href="${esc(m.path)}">${esc(m.title)}</a></li>`).join('')}</ul></div></div>
</div>
<div id="footer">Bản quyền © ${esc(outlet.name)}. Ghi rõ nguồn khi phát hành lại thông tin từ website này. Trang minh họa, nội dung hư cấu.</div>
</body></html>`;
}
