/** Article page of the government portal: official layout, no ads, no comments, print/email tools. */
import { articleUrl, esc, imageUrl, isoLocal, ogMeta, paragraphsWithPhoto, relatedBox, tagList, vnShortDate, type PageContext } from './common.js';

/** Renders the page. */
export function renderGovArticle(ctx: PageContext): string {
  const { article: a, outlet, origin } = ctx;
  const photo = `<figure class="detail__img"><img src="${esc(imageUrl(origin, a))}" alt="${esc(a.title)}"><figcaption>${esc(a.imageCaption)} - Ảnh: VGP/${esc(a.author)}</figcaption></figure>`;
  return `<!DOCTYPE html>
<html lang="vi"><head><meta charset="utf-8">
<title>${esc(a.title)}</title>
<meta name="description" content="${esc(a.lead)}">
<meta name="author" content="${esc(outlet.name)}">
<meta name="article:published_time" content="${isoLocal(a.publishedAt)}">
${ogMeta(ctx)}
<link rel="canonical" href="${esc(articleUrl(origin, a))}">
</head>
<body>
<header class="header"><div class="header__quoc-huy">CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</div><a class="header__logo" href="/${outlet.id}/">${esc(outlet.name)}</a>
<nav class="header__menu"><a href="/${outlet.id}/chinh-sach-moi">Chính sách mới</a><a href="/${outlet.id}/van-ban">Văn bản</a><a href="/${outlet.id}/hoi-dap">Hỏi đáp chính sách</a></nav></header>
<div class="detail">
<div class="detail__breadcrumb"><a href="/${outlet.id}/">Trang chủ</a> / <a href="/${outlet.id}/chinh-sach-moi">Chính sách mới</a> / <span>${esc(a.section)}</span></div>
<div class="detail__meta"><div class="detail-time">${vnShortDate(a.publishedAt)}</div><div class="detail__tools"><a href="#" class="print">In bài</a> <a href="#" class="mail">Gửi email</a> <a href="#" class="font-up">A+</a></div></div>
<h1 class="detail__title">${esc(a.title)}</h1>
<h2 class="detail__sapo">${esc(a.lead)}</h2>
<div class="detail__content" id="content">
${paragraphsWithPhoto(a, (p) => `<p style="text-align: justify;">${esc(p)}</p>`, photo)}
</div>
<div class="detail__author">${esc(a.author)}</div>
${tagList(outlet, a.tags, 'detail__tags')}
${relatedBox(origin, ctx.related, 'detail__relate', 'Tin liên quan')}
</div>
<footer class="footer">Cơ quan chủ quản: Văn phòng hư cấu. Trang minh họa, nội dung hư cấu, không phải trang của cơ quan nhà nước.</footer>
</body></html>`;
}
