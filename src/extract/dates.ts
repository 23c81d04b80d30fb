/**
 * Date strings as Vietnamese outlets and feeds actually write them, turned into ISO-8601 UTC.
 *
 * Numeric dates are always read day-first (DD/MM/YYYY): Vietnamese sites never use MM/DD, so an
 * input such as `02/13/2025` is rejected rather than guessed. A string without any zone is read in
 * the default zone (Asia/Ho_Chi_Minh), because that is what a zone-less Vietnamese timestamp means;
 * generic parsers (and rss-parser's `isoDate`) read it as the server's local time instead.
 */
import { DateTime, FixedOffsetZone, type Zone } from 'luxon';

/** Options for {@link parseVietnameseDate}. */
export interface VietnameseDateOptions {
  /** IANA zone assumed when the string names none. @defaultValue 'Asia/Ho_Chi_Minh' */
  defaultZone?: string;
  /** Reference instant for the "not in the future" sanity check. @defaultValue current time */
  now?: Date;
}

const MIN_YEAR = 1990;
const MAX_FUTURE_MS = 2 * 24 * 3600 * 1000;

const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12,
};

/** Named zones that appear in feeds; ICT is Indochina Time (+7). */
const NAMED_OFFSETS: Record<string, number> = { gmt: 0, ut: 0, utc: 0, z: 0, ict: 420, est: -300, edt: -240, cst: -360, cdt: -300, mst: -420, mdt: -360, pst: -480, pdt: -420 };

const ISO_PREFIX = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?)?\s*(?:Z|[+-]\d{2}(?::?\d{2})?)?$/i;
/** `GMT+7`, `UTC+07:00`, `GMT -3` — an explicit named zone with an offset. */
const NAMED_ZONE_OFFSET = /\b(?:GMT|UTC|UT)\s*([+-])\s*(\d{1,2})(?::?(\d{2}))?(?!\d)/i;
/** A time, optionally with seconds, fraction, AM/PM (or SA/CH) and an attached numeric offset. */
const TIME = /(?<![\d:])(\d{1,2})\s*(?::|h)\s*(\d{2})(?:\s*:\s*(\d{2}))?(?:[.,]\d+)?(?:\s*(am|pm|sa|ch)\b)?(?:\s*(Z|[+-]\d{2}(?::?\d{2})?)(?!\d))?/i;
const DAY_FIRST = /(?<!\d)(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})(?!\d)/;
const YEAR_FIRST = /(?<!\d)(\d{4})[/.-](\d{1,2})[/.-](\d{1,2})(?!\d)/;
const VI_WORDS = /(?:ngày\s*)?(\d{1,2})\s*tháng\s*(\d{1,2})\s*(?:năm|,)?\s*(\d{4})/i;
const DAY_MONTHNAME = /(?<!\d)(\d{1,2})\s+([a-z]{3})[a-z]*\.?,?\s+(\d{4})/i;
const MONTHNAME_DAY = /\b([a-z]{3})[a-z]*\.?\s+(\d{1,2}),?\s+(\d{4})/i;
const NAMED_ZONE_ALONE = /\b(GMT|UTC|UT|ICT|EST|EDT|CST|CDT|MST|MDT|PST|PDT)\b/i;

interface DateParts { year: number; month: number; day: number }

/**
 * Parse a date as written by Vietnamese press, feeds and sitemaps into an ISO-8601 UTC string.
 *
 * Accepts ISO-8601 (with or without zone), RFC 822/1123 (`+0700`, `+07`, `+07:00`, `GMT+7`, or
 * no zone), `Thứ năm, 6/2/2025, 20:30 (GMT+7)`, `06/02/2025 20:30`, `6-2-2025 - 20:30`,
 * `20:30 06/02/2025`, `Thứ Năm, ngày 06/02/2025 - 20:30`, `06/02/2025 | 20:30 GMT+7`,
 * `ngày 6 tháng 2 năm 2025`, `20h30`, with or without seconds.
 *
 * @returns the instant in UTC (`2025-02-06T13:30:00.000Z`), or `null` when the string holds no
 *   date, an impossible one, a year before 1990 or an instant more than two days after `now`.
 */
export function parseVietnameseDate(input: string, opts: VietnameseDateOptions = {}): string | null {
  const defaultZone = opts.defaultZone ?? 'Asia/Ho_Chi_Minh';
  const text = input.normalize('NFC').replace(/\s+/g, ' ').trim();
  if (text === '' || text.length > 200) return null;
  const parsed = ISO_PREFIX.test(text) ? parseIso(text, defaultZone) : parseFreeForm(text, defaultZone);
  if (!parsed || !parsed.isValid) return null;
  return isPlausible(parsed, opts.now ?? new Date()) ? parsed.toUTC().toISO() : null;
}

function parseIso(text: string, defaultZone: string): DateTime {
  const normalised = text.replace(' ', 'T').replace(/\s+(?=[Z+-])/i, '');
  return DateTime.fromISO(normalised, { zone: defaultZone, setZone: true });
}

/** Largest real UTC offset (Line Islands, +14:00). */
const MAX_OFFSET_MINUTES = 14 * 60;

function parseFreeForm(text: string, defaultZone: string): DateTime | null {
  let rest = text;
  let zone: Zone | string = defaultZone;

  const named = NAMED_ZONE_OFFSET.exec(rest);
  if (named) {
    const minutes = signedMinutes(named[1]!, named[2]!, named[3]);
    // Real UTC offsets lie within ±14 h; anything else is garbage, not a zone to shift by.
    if (Math.abs(minutes) > MAX_OFFSET_MINUTES) return null;
    zone = FixedOffsetZone.instance(minutes);
    rest = cut(rest, named);
  }

  let hour = 0, minute = 0, second = 0;
  const time = TIME.exec(rest);
  if (time) {
    hour = Number(time[1]);
    minute = Number(time[2]);
    second = time[3] ? Number(time[3]) : 0;
    hour = applyMeridiem(hour, time[4]);
    const offset = time[5];
    if (offset) {
      const minutes = parseNumericOffset(offset);
      if (Math.abs(minutes) > MAX_OFFSET_MINUTES) return null;
      zone = FixedOffsetZone.instance(minutes);
    }
    rest = cut(rest, time);
  }

  if (!named && !time?.[5]) {
    const alone = NAMED_ZONE_ALONE.exec(rest);
    if (alone) zone = FixedOffsetZone.instance(NAMED_OFFSETS[alone[1]!.toLowerCase()] ?? 0);
  }

  const date = findDate(rest);
  if (!date || hour > 23 || minute > 59 || second > 59) return null;
  return DateTime.fromObject({ ...date, hour, minute, second }, { zone });
}

function findDate(text: string): DateParts | null {
  let m = DAY_FIRST.exec(text);
  if (m) return parts(m[3]!, m[2]!, m[1]!);
  m = YEAR_FIRST.exec(text);
  if (m) return parts(m[1]!, m[2]!, m[3]!);
  m = VI_WORDS.exec(text);
  if (m) return parts(m[3]!, m[2]!, m[1]!);
  m = DAY_MONTHNAME.exec(text);
  if (m && MONTHS[m[2]!.toLowerCase()]) return parts(m[3]!, String(MONTHS[m[2]!.toLowerCase()]), m[1]!);
  m = MONTHNAME_DAY.exec(text);
  if (m && MONTHS[m[1]!.toLowerCase()]) return parts(m[3]!, String(MONTHS[m[1]!.toLowerCase()]), m[2]!);
  return null;
}

function parts(year: string, month: string, day: string): DateParts | null {
  const p = { year: Number(year), month: Number(month), day: Number(day) };
  // Day-first only: a "month" above 12 means the string is MM/DD or garbage; never swap.
  return p.month >= 1 && p.month <= 12 && p.day >= 1 && p.day <= 31 ? p : null;
}

function applyMeridiem(hour: number, marker: string | undefined): number {
  if (!marker) return hour;
  const pm = /^(pm|ch)$/i.test(marker);
  if (hour === 12) return pm ? 12 : 0;
  return pm ? hour + 12 : hour;
}

function signedMinutes(sign: string, hours: string, minutes: string | undefined): number {
  const total = Number(hours) * 60 + (minutes ? Number(minutes) : 0);
  return sign === '-' ? -total : total;
}

function parseNumericOffset(offset: string): number {
  if (/^z$/i.test(offset)) return 0;
  const m = /^([+-])(\d{2}):?(\d{2})?$/.exec(offset);
  return m ? signedMinutes(m[1]!, m[2]!, m[3]) : 0;
}

function cut(text: string, match: RegExpExecArray): string {
  return text.slice(0, match.index) + ' ' + text.slice(match.index + match[0].length);
}

function isPlausible(value: DateTime, now: Date): boolean {
  if (value.toUTC().year < MIN_YEAR) return false;
  return value.toMillis() <= now.getTime() + MAX_FUTURE_MS;
}
