/**
 * ISO weeks in Vietnam's local time: a report week starts Monday 00:00 Asia/Ho_Chi_Minh and
 * ends the next Monday 00:00 (exclusive). Week ids look like `2026-W48`.
 */
import { DateTime } from 'luxon';

/** The zone every report week is aligned to. */
export const REPORT_TIME_ZONE = 'Asia/Ho_Chi_Minh';

const WEEK_ID = /^(\d{4})-W(\d{2})$/;

/** One report week with its bounds as ISO-8601 UTC instants. */
export interface ReportWeek {
  /** `2026-W48`. */
  id: string;
  /** Monday 00:00 local, as UTC ISO. Inclusive. */
  from: string;
  /** Next Monday 00:00 local, as UTC ISO. Exclusive. */
  to: string;
  /** Vietnamese label, e.g. `Tuần 48/2026 (23/11/2026 – 29/11/2026)`. */
  labelVi: string;
}

/**
 * Parse and validate a week id. Throws an error naming the value when it is malformed or the
 * week does not exist in that year (e.g. `2026-W53`).
 *
 * @example
 * parseReportWeek('2026-W48').from // '2026-11-22T17:00:00.000Z'
 */
export function parseReportWeek(id: string): ReportWeek {
  const match = WEEK_ID.exec(String(id).trim());
  if (!match) throw new Error(`Report week ${JSON.stringify(id)}: expected an ISO week like 2026-W48`);
  const year = Number(match[1]);
  const week = Number(match[2]);
  const start = DateTime.fromObject({ weekYear: year, weekNumber: week, weekday: 1 }, { zone: REPORT_TIME_ZONE });
  if (!start.isValid || start.weekNumber !== week || start.weekYear !== year) {
    throw new Error(`Report week ${JSON.stringify(id)}: ${year} has no ISO week ${week}`);
  }
  return describe(start);
}

/** The week `offset` weeks after `week` (negative for earlier weeks). */
export function shiftReportWeek(week: ReportWeek | string, offset: number): ReportWeek {
  const base = typeof week === 'string' ? parseReportWeek(week) : week;
  return describe(DateTime.fromISO(base.from, { zone: REPORT_TIME_ZONE }).plus({ weeks: offset }));
}

/** The local week containing `instant`. */
export function reportWeekOf(instant: Date): ReportWeek {
  return describe(DateTime.fromJSDate(instant, { zone: REPORT_TIME_ZONE }).startOf('week'));
}

/** The last week that has fully ended at `now` (what Monday's report covers). */
export function lastCompletedReportWeek(now: Date = new Date()): ReportWeek {
  return shiftReportWeek(reportWeekOf(now), -1);
}

/** Local calendar date (`yyyy-MM-dd`) of each day of the week, Monday first. */
export function weekDays(week: ReportWeek): string[] {
  const start = DateTime.fromISO(week.from, { zone: REPORT_TIME_ZONE });
  return Array.from({ length: 7 }, (_, i) => start.plus({ days: i }).toISODate() as string);
}

/** Local calendar date of an ISO instant. */
export function localDate(iso: string): string {
  return DateTime.fromISO(iso, { zone: REPORT_TIME_ZONE }).toISODate() as string;
}

/** `dd/MM/yyyy HH:mm` in local time, as Vietnamese readers write it. */
export function formatLocalDateTime(iso: string): string {
  return DateTime.fromISO(iso, { zone: REPORT_TIME_ZONE }).toFormat('dd/MM/yyyy HH:mm');
}

function describe(startLocal: DateTime): ReportWeek {
  const start = startLocal.setZone(REPORT_TIME_ZONE).startOf('week');
  const end = start.plus({ weeks: 1 });
  const id = `${start.weekYear}-W${String(start.weekNumber).padStart(2, '0')}`;
  const lastDay = end.minus({ days: 1 });
  return {
    id,
    from: start.toUTC().toISO() as string,
    to: end.toUTC().toISO() as string,
    labelVi: `Tuần ${start.weekNumber}/${start.weekYear} (${start.toFormat('dd/MM/yyyy')} – ${lastDay.toFormat('dd/MM/yyyy')})`,
  };
}
