/**
 * Default forecast source of the report: the trends engine's robust Holt-Winters fitted on the
 * last four weeks of hourly counts read from the Store, summed over the target week.
 */
import type { Store } from '../store/store.js';
import { fitHoltWinters, forecastHoltWinters } from '../trends/forecast/holt-winters.js';
import type { ReportForecastSource } from './model.js';
import type { ReportForecast } from './types.js';
import { shiftReportWeek, type ReportWeek } from './week.js';

const HOUR_MS = 3_600_000;
const HISTORY_WEEKS = 4;

/**
 * Forecast next week's volume from the store. History is the four weeks before the target
 * week; returns null when fewer than two weeks of it have any item (nothing to learn from).
 *
 * The interval sums the hourly interval bounds, which is wider than the interval of the weekly
 * sum: a conservative range, never a falsely narrow one.
 */
export function createStoreForecaster(store: Store, options: { level?: number } = {}): ReportForecastSource {
  return {
    async forecastWeek(target: ReportWeek): Promise<ReportForecast | null> {
      const historyStart = shiftReportWeek(target, -HISTORY_WEEKS);
      const fromMs = Date.parse(historyStart.from);
      const toMs = Date.parse(target.from);
      const hours = Math.round((toMs - fromMs) / HOUR_MS);
      const counts = new Array<number>(hours).fill(0);
      for (const p of await store.series({ from: historyStart.from, to: target.from, interval: 'hour' })) {
        const index = Math.round((Date.parse(p.bucket) - fromMs) / HOUR_MS);
        if (index >= 0 && index < hours) counts[index]! += p.count;
      }
      const firstActive = counts.findIndex((c) => c > 0);
      if (firstActive < 0 || hours - firstActive < 2 * 168) return null;
      const model = fitHoltWinters(counts.slice(firstActive), fromMs / HOUR_MS + firstActive);
      const horizon = Math.round((Date.parse(target.to) - toMs) / HOUR_MS);
      const f = forecastHoltWinters(model, horizon, { level: options.level ?? 0.8, seed: 7 });
      const sum = (xs: number[]) => Math.round(xs.reduce((a, b) => a + b, 0));
      return {
        week: target.id,
        expectedItems: sum(f.median),
        lower: sum(f.lower),
        upper: sum(f.upper),
        level: f.level,
        expectedNegative: null,
        method: `Holt-Winters theo giờ trên ${HISTORY_WEEKS} tuần gần nhất`,
      };
    },
  };
}
