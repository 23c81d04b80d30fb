/** Picks the article template and the discovery-document renderer of an outlet's style. */
import type { OutletStyle } from '../types.js';
import { renderAtomArticle } from './article-atom.js';
import { renderGovArticle } from './article-gov.js';
import { renderListingArticle } from './article-listing.js';
import { renderProvincialArticle } from './article-provincial.js';
import { renderQuirksArticle } from './article-quirks.js';
import { renderRssCdataArticle } from './article-rss-cdata.js';
import { renderSitemapArticle } from './article-sitemap.js';
import type { PageContext } from './common.js';
import { renderAtom, renderNewsSitemap } from './feeds-other.js';
import { renderGovRss, renderQuirksRss, renderRdf, renderRssCdata, type FeedContext } from './feeds-rss.js';

/** Article page renderer of each style. */
export const ARTICLE_TEMPLATES: Record<OutletStyle, (ctx: PageContext) => string> = {
  'rss-cdata': renderRssCdataArticle,
  atom: renderAtomArticle,
  'news-sitemap': renderSitemapArticle,
  listing: renderListingArticle,
  'gov-portal': renderGovArticle,
  'rss-quirks': renderQuirksArticle,
  'rdf-provincial': renderProvincialArticle,
};

/** Feed (or sitemap) renderer and content type of each style that has one. */
export const FEED_RENDERERS: Record<Exclude<OutletStyle, 'listing'>, { render: (ctx: FeedContext) => string; type: string }> = {
  'rss-cdata': { render: renderRssCdata, type: 'application/rss+xml' },
  atom: { render: renderAtom, type: 'application/atom+xml' },
  'news-sitemap': { render: renderNewsSitemap, type: 'application/xml' },
  'gov-portal': { render: renderGovRss, type: 'text/xml' },
  // The regional CMS sends a bare content type without charset.
  'rss-quirks': { render: renderQuirksRss, type: 'application/rss+xml' },
  'rdf-provincial': { render: renderRdf, type: 'application/rdf+xml' },
};
