import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sourceSchema, type SourceConfig } from '../../../src/config/sources-schema.js';
import { PermanentError } from '../../../src/core/errors.js';
import { discoverEntries } from '../../../src/sources/discover.js';

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/pages/feeds/${name}`, import.meta.url), 'utf8');
const source = (extra: Record<string, unknown>): SourceConfig =>
  sourceSchema.parse({ id: 'test-source', name: 'Test', url: 'https://a.vn/feed', ...extra });

describe('discoverEntries', () => {
  it('dispatches rss sources to the feed parser and accepts Atom and RDF bodies', async () => {
    for (const name of ['vnexpress-rss.xml', 'atom.xml', 'rdf.xml']) {
      const result = await discoverEntries(source({ kind: 'rss' }), fixture(name), 'https://a.vn/feed');
      expect(result.entries.length).toBeGreaterThanOrEqual(2);
      expect(result.childUrls).toEqual([]);
    }
  });

  it('collects skipped items for source health', async () => {
    const result = await discoverEntries(source({ kind: 'rss' }), fixture('vnexpress-rss.xml'), 'https://vnexpress.net/rss/x.rss');
    expect(result.skipped).toHaveLength(1);
    expect(result.skipped[0]).toContain('item 6');
  });

  it('throws not_a_feed naming the advertised feed when an rss source serves HTML', async () => {
    const err: unknown = await discoverEntries(source({ kind: 'rss' }), fixture('html-as-feed.html'), 'https://tuoitre.vn/rss/cu.rss').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PermanentError);
    expect((err as PermanentError).code).toBe('not_a_feed');
    expect((err as PermanentError).message).toContain('advertises the feed https://tuoitre.vn/rss/tin-moi-nhat.rss');
  });

  it('returns child sitemaps of an index as childUrls', async () => {
    const result = await discoverEntries(source({ kind: 'sitemap' }), fixture('sitemap-index.xml'), 'https://vnexpress.net/sitemap.xml');
    expect(result.entries).toEqual([]);
    expect(result.childUrls).toHaveLength(2);
  });

  it('applies listing selectors and the source section to entries without one', async () => {
    const listing = { item: '.news-item', link: 'h3 a[href]', title: 'h3' };
    const result = await discoverEntries(source({ kind: 'listing', listing, section: 'Thời sự' }), fixture('listing.html'), 'https://laocai.gov.vn/');
    expect(result.entries).toHaveLength(3);
    expect(result.entries.every((e) => e.section === 'Thời sự')).toBe(true);
  });
});
