/**
 * Negative-spike detector for one hourly series (a topic, policy, tier or province).
 *
 * Each hour: fit the seasonal baseline on un-flagged history, score the last 1/3/6/12 hours of
 * negative articles against it (negative-binomial tail) and the negative share against its usual
 * level (over-dispersed binomial z), then run a small state machine: enter when a score passes
 * `enterScore` AND minimum counts / excess / ratio hold; stay open while the excess persists;
 * close after `exitHours` calm hours; a re-entry within `cooldownHours` re-opens the same episode.
 * The state is a plain JSON-serialisable object: persist it, reload it, and decisions are identical.
 */
import { expectedCounts, fitBaseline, type SeasonalBaseline } from './baseline.js';
import { countQuantile, upperTailLog10 } from './count-stats.js';
import { DEFAULT_DETECTOR_CONFIG, type SpikeDetectorConfig } from './detector-config.js';

export { DEFAULT_DETECTOR_CONFIG, type SpikeDetectorConfig } from './detector-config.js';

/** An open (or recently closed) alert episode. */
export interface EpisodeState {
  id: string;
  openedHour: number;
  lastActiveHour: number;
  calmHours: number;
  notifiedExcess: number;
  peak: Assessment;
  /** Assessment of the newest hour, so callers can refresh an open alert's figures. */
  latest: Assessment;
}

/** Persisted detector state for one series. Plain data only. */
export interface SeriesDetectorState {
  version: 1;
  seriesKey: string;
  /** Epoch hour (UTC hours since 1970) of the newest bucket in the history, null before the first. */
  lastHour: number | null;
  total: number[];
  negative: number[];
  /** Per hour: 0, {@link SOFT_FLAG} (unusual, kept out of level and noise) or {@link EPISODE_FLAG} (inside an alert, kept out of everything). */
  flagged: number[];
  episode: EpisodeState | null;
  lastClosed: { id: string; hour: number } | null;
  episodeSeq: number;
}

/** How one hour looks against the baseline (the best-scoring window). */
export interface Assessment {
  hour: number;
  bucket: string;
  trigger: 'volume' | 'share';
  windowHours: number;
  observed: number;
  expected: number;
  /** 10 %–90 % range of the expected count. */
  expectedLow: number;
  expectedHigh: number;
  score: number;
  ratio: number;
  observedShare: number;
  expectedShare: number;
  totalObserved: number;
}

/** A decision the caller acts on (notify, update, resolve). */
export interface DetectorEvent {
  type: 'open' | 'reopen' | 'escalate' | 'close';
  episodeId: string;
  hour: number;
  bucket: string;
  assessment: Assessment;
}

/** An unusual hour outside an alert: excluded from the level and noise fit, but not from the seasonal shape. */
export const SOFT_FLAG = 1;
/** An hour inside an alert episode: excluded from the whole baseline. */
export const EPISODE_FLAG = 2;

/** Empty state for a series. */
export function createDetectorState(seriesKey: string): SeriesDetectorState {
  return { version: 1, seriesKey, lastHour: null, total: [], negative: [], flagged: [], episode: null, lastClosed: null, episodeSeq: 0 };
}

/** Epoch hour of an ISO instant (floored). */
export function toEpochHour(iso: string): number {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new Error(`toEpochHour: not an ISO instant: ${JSON.stringify(iso)}`);
  return Math.floor(ms / 3_600_000);
}

/** ISO instant of an epoch hour. */
export function fromEpochHour(hour: number): string {
  return new Date(hour * 3_600_000).toISOString();
}

/**
 * Feed one hourly bucket. Missing hours since the last bucket are processed as zero counts (the
 * Store returns no bucket for an empty hour). A bucket at or before `lastHour` is a late
 * correction: its counts are updated for future baselines, but past decisions are not replayed.
 * Mutates and returns `state`; the result depends only on (state, input, config).
 */
export function observeHour(
  state: SeriesDetectorState,
  input: { hour: number; total: number; negative: number },
  config: SpikeDetectorConfig = DEFAULT_DETECTOR_CONFIG,
): DetectorEvent[] {
  if (input.total < input.negative || input.negative < 0) {
    throw new Error(`observeHour(${state.seriesKey}): bad counts at ${fromEpochHour(input.hour)}: total=${input.total} negative=${input.negative}`);
  }
  if (state.lastHour !== null && input.hour <= state.lastHour) {
    const index = state.total.length - 1 - (state.lastHour - input.hour);
    if (index >= 0) {
      state.total[index] = input.total;
      state.negative[index] = input.negative;
    }
    return [];
  }
  const events: DetectorEvent[] = [];
  if (state.lastHour !== null) {
    for (let h = state.lastHour + 1; h < input.hour; h++) events.push(...step(state, { hour: h, total: 0, negative: 0 }, config));
  }
  events.push(...step(state, input, config));
  return events;
}

function step(state: SeriesDetectorState, input: { hour: number; total: number; negative: number }, config: SpikeDetectorConfig): DetectorEvent[] {
  // Fit on history before this hour, then append the hour and score windows ending at it.
  const baseline = fitBaseline(historyView(state, input.hour), config);
  state.total.push(input.total);
  state.negative.push(input.negative);
  state.flagged.push(0);
  state.lastHour = input.hour;
  const keep = config.historyWeeks * 168;
  if (state.total.length > keep) {
    const drop = state.total.length - keep;
    state.total.splice(0, drop);
    state.negative.splice(0, drop);
    state.flagged.splice(0, drop);
  }
  const verdict = assess(state, baseline, config);
  const last = state.total.length - 1;
  // No soft flags while warming up: before the profile is learned every busy hour looks odd, and
  // hours kept out of the baseline would never be learned (a self-sustaining blind spot).
  if (verdict.warm && verdict.best.score >= config.softFlagScore && verdict.best.ratio > 1.3) state.flagged[last] = SOFT_FLAG;
  return advanceEpisode(state, verdict, config);
}

function historyView(state: SeriesDetectorState, nextHour: number) {
  return { firstHour: nextHour - state.total.length, total: state.total, negative: state.negative, flagged: state.flagged };
}

interface HourVerdict {
  best: Assessment;
  triggered: boolean;
  /** Same, over windows of at most 6 hours: whether the episode is still going on NOW. */
  recentScore: number;
  recentTriggered: boolean;
  /** Observed/expected over the longest window of at most 6 hours (1 when the excess is negligible). */
  recentRatio: number;
  /** Enough history to alert. */
  warm: boolean;
}

function assess(state: SeriesDetectorState, b: SeasonalBaseline, config: SpikeDetectorConfig): HourVerdict {
  const last = state.total.length - 1;
  const hour = state.lastHour!;
  let best: Assessment | null = null;
  let triggered = false;
  let recentScore = 0;
  let recentTriggered = false;
  let recentRatio = 1;
  let recentWindow = 0;
  for (const w of config.windows) {
    if (w > state.total.length) continue;
    let observed = 0;
    let total = 0;
    let expected = 0;
    let sumSquares = 0;
    for (let k = 0; k < w; k++) {
      observed += state.negative[last - k]!;
      total += state.total[last - k]!;
      const mu = expectedCounts(b, hour - k).negative;
      expected += mu;
      sumSquares += mu * mu;
    }
    const effective = Math.max(expected, config.explainedShareFactor * total * b.negativeShare);
    const variance = (expected + b.dispersion * sumSquares) * (effective / Math.max(expected, 1e-9));
    const score = -upperTailLog10(observed, effective, variance);
    const ratio = observed / Math.max(effective, 1e-9);
    const volumeOk = score >= config.enterScore && observed >= config.minNegative && observed - effective >= config.minExcess && ratio >= config.minRatio;
    const share = shareTest(observed, total, b.negativeShare, config);
    const candidate: Assessment = {
      hour,
      bucket: fromEpochHour(hour),
      trigger: volumeOk || !share.ok ? 'volume' : 'share',
      windowHours: w,
      observed,
      expected: round(effective),
      expectedLow: countQuantile(0.1, effective, variance),
      expectedHigh: countQuantile(0.9, effective, variance),
      score: round(Math.max(score, share.ok ? share.z : 0)),
      ratio: round(ratio),
      observedShare: total > 0 ? round(observed / total) : 0,
      expectedShare: round(b.negativeShare),
      totalObserved: total,
    };
    if (volumeOk || share.ok) triggered = true;
    if (w <= 6) {
      recentScore = Math.max(recentScore, candidate.score);
      recentTriggered ||= volumeOk || share.ok;
      if (w > recentWindow) {
        recentWindow = w;
        recentRatio = observed - effective < config.minExcess / 2 ? 1 : ratio;
      }
    }
    if (best === null || candidate.score > best.score) best = candidate;
  }
  const warm = state.total.length >= Math.min(config.minHistoryHours, config.historyWeeks * 168);
  return { best: best ?? emptyAssessment(hour, b), triggered: triggered && warm, recentScore, recentTriggered, recentRatio, warm };
}

function shareTest(negative: number, total: number, usualShare: number, config: SpikeDetectorConfig): { ok: boolean; z: number } {
  if (!config.share.enabled || total < config.share.minTotal || negative < config.minNegative) return { ok: false, z: 0 };
  // Articles on one story are correlated: inflate binomial variance by 1.5.
  const z = (negative - total * usualShare) / Math.sqrt(total * usualShare * (1 - usualShare) * 1.5);
  return { ok: z >= config.share.enterZ && negative / total - usualShare >= config.share.minDelta, z };
}

function advanceEpisode(state: SeriesDetectorState, verdict: HourVerdict, config: SpikeDetectorConfig): DetectorEvent[] {
  const { best, triggered } = verdict;
  const hour = best.hour;
  const last = state.total.length - 1;
  const episode = state.episode;
  if (!episode) {
    if (!triggered) return [];
    const reopen = state.lastClosed !== null && hour - state.lastClosed.hour <= config.cooldownHours;
    const id = reopen ? state.lastClosed!.id : `${state.seriesKey}#${++state.episodeSeq}`;
    state.episode = { id, openedHour: hour, lastActiveHour: hour, calmHours: 0, notifiedExcess: best.observed - best.expected, peak: best, latest: best };
    state.flagged[last] = EPISODE_FLAG;
    return [{ type: reopen ? 'reopen' : 'open', episodeId: id, hour, bucket: best.bucket, assessment: best }];
  }
  const events: DetectorEvent[] = [];
  // Calm is judged on the last few hours only: a 12-hour window would keep a finished spike "open" for half a day.
  const calm = !verdict.recentTriggered && verdict.recentScore < config.softFlagScore && verdict.recentRatio < config.exitRatio;
  episode.calmHours = calm ? episode.calmHours + 1 : 0;
  if (!calm) episode.lastActiveHour = hour;
  if (best.score > episode.peak.score) episode.peak = best;
  episode.latest = best;
  const excess = best.observed - best.expected;
  if (triggered && excess >= config.escalateFactor * Math.max(episode.notifiedExcess, config.minExcess)) {
    episode.notifiedExcess = excess;
    events.push({ type: 'escalate', episodeId: episode.id, hour, bucket: best.bucket, assessment: best });
  }
  const tooLong = hour - episode.openedHour >= config.maxEpisodeHours;
  if (episode.calmHours >= config.exitHours || tooLong) {
    if (tooLong) state.flagged.fill(0); // the shift is the new normal: let the baseline learn it
    state.episode = null;
    state.lastClosed = { id: episode.id, hour };
    events.push({ type: 'close', episodeId: episode.id, hour, bucket: best.bucket, assessment: best });
  } else {
    state.flagged[last] = EPISODE_FLAG;
  }
  return events;
}

function emptyAssessment(hour: number, b: SeasonalBaseline): Assessment {
  return { hour, bucket: fromEpochHour(hour), trigger: 'volume', windowHours: 0, observed: 0, expected: 0, expectedLow: 0, expectedHigh: 0, score: 0, ratio: 0, observedShare: 0, expectedShare: round(b.negativeShare), totalObserved: 0 };
}

function round(v: number): number {
  return Math.round(v * 1000) / 1000;
}
