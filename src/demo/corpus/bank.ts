/**
 * Shape of a per-topic sentence bank. Templates hold slots in braces that the composer fills
 * with one consistent set of values per story:
 * `{place}` `{placeShort}` `{formerly}` `{commune}` `{subject}` `{agency}` `{ministry}` `{department}`,
 * and numbers drawn fresh per use: `{n}` (2–40), `{big}` (120–9.800), `{pct}` (1,5–38,5),
 * `{money}` (tỷ đồng), `{month}` (`tháng 5`), `{year}` (year of the article).
 */
import type { SentimentLabel } from '../../core/item.js';

/** Templates for each sentiment. */
export type BySentiment = Record<SentimentLabel, readonly string[]>;

/** Everything needed to write articles on one policy area. */
export interface TopicBank {
  /** Main topic id (config/topics.yaml). */
  id: string;
  /** Secondary topic ids an article of this bank may also carry. */
  related: readonly string[];
  section: { name: string; slug: string };
  /** Noun phrases naming what the story is about (may hold slots). */
  subjects: readonly string[];
  /** Agencies in charge (may hold slots). */
  agencies: readonly string[];
  ministries: readonly string[];
  departments: readonly string[];
  titles: BySentiment;
  leads: BySentiment;
  /** Body sentences; the composer groups two or three per paragraph. */
  body: BySentiment;
  /** What officials or people say, without the attribution (added by the composer). */
  quotes: BySentiment;
  /** Page tags. */
  tags: readonly string[];
  /** Photo captions. */
  captions: readonly string[];
}
