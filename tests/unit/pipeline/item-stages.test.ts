import { describe, expect, it } from 'vitest';
import type { SourceConfig } from '../../../src/config/sources-schema.js';
import { analyseItem } from '../../../src/pipeline/analyse-stage.js';
import { itemFromArticle, partialItemFromEntry } from '../../../src/pipeline/item-builder.js';

const source = { id: 'demo-rss', name: 'Báo Demo', kind: 'rss', url: 'https://demo.vn/rss', tier: 'central', enabled: true, pollMinutes: { min: 5, max: 360 }, allowPrivateNetwork: false, fetchArticles: true } as SourceConfig;

describe('item building', () => {
  it('keeps the feed summary as a partial item with the reason, never dropping it', () => {
    const item = partialItemFromEntry({
      id: 'a'.repeat(40), url: 'https://demo.vn/thoi-su/cao-toc-bac-nam-cham-tien-do-123.html', source,
      entry: { url: 'https://demo.vn/x', summary: 'Dự án chậm tiến độ.', publishedAt: '2025-02-06T13:30:00.000Z' },
      seenAt: '2025-02-06T14:00:00.000Z', fetchedAt: '2025-02-06T14:00:01.000Z', reason: 'http_404: not found',
    });
    expect(item.partial).toBe(true);
    expect(item.partialReason).toContain('http_404');
    expect(item.title).toBe('cao toc bac nam cham tien do 123');
    expect(item.lead).toBe('Dự án chậm tiến độ.');
    expect(item.publishedAt).toBe('2025-02-06T13:30:00.000Z');
    expect(item.labels).toBeNull();
  });

  it('prefers the page over the feed and falls back to first-seen time', () => {
    const item = itemFromArticle({
      id: 'b'.repeat(40), url: 'https://demo.vn/a.html', source, seenAt: '2025-02-06T14:00:00.000Z', fetchedAt: '2025-02-06T14:00:01.000Z',
      entry: { url: 'https://demo.vn/a.html', title: 'Feed title', summary: 'Feed lead' },
      article: { title: 'Page title', lead: null, text: 'Body', author: null, section: null, publishedAt: null, modifiedAt: null, canonicalUrl: null, imageUrl: null, tags: [] },
    });
    expect(item.title).toBe('Page title');
    expect(item.lead).toBe('Feed lead');
    expect(item.publishedAt).toBe('2025-02-06T14:00:00.000Z');
    expect(item.partial).toBe(false);
  });
});

describe('analyse stage without NLP', () => {
  it('normalises to NFC and stores no labels rather than placeholder labels', () => {
    const nfd = 'Đường sắt'.normalize('NFD');
    const item = partialItemFromEntry({ id: 'c'.repeat(40), url: 'https://demo.vn/c.html', source, entry: { url: 'https://demo.vn/c.html', title: `  ${nfd}   tốc độ cao ` }, seenAt: '2025-02-06T14:00:00.000Z', fetchedAt: '2025-02-06T14:00:00.000Z', reason: 'x' });
    const out = analyseItem(item, { analyser: null });
    expect(out.title).toBe('Đường sắt tốc độ cao');
    expect(out.title.normalize('NFC')).toBe(out.title);
    expect(out.labels).toBeNull();
    expect(out.contentHash).not.toBe(item.contentHash);
  });
});
