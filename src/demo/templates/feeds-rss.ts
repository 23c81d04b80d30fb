/**
 * RSS-family feeds: RSS 2.0 with CDATA HTML descriptions, the government portal's RSS with local
 * DD/MM/YYYY dates, the quirky regional RSS, and the provincial RSS 1.0 (RDF).
 */
import type { DemoArticle, DemoOutlet } from '../types.js';
import { ampPath } from './article-quirks.js';
import { articleUrl, esc, imageUrl, isoLocal, rfc822Local, vnShortDate } from './common.js';

/** Inputs of every feed renderer. `articles` are newest first. */
export interface FeedContext {
  outlet: DemoOutlet;
  articles: DemoArticle[];
  origin: string;
  /** URL of the feed itself. */
  selfUrl: string;
  /** Serve different guids/ids than usual (a CMS migration), to test dedup by canonical URL. */
  changeGuids: boolean;
}

const guidSuffix = (ctx: FeedContext): string => (ctx.changeGuids ? '#cms2' : '');

/** RSS 2.0; descriptions are CDATA HTML like `<a href><img></a></br>text`; links carry tracking params. */
export function renderRssCdata(ctx: FeedContext): string {
  const items = ctx.articles.map((a) => {
    const url = articleUrl(ctx.origin, a);
    return `<item>
<title>${esc(a.title)}</title>
<description><![CDATA[<a href="${esc(url)}"><img src="${esc(imageUrl(ctx.origin, a))}" ></a></br>${esc(a.lead)}]]></description>
<pubDate>${rfc822Local(a.publishedAt)}</pubDate>
<link>${esc(`${url}?utm_source=rss&utm_medium=feed&utm_campaign=${a.sectionSlug}`)}</link>
<guid>${esc(url + guidSuffix(ctx))}</guid>
<enclosure type="image/png" length="1" url="${esc(imageUrl(ctx.origin, a))}"/>
<slash:comments>${a.comments.length}</slash:comments>
</item>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:slash="http://purl.org/rss/1.0/modules/slash/">
<channel>
<title>Tin mới nhất - ${esc(ctx.outlet.name)} RSS</title>
<description>${esc(ctx.outlet.name)} RSS - Tin mới nhất</description>
<image><url>${ctx.origin}/${ctx.outlet.id}/logo.png</url><title>${esc(ctx.outlet.name)}</title><link>${ctx.origin}/${ctx.outlet.id}/</link></image>
<pubDate>${ctx.articles[0] ? rfc822Local(ctx.articles[0].publishedAt) : ''}</pubDate>
<generator>${esc(ctx.outlet.host)}</generator>
<link>${ctx.origin}/${ctx.outlet.id}/</link>
${items.join('\n')}
</channel>
</rss>`;
}

/** Government portal RSS: plain-text descriptions, dates as `06/02/2025 20:30` or RFC 822 without zone. */
export function renderGovRss(ctx: FeedContext): string {
  const items = ctx.articles.map((a, i) => {
    const url = articleUrl(ctx.origin, a);
    const date = i % 2 === 0 ? vnShortDate(a.publishedAt) : rfc822Local(a.publishedAt, '');
    return `<item>
<title>${esc(a.title)}</title>
<link>${esc(url)}</link>
<guid isPermaLink="${ctx.changeGuids ? 'false' : 'true'}">${esc(url + guidSuffix(ctx))}</guid>
<description>${esc(a.lead)}</description>
<pubDate>${date}</pubDate>
<category>${esc(a.section)}</category>
</item>`;
  });
  return `<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel>
<title>${esc(ctx.outlet.name)} - Chính sách mới</title>
<link>${ctx.origin}/${ctx.outlet.id}/</link>
<description>Thông tin chính sách mới</description>
<language>vi-vn</language>
${items.join('\n')}
</channel></rss>`;
}

/**
 * The quirky regional RSS: no guid, `+07` zones, relative links (some with tracking parameters,
 * some pointing at the AMP page), entity-escaped HTML descriptions, and some entries listed twice.
 */
export function renderQuirksRss(ctx: FeedContext): string {
  const entries: string[] = [];
  ctx.articles.forEach((a, i) => {
    const link = i % 6 === 3 ? ampPath(a.path, ctx.outlet.id) : i % 4 === 1 ? `${a.path}?utm_source=rss&utm_medium=referral` : a.path;
    const entry = `<item>
<title>${esc(a.title)}</title>
<link>${esc(link)}</link>
<description>${esc(`<p><img src="${imageUrl(ctx.origin, a)}" width="180" /> ${a.lead}</p>`)}</description>
<pubDate>${rfc822Local(a.publishedAt, '+07')}</pubDate>
${ctx.changeGuids ? `<guid isPermaLink="false">mt24h-${a.id}</guid>\n` : ''}<author>${esc(a.author)}</author>
<category>${esc(a.section)}</category>
</item>`;
    entries.push(entry);
    // The CMS lists an updated story twice: once in place and once again further down.
    if (i % 9 === 2) entries.push(entry.replace(esc(link), esc(a.path)));
  });
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel>
<title>${esc(ctx.outlet.name)}</title>
<link>/${ctx.outlet.id}/</link>
<description>Tin tức miền Trung</description>
${entries.join('\n')}
</channel></rss>`;
}

/** RSS 1.0 (RDF) of the provincial portal, with Dublin Core dates. Encoded to windows-1258 by the server. */
export function renderRdf(ctx: FeedContext): string {
  const seq = ctx.articles.map((a) => `<rdf:li rdf:resource="${esc(articleUrl(ctx.origin, a) + guidSuffix(ctx))}"/>`).join('\n');
  const items = ctx.articles.map((a) => {
    const url = articleUrl(ctx.origin, a);
    return `<item rdf:about="${esc(url + guidSuffix(ctx))}">
<title>${esc(a.title)}</title>
<link>${esc(url)}</link>
<description>${esc(a.lead)}</description>
<dc:date>${isoLocal(a.publishedAt)}</dc:date>
<dc:creator>${esc(a.author)}</dc:creator>
<dc:subject>${esc(a.section)}</dc:subject>
</item>`;
  });
  return `<?xml version="1.0" encoding="windows-1258"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel rdf:about="${esc(ctx.selfUrl)}">
<title>${esc(ctx.outlet.name)} - Tin tức</title>
<link>${ctx.origin}/${ctx.outlet.id}/</link>
<description>Tin tức - Sự kiện</description>
<items><rdf:Seq>
${seq}
</rdf:Seq></items>
</channel>
${items.join('\n')}
</rdf:RDF>`;
}
