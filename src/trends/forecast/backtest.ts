/**
 * Rolling-origin backtest: fit on the history before the first origin, then walk forward one
 * day at a time; at each origin forecast `horizon` hours and compare with what happened.
 * Reports MASE (MAE over the in-sample MAE of the seasonal-naive one-step forecast, Hyndman &
 * Koehler 2006), the same ratio for seasonal-naive forecasts made from the same origins, and the
 * share of outcomes inside the prediction interval.
 */
import { fitHoltWinters, forecastHoltWinters, updateHoltWinters } from './holt-winters.js';

/** Options of {@link backtestForecast}. */
export interface BacktestOptions {
  /** Hours before the first origin used for fitting and for the MASE scale. */
  trainHours: number;
  /** Hours between origins. @defaultValue 24 */
  stepHours?: number;
  /** Hours forecast from each origin. @defaultValue 72 */
  horizon?: number;
  /** Seasonal period of the naive benchmark (24 = same hour yesterday). @defaultValue 24 */
  seasonalPeriod?: number;
  /** Interval coverage. @defaultValue 0.8 */
  level?: number;
  /** Simulated paths per forecast. @defaultValue 200 */
  paths?: number;
}

/** Backtest figures for one series. */
export interface BacktestResult {
  origins: number;
  points: number;
  /** Null when the in-sample naive error is 0 (a constant series): MASE is undefined there. */
  mase: number | null;
  /** MASE of the seasonal-naive forecast from the same origins, for reference. */
  naiveMase: number | null;
  /** Outcomes inside [lower, upper]. */
  covered: number;
  coverage: number;
}

/** Backtest Holt-Winters on one hourly series whose index 0 is epoch hour `startHour`. */
export function backtestForecast(counts: number[], startHour: number, options: BacktestOptions): BacktestResult {
  const step = options.stepHours ?? 24;
  const horizon = options.horizon ?? 72;
  const m = options.seasonalPeriod ?? 24;
  const train = options.trainHours;
  if (train < 48 || train + horizon > counts.length) {
    throw new Error(`backtestForecast: need trainHours ≥ 48 and trainHours + horizon ≤ ${counts.length} (got ${train}, ${horizon})`);
  }
  let scale = 0;
  for (let t = m; t < train; t++) scale += Math.abs(counts[t]! - counts[t - m]!);
  scale /= train - m;

  const model = fitHoltWinters(counts.slice(0, train), startHour);
  let origin = train;
  let absError = 0;
  let naiveError = 0;
  let covered = 0;
  let points = 0;
  let origins = 0;
  while (origin + horizon <= counts.length) {
    const forecast = forecastHoltWinters(model, horizon, { level: options.level ?? 0.8, paths: options.paths ?? 200, seed: origin });
    for (let k = 0; k < horizon; k++) {
      const actual = counts[origin + k]!;
      absError += Math.abs(actual - forecast.median[k]!);
      naiveError += Math.abs(actual - counts[origin + k - m * Math.ceil((k + 1) / m)]!);
      if (actual >= forecast.lower[k]! && actual <= forecast.upper[k]!) covered++;
      points++;
    }
    origins++;
    for (let t = origin; t < Math.min(origin + step, counts.length); t++) updateHoltWinters(model, counts[t]!);
    origin += step;
  }
  return {
    origins,
    points,
    mase: scale > 0 ? absError / points / scale : null,
    naiveMase: scale > 0 ? naiveError / points / scale : null,
    covered,
    coverage: points > 0 ? covered / points : 0,
  };
}
