/** Maps a request path to what the press server answers, for the current clock and faults. */
import { createHash } from 'node:crypto';
import { breakXml, type OutletFaults } from './press-faults.js';
import { DISCOVERY_PATHS, MAIN_PAGE_SIZE, SECTION_PAGE_SIZE, outletSections } from './press-sources.js';
import { ampPath, renderQuirksAmp } from './templates/article-quirks.js';
import { esc } from './templates/common.js';
import { renderListingPage, renderSitemapIndex } from './templates/feeds-other.js';
import { ARTICLE_TEMPLATES, FEED_RENDERERS } from './templates/index.js';
import { tinyPng } from './tiny-png.js';
import type { DemoArticle, DemoCorpus, DemoOutlet } from './types.js';

/** Mutable state the routes read. */
export interface PressState {
  corpus: DemoCorpus;
  origin: string;
  /** Only articles published at or before this instant are listed and served. */
  nowMs: number;
  faults: Map<string, OutletFaults>;
  byPath: Map<string, DemoArticle>;
  /** Articles of each outlet, newest first. */
  byOutlet: Map<string, DemoArticle[]>;
}

/** A response before conditional-GET, compression and encoding are applied. */
export interface PressResponse {
  status: number;
  type: string;
  body: string | Buffer;
  /** `windows-1258` bodies are encoded by the server; strings are UTF-8 otherwise. */
  charset?: 'utf-8' | 'windows-1258';
  /** Last-Modified, epoch ms. */
  lastModified?: number;
  headers?: Record<string, string>;
  /** Send the content type without a charset (the regional CMS does; its XML declaration says UTF-8). */
  omitCharset?: boolean;
}

/** Indexes the corpus for routing. */
export function createPressState(corpus: DemoCorpus, origin: string, nowMs: number): PressState {
  const byPath = new Map(corpus.articles.map((a) => [a.path, a]));
  const byOutlet = new Map<string, DemoArticle[]>(corpus.outlets.map((o) => [o.id, []]));
  for (const a of [...corpus.articles].reverse()) byOutlet.get(a.outletId)?.push(a);
  return { corpus, origin, nowMs, faults: new Map(), byPath, byOutlet };
}

const publishedMs = new WeakMap<DemoArticle, number>();
/** Parsing ISO dates on every request dominated page time: memoise per article. */
function msOf(a: DemoArticle): number {
  let ms = publishedMs.get(a);
  if (ms === undefined) publishedMs.set(a, (ms = Date.parse(a.publishedAt)));
  return ms;
}
const isPublished = (state: PressState, a: DemoArticle): boolean => msOf(a) <= state.nowMs;
const lastChange = (articles: DemoArticle[]): number | undefined =>
  articles.length === 0 ? undefined : Math.max(...articles.map((a) => Date.parse(a.modifiedAt ?? a.publishedAt)));

/** Published articles of an outlet, newest first. */
export function publishedArticles(state: PressState, outletId: string): DemoArticle[] {
  return (state.byOutlet.get(outletId) ?? []).filter((a) => isPublished(state, a));
}

/** Whether a path is an outlet's discovery document (feed, sitemap, listing page). */
export function isDiscoveryPath(outlet: DemoOutlet, rest: string): boolean {
  if (outlet.style === 'listing') return rest === 'tin-tuc' || rest.startsWith('chuyen-muc/');
  return rest === DISCOVERY_PATHS[outlet.style] || (outlet.style === 'news-sitemap' && rest === 'sitemap.xml');
}

/** Answers a GET for `pathname` (query in `search`). */
export function route(state: PressState, pathname: string, search: URLSearchParams): PressResponse {
  if (pathname === '/robots.txt') return text(robotsTxt(state));
  if (pathname === '/' || pathname === '') return html(indexPage(state));
  const [, outletId = '', ...restParts] = pathname.split('/');
  const outlet = state.corpus.outlets.find((o) => o.id === outletId);
  if (!outlet) return notFound();
  const rest = restParts.join('/');
  const faults = state.faults.get(outlet.id) ?? {};

  if (rest === '') return html(outletHome(state, outlet));
  if (rest === 'robots.txt') return text(robotsTxt(state));
  if (rest.startsWith('images/')) return { status: 200, type: 'image/png', body: tinyPng() };
  if (rest.startsWith('private/') || rest.startsWith('admin/')) return html('<!DOCTYPE html><html><body><h1>Khu vực nội bộ</h1><p>Chỉ dành cho biên tập viên.</p></body></html>');
  if (isDiscoveryPath(outlet, rest)) return discovery(state, outlet, rest, search, faults);

  const ampOf = rest.startsWith('amp/') ? `/${outlet.id}/${rest.slice(4)}` : undefined;
  const article = state.byPath.get(ampOf ?? pathname);
  if (!article || !isPublished(state, article) || faults.articlePage404) return notFound();
  const ctx = pageContext(state, outlet, article);
  const body = ampOf ? renderQuirksAmpSafe(outlet, ctx) : ARTICLE_TEMPLATES[outlet.style](ctx);
  if (body === undefined) return notFound();
  return { status: 200, type: 'text/html', body, charset: outlet.style === 'rdf-provincial' ? 'windows-1258' : 'utf-8', lastModified: lastChange([article]) };
}

/** Only the regional outlet has AMP pages. */
function renderQuirksAmpSafe(outlet: DemoOutlet, ctx: ReturnType<typeof pageContext>): string | undefined {
  return outlet.style === 'rss-quirks' ? renderQuirksAmp(ctx) : undefined;
}

function discovery(state: PressState, outlet: DemoOutlet, rest: string, search: URLSearchParams, faults: OutletFaults): PressResponse {
  if (faults.status500) return { status: 500, type: 'text/html', body: '<html><body><h1>500 Internal Server Error</h1></body></html>' };
  if (faults.tooManyRequests !== undefined) {
    return { status: 429, type: 'text/plain', body: 'Too Many Requests', headers: { 'retry-after': String(faults.tooManyRequests) } };
  }
  const articles = publishedArticles(state, outlet.id);
  if (outlet.style === 'listing') return listing(state, outlet, rest, search, articles, faults.broken === true);
  if (rest === 'sitemap.xml') {
    return { status: 200, type: 'application/xml', body: renderSitemapIndex(state.origin, outlet, new Date(lastChange(articles) ?? state.nowMs).toISOString()) };
  }
  const renderer = FEED_RENDERERS[outlet.style];
  const selfUrl = `${state.origin}/${outlet.id}/${DISCOVERY_PATHS[outlet.style]}`;
  let body = renderer.render({ outlet, articles, origin: state.origin, selfUrl, changeGuids: faults.changeGuids === true });
  if (faults.broken) body = breakXml(body);
  return {
    status: 200, type: renderer.type, body, lastModified: lastChange(articles),
    charset: outlet.style === 'rdf-provincial' ? 'windows-1258' : 'utf-8', omitCharset: outlet.style === 'rss-quirks',
  };
}

function listing(state: PressState, outlet: DemoOutlet, rest: string, search: URLSearchParams, all: DemoArticle[], broken: boolean): PressResponse {
  const sectionSlug = rest.startsWith('chuyen-muc/') ? rest.slice('chuyen-muc/'.length) : undefined;
  const section = sectionSlug ? outletSections(state.corpus, outlet.id).find((s) => s.slug === sectionSlug) : undefined;
  if (sectionSlug && !section) return notFound();
  const articles = section ? all.filter((a) => a.sectionSlug === section.slug) : all;
  const size = section ? SECTION_PAGE_SIZE : MAIN_PAGE_SIZE;
  const page = Number(search.get('page') ?? '1');
  const pageCount = Math.max(1, Math.ceil(articles.length / size));
  if (!Number.isInteger(page) || page < 1 || page > Math.max(pageCount, section ? Math.ceil(section.count / size) : 1)) return notFound();
  const slice = articles.slice((page - 1) * size, page * size);
  const body = renderListingPage({
    outlet, origin: state.origin, heading: section?.name ?? 'Tin tức', articles: slice, page, pageCount,
    basePath: section ? `/${outlet.id}/chuyen-muc/${section.slug}` : `/${outlet.id}/tin-tuc`,
  }, broken);
  return { status: 200, type: 'text/html', body, lastModified: lastChange(slice) };
}

function pageContext(state: PressState, outlet: DemoOutlet, article: DemoArticle) {
  const siblings = publishedArticles(state, outlet.id);
  // Same topic first, then same section, then anything earlier: real sites never leave the box empty.
  const earlier = siblings.filter((a) => a.id !== article.id && msOf(a) < msOf(article));
  const ranked = [
    ...earlier.filter((a) => a.topics[0] === article.topics[0]),
    ...earlier.filter((a) => a.topics[0] !== article.topics[0] && a.sectionSlug === article.sectionSlug),
    ...earlier.filter((a) => a.topics[0] !== article.topics[0] && a.sectionSlug !== article.sectionSlug),
  ];
  const related = ranked.slice(0, 3);
  const mostRead = siblings.filter((a) => a.id !== article.id).slice(0, 5);
  return { outlet, article, origin: state.origin, related, mostRead };
}

function robotsTxt(state: PressState): string {
  const sitemaps = state.corpus.outlets.filter((o) => o.style === 'news-sitemap').map((o) => `Sitemap: ${state.origin}/${o.id}/sitemap.xml`);
  return ['# Press server of the policy-pulse demo (all outlets share this host).', 'User-agent: *', 'Disallow: /phothi/admin/', 'Disallow: /phothi/private/', 'Disallow: /*/tim-kiem', '', 'User-agent: BadBot', 'Disallow: /', '', ...sitemaps, ''].join('\n');
}

function indexPage(state: PressState): string {
  const rows = state.corpus.outlets.map((o) => {
    const feed = o.style === 'listing' ? `/${o.id}/tin-tuc` : `/${o.id}/${DISCOVERY_PATHS[o.style]}`;
    return `<li><a href="/${o.id}/">${esc(o.name)}</a> (${o.style}) — <a href="${feed}">${feed}</a> — ${publishedArticles(state, o.id).length} bài</li>`;
  });
  return `<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>Máy chủ báo chí demo</title></head><body><h1>Máy chủ báo chí demo (nội dung hư cấu)</h1><ul>${rows.join('')}</ul></body></html>`;
}

function outletHome(state: PressState, outlet: DemoOutlet): string {
  const latest = publishedArticles(state, outlet.id).slice(0, 20).map((a) => `<li><a href="${esc(a.path)}">${esc(a.title)}</a></li>`).join('');
  const feedLink = outlet.style === 'listing' || outlet.style === 'news-sitemap' ? '' : `<link rel="alternate" type="${FEED_RENDERERS[outlet.style].type}" href="/${outlet.id}/${DISCOVERY_PATHS[outlet.style]}">`;
  return `<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>${esc(outlet.name)}</title>${feedLink}</head><body><h1>${esc(outlet.name)}</h1><ul class="latest">${latest}</ul></body></html>`;
}

const html = (body: string): PressResponse => ({ status: 200, type: 'text/html', body });
const text = (body: string): PressResponse => ({ status: 200, type: 'text/plain', body });
const notFound = (): PressResponse => ({ status: 404, type: 'text/html', body: '<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>404</title></head><body><h1>Không tìm thấy trang</h1><p>Trang bạn tìm không tồn tại hoặc đã bị xóa.</p></body></html>' });

/** Strong ETag of a body. */
export function etagOf(body: Buffer): string {
  return `"${createHash('sha1').update(body).digest('hex').slice(0, 24)}"`;
}

/** AMP path of an article (re-exported for tests). */
export { ampPath };
