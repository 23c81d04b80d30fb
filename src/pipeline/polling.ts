/**
 * Adaptive polling: each source is polled about twice per typical gap between its posts, within
 * the bounds configured for it, and backs off on errors and on feeds that did not change.
 */

export interface PollIntervalInput {
  /** Configured bounds in minutes. */
  minMinutes: number;
  maxMinutes: number;
  /** Interval used for the previous poll, seconds (null on the first poll). */
  previousSec: number | null;
  outcome: 'ok' | 'not_modified' | 'error';
  /** Failures in a row including this one (0 when this poll succeeded). */
  consecutiveFailures: number;
  /** Publication times (ISO) of the entries the feed listed. */
  publishedAt: (string | undefined)[];
  /** New articles this poll found. */
  newEntries: number;
  now: Date;
}

const DAY_MS = 24 * 3600 * 1000;

/** Seconds until the next poll of a source. */
export function nextPollIntervalSec(input: PollIntervalInput): number {
  const min = input.minMinutes * 60;
  const max = input.maxMinutes * 60;
  const clamp = (s: number) => Math.round(Math.min(max, Math.max(min, s)));
  const previous = input.previousSec ?? min;

  if (input.outcome === 'error') {
    // Exponential backoff on a failing source so a dead feed costs little, capped at max.
    return clamp(min * 2 ** Math.min(input.consecutiveFailures, 10));
  }
  const postingGap = typicalGapSec(input.publishedAt, input.now);
  if (postingGap !== null) {
    const target = postingGap / 2;
    // Nothing new: drift towards the posting-rate target but never faster than before.
    return clamp(input.newEntries === 0 ? Math.max(target, previous * 1.25) : Math.min(target, previous * 1.5));
  }
  if (input.outcome === 'not_modified' || input.newEntries === 0) return clamp(previous * 1.5);
  return clamp(previous);
}

/** Median gap between posts over the last week, seconds; null when too few dated posts. */
export function typicalGapSec(publishedAt: (string | undefined)[], now: Date): number | null {
  const since = now.getTime() - 7 * DAY_MS;
  const times = publishedAt
    .map((p) => (p ? Date.parse(p) : NaN))
    .filter((t) => Number.isFinite(t) && t >= since && t <= now.getTime() + 3600_000)
    .sort((a, b) => a - b);
  if (times.length < 3) return null;
  const gaps: number[] = [];
  for (let i = 1; i < times.length; i++) gaps.push((times[i]! - times[i - 1]!) / 1000);
  gaps.sort((a, b) => a - b);
  return gaps[Math.floor(gaps.length / 2)]!;
}
