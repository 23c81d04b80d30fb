import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PermanentError } from '../../../src/core/errors.js';
import { parseFeed } from '../../../src/sources/feed.js';

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/pages/feeds/${name}`, import.meta.url), 'utf8');
const now = new Date('2025-02-07T00:00:00Z');

async function rejection(promise: Promise<unknown>): Promise<PermanentError> {
  try {
    await promise;
  } catch (err) {
    if (err instanceof PermanentError) return err;
    throw err;
  }
  throw new Error('expected a PermanentError');
}

describe('parseFeed: RSS 2.0 with VnExpress-style CDATA HTML', () => {
  const feedUrl = 'https://vnexpress.net/rss/thoi-su.rss';

  it('strips HTML from descriptions and takes the first <img> as the image', async () => {
    const [first] = await parseFeed(fixture('vnexpress-rss.xml'), feedUrl, { now });
    expect(first!.summary).toBe('Chính phủ đề xuất giảm số tỉnh, thành từ 63 xuống còn 34, hoàn thành trong năm 2025 & trình Quốc hội xem xét.');
    expect(first!.imageUrl).toBe('https://i1-vnexpress.vnecdn.net/2025/02/06/sap-xep-tinh.jpg?w=1200&h=0');
    expect(first!.summary).not.toMatch(/<|&amp;/);
  });

  it('decodes entities, trims and collapses whitespace in titles', async () => {
    const [first] = await parseFeed(fixture('vnexpress-rss.xml'), feedUrl, { now });
    expect(first!.title).toBe('Chính phủ trình phương án "sắp xếp" đơn vị hành chính cấp tỉnh');
  });

  it('resolves relative links and relative images against the feed URL', async () => {
    const entries = await parseFeed(fixture('vnexpress-rss.xml'), feedUrl, { now });
    const petrol = entries.find((e) => e.title?.startsWith('Giá xăng'))!;
    expect(petrol.url).toBe('https://vnexpress.net/kinh-doanh/gia-xang-giam-4848002.html');
    expect(petrol.imageUrl).toBe('https://vnexpress.net/images/gia-xang.jpg');
    expect(petrol.guid).toBeUndefined();
  });

  it('reads dates with +0700, +07, no zone (Hà Nội) and DD/MM/YYYY from the raw pubDate', async () => {
    const entries = await parseFeed(fixture('vnexpress-rss.xml'), feedUrl, { now });
    const byTitle = (prefix: string) => entries.find((e) => e.title?.startsWith(prefix))!.publishedAt;
    expect(byTitle('Chính phủ')).toBe('2025-02-06T13:30:00.000Z');
    expect(byTitle('Giá xăng')).toBe('2025-02-06T08:00:00.000Z');
    expect(byTitle('Hà Nội')).toBe('2025-02-06T03:15:00.000Z');
    expect(byTitle('Bộ Y tế')).toBe('2025-02-06T01:00:00.000Z');
  });

  it('collapses duplicates by canonical URL, keeping the first and filling gaps from the later', async () => {
    const entries = await parseFeed(fixture('vnexpress-rss.xml'), feedUrl, { now });
    const hanoi = entries.filter((e) => e.title?.startsWith('Hà Nội'));
    expect(hanoi).toHaveLength(1);
    expect(hanoi[0]!.summary).toContain('lộ trình hạn chế xe máy');
    expect(hanoi[0]!.imageUrl).toBe('https://i1-vnexpress.vnecdn.net/2025/02/06/xe-may.jpg');
    expect(hanoi[0]!.author).toBe('Võ Hải');
    expect(hanoi[0]!.section).toBe('Giao thông');
  });

  it('reports an item without any link instead of dropping it silently', async () => {
    const skipped: string[] = [];
    const entries = await parseFeed(fixture('vnexpress-rss.xml'), feedUrl, { now, onSkip: (r) => skipped.push(r) });
    expect(entries).toHaveLength(4);
    expect(skipped).toEqual([`${feedUrl}: item 6 skipped: no link, guid URL or rdf:about`]);
  });

  it('normalises decomposed (NFD) text to NFC', async () => {
    const nfd = fixture('vnexpress-rss.xml').normalize('NFD');
    const [first] = await parseFeed(nfd, feedUrl, { now });
    expect(first!.title).toBe('Chính phủ trình phương án "sắp xếp" đơn vị hành chính cấp tỉnh'.normalize('NFC'));
    expect(first!.title).toBe(first!.title!.normalize('NFC'));
  });

  it('uses a permalink guid when <link> is missing', async () => {
    const xml = `<rss version="2.0"><channel><title>t</title><item><title>Tin</title><guid>https://tuoitre.vn/tin-1.htm</guid></item></channel></rss>`;
    const entries = await parseFeed(xml, 'https://tuoitre.vn/rss/x.rss', { now });
    expect(entries).toEqual([{ url: 'https://tuoitre.vn/tin-1.htm', guid: 'https://tuoitre.vn/tin-1.htm', title: 'Tin' }]);
  });
});

describe('parseFeed: Atom and RDF', () => {
  it('reads Atom entries: relative alternate link, zone-less published, double-encoded title, HTML summary', async () => {
    const entries = await parseFeed(fixture('atom.xml'), 'https://thanhnien.vn/rss/thoi-su.atom', { now });
    expect(entries).toHaveLength(2);
    expect(entries[0]).toEqual({
      url: 'https://thanhnien.vn/quoc-hoi-thong-qua-luat-dat-dai-185250206.htm',
      guid: 'tag:thanhnien.vn,2025:185250206',
      title: 'Quốc hội thông qua Luật Đất đai (sửa đổi) & các nghị quyết',
      summary: 'Luật có hiệu lực từ ngày 1/8/2024, sớm hơn dự kiến.',
      publishedAt: '2025-02-06T13:30:00.000Z',
      author: 'Nguyễn Văn A',
      imageUrl: 'https://images2.thanhnien.vn/dat-dai.jpg',
    });
  });

  it('reads an Atom date written the Vietnamese way (rss-parser alone throws on it)', async () => {
    const entries = await parseFeed(fixture('atom.xml'), 'https://thanhnien.vn/rss/thoi-su.atom', { now });
    expect(entries[1]!.publishedAt).toBe('2025-02-06T11:05:00.000Z');
    const unparseable = fixture('atom.xml').replace('Thứ năm, 6/2/2025, 18:05 (GMT+7)', 'hôm qua');
    const again = await parseFeed(unparseable, 'https://thanhnien.vn/rss/thoi-su.atom', { now });
    expect(again).toHaveLength(2);
    expect(again[1]!.publishedAt).toBeUndefined();
  });

  it('reads RDF (RSS 1.0) items with dc:date and rdf:about as the link fallback', async () => {
    const entries = await parseFeed(fixture('rdf.xml'), 'https://baochinhphu.vn/rss/chinh-sach.rdf', { now });
    expect(entries.map((e) => e.url)).toEqual([
      'https://baochinhphu.vn/nghi-dinh-168-102250206.htm',
      'https://baochinhphu.vn/chinh-sach-nha-o-xa-hoi-102250207.htm',
    ]);
    expect(entries[0]!.publishedAt).toBe('2025-02-06T13:30:00.000Z');
    expect(entries[0]!.author).toBe('Báo Chính phủ');
    expect(entries[1]!.publishedAt).toBe('2025-02-06T02:00:00.000Z');
  });
});

describe('parseFeed: broken input', () => {
  it('repairs unescaped ampersands in titles and links', async () => {
    const entries = await parseFeed(fixture('unescaped-amp.xml'), 'https://dantri.com.vn/rss/xa-hoi.rss', { now });
    expect(entries[0]!.title).toBe('Giáo dục & Đào tạo: Bộ GD&ĐT công bố phương án thi 2025');
    expect(entries[0]!.url).toBe('https://dantri.com.vn/giao-duc/phuong-an-thi-2025.htm?a=1&b=2');
  });

  it('throws feed_unparseable naming the feed, the reason and the line for malformed XML', async () => {
    const err = await rejection(parseFeed(fixture('malformed.xml'), 'https://tuoitre.vn/rss/thoi-su.rss'));
    expect(err.code).toBe('feed_unparseable');
    expect(err.message).toBe('feed https://tuoitre.vn/rss/thoi-su.rss is not readable RSS/Atom/RDF: Unexpected close tag at line 8, column 10');
  });

  it('throws feed_unparseable for XML that is no feed, and for an empty body', async () => {
    const err = await rejection(parseFeed('<?xml version="1.0"?><note>x</note>', 'https://a.vn/feed'));
    expect(err.code).toBe('feed_unparseable');
    expect(err.message).toContain('https://a.vn/feed');
    expect((await rejection(parseFeed('', 'https://a.vn/feed'))).code).toBe('feed_unparseable');
  });

  it('throws not_a_feed for an HTML page, naming the feed it advertises', async () => {
    const err = await rejection(parseFeed(fixture('html-as-feed.html'), 'https://tuoitre.vn/rss/cu.rss'));
    expect(err.code).toBe('not_a_feed');
    expect(err.message).toContain('https://tuoitre.vn/rss/tin-moi-nhat.rss');
  });

  it('reads a feed whose XML declaration names the wrong charset (body already decoded)', async () => {
    const entries = await parseFeed(fixture('wrong-charset.xml'), 'https://www.quangninh.gov.vn/rss', { now });
    expect(entries[0]!.title).toBe('Quảng Ninh đẩy mạnh chuyển đổi số trong cải cách hành chính');
  });

  it.each(['latin1', 'win1252'] as const)('repairs UTF-8 bytes mis-decoded as %s (mojibake)', async (charset) => {
    const bytes = readFileSync(new URL('../../fixtures/pages/feeds/wrong-charset.xml', import.meta.url));
    const { default: iconv } = await import('iconv-lite');
    const mojibake = iconv.decode(bytes, charset);
    expect(mojibake).toContain('Quáº£ng');
    const entries = await parseFeed(mojibake, 'https://www.quangninh.gov.vn/rss', { now });
    expect(entries[0]!.title).toBe('Quảng Ninh đẩy mạnh chuyển đổi số trong cải cách hành chính');
    expect(entries[0]!.summary).toBe('Tỉnh đặt mục tiêu 100% thủ tục hành chính được xử lý trực tuyến toàn trình.');
  });
});
