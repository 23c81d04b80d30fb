/**
 * Light rewrites of a story for another outlet: the way Vietnamese papers re-run each other's
 * news (clauses swapped in the title, a different lead, one added sentence, a paragraph dropped).
 * The copy stays close enough for near-duplicate detection and different enough to need it.
 */
import type { Rng } from '../random.js';
import type { ArticleText } from './compose.js';
import { capitalizeFirst } from './fill.js';
import { SYNDICATION_EXTRAS } from './generic.js';

/** Words that keep their capital letter when a clause moves from the start of a title. */
const PROPER_START = /^(Bộ|Chính phủ|Thủ tướng|Quốc hội|Ngân hàng|Sở|UBND|Bệnh viện|TP\.HCM|Hà Nội|Thành phố|Cục|Tổng|Ban|Việt Nam|[A-ZĐ][\p{Ll}]+ [A-ZĐ])/u;

/** Synonym swaps applied to titles; only the first that matches is used. */
const TITLE_SWAPS: readonly [RegExp, string][] = [
  [/người dân/u, 'bà con'],
  [/chậm tiến độ/u, 'trễ hẹn'],
  [/bức xúc/u, 'bất bình'],
  [/hoàn thành/u, 'về đích'],
  [/quá tải/u, 'vỡ trận'],
  [/khiếu nại/u, 'kêu cứu'],
  [/đề xuất/u, 'kiến nghị'],
  [/triển khai/u, 'thực hiện'],
];

/** Rewrites a title: swap clauses around a comma, or swap a word, or prefix the place. */
export function rewriteTitle(title: string, place: string, rng: Rng): string {
  const comma = title.indexOf(', ');
  if (comma > 0 && rng.chance(0.6)) {
    const first = title.slice(0, comma);
    const second = title.slice(comma + 2);
    return `${capitalizeFirst(second)}: ${lowerUnlessProper(first)}`;
  }
  for (const [pattern, replacement] of TITLE_SWAPS) {
    if (pattern.test(title)) return title.replace(pattern, replacement);
  }
  return title.includes(place) ? `${title} - Điểm tin` : `${place}: ${title}`;
}

function lowerUnlessProper(text: string): string {
  return PROPER_START.test(text) ? text : text.charAt(0).toLocaleLowerCase('vi') + text.slice(1);
}

/** Makes a syndicated copy. `altLead` is another lead of the same story, written by the caller. */
export function syndicateText(original: ArticleText, place: string, altLead: string, rng: Rng): ArticleText {
  const paragraphs = [...original.paragraphs];
  if (paragraphs.length > 6 && rng.chance(0.25)) paragraphs.splice(rng.int(2, paragraphs.length - 2), 1);
  const extraAt = rng.int(0, paragraphs.length - 1);
  paragraphs[extraAt] = `${paragraphs[extraAt] ?? ''} ${rng.pick(SYNDICATION_EXTRAS)}`.trim();
  return {
    ...original,
    title: rewriteTitle(original.title, place, rng),
    lead: altLead === original.lead ? `Theo ghi nhận, ${lowerUnlessProper(original.lead)}` : altLead,
    paragraphs,
    comments: [],
  };
}
