import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PermanentError } from '../../../src/core/errors.js';
import { parseSitemap } from '../../../src/sources/sitemap.js';
import { parseListing } from '../../../src/sources/listing.js';

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/pages/feeds/${name}`, import.meta.url), 'utf8');
const now = new Date('2025-02-07T00:00:00Z');

function thrown(fn: () => unknown): PermanentError {
  try {
    fn();
  } catch (err) {
    if (err instanceof PermanentError) return err;
    throw err;
  }
  throw new Error('expected a PermanentError');
}

describe('parseSitemap', () => {
  it('reads a news sitemap: news:title, news:publication_date, image, relative loc, duplicates collapsed', () => {
    const { entries, sitemaps } = parseSitemap(fixture('news-sitemap.xml'), 'https://dantri.com.vn/sitemaps/news.xml', { now });
    expect(sitemaps).toEqual([]);
    expect(entries).toEqual([
      {
        url: 'https://dantri.com.vn/xa-hoi/tang-luong-co-so-20250206203000.htm',
        title: 'Tăng lương cơ sở lên 2,34 triệu đồng & điều chỉnh phụ cấp',
        publishedAt: '2025-02-06T13:30:00.000Z',
        imageUrl: 'https://icdn.dantri.com.vn/luong.jpg',
      },
      {
        url: 'https://dantri.com.vn/kinh-doanh/xuat-khau-gao-20250206100000.htm',
        title: 'Xuất khẩu gạo đạt kỷ lục',
        publishedAt: '2025-02-06T03:00:00.000Z',
      },
    ]);
  });

  it('reads a plain urlset, using lastmod as the date hint', () => {
    const { entries } = parseSitemap(fixture('urlset.xml'), 'https://www.quangninh.gov.vn/sitemap.xml', { now });
    expect(entries.map((e) => [e.url, e.publishedAt])).toEqual([
      ['https://www.quangninh.gov.vn/tin-tuc/chuyen-doi-so-1.html', '2025-02-05T17:00:00.000Z'],
      ['https://www.quangninh.gov.vn/tin-tuc/cai-cach-hanh-chinh-2.html', '2025-02-05T01:00:00.000Z'],
      ['https://www.quangninh.gov.vn/tin-tuc/khong-co-ngay-3.html', undefined],
    ]);
  });

  it('returns the child sitemaps of an index, absolute and deduplicated', () => {
    const result = parseSitemap(fixture('sitemap-index.xml'), 'https://vnexpress.net/sitemap.xml');
    expect(result).toEqual({
      entries: [],
      sitemaps: ['https://vnexpress.net/sitemap/news-2025-02-06.xml', 'https://vnexpress.net/sitemap/news-2025-02-05.xml'],
    });
  });

  it('repairs a bare ampersand in a loc', () => {
    const xml = '<urlset><url><loc>https://a.vn/tin?id=1&cat=2</loc></url></urlset>';
    expect(parseSitemap(xml, 'https://a.vn/sitemap.xml').entries[0]!.url).toBe('https://a.vn/tin?id=1&cat=2');
  });

  it('reports a <url> without <loc>', () => {
    const skipped: string[] = [];
    const xml = '<urlset><url><lastmod>2025-02-06</lastmod></url><url><loc>https://a.vn/1</loc></url></urlset>';
    const { entries } = parseSitemap(xml, 'https://a.vn/sitemap.xml', { onSkip: (r) => skipped.push(r) });
    expect(entries).toHaveLength(1);
    expect(skipped).toEqual(['https://a.vn/sitemap.xml: <url> 1 skipped: missing or invalid <loc>']);
  });

  it('throws sitemap_unparseable with line and column for malformed XML', () => {
    const err = thrown(() => parseSitemap('<urlset>\n<url><loc>https://a.vn/1</loc></uri>\n</urlset>', 'https://a.vn/sitemap.xml'));
    expect(err.code).toBe('sitemap_unparseable');
    expect(err.message).toMatch(/^sitemap https:\/\/a\.vn\/sitemap\.xml is not valid XML: .* at line 2, column \d+$/);
  });

  it('throws for a root that is not urlset/sitemapindex, and not_a_feed for HTML', () => {
    expect(thrown(() => parseSitemap('<rss version="2.0"><channel/></rss>', 'https://a.vn/s.xml')).message).toContain('has root <rss>');
    expect(thrown(() => parseSitemap(fixture('html-as-feed.html'), 'https://a.vn/s.xml')).code).toBe('not_a_feed');
  });
});

describe('parseListing', () => {
  const selectors = { item: '.news-item', link: 'h3 a[href]', title: 'h3', summary: '.sapo', date: '.date' };
  const pageUrl = 'https://laocai.gov.vn/tin-tuc-su-kien/';

  it('turns each block into an entry with absolute URL, clean title, summary and date', () => {
    const entries = parseListing(fixture('listing.html'), pageUrl, selectors, { now });
    expect(entries[0]).toEqual({
      url: 'https://laocai.gov.vn/tin-tuc/lao-cai-cai-cach-hanh-chinh-1201.html',
      title: 'Lào Cai dẫn đầu chỉ số cải cách hành chính',
      summary: 'Chỉ số PAR INDEX của tỉnh tăng 5 bậc so với năm trước.',
      publishedAt: '2025-02-06T13:30:00.000Z',
      imageUrl: 'https://laocai.gov.vn/uploads/cchc.jpg',
    });
    expect(entries[1]).toMatchObject({
      url: 'https://laocai.gov.vn/tin-tuc-su-kien/tin-tuc/phong-chong-thien-tai-1202.html',
      title: 'Chủ động phòng, chống thiên tai mùa mưa lũ',
      publishedAt: '2025-02-06T02:15:00.000Z',
    });
  });

  it('collapses repeats by canonical URL, prefers <time datetime>, and reports blocks without a link', () => {
    const skipped: string[] = [];
    const entries = parseListing(fixture('listing.html'), pageUrl, selectors, { now, onSkip: (r) => skipped.push(r) });
    expect(entries.map((e) => e.url)).toEqual([
      'https://laocai.gov.vn/tin-tuc/lao-cai-cai-cach-hanh-chinh-1201.html',
      'https://laocai.gov.vn/tin-tuc-su-kien/tin-tuc/phong-chong-thien-tai-1202.html',
      'https://laocai.gov.vn/tin-tuc/hoi-nghi-xuc-tien-dau-tu-1203.html',
    ]);
    expect(entries[2]!.publishedAt).toBe('2025-02-05T01:00:00.000Z');
    expect(skipped).toEqual([`${pageUrl}: listing item 5 skipped: no usable link for selector "h3 a[href]"`]);
  });

  it('uses the link text as title when no title selector is configured, and accepts the block being the link', () => {
    const html = '<div><a class="x" href="/a-1.html"> Tin  một </a><a class="x" href="/a-2.html" title="Tin hai">…</a></div>';
    const entries = parseListing(html, 'https://a.vn/', { item: 'a.x', link: 'a[href]' });
    expect(entries).toEqual([
      { url: 'https://a.vn/a-1.html', title: 'Tin một' },
      { url: 'https://a.vn/a-2.html', title: 'Tin hai' },
    ]);
  });
});
