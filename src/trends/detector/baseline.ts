/**
 * Seasonal baseline of hourly counts: hour-of-day profile × day-of-week factor × recent level,
 * fitted on hours that were not part of an alert (so a crisis does not become its own baseline),
 * with a negative-binomial dispersion for the noise.
 */

/** Vietnam has had no DST since 1975: local time is UTC+7 all year. */
const LOCAL_OFFSET_HOURS = 7;

/** Local hour of day (0–23) of an epoch hour. */
export function localHourOfDay(epochHour: number): number {
  return (((epochHour + LOCAL_OFFSET_HOURS) % 24) + 24) % 24;
}

/** Local day of week, Monday = 0, of an epoch hour. */
export function localDayOfWeek(epochHour: number): number {
  const localDay = Math.floor((epochHour + LOCAL_OFFSET_HOURS) / 24);
  return (((localDay + 3) % 7) + 7) % 7; // 1970-01-01 was a Thursday
}

/** Hourly history the baseline is fitted on; index i is epoch hour `firstHour + i`. */
export interface CountHistory {
  firstHour: number;
  total: number[];
  negative: number[];
  /**
   * 0 = normal; 1 = looked unusual (kept out of the level and noise fit); 2 = inside an alert
   * (also kept out of the seasonal shape). Soft flags still shape the profile so a recurring
   * pattern is learned instead of being flagged forever.
   */
  flagged: number[];
}

/** A fitted baseline. */
export interface SeasonalBaseline {
  /** Shape of all coverage (mean 1). */
  hourProfile: number[];
  dayFactor: number[];
  /** Shape of negative coverage (mean 1), shrunk towards the all-coverage shape. */
  negativeHourProfile: number[];
  negativeDayFactor: number[];
  /** Negative articles per hour at negative profile × factor = 1. */
  negativeLevel: number;
  /** Total articles per hour at profile × factor = 1. */
  totalLevel: number;
  /** Usual negative share of articles. */
  negativeShare: number;
  /** Negative-binomial overdispersion φ: variance = μ + φμ². */
  dispersion: number;
}

/** Options of {@link fitBaseline}. */
export interface BaselineOptions {
  /** Days used for the level (trend adapts this fast). @defaultValue 7 */
  levelDays: number;
  /** Pseudo-counts that pull thin profiles towards flat. @defaultValue 10 */
  priorCounts: number;
}

/** Fit a baseline on a history. Works on any length, including empty (flat, near-zero level). */
export function fitBaseline(h: CountHistory, options: BaselineOptions): SeasonalBaseline {
  const flat = { hourProfile: new Array<number>(24).fill(1), dayFactor: new Array<number>(7).fill(1) };
  const totalShape = seasonalShape(h, h.total, flat, options.priorCounts);
  // Negative coverage may keep other hours than coverage at large (a morning press review):
  // its own shape, pulled towards the total shape where negatives are few.
  const negativeShape = seasonalShape(h, h.negative, totalShape, options.priorCounts);
  const level = recentLevel(h, totalShape, negativeShape, options.levelDays);
  const baseline: SeasonalBaseline = {
    hourProfile: totalShape.hourProfile,
    dayFactor: totalShape.dayFactor,
    negativeHourProfile: negativeShape.hourProfile,
    negativeDayFactor: negativeShape.dayFactor,
    ...level,
    dispersion: 0,
  };
  baseline.dispersion = estimateDispersion(h, baseline);
  return baseline;
}

/** Expected negative and total counts for one epoch hour. */
export function expectedCounts(b: SeasonalBaseline, epochHour: number): { negative: number; total: number } {
  const hod = localHourOfDay(epochHour);
  const dow = localDayOfWeek(epochHour);
  return {
    negative: b.negativeLevel * b.negativeHourProfile[hod]! * b.negativeDayFactor[dow]!,
    total: b.totalLevel * b.hourProfile[hod]! * b.dayFactor[dow]!,
  };
}

interface Shape {
  hourProfile: number[];
  dayFactor: number[];
}

/**
 * Hour-of-day profile (mean 1) and day-of-week factors (mean 1) of one series over un-flagged
 * hours, each shrunk towards `prior` with `priorCounts` pseudo-articles so thin series stay sane.
 */
function seasonalShape(h: CountHistory, series: number[], prior: Shape, priorCounts: number): Shape {
  let sum = 0;
  let usable = 0;
  const hourSum = new Array<number>(24).fill(0);
  const hourN = new Array<number>(24).fill(0);
  for (let i = 0; i < series.length; i++) {
    if (h.flagged[i]! >= 2) continue;
    const hod = localHourOfDay(h.firstHour + i);
    hourSum[hod]! += series[i]!;
    hourN[hod]!++;
    sum += series[i]!;
    usable++;
  }
  const meanRate = usable > 0 ? Math.max(sum / usable, 1e-3) : 1;
  const rates = hourSum.map((s, k) => (s + priorCounts * prior.hourProfile[k]!) / (hourN[k]! + priorCounts / meanRate));
  const rateMean = rates.reduce((a, b) => a + b, 0) / 24;
  const hourProfile = rates.map((r) => r / rateMean);

  const daySum = new Array<number>(7).fill(0);
  const dayExpected = new Array<number>(7).fill(0);
  for (let i = 0; i < series.length; i++) {
    if (h.flagged[i]! >= 2) continue;
    const hour = h.firstHour + i;
    daySum[localDayOfWeek(hour)]! += series[i]!;
    dayExpected[localDayOfWeek(hour)]! += hourProfile[localHourOfDay(hour)]! * meanRate;
  }
  const rawDay = daySum.map((s, d) => (s + priorCounts * prior.dayFactor[d]!) / (dayExpected[d]! + priorCounts));
  const dayMean = rawDay.reduce((a, b) => a + b, 0) / 7;
  return { hourProfile, dayFactor: rawDay.map((f) => f / dayMean) };
}

function recentLevel(h: CountHistory, totalShape: Shape, negativeShape: Shape, levelDays: number) {
  const n = h.total.length;
  const sumOver = (fromIndex: number) => {
    let neg = 0;
    let tot = 0;
    let negShape = 0;
    let totShape = 0;
    for (let i = Math.max(0, fromIndex); i < n; i++) {
      if (h.flagged[i]) continue;
      const hod = localHourOfDay(h.firstHour + i);
      const dow = localDayOfWeek(h.firstHour + i);
      neg += h.negative[i]!;
      tot += h.total[i]!;
      negShape += negativeShape.hourProfile[hod]! * negativeShape.dayFactor[dow]!;
      totShape += totalShape.hourProfile[hod]! * totalShape.dayFactor[dow]!;
    }
    return { neg, tot, negShape, totShape };
  };
  let s = sumOver(n - levelDays * 24);
  // Quiet series: a week holds too few articles for a stable level, so use the whole history.
  if (s.neg < 30 || s.totShape < 24) s = sumOver(0);
  return {
    // Floor: half an article over the period, so a silent topic still has a finite expectation.
    negativeLevel: Math.max(s.neg, 0.5) / Math.max(s.negShape, 1),
    totalLevel: Math.max(s.tot, 0.5) / Math.max(s.totShape, 1),
    negativeShare: (s.neg + 1) / (s.tot + 5),
  };
}

function estimateDispersion(h: CountHistory, b: SeasonalBaseline): number {
  let numerator = 0;
  let denominator = 0;
  for (let i = 0; i < h.negative.length; i++) {
    if (h.flagged[i]) continue;
    const mu = expectedCounts(b, h.firstHour + i).negative;
    if (mu <= 0) continue;
    // Winsorise Pearson residuals so an undetected burst cannot inflate the noise model.
    const pearson = Math.max(-5, Math.min(5, (h.negative[i]! - mu) / Math.sqrt(mu)));
    numerator += pearson * pearson * mu - mu;
    denominator += mu * mu;
  }
  return denominator > 0 ? Math.min(2, Math.max(0, numerator / denominator)) : 0;
}
