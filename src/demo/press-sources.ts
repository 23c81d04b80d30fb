/** Ready-made source configs that point the crawler at a running press server. */
import { sourceSchema, type SourceConfig } from '../config/sources-schema.js';
import type { DemoCorpus, DemoOutlet, OutletStyle } from './types.js';

/** Path of each style's discovery document (feed, sitemap or first listing page). */
export const DISCOVERY_PATHS: Record<Exclude<OutletStyle, 'listing'>, string> = {
  'rss-cdata': 'rss/tin-moi-nhat.rss',
  atom: 'feeds/tin-moi.atom',
  'news-sitemap': 'sitemaps/news.xml',
  'gov-portal': 'rss/chinh-sach-moi.rss',
  'rss-quirks': 'rss/home.rss',
  'rdf-provincial': 'rss/tin-tuc.rdf',
};

/** Articles per page of a listing section. */
export const SECTION_PAGE_SIZE = 50;
/** Articles per page of the main "Tin tức" listing. */
export const MAIN_PAGE_SIZE = 20;

/** Listing selectors of the no-feed outlet, as an operator would write them in sources.yaml. */
export const LISTING_SELECTORS = {
  item: 'div.list-news article.news-item',
  link: 'h3.news-title a',
  title: 'h3.news-title a',
  summary: 'p.news-sapo',
  date: 'span.news-date',
} as const;

/** Sections of an outlet that appear in the corpus, with their article counts. */
export function outletSections(corpus: DemoCorpus, outletId: string): { slug: string; name: string; count: number }[] {
  const sections = new Map<string, { slug: string; name: string; count: number }>();
  for (const a of corpus.articles) {
    if (a.outletId !== outletId) continue;
    const s = sections.get(a.sectionSlug) ?? { slug: a.sectionSlug, name: a.section, count: 0 };
    s.count++;
    sections.set(a.sectionSlug, s);
  }
  return [...sections.values()].sort((x, y) => x.slug.localeCompare(y.slug));
}

/**
 * One source per feed/sitemap, and one per listing section page for the no-feed outlet (enough
 * pages to reach every article of the corpus). All allow the loopback address.
 */
export function buildPressSources(origin: string, corpus: DemoCorpus): SourceConfig[] {
  const sources: SourceConfig[] = [];
  for (const outlet of corpus.outlets) {
    const base = { name: outlet.name, tier: outlet.tier, allowPrivateNetwork: true, ...(outlet.province ? { province: outlet.province } : {}) };
    if (outlet.style === 'listing') {
      for (const section of outletSections(corpus, outlet.id)) {
        const pages = Math.max(1, Math.ceil(section.count / SECTION_PAGE_SIZE));
        for (let page = 1; page <= pages; page++) {
          sources.push(parse({
            ...base,
            id: page === 1 ? `${outlet.id}-${section.slug}` : `${outlet.id}-${section.slug}-p${page}`,
            name: `${outlet.name} - ${section.name}${page > 1 ? ` (trang ${page})` : ''}`,
            kind: 'listing',
            section: section.name,
            url: `${origin}/${outlet.id}/chuyen-muc/${section.slug}${page > 1 ? `?page=${page}` : ''}`,
            listing: { ...LISTING_SELECTORS },
          }, outlet));
        }
      }
      continue;
    }
    sources.push(parse({
      ...base,
      id: outlet.id,
      kind: outlet.style === 'news-sitemap' ? 'sitemap' : 'rss',
      url: `${origin}/${outlet.id}/${DISCOVERY_PATHS[outlet.style]}`,
    }, outlet));
  }
  return sources;
}

function parse(raw: unknown, outlet: DemoOutlet): SourceConfig {
  const result = sourceSchema.safeParse(raw);
  if (!result.success) throw new Error(`press server: source config for outlet ${outlet.id} is invalid: ${result.error.message}`);
  return result.data;
}
