/**
 * Labelled synthetic hourly streams for benchmarking spike detectors and forecasts.
 *
 * Each topic gets total and negative article counts per hour with: daily and weekly seasonality,
 * a slow trend, negative-binomial / Poisson noise, unlabelled news-cycle bursts (mostly neutral
 * coverage that decays exponentially), unlabelled 1–3 article blips, and labelled negative events:
 * spikes (fast rise, decay of varied length and height) and plateaus (a level shift lasting days).
 * Quiet topics sit near zero. Ground truth is the window where the injected extra is material.
 */
import { createRng, gamma, negativeBinomial, normal, poisson, randInt, uniform, type Rng } from './random.js';

/** A labelled negative event with its ground-truth window `[start, end)` in hour indexes. */
export interface GroundTruthEvent {
  kind: 'spike' | 'plateau';
  start: number;
  end: number;
  /** Peak extra negative articles per hour. */
  peakExtra: number;
  /** Spike shape: hours to peak and exponential decay constant (hours). */
  riseHours?: number;
  decayHours?: number;
}

/** One topic's hourly stream. Hour 0 is `startIso` (Monday 00:00 Asia/Ho_Chi_Minh). */
export interface SyntheticSeries {
  id: string;
  kind: 'regular' | 'high' | 'quiet';
  startIso: string;
  total: number[];
  negative: number[];
  events: GroundTruthEvent[];
}

/** Options of {@link generateStreams}. */
export interface SyntheticOptions {
  seed: number;
  /** @defaultValue 12 */
  weeks?: number;
  /** @defaultValue 24 */
  regularTopics?: number;
  /** @defaultValue 4 */
  highVolumeTopics?: number;
  /** @defaultValue 8 */
  quietTopics?: number;
  /** Labelled spikes per topic-week. @defaultValue 0.5 */
  spikeRatePerWeek?: number;
  /** Labelled plateaus per topic-week. @defaultValue 0.1 */
  plateauRatePerWeek?: number;
  /** First hour of the stream, ISO UTC; must be local midnight (17:00 UTC). @defaultValue '2026-01-04T17:00:00.000Z' (Mon 5 Jan 2026 local) */
  startIso?: string;
}

const HOURS_PER_WEEK = 168;
/** Local-time hour shape of Vietnamese online news: quiet nights, a morning peak, a softer afternoon. */
const BASE_DAILY_SHAPE = [0.25, 0.18, 0.15, 0.15, 0.2, 0.4, 0.8, 1.3, 1.7, 1.8, 1.7, 1.5, 1.2, 1.2, 1.4, 1.5, 1.4, 1.2, 1.0, 1.0, 1.1, 1.0, 0.7, 0.45];

/** Generate a labelled set of topic streams. Same options → identical output. */
export function generateStreams(options: SyntheticOptions): SyntheticSeries[] {
  const rng = createRng(options.seed);
  const weeks = options.weeks ?? 12;
  const startIso = options.startIso ?? '2026-01-04T17:00:00.000Z';
  const kinds: SyntheticSeries['kind'][] = [
    ...Array<SyntheticSeries['kind']>(options.regularTopics ?? 24).fill('regular'),
    ...Array<SyntheticSeries['kind']>(options.highVolumeTopics ?? 4).fill('high'),
    ...Array<SyntheticSeries['kind']>(options.quietTopics ?? 8).fill('quiet'),
  ];
  return kinds.map((kind, i) =>
    generateTopic(rng, `topic-${i}-${kind}`, kind, weeks * HOURS_PER_WEEK, startIso, options.spikeRatePerWeek ?? 0.5, options.plateauRatePerWeek ?? 0.1),
  );
}

function generateTopic(rng: Rng, id: string, kind: SyntheticSeries['kind'], hours: number, startIso: string, spikeRate: number, plateauRate: number): SyntheticSeries {
  const level = kind === 'quiet' ? uniform(rng, 0.08, 0.6) : kind === 'high' ? uniform(rng, 40, 120) : Math.exp(uniform(rng, Math.log(3), Math.log(25)));
  const share = uniform(rng, 0.08, 0.3);
  const dispersion = rng() < 0.3 ? Infinity : uniform(rng, 4, 30);
  const daily = dailyShape(rng);
  const weekly = weeklyFactors(rng);
  const slope = uniform(rng, -0.4, 0.4);
  let drift = 0;

  const baseMean: number[] = [];
  for (let t = 0; t < hours; t++) {
    drift = 0.995 * drift + 0.01 * normal(rng); // slow mean-reverting wander of the log level
    baseMean.push(level * Math.exp(slope * (t / hours) + drift) * daily[t % 24]! * weekly[Math.floor(t / 24) % 7]!);
  }
  const newsExtra = newsCycleBursts(rng, hours, level);
  const events = labelledEvents(rng, hours, level * share, kind, spikeRate, plateauRate);
  const eventExtra = new Array<number>(hours).fill(0);
  for (const e of events) addEventShape(eventExtra, e, daily);

  const total: number[] = [];
  const negative: number[] = [];
  for (let t = 0; t < hours; t++) {
    const noiseMultiplier = Number.isFinite(dispersion) ? gamma(rng, dispersion) / dispersion : 1;
    const base = poisson(rng, baseMean[t]! * noiseMultiplier);
    const baseNegative = binomial(rng, base, share);
    const news = poisson(rng, newsExtra[t]!);
    const newsNegative = binomial(rng, news, share * 0.3);
    const eventNegative = eventExtra[t]! > 0 ? negativeBinomial(rng, eventExtra[t]!, 10) : 0;
    // Crisis coverage also draws neutral pieces (explainers, official replies).
    const eventOther = poisson(rng, eventExtra[t]! * 0.35);
    const blip = kind !== 'high' && rng() < 0.004 ? randInt(rng, 1, 3) : 0;
    total.push(base + news + eventNegative + eventOther + blip);
    negative.push(baseNegative + newsNegative + eventNegative + blip);
  }
  return { id, kind, startIso, total, negative, events };
}

function dailyShape(rng: Rng): number[] {
  const shift = randInt(rng, -1, 1);
  const amplitude = uniform(rng, 0.7, 1.2);
  const shape = BASE_DAILY_SHAPE.map((_, h) => Math.pow(BASE_DAILY_SHAPE[(h - shift + 24) % 24]!, amplitude));
  const mean = shape.reduce((a, b) => a + b, 0) / 24;
  return shape.map((v) => v / mean);
}

function weeklyFactors(rng: Rng): number[] {
  const weekend = uniform(rng, 0.5, 0.9);
  const f = [uniform(rng, 1, 1.15), 1, 1, 1, uniform(rng, 0.9, 1), weekend, weekend * uniform(rng, 0.85, 1.05)];
  const mean = f.reduce((a, b) => a + b, 0) / 7;
  return f.map((v) => v / mean);
}

/** Unlabelled bursts of mostly non-negative coverage (announcements, ceremonies) that decay. */
function newsCycleBursts(rng: Rng, hours: number, level: number): number[] {
  const extra = new Array<number>(hours).fill(0);
  for (let t = 0; t < hours; t++) {
    if (rng() >= 1.5 / HOURS_PER_WEEK) continue;
    const height = level * uniform(rng, 0.8, 3);
    const tau = uniform(rng, 3, 24);
    for (let u = t; u < Math.min(hours, t + Math.ceil(tau * 5)); u++) extra[u]! += height * Math.exp(-(u - t) / tau);
  }
  return extra;
}

function labelledEvents(rng: Rng, hours: number, negativeLevel: number, kind: SyntheticSeries['kind'], spikeRate: number, plateauRate: number): GroundTruthEvent[] {
  const events: GroundTruthEvent[] = [];
  let t = randInt(rng, 24, 96);
  while (t < hours - 24) {
    const rate = spikeRate + plateauRate;
    const gap = Math.ceil(-Math.log(Math.max(rng(), 1e-9)) * (HOURS_PER_WEEK / rate));
    t += gap;
    if (t >= hours - 24) break;
    const isPlateau = kind !== 'quiet' && rng() < plateauRate / rate;
    const event = isPlateau ? plateau(rng, t, negativeLevel) : spike(rng, t, negativeLevel);
    event.end = Math.min(event.end, hours);
    events.push(event);
    t = event.end + 48; // one event at a time per topic keeps ground truth unambiguous
  }
  return events;
}

function spike(rng: Rng, start: number, negativeLevel: number): GroundTruthEvent {
  const multiple = Math.exp(uniform(rng, Math.log(1.5), Math.log(8)));
  const peakExtra = Math.max(uniform(rng, 4, 9), multiple * negativeLevel);
  const rise = randInt(rng, 1, 4);
  const tau = Math.exp(uniform(rng, Math.log(2), Math.log(36)));
  // The window ends when the extra falls below 15% of the peak.
  const end = start + rise + Math.max(3, Math.ceil(tau * Math.log(1 / 0.15)));
  return { kind: 'spike', start, end, peakExtra: round2(peakExtra), riseHours: rise, decayHours: round2(tau) };
}

function plateau(rng: Rng, start: number, negativeLevel: number): GroundTruthEvent {
  const peakExtra = Math.max(uniform(rng, 2, 4), uniform(rng, 1, 2.5) * negativeLevel);
  return { kind: 'plateau', start, end: start + randInt(rng, 48, 120), peakExtra: round2(peakExtra) };
}

function addEventShape(extra: number[], e: GroundTruthEvent, daily: number[]): void {
  if (e.kind === 'plateau') {
    for (let t = e.start; t < e.end && t < extra.length; t++) {
      const ramp = Math.min(1, (t - e.start + 1) / 6);
      extra[t]! += e.peakExtra * ramp * Math.sqrt(daily[t % 24]!);
    }
    return;
  }
  const rise = e.riseHours ?? 1;
  const tau = e.decayHours ?? 6;
  for (let t = e.start; t < extra.length && t < e.end + Math.ceil(tau * 3); t++) {
    const k = t - e.start;
    const shape = k < rise ? (k + 1) / rise : Math.exp(-(k - rise + 1) / tau);
    // Crises still follow the news day, but less than routine coverage does.
    extra[t]! += e.peakExtra * shape * Math.sqrt(daily[t % 24]!);
  }
}

function binomial(rng: Rng, n: number, p: number): number {
  if (n <= 0 || p <= 0) return 0;
  if (n > 200) return Math.min(n, Math.max(0, Math.round(n * p + Math.sqrt(n * p * (1 - p)) * normal(rng))));
  let k = 0;
  for (let i = 0; i < n; i++) if (rng() < p) k++;
  return k;
}

function round2(v: number): number {
  return Math.round(v * 100) / 100;
}
