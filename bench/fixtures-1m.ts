/**
 * Generates N realistic labelled Vietnamese items (default 1,000,000 over 20 weeks, ~50,000 a
 * week) into a SQLite file through the Store's own bulk upsert, so the schema, side tables and
 * both FTS indexes are exactly what production writes. Cached: a file whose meta matches is reused.
 *
 *   npx tsx bench/fixtures-1m.ts [--items 1000000] [--out data/bench/items-1m.db]
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Item, SentimentLabel } from '../src/core/item.js';
import { createSqliteStore } from '../src/store/sqlite/index.js';
import { createRng } from '../src/trends/random.js';

/** End of the generated period: Monday 2026-11-30 00:00 Asia/Ho_Chi_Minh (end of 2026-W48). */
export const BENCH_END = '2026-11-29T17:00:00.000Z';
export const BENCH_WEEKS = 20;
const GENERATOR_VERSION = 2;

const TOPICS = ['economy', 'banking', 'trade', 'enterprise', 'agriculture', 'land', 'construction', 'transport', 'environment', 'energy', 'health', 'education', 'labour', 'social_security', 'culture', 'science', 'digital', 'admin_reform', 'apparatus', 'justice', 'anti_corruption', 'defence', 'foreign'];
const PROVINCES: [string, string][] = [
  ['ha-noi', 'Hà Nội'], ['tp-hcm', 'TP.HCM'], ['hai-phong', 'Hải Phòng'], ['da-nang', 'Đà Nẵng'], ['hue', 'Huế'], ['can-tho', 'Cần Thơ'],
  ['quang-ninh', 'Quảng Ninh'], ['lao-cai', 'Lào Cai'], ['thai-nguyen', 'Thái Nguyên'], ['phu-tho', 'Phú Thọ'], ['bac-ninh', 'Bắc Ninh'],
  ['hung-yen', 'Hưng Yên'], ['ninh-binh', 'Ninh Bình'], ['thanh-hoa', 'Thanh Hóa'], ['nghe-an', 'Nghệ An'], ['ha-tinh', 'Hà Tĩnh'],
  ['quang-tri', 'Quảng Trị'], ['quang-ngai', 'Quảng Ngãi'], ['gia-lai', 'Gia Lai'], ['khanh-hoa', 'Khánh Hòa'], ['dak-lak', 'Đắk Lắk'],
  ['lam-dong', 'Lâm Đồng'], ['dong-nai', 'Đồng Nai'], ['tay-ninh', 'Tây Ninh'], ['vinh-long', 'Vĩnh Long'], ['dong-thap', 'Đồng Tháp'],
  ['an-giang', 'An Giang'], ['ca-mau', 'Cà Mau'], ['tuyen-quang', 'Tuyên Quang'], ['son-la', 'Sơn La'], ['dien-bien', 'Điện Biên'],
  ['cao-bang', 'Cao Bằng'], ['lang-son', 'Lạng Sơn'], ['lai-chau', 'Lai Châu'],
];
const SUBJECTS = ['Dự án đường sắt tốc độ cao', 'Chương trình nhà ở xã hội', 'Giải ngân vốn đầu tư công', 'Cải cách thủ tục hành chính', 'Chuyển đổi số cấp xã', 'Bảo hiểm xã hội tự nguyện', 'Giá điện sinh hoạt', 'Thu hồi đất làm cao tốc', 'Xuất khẩu nông sản', 'Khám chữa bệnh bảo hiểm y tế', 'Tuyển sinh lớp 10', 'Sắp xếp bộ máy hành chính', 'Phòng chống tham nhũng', 'Xử lý nợ xấu ngân hàng', 'Ô nhiễm không khí đô thị', 'Sạt lở bờ sông', 'Thuế thu nhập cá nhân', 'Dịch tả lợn châu Phi', 'Nâng cấp quốc lộ', 'Chính sách tiền lương'];
const POSITIVE = ['vượt kế hoạch', 'hoàn thành trước thời hạn', 'được người dân đồng tình', 'đạt kết quả tích cực', 'tăng trưởng mạnh'];
const NEGATIVE = ['chậm tiến độ', 'gây lãng phí', 'khiến người dân bức xúc', 'phát hiện nhiều sai phạm', 'bị khiếu kiện kéo dài'];
const NEUTRAL = ['triển khai kế hoạch năm 2026', 'họp bàn giải pháp', 'công bố số liệu mới', 'lấy ý kiến góp ý', 'tổng kết giai đoạn'];
const SENTENCES = [
  'Theo báo cáo của Ủy ban nhân dân tỉnh, công tác chỉ đạo điều hành được triển khai đồng bộ trên địa bàn.',
  'Đại diện Bộ Tài chính cho biết nguồn vốn ngân sách nhà nước đã được phân bổ kịp thời cho các dự án trọng điểm.',
  'Nhiều hộ dân phản ánh việc bồi thường, giải phóng mặt bằng còn kéo dài, ảnh hưởng đến đời sống.',
  'Cơ quan chức năng yêu cầu các đơn vị rà soát, khắc phục tồn tại, hạn chế trong quá trình thực hiện.',
  'Tỷ lệ giải ngân vốn đầu tư công trong mười tháng đạt hơn sáu mươi phần trăm kế hoạch được giao.',
  'Chính phủ chỉ đạo đẩy mạnh chuyển đổi số, cắt giảm thủ tục hành chính không cần thiết cho doanh nghiệp.',
  'Các chuyên gia kiến nghị cần hoàn thiện khung pháp lý, tăng cường kiểm tra, giám sát việc thực thi chính sách.',
  'Lãnh đạo địa phương cam kết tháo gỡ vướng mắc, bảo đảm quyền lợi hợp pháp của người dân.',
  'Hội nghị đánh giá kết quả đạt được và đề ra nhiệm vụ trọng tâm trong thời gian tới.',
  'Người dân kỳ vọng chính sách mới sẽ sớm đi vào cuộc sống, tạo chuyển biến rõ nét.',
  'Đoàn kiểm tra phát hiện một số sai phạm trong công tác quản lý đất đai, đầu tư xây dựng.',
  'Ngành y tế khuyến cáo người dân chủ động phòng bệnh, đi khám khi có triệu chứng bất thường.',
];

/** Seed of the item generator: the ES bench regenerates the same items with it. */
export const FIXTURE_SEED = 42;

const OUTLETS = Array.from({ length: 80 }, (_, i) => ({
  id: `outlet-${i}`,
  name: i < 20 ? `Báo Trung ương ${i + 1}` : `Báo ${PROVINCES[i % PROVINCES.length]![1]} ${Math.floor(i / PROVINCES.length) + 1}`,
  tier: (i < 12 ? 'central' : i < 20 ? 'party' : i < 70 ? 'local' : 'government') as Item['tier'],
  province: i < 20 ? null : PROVINCES[i % PROVINCES.length]![0],
}));

/** Item number `n` of a corpus (deterministic; stories group ~3 consecutive-ish items). */
export function benchItem(n: number, total: number, random: () => number): Item {
  const endMs = Date.parse(BENCH_END);
  const spanMs = BENCH_WEEKS * 7 * 86_400_000;
  const storyNo = Math.floor(n / 3);
  const sr = createRng(storyNo * 7919 + 17);
  const subject = SUBJECTS[Math.floor(sr() * SUBJECTS.length)]!;
  const roll = sr();
  const sentiment: SentimentLabel = roll < 0.22 ? 'negative' : roll < 0.47 ? 'positive' : 'neutral';
  const predicate = (sentiment === 'negative' ? NEGATIVE : sentiment === 'positive' ? POSITIVE : NEUTRAL)[Math.floor(sr() * 5)]!;
  const province = PROVINCES[Math.floor(sr() * PROVINCES.length)]!;
  const topic = TOPICS[Math.floor(sr() * TOPICS.length)]!;
  const topic2 = sr() < 0.4 ? TOPICS[Math.floor(sr() * TOPICS.length)]! : null;
  const storyMs = endMs - spanMs + Math.floor((storyNo / Math.ceil(total / 3)) * spanMs);
  const publishedMs = Math.min(endMs - 1, storyMs + Math.floor(random() * 6 * 3_600_000));
  const outlet = OUTLETS[Math.floor(random() * OUTLETS.length)]!;
  const url = `https://bench.example.vn/${outlet.id}/${n}.html`;
  const id = createHash('sha1').update(url).digest('hex');
  const title = `${subject} tại ${province[1]} ${predicate}`;
  const paragraphs = Array.from({ length: 4 + Math.floor(random() * 5) }, () => SENTENCES[Math.floor(random() * SENTENCES.length)]!);
  const text = `${title}. ${paragraphs.join(' ')}`;
  const publishedAt = new Date(publishedMs).toISOString();
  const score = sentiment === 'negative' ? -0.6 : sentiment === 'positive' ? 0.55 : 0;
  return {
    id, url, sourceId: outlet.id, sourceName: outlet.name, tier: outlet.tier, sourceProvince: outlet.province,
    title, lead: paragraphs[0]!, text, author: null, section: null, tags: [], publishedAt, modifiedAt: null, fetchedAt: publishedAt,
    imageUrl: null, partial: false, partialReason: null, contentHash: id,
    labels: {
      modelVersion: 'bench-1',
      topics: topic2 && topic2 !== topic ? [{ id: topic, score: 0.8 }, { id: topic2, score: 0.4 }] : [{ id: topic, score: 0.8 }],
      policies: [],
      sentiment: { label: sentiment, score, confidence: 0.7, evidence: sentiment === 'neutral' ? [] : [{ text: predicate, field: 'title', start: title.indexOf(predicate), end: title.indexOf(predicate) + predicate.length, polarity: sentiment, weight: 1 }] },
      entities: [{ type: 'province', id: province[0], name: province[1], count: 1 }],
      provinces: [province[0]],
      storyId: `story-${storyNo}`,
      simhash: null,
    },
  };
}

/** Ensure the bench DB exists with `items` items; returns its path and how it was obtained. */
export async function ensureBenchDb(path: string, items: number, log: (s: string) => void = console.error): Promise<{ path: string; cached: boolean; seconds: number; itemsPerSecond: number | null }> {
  const metaPath = `${path}.json`;
  const wanted = { version: GENERATOR_VERSION, items, end: BENCH_END, weeks: BENCH_WEEKS };
  if (existsSync(path) && existsSync(metaPath)) {
    const meta = JSON.parse(readFileSync(metaPath, 'utf8')) as typeof wanted & { seconds: number };
    if (meta.version === wanted.version && meta.items === items && meta.end === BENCH_END) return { path, cached: true, seconds: meta.seconds, itemsPerSecond: null };
  }
  mkdirSync(dirname(path), { recursive: true });
  for (const suffix of ['', '-wal', '-shm', '.json']) rmSync(`${path}${suffix}`, { force: true });
  const store = createSqliteStore({ path });
  await store.init();
  const random = createRng(FIXTURE_SEED);
  const batch = 5000;
  const started = performance.now();
  for (let n = 0; n < items; n += batch) {
    const chunk = Array.from({ length: Math.min(batch, items - n) }, (_, k) => benchItem(n + k, items, random));
    const result = await store.upsertItems(chunk);
    if (result.errors.length > 0) throw new Error(`bench upsert: ${result.errors.length} errors, first: ${JSON.stringify(result.errors[0])}`);
    if ((n / batch) % 20 === 0) log(`  ${n + chunk.length} items, ${Math.round((n + chunk.length) / ((performance.now() - started) / 1000))} items/s`);
  }
  store.db.pragma('wal_checkpoint(TRUNCATE)');
  store.db.exec('ANALYZE');
  await store.close();
  const seconds = (performance.now() - started) / 1000;
  writeFileSync(metaPath, JSON.stringify({ ...wanted, seconds: Math.round(seconds) }));
  return { path, cached: false, seconds, itemsPerSecond: Math.round(items / seconds) };
}

if (process.argv[1]?.endsWith('fixtures-1m.ts')) {
  const arg = (name: string, fallback: string) => {
    const i = process.argv.indexOf(`--${name}`);
    return i >= 0 ? process.argv[i + 1]! : fallback;
  };
  const items = Number(arg('items', '1000000'));
  const out = arg('out', `data/bench/items-${items >= 1_000_000 ? `${items / 1_000_000}m` : items}.db`);
  const r = await ensureBenchDb(out, items);
  console.log(JSON.stringify(r));
}
