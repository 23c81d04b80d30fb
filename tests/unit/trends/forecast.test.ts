import { describe, expect, it } from 'vitest';
import { toEpochHour } from '../../../src/trends/detector/spike-detector.js';
import { backtestForecast } from '../../../src/trends/forecast/backtest.js';
import { findForecastBreach } from '../../../src/trends/forecast/early-warning.js';
import { fitHoltWinters, forecastHoltWinters } from '../../../src/trends/forecast/holt-winters.js';
import { generateStreams } from '../../../src/trends/synthetic.js';

describe('Holt-Winters forecast', () => {
  const stream = generateStreams({ seed: 11, weeks: 8, regularTopics: 2, highVolumeTopics: 0, quietTopics: 0, spikeRatePerWeek: 0.01, plateauRatePerWeek: 0.01 })[0]!;
  const start = toEpochHour(stream.startIso);

  it('forecasts the daily shape with ordered interval bounds', () => {
    const model = fitHoltWinters(stream.total.slice(0, 6 * 168), start);
    const f = forecastHoltWinters(model, 48);
    expect(f.startHour).toBe(start + 6 * 168);
    expect(f.median).toHaveLength(48);
    f.median.forEach((m, k) => {
      expect(f.lower[k]!).toBeLessThanOrEqual(Math.round(m));
      expect(f.upper[k]!).toBeGreaterThanOrEqual(Math.round(m));
    });
    // Local 09:00 (hour 2 UTC) busier than local 03:00 (20 UTC).
    const at = (utcHour: number) => f.median[(utcHour - ((start + 6 * 168) % 24) + 24) % 24]!;
    expect(at(2)).toBeGreaterThan(2 * at(20));
  });

  it('beats seasonal-naive in a rolling-origin backtest, with roughly calibrated 80% intervals', () => {
    const r = backtestForecast(stream.total, start, { trainHours: 5 * 168, horizon: 48, paths: 150 });
    expect(r.origins).toBeGreaterThan(15);
    expect(r.mase).not.toBeNull();
    expect(r.mase!).toBeLessThan(r.naiveMase!);
    expect(r.coverage).toBeGreaterThan(0.65);
    expect(r.coverage).toBeLessThan(0.95);
  });

  it('refuses a too-short history', () => {
    expect(() => fitHoltWinters([1, 2, 3], start)).toThrow(/at least 48/);
  });
});

describe('findForecastBreach', () => {
  const forecast = { startHour: 1000, level: 0.8, median: [2, 5, 9, 12], lower: [1, 3, 6, 10], upper: [4, 8, 13, 16] };

  it('fires on the first hour whose lower bound reaches the threshold', () => {
    expect(findForecastBreach(forecast, 6)).toMatchObject({ hour: 1002, hoursAhead: 3, lower: 6 });
    expect(findForecastBreach(forecast, 11)).toBeNull();
  });

  it('sums over a window for "N in H hours" rules and validates the threshold', () => {
    expect(findForecastBreach(forecast, 9, 2)).toMatchObject({ hour: 1002, lower: 9 });
    expect(() => findForecastBreach(forecast, 0)).toThrow(/threshold/);
  });
});
