/**
 * Proper-name spans for the segmenter: runs of capitalised syllables that the dictionary does
 * not claim become one word (`Phạm_Minh_Chính`), with the press conventions for titles, places
 * before their officials and given names that are also title words (docs/LABELLING.md).
 */
import * as flags from './syllables.js';
import type { Syllables } from './syllables.js';

// Local copies: imported bindings compile to getter calls under tsx, costly in the inner loops.
const BREAK_BEFORE = flags.BREAK_BEFORE;
const CAPITALISED = flags.CAPITALISED;
const OPAQUE = flags.OPAQUE;

/** Longest word the lattice holds (bit masks are 32-bit). */
export const MAX_WORD = 30;

/** Index of the highest set bit: the longest word length in a length mask. */
function highestBit(mask: number): number {
  return 31 - Math.clz32(mask);
}

/**
 * Titles and heads that are capitalised before a name but are not part of it
 * (`Ông Nguyễn_Văn_Nam`, `Liên Bộ Công_Thương`, `Theo Bộ_trưởng`, `Thầy Lê_Văn_Minh`).
 */
const NOT_NAME = new Set(
  'ông bà anh chị em cô chú bác cụ thầy cháu bé ngài phó bộ sở cục vụ liên tổng ban viện trường ủy hội đoàn theo tại ngày các những tỉnh huyện xã phường quận thôn ấp tp tx sông núi chợ cầu đường phố đèo vịnh kênh luật'.split(' '),
);

/**
 * Title and head words that are also common given names: inside a name they continue it
 * (`Nguyễn_Tuấn_Anh`, `Ông Tuấn_Anh`, `Ngô_Sĩ_Liên`, `Nguyễn_Xuân_Trường`), at its start
 * they stay titles or heads (`Anh Nguyễn_Văn_Nam`, `Liên Bộ`, `Trường Ngô_Sĩ_Liên`).
 */
const GIVEN_NAME_TITLES = new Set(['anh', 'liên', 'trường']);

/**
 * Country names written as one syllable or one token, which stand before a person's name
 * without punctuation (`Tổng_thống Mỹ Donald_Trump`, `Thủ_tướng Malaysia Anwar_Ibrahim`).
 */
const SHORT_COUNTRIES = new Set(
  ('mỹ nga pháp đức nhật lào úc ý bỉ séc campuchia singapore malaysia indonesia philippines myanmar brunei ' +
    'australia canada brazil argentina mexico chile peru cuba venezuela colombia israel iran iraq ' +
    'ukraine belarus kazakhstan uzbekistan qatar kuwait oman nigeria kenya angola mozambique algeria ' +
    'serbia hungary romania bulgaria slovakia croatia'
  ).split(' '),
);

/** Length of the run of capitalised, non-opaque syllables starting at i (same phrase; at most {@link MAX_WORD}). */
function nameRun(syl: Syllables, i: number): number {
  let k = i;
  while (k < syl.count && k - i < MAX_WORD) {
    const f = syl.flags[k] as number;
    if (!(f & CAPITALISED) || f & OPAQUE || (k > i && f & BREAK_BEFORE)) break;
    const lower = syl.lower[k] as string;
    // `Anh` after one name syllable only when that syllable is not sentence-initial (`Tiếng Anh`).
    if (NOT_NAME.has(lower) && !(k > i && GIVEN_NAME_TITLES.has(lower) && (k - i >= 2 || !((syl.flags[i] as number) & BREAK_BEFORE)))) break;
    k++;
  }
  return k - i;
}

/**
 * Vietnamese family names. A capitalised run that does not itself start with one is cut before
 * one that has a given name after it: an unlisted place before its official's name
 * (`huyện Mường_Tè Lò_Văn_Minh`). Runs that start with a family name are one person.
 */
const SURNAMES = new Set(
  ('nguyễn trần lê phạm hoàng huỳnh phan vũ võ đặng bùi đỗ hồ ngô dương lý đào đoàn vương trịnh trương lâm ' +
    'phùng mai tô hà cao lương lưu tạ kiều chu đinh quách thái tăng hứa lục âu nông la triệu châu hầu khúc ' +
    'lại từ giang doãn đàm thân tôn nghiêm mạc cù khổng lò giàng thào sùng vi lường quàng cầm tòng lã ksor'
  ).split(' '),
);

/** Length of the part of a run of `run` syllables at i before a second person's family name. */
function beforeSecondName(syl: Syllables, i: number, run: number): number {
  if (SURNAMES.has(syl.lower[i] as string)) return run;
  for (let k = i + 2; k + 1 < i + run; k++) if (SURNAMES.has(syl.lower[k] as string)) return k - i;
  return run;
}

/** Whether syllables [i, i + length) are all capitalised (a name, not a title-case phrase). */
function allCapitalised(syl: Syllables, i: number, length: number): boolean {
  for (let k = i; k < i + length; k++) if (!((syl.flags[k] as number) & CAPITALISED)) return false;
  return true;
}

/**
 * Length of a place or country name that opens a capitalised run and is followed by another
 * name (`Quảng_Ngãi Đặng_Văn_Minh`, `Hà_Nội Hoàng_Mai`, `Mỹ Donald_Trump`): a curated word of
 * 2+ syllables or a one-syllable country. 0 when the run does not start with one.
 */
function leadingPlace(syl: Syllables, i: number, preferred: Int32Array): number {
  const curated = highestBit((preferred[i] as number) | 1);
  if (curated >= 2) return curated;
  return SHORT_COUNTRIES.has(syl.lower[i] as string) ? 1 : 0;
}

/**
 * Proper-name spans: a capitalised run of 2+ syllables that no dictionary word at its start
 * covers, shrunk so it does not take the head of a dictionary word running past it, and cut
 * after a place name that opens it when another name of 2+ syllables follows (a title's place
 * then its holder: `Chủ_tịch UBND tỉnh Quảng_Ngãi Đặng_Văn_Minh`). `all` and `preferred` are
 * the dictionary's word-length masks per position; writes the span length at each start into
 * `spans` (zero-filled, length ≥ syllable count) and returns it.
 */
export function nameSpans(syl: Syllables, all: Int32Array, preferred: Int32Array, spans: Int32Array): Int32Array {
  for (let i = 0; i < syl.count; ) {
    const capitalised = ((syl.flags[i] as number) & CAPITALISED) !== 0;
    const run = capitalised ? nameRun(syl, i) : 0;
    if (run < 2) {
      // A known name of 3+ syllables that starts with a title word (`Liên_Hợp_Quốc`): no span
      // may start inside it. (Two-syllable ones, `Cầu_Giấy`, leave no run of 2 behind them.)
      const known = capitalised ? highestBit((preferred[i] as number) | 1) : 1;
      i += known >= 3 && allCapitalised(syl, i, known) ? known : 1;
      continue;
    }
    const place = leadingPlace(syl, i, preferred);
    if (place > 0 && run - place >= 2) {
      // The place is read from the dictionary; the rest starts a new run.
      i += place;
      continue;
    }
    const own = beforeSecondName(syl, i, run);
    let end = i + own;
    while (end - i >= 2 && highestBit(all[end - 1] as number) > 1 && end - 1 + highestBit(all[end - 1] as number) > i + own) end--;
    if (end - i >= 2 && highestBit(all[i] as number) < end - i) {
      spans[i] = end - i;
      i = end;
    } else if (end - i >= 2) {
      // A dictionary word covers the run (`Tân_Sơn_Nhất`): no name span may start inside it.
      i = end;
    } else i++;
  }
  return spans;
}
