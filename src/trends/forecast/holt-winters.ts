/**
 * Robust Holt-Winters for hourly counts: additive on log1p(counts) with a level, a 24-hour daily
 * season and day-of-week offsets (a cheap stand-in for a 168-hour season that adapts 7× faster).
 * One-step errors are clipped at 3 robust sigmas when updating the state, so a one-off spike does
 * not drag the level; prediction intervals come from simulating paths with bootstrapped residuals.
 */
import { localDayOfWeek, localHourOfDay } from '../detector/baseline.js';
import { createRng } from '../random.js';

/** Smoothing weights. */
export interface HoltWintersParams {
  alpha: number;
  gammaDaily: number;
  gammaWeekly: number;
}

/** Fitted model state: enough to forecast or to keep filtering new hours. */
export interface HoltWintersModel {
  params: HoltWintersParams;
  level: number;
  daily: number[];
  weekly: number[];
  /** Epoch hour of the next value to be observed. */
  nextHour: number;
  /** Recent raw one-step residuals (log1p scale), newest last; the last 4 weeks are the bootstrap pool for intervals. */
  residuals: number[];
  /** Robust sigma (1.4826 × MAD) of the residuals, used for clipping. */
  sigma: number;
}

/** A forecast in count space. */
export interface Forecast {
  /** Epoch hour of the first forecast value. */
  startHour: number;
  /** Point forecast (median of the simulated paths). */
  median: number[];
  /** Lower and upper bounds of the central interval (`level`, e.g. 0.8 → 10 %–90 %). */
  lower: number[];
  upper: number[];
  level: number;
}

const PARAM_GRID: HoltWintersParams[] = [];
for (const alpha of [0.01, 0.03, 0.08, 0.2]) for (const gammaDaily of [0.01, 0.05, 0.15]) for (const gammaWeekly of [0, 0.02, 0.08]) PARAM_GRID.push({ alpha, gammaDaily, gammaWeekly });
const RESIDUAL_POOL = 24 * 28;

/** Initialise on the first two weeks (or what exists), then filter through the rest. */
export function fitHoltWinters(counts: number[], startHour: number, params?: HoltWintersParams): HoltWintersModel {
  if (counts.length < 48) throw new Error(`fitHoltWinters: need at least 48 hourly values, got ${counts.length}`);
  const chosen = params ?? selectParams(counts, startHour);
  const model = initialise(counts, startHour, chosen);
  for (let i = 0; i < counts.length; i++) updateHoltWinters(model, counts[i]!);
  return model;
}

/** Feed the next hourly count (epoch hour `model.nextHour`). Mutates the model. */
export function updateHoltWinters(model: HoltWintersModel, count: number): number {
  const h = localHourOfDay(model.nextHour);
  const d = localDayOfWeek(model.nextHour);
  const z = Math.log1p(Math.max(0, count));
  const error = z - (model.level + model.daily[h]! + model.weekly[d]!);
  const clipped = Math.max(-3 * model.sigma, Math.min(3 * model.sigma, error));
  const { alpha, gammaDaily, gammaWeekly } = model.params;
  model.level += alpha * clipped;
  model.daily[h]! += gammaDaily * (1 - alpha) * clipped;
  model.weekly[d]! += gammaWeekly * (1 - alpha) * clipped;
  model.residuals.push(error);
  // Trim in chunks: amortised O(1) per update instead of an O(n) shift every hour.
  if (model.residuals.length > 2 * RESIDUAL_POOL) model.residuals.splice(0, model.residuals.length - RESIDUAL_POOL);
  model.nextHour++;
  if (model.nextHour % 168 === 0 && model.residuals.length >= 48) model.sigma = robustSigma(model.residuals.slice(-RESIDUAL_POOL));
  return error;
}

/** Forecast `horizon` hours ahead with a central interval of coverage `level`. Does not mutate. */
export function forecastHoltWinters(model: HoltWintersModel, horizon: number, options: { level?: number; paths?: number; seed?: number } = {}): Forecast {
  const level = options.level ?? 0.8;
  const paths = options.paths ?? 300;
  const rng = createRng(options.seed ?? 1);
  const pool = model.residuals.length > 0 ? model.residuals.slice(-RESIDUAL_POOL) : [0];
  const samples: number[][] = Array.from({ length: horizon }, () => []);
  for (let p = 0; p < paths; p++) {
    const sim: HoltWintersModel = { ...model, daily: [...model.daily], weekly: [...model.weekly], residuals: [] };
    for (let k = 0; k < horizon; k++) {
      const hour = sim.nextHour;
      const mean = sim.level + sim.daily[localHourOfDay(hour)]! + sim.weekly[localDayOfWeek(hour)]!;
      const z = mean + pool[Math.floor(rng() * pool.length)]!;
      samples[k]!.push(Math.max(0, Math.expm1(z)));
      // Propagate the simulated error through the state, as the filter would.
      const clipped = Math.max(-3 * sim.sigma, Math.min(3 * sim.sigma, z - mean));
      sim.level += sim.params.alpha * clipped;
      sim.daily[localHourOfDay(hour)]! += sim.params.gammaDaily * (1 - sim.params.alpha) * clipped;
      sim.weekly[localDayOfWeek(hour)]! += sim.params.gammaWeekly * (1 - sim.params.alpha) * clipped;
      sim.nextHour++;
    }
  }
  const tail = (1 - level) / 2;
  const median: number[] = [];
  const lower: number[] = [];
  const upper: number[] = [];
  for (const s of samples) {
    s.sort((a, b) => a - b);
    median.push(quantileSorted(s, 0.5));
    // Counts are integers: report integer bounds that contain the interval.
    lower.push(Math.round(quantileSorted(s, tail)));
    upper.push(Math.round(quantileSorted(s, 1 - tail)));
  }
  return { startHour: model.nextHour, median, lower, upper, level };
}

/** Choose smoothing weights by the mean absolute 24-hour-ahead error (log scale) on the history. */
export function selectParams(counts: number[], startHour: number): HoltWintersParams {
  let best = PARAM_GRID[0]!;
  let bestError = Infinity;
  for (const params of PARAM_GRID) {
    const model = initialise(counts, startHour, params);
    const pending: number[] = [];
    let error = 0;
    let n = 0;
    for (let i = 0; i < counts.length; i++) {
      const target = model.nextHour + 24;
      pending.push(model.level + model.daily[localHourOfDay(target)]! + model.weekly[localDayOfWeek(target)]!);
      if (i >= 24 * 8) {
        error += Math.abs(Math.log1p(counts[i]!) - pending[i - 24]!);
        n++;
      }
      updateHoltWinters(model, counts[i]!);
    }
    if (n > 0 && error / n < bestError) {
      bestError = error / n;
      best = params;
    }
  }
  return best;
}

function initialise(counts: number[], startHour: number, params: HoltWintersParams): HoltWintersModel {
  const n = Math.min(counts.length, 24 * 14);
  const z = counts.slice(0, n).map((c) => Math.log1p(Math.max(0, c)));
  const level = z.reduce((a, b) => a + b, 0) / n;
  const daily = new Array<number>(24).fill(0);
  const dailyN = new Array<number>(24).fill(0);
  const weekly = new Array<number>(7).fill(0);
  const weeklyN = new Array<number>(7).fill(0);
  for (let i = 0; i < n; i++) {
    daily[localHourOfDay(startHour + i)]! += z[i]! - level;
    dailyN[localHourOfDay(startHour + i)]!++;
  }
  for (let h = 0; h < 24; h++) daily[h] = dailyN[h]! > 0 ? daily[h]! / dailyN[h]! : 0;
  for (let i = 0; i < n; i++) {
    const hour = startHour + i;
    weekly[localDayOfWeek(hour)]! += z[i]! - level - daily[localHourOfDay(hour)]!;
    weeklyN[localDayOfWeek(hour)]!++;
  }
  for (let d = 0; d < 7; d++) weekly[d] = weeklyN[d]! > 0 ? weekly[d]! / weeklyN[d]! : 0;
  const residuals = z.map((v, i) => v - level - daily[localHourOfDay(startHour + i)]! - weekly[localDayOfWeek(startHour + i)]!);
  return { params, level, daily, weekly, nextHour: startHour, residuals: [], sigma: Math.max(robustSigma(residuals), 0.05) };
}

function robustSigma(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const med = quantileSorted(sorted, 0.5);
  const deviations = sorted.map((v) => Math.abs(v - med)).sort((a, b) => a - b);
  return Math.max(1.4826 * quantileSorted(deviations, 0.5), 0.05);
}

function quantileSorted(sorted: number[], q: number): number {
  if (sorted.length === 0) return 0;
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo);
}
