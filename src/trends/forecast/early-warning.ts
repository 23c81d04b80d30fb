/**
 * Early warning from a forecast: when even the LOWER bound of the prediction interval reaches a
 * rule's threshold, the breach is likely (≥ 90 % for an 80 % interval), so it is worth an alert
 * before it happens.
 */
import { fromEpochHour } from '../detector/spike-detector.js';
import type { Forecast } from './holt-winters.js';

/** A forecast breach of a threshold. */
export interface ForecastBreach {
  /** Epoch hour and ISO bucket of the first hour whose lower bound reaches the threshold. */
  hour: number;
  bucket: string;
  hoursAhead: number;
  threshold: number;
  lower: number;
  median: number;
  upper: number;
}

/**
 * First hour in the forecast whose lower bound is ≥ `threshold`, or null.
 * With `windowHours` > 1 the bounds are summed over a trailing window (threshold per window),
 * which matches rules written as "N negative articles in 6 hours". Summing lower bounds is
 * conservative: the sum of per-hour 10 % quantiles is below the 10 % quantile of the sum.
 */
export function findForecastBreach(forecast: Forecast, threshold: number, windowHours = 1): ForecastBreach | null {
  if (!(threshold > 0)) throw new Error(`findForecastBreach: threshold must be > 0, got ${threshold}`);
  const n = forecast.lower.length;
  for (let k = windowHours - 1; k < n; k++) {
    let lower = 0;
    let median = 0;
    let upper = 0;
    for (let j = k - windowHours + 1; j <= k; j++) {
      lower += forecast.lower[j]!;
      median += forecast.median[j]!;
      upper += forecast.upper[j]!;
    }
    if (lower >= threshold) {
      const hour = forecast.startHour + k;
      return { hour, bucket: fromEpochHour(hour), hoursAhead: k + 1, threshold, lower, median: Math.round(median * 10) / 10, upper };
    }
  }
  return null;
}
