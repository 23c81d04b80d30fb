/**
 * Items for the Store contract suite: a small, hand-checked Vietnamese corpus whose expected
 * counts, orders and time buckets are written out literally in the suite.
 */
import { createHash } from 'node:crypto';
import type { Item, ItemLabels, OutletTier, SentimentLabel } from '../../src/core/item.js';

/** sha1 hex of the URL, as the pipeline derives item ids. */
export function idForUrl(url: string): string {
  return createHash('sha1').update(url).digest('hex');
}

/** Labels with sensible defaults; pass only what a case cares about. */
export function makeLabels(
  over: Partial<Omit<ItemLabels, 'sentiment'>> & { sentiment?: SentimentLabel; sentimentScore?: number } = {},
): ItemLabels {
  const label = over.sentiment ?? 'neutral';
  const score = over.sentimentScore ?? (label === 'positive' ? 0.6 : label === 'negative' ? -0.7 : 0);
  return {
    modelVersion: over.modelVersion ?? 'vi-lexicon-2025.02',
    topics: over.topics ?? [],
    policies: over.policies ?? [],
    sentiment: { label, score, confidence: 0.8, evidence: [] },
    entities: over.entities ?? [],
    provinces: over.provinces ?? [],
    storyId: over.storyId ?? null,
    simhash: over.simhash ?? null,
  };
}

/** A complete item; `slug` names it and seeds its URL and id. */
export function makeItem(slug: string, over: Partial<Item> & { sourceId?: string; tier?: OutletTier } = {}): Item {
  const sourceId = over.sourceId ?? 'vnexpress';
  const url = over.url ?? `https://${sourceId}.example.vn/${slug}.html`;
  const title = over.title ?? `Tin ${slug}`;
  const text = over.text ?? `Nội dung bài ${slug}.`;
  return {
    id: idForUrl(url),
    url,
    sourceId,
    sourceName: over.sourceName ?? SOURCE_NAMES[sourceId] ?? sourceId,
    tier: over.tier ?? 'central',
    sourceProvince: null,
    title,
    lead: null,
    text,
    author: null,
    section: null,
    tags: [],
    publishedAt: '2025-02-06T03:00:00.000Z',
    modifiedAt: null,
    fetchedAt: '2025-02-10T12:00:00.000Z',
    imageUrl: null,
    partial: false,
    partialReason: null,
    contentHash: createHash('sha1').update(`${title}\n${text}`).digest('hex'),
    labels: null,
    ...over,
  };
}

const SOURCE_NAMES: Record<string, string> = {
  vnexpress: 'VnExpress',
  tuoitre: 'Tuổi Trẻ',
  thanhnien: 'Thanh Niên',
  nhandan: 'Nhân Dân',
  baochinhphu: 'Báo Chính phủ',
  baodanang: 'Báo Đà Nẵng',
  tinmoi: 'Tin Mới (không dấu)',
};

/**
 * Eight items over two local weeks. Local time is Asia/Ho_Chi_Minh (UTC+7):
 *
 * | key  | publishedAt (UTC)      | local              | source      | tier       | labels                                  |
 * |------|------------------------|--------------------|-------------|------------|-----------------------------------------|
 * | A    | 2025-02-06T17:30Z      | Fri 07/02 00:30    | vnexpress   | central    | transport+investment, positive, ha-noi  |
 * | B    | 2025-02-06T16:59Z      | Thu 06/02 23:59    | tinmoi      | other      | transport, neutral, ha-noi              |
 * | C    | 2025-02-07T02:00Z      | Fri 07/02 09:00    | tuoitre     | central    | construction, negative, ho-chi-minh     |
 * | D    | 2025-02-03T03:00Z      | Mon 03/02 10:00    | baodanang   | local      | land, negative, da-nang                 |
 * | E    | 2025-02-09T17:30Z      | Mon 10/02 00:30    | baochinhphu | government | health, positive, no province           |
 * | F    | 2025-02-09T16:00Z      | Sun 09/02 23:00    | thanhnien   | central    | null (partial)                          |
 * | G    | 2025-02-04T10:00Z      | Tue 04/02 17:00    | nhandan     | party      | null                                    |
 * | H    | 2025-02-05T23:30Z      | Thu 06/02 06:30    | nhandan     | party      | environment+health, negative, ha-noi    |
 */
export function buildCorpus() {
  const A = makeItem('duong-sat-toc-do-cao', {
    sourceId: 'vnexpress',
    tier: 'central',
    title: 'Đường sắt tốc độ cao Bắc - Nam: Quốc hội thông qua chủ trương đầu tư',
    lead: 'Dự án dài 1.541 km, tổng vốn hơn 67 tỷ USD, dự kiến khởi công cuối năm 2027.',
    text: 'Chiều 30/11, Quốc hội biểu quyết thông qua nghị quyết về chủ trương đầu tư dự án.\n\nTuyến đi qua 20 tỉnh, thành phố.',
    publishedAt: '2025-02-06T17:30:00.000Z',
    labels: makeLabels({
      topics: [{ id: 'transport', score: 0.9 }, { id: 'investment', score: 0.6 }],
      sentiment: 'positive',
      provinces: ['ha-noi'],
      policies: ['nq-172'],
      storyId: 'story-rail',
    }),
  });
  const B = makeItem('duong-sat-cat-linh', {
    sourceId: 'tinmoi',
    tier: 'other',
    title: 'Duong sat do thi Cat Linh - Ha Dong van hanh on dinh dip Tet',
    text: 'Tuyen duong sat tren cao phuc vu hon 2 trieu luot khach trong thang 1.',
    publishedAt: '2025-02-06T16:59:00.000Z',
    labels: makeLabels({ topics: [{ id: 'transport', score: 0.8 }], sentiment: 'neutral', provinces: ['ha-noi'], storyId: 'story-rail' }),
  });
  const C = makeItem('gia-sat-thep-tang', {
    sourceId: 'tuoitre',
    tier: 'central',
    title: 'Giá sắt thép tăng, nhiều công trình đường bộ chậm tiến độ',
    text: 'Nhà thầu kiến nghị điều chỉnh giá vật liệu vì chi phí vượt dự toán.',
    publishedAt: '2025-02-07T02:00:00.000Z',
    labels: makeLabels({ topics: [{ id: 'construction', score: 0.7 }], sentiment: 'negative', provinces: ['ho-chi-minh'] }),
  });
  const D = makeItem('du-an-treo-da-nang', {
    sourceId: 'baodanang',
    tier: 'local',
    sourceProvince: 'da-nang',
    title: 'Người dân bức xúc vì dự án treo gây lãng phí đất đai',
    text: 'Nhiều hộ dân chờ giải phóng mặt bằng suốt mười năm, chưa được bồi thường.',
    publishedAt: '2025-02-03T03:00:00.000Z',
    labels: makeLabels({
      topics: [{ id: 'land', score: 0.9 }],
      sentiment: 'negative',
      provinces: ['da-nang'],
      policies: ['luat-dat-dai-2024'],
    }),
  });
  const E = makeItem('bo-y-te-cap-phep-thuoc', {
    sourceId: 'baochinhphu',
    tier: 'government',
    title: 'Bộ Y tế hoàn thành cấp phép 500 loại thuốc, được người dân đồng tình',
    text: 'Việc gia hạn giấy đăng ký lưu hành giúp bảo đảm đủ thuốc cho khám chữa bệnh.',
    publishedAt: '2025-02-09T17:30:00.000Z',
    labels: makeLabels({ topics: [{ id: 'health', score: 0.8 }], sentiment: 'positive' }),
  });
  const F = makeItem('mien-hoc-phi-thpt', {
    sourceId: 'thanhnien',
    tier: 'central',
    title: 'Đề xuất miễn học phí cho học sinh THPT từ năm học 2025-2026',
    text: 'Bộ Giáo dục và Đào tạo đề xuất miễn học phí (tóm tắt từ RSS).',
    publishedAt: '2025-02-09T16:00:00.000Z',
    partial: true,
    partialReason: 'article page returned HTTP 503; feed summary kept',
  });
  const G = makeItem('quy-hoach-thu-do', {
    sourceId: 'nhandan',
    tier: 'party',
    title: 'Hà Nội lấy ý kiến về quy hoạch Thủ đô thời kỳ 2021-2030',
    text: 'Quy hoạch tầm nhìn đến năm 2050 được công bố để người dân góp ý.',
    publishedAt: '2025-02-04T10:00:00.000Z',
  });
  const H = makeItem('o-nhiem-khong-khi-ha-noi', {
    sourceId: 'nhandan',
    tier: 'party',
    title: 'Ô nhiễm không khí ở Hà Nội ở mức xấu, người dân khiếu kiện',
    text: 'Chỉ số AQI vượt 200 tại nhiều trạm quan trắc, ảnh hưởng sức khỏe người dân.',
    publishedAt: '2025-02-05T23:30:00.000Z',
    labels: makeLabels({
      topics: [{ id: 'environment', score: 0.7 }, { id: 'health', score: 0.4 }],
      sentiment: 'negative',
      provinces: ['ha-noi'],
    }),
  });
  return { A, B, C, D, E, F, G, H };
}

/** Corpus item names. */
export type CorpusKey = keyof ReturnType<typeof buildCorpus>;
