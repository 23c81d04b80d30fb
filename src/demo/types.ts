/**
 * Types of the offline demo corpus: fictional outlets, their articles and the ground truth
 * (topics, sentiment, story) that tests compare the pipeline's output against.
 */
import type { OutletTier, SentimentLabel } from '../core/item.js';

/** How an outlet publishes: each style exercises a different discovery path and markup. */
export type OutletStyle =
  /** RSS 2.0 whose descriptions are CDATA HTML (`<a><img></a></br>` + text). */
  | 'rss-cdata'
  /** Atom 1.0 feed. */
  | 'atom'
  /** Google News sitemap, no feed. */
  | 'news-sitemap'
  /** HTML listing pages with paging, no feed at all. */
  | 'listing'
  /** Government portal: RSS with DD/MM/YYYY dates or no zone. */
  | 'gov-portal'
  /** RSS with quirks: no guid, `+07` zones, relative links, duplicate entries, AMP links. */
  | 'rss-quirks'
  /** Provincial portal: RSS 1.0 (RDF) served in windows-1258. */
  | 'rdf-provincial';

/** A fictional outlet. Its pages live under `/<id>/` on the press server. */
export interface DemoOutlet {
  /** Path prefix and source id, e.g. `tinnhanhviet`. */
  id: string;
  /** Display name, e.g. `Tin Nhanh Việt`. */
  name: string;
  /** Fictional host the outlet pretends to have (shown in markup), e.g. `tinnhanhviet.demo`. */
  host: string;
  style: OutletStyle;
  tier: OutletTier;
  /** Province id for local outlets. */
  province?: string;
  /** Share of the corpus this outlet writes (relative weight). */
  weight: number;
  /** Bylines the outlet uses. */
  authors: readonly string[];
}

/** One generated article with its ground truth. */
export interface DemoArticle {
  /** Unique, stable id, e.g. `tnv-4821937`. */
  id: string;
  outletId: string;
  /** Canonical path on the press server, starting with `/<outletId>/`. */
  path: string;
  /** Section name shown in the breadcrumb, e.g. `Thời sự`. */
  section: string;
  /** URL slug of the section, e.g. `thoi-su`. */
  sectionSlug: string;
  title: string;
  lead: string;
  paragraphs: string[];
  author: string;
  /** ISO-8601 UTC. */
  publishedAt: string;
  /** ISO-8601 UTC, set when the article was updated after publication. */
  modifiedAt?: string;
  /** Topic ids (config/topics.yaml), main topic first. */
  topics: string[];
  sentiment: SentimentLabel;
  /** Articles telling the same story (original and syndicated copies) share this id. */
  storyId: string;
  /** Id of the article this one was rewritten from, for syndicated near-copies. */
  syndicatedFrom?: string;
  /** Tags shown on the page. */
  tags: string[];
  /** Caption of the inline photo. */
  imageCaption: string;
  /** Reader comments shown under the article. */
  comments: DemoComment[];
  /** Name of the negative-spike episode this article belongs to, if any. */
  episode?: string;
}

/** A reader comment under an article. */
export interface DemoComment {
  name: string;
  text: string;
  likes: number;
}

/** A negative-spike episode: many negative articles on one topic within a few days. */
export interface DemoEpisode {
  id: string;
  topic: string;
  /** ISO-8601 UTC start and end of the burst. */
  from: string;
  to: string;
  articleIds: string[];
}

/** The whole corpus. */
export interface DemoCorpus {
  anchor: string;
  seed: number;
  outlets: DemoOutlet[];
  /** Sorted by `publishedAt`, oldest first. */
  articles: DemoArticle[];
  episodes: DemoEpisode[];
}

/** Options of {@link buildDemoCorpus}. */
export interface DemoCorpusOptions {
  /** The corpus ends just before this instant. @defaultValue now */
  anchor?: Date;
  /** Seed of the pseudo-random generator. @defaultValue 20250206 */
  seed?: number;
  /** Number of articles, syndicated copies included. @defaultValue 320 */
  articles?: number;
  /** Days covered, ending at `anchor`. @defaultValue 49 */
  days?: number;
}
