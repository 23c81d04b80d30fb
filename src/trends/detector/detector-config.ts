/** Tunables of the spike detector (see spike-detector.ts) and their defaults. */

/** Tunables. Defaults were tuned on the dev seed of `bench/alerts-bench.ts`. */
export interface SpikeDetectorConfig {
  /** Weeks of hourly history kept for the baseline. @defaultValue 4 */
  historyWeeks: number;
  /**
   * Hours of history needed before any alert opens: a day-of-week baseline needs at least two of
   * each weekday, or every new series starts with false alarms. @defaultValue 336
   */
  minHistoryHours: number;
  /** Days the recent level is measured over. @defaultValue 7 */
  levelDays: number;
  /** Window lengths (hours) scored every hour. @defaultValue [1, 3, 6, 12] */
  windows: number[];
  /** −log10 p-value needed to open an alert. @defaultValue 3.5 */
  enterScore: number;
  /** Minimum negative articles in the triggering window ("0→2 is not a crisis"). @defaultValue 5 */
  minNegative: number;
  /** Minimum excess over expected in the triggering window. @defaultValue 4 */
  minExcess: number;
  /** Minimum observed / expected in the triggering window. @defaultValue 1.8 */
  minRatio: number;
  /**
   * Negatives explained by a general coverage surge at the usual share do not count as a negative
   * spike: the expectation is max(seasonal, factor × total × usual share). @defaultValue 0.5
   */
  explainedShareFactor: number;
  /** Negative-share trigger. */
  share: { enabled: boolean; minTotal: number; minDelta: number; enterZ: number };
  /** Hours scoring at least this are kept out of the baseline even without an alert. @defaultValue 3 */
  softFlagScore: number;
  /** An open alert stays active while observed/expected over 6 h is at least this. @defaultValue 1.3 */
  exitRatio: number;
  /** Calm hours before an alert resolves. @defaultValue 6 */
  exitHours: number;
  /** A re-trigger this soon after resolving re-opens the same alert. @defaultValue 24 */
  cooldownHours: number;
  /** After this long the level shift is the new normal: resolve and let the baseline absorb it. @defaultValue 168 */
  maxEpisodeHours: number;
  /** Excess growth (× the last notified excess) that sends an update. @defaultValue 2 */
  escalateFactor: number;
  /** Pseudo-counts for profile shrinkage (negative shape towards the all-coverage shape, that towards flat). @defaultValue 40 */
  priorCounts: number;
}

/** Default detector configuration. */
export const DEFAULT_DETECTOR_CONFIG: Readonly<SpikeDetectorConfig> = Object.freeze({
  historyWeeks: 4,
  minHistoryHours: 336,
  levelDays: 7,
  windows: [1, 3, 6, 12],
  enterScore: 3.5,
  minNegative: 5,
  minExcess: 4,
  minRatio: 1.8,
  explainedShareFactor: 0.5,
  share: { enabled: true, minTotal: 10, minDelta: 0.15, enterZ: 4.5 },
  softFlagScore: 3,
  exitRatio: 1.3,
  exitHours: 6,
  cooldownHours: 24,
  maxEpisodeHours: 168,
  escalateFactor: 2,
  priorCounts: 40,
});
