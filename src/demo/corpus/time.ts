/** Publication times: Vietnamese newsrooms publish between about 6:00 and 23:00 local time (UTC+7). */
import type { Rng } from '../random.js';

/** Milliseconds in an hour and a day. */
export const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;
/** Vietnam has no daylight saving: a fixed offset is exact. */
export const VN_OFFSET_MS = 7 * HOUR_MS;

/**
 * A minute-rounded instant between `fromDaysAgo` and `toDaysAgo` days before `anchorMs`, moved out
 * of the small hours (a story "published" at 03:00 local goes to the previous evening).
 */
export function newsroomInstant(rng: Rng, anchorMs: number, fromDaysAgo: number, toDaysAgo: number): number {
  let t = anchorMs - (toDaysAgo + rng.next() * (fromDaysAgo - toDaysAgo)) * DAY_MS;
  const localHour = new Date(t + VN_OFFSET_MS).getUTCHours();
  if (localHour < 6) t -= (localHour + 1 + rng.next() * 0.9) * HOUR_MS;
  return Math.floor(t / 60_000) * 60_000 - 60_000;
}

/** Local (UTC+7) calendar parts of an instant. */
export function vnParts(ms: number): { year: number; month: number; day: number; hour: number; minute: number; second: number; weekday: number } {
  const d = new Date(ms + VN_OFFSET_MS);
  return {
    year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(),
    hour: d.getUTCHours(), minute: d.getUTCMinutes(), second: d.getUTCSeconds(), weekday: d.getUTCDay(),
  };
}
