/**
 * Light, meaning-preserving rewording applied to each original article, so two stories drawn
 * from the same sentence bank do not share whole runs of words. Only multi-syllable phrases that
 * carry no sentiment are swapped (sentiment ground truth must not move).
 * Also the old tone placement (`hoà`, `thuỷ`) some outlets still use.
 */
import type { Rng } from '../random.js';

/** Interchangeable phrases; any member may replace any other. */
const VARIANTS: readonly (readonly string[])[] = [
  ['người dân', 'bà con', 'nhân dân'],
  ['cơ quan chức năng', 'cơ quan có thẩm quyền', 'các cơ quan liên quan'],
  ['bảo đảm', 'đảm bảo'],
  ['phản ánh', 'phản ảnh'],
  ['UBND', 'Ủy ban nhân dân'],
  ['hộ dân', 'hộ gia đình'],
  ['triển khai', 'thực hiện', 'tổ chức thực hiện'],
  ['hằng năm', 'mỗi năm'],
  ['hằng tháng', 'mỗi tháng'],
  ['tỷ đồng', 'tỉ đồng'],
  ['theo quy định', 'theo đúng quy định', 'theo quy định hiện hành'],
  ['thời gian tới', 'thời gian sắp tới', 'những tháng tới'],
  ['đơn vị liên quan', 'các đơn vị có liên quan'],
  ['nhiều tháng', 'nhiều tháng liền'],
  ['nhiều năm', 'nhiều năm liền'],
  ['dự kiến', 'theo dự kiến'],
  ['đồng thời', 'cùng với đó'],
  ['trên địa bàn', 'tại địa phương'],
  ['cho biết', 'cho hay', 'thông tin'],
  ['hàng nghìn', 'hàng ngàn'],
];

const LETTER = '[\\p{L}\\p{M}]';
const PATTERNS = VARIANTS.map((group) => ({
  group,
  // Longest first so "các cơ quan liên quan" wins over a shorter member inside it.
  regex: new RegExp(`(?<!${LETTER})(${[...group].sort((a, b) => b.length - a.length).map(escapeRegex).join('|')})(?!${LETTER})(?! tộc)`, 'gu'),
}));

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Rewords some occurrences of interchangeable phrases (each with probability `rate`). */
export function paraphrase(text: string, rng: Rng, rate = 0.5): string {
  let out = text;
  for (const { group, regex } of PATTERNS) {
    out = out.replace(regex, (match: string, _g: string, offset: number) => {
      if (!rng.chance(rate)) return match;
      const choice = rng.pick(group);
      // Keep a capital letter at the start of a sentence.
      const atStart = offset === 0 || /[.!?:“]\s*$/u.test(out.slice(Math.max(0, offset - 3), offset));
      const capital = match.charAt(0) !== match.charAt(0).toLocaleLowerCase('vi');
      return capital || atStart ? choice.charAt(0).toLocaleUpperCase('vi') + choice.slice(1) : choice;
    });
  }
  return out;
}

const OLD_TONE: Record<string, string> = {
  'òa': 'oà', 'óa': 'oá', 'ỏa': 'oả', 'õa': 'oã', 'ọa': 'oạ',
  'òe': 'oè', 'óe': 'oé', 'ỏe': 'oẻ', 'õe': 'oẽ', 'ọe': 'oẹ',
  'ùy': 'uỳ', 'úy': 'uý', 'ủy': 'uỷ', 'ũy': 'uỹ', 'ụy': 'uỵ',
  'Ủy': 'Uỷ', 'Úy': 'Uý',
};

/** Old-style tone placement (`Thanh Hoá`, `thuỷ`, `Uỷ ban`), as some regional outlets still write. */
export function oldTonePlacement(text: string): string {
  return text.replace(/(òa|óa|ỏa|õa|ọa|òe|óe|ỏe|õe|ọe|ùy|úy|ủy|ũy|ụy|Ủy|Úy)(?![\p{L}\p{M}])/gu, (m) => OLD_TONE[m] ?? m);
}
