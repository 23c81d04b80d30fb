import { describe, expect, it } from 'vitest';
import {
  createDetectorState,
  DEFAULT_DETECTOR_CONFIG,
  observeHour,
  toEpochHour,
  type DetectorEvent,
  type SeriesDetectorState,
} from '../../../src/trends/detector/spike-detector.js';
import { createRng, poisson } from '../../../src/trends/random.js';

const START = toEpochHour('2026-01-04T17:00:00.000Z');
const DAILY = [0.3, 0.2, 0.2, 0.2, 0.3, 0.5, 0.8, 1.3, 1.7, 1.8, 1.7, 1.5, 1.2, 1.2, 1.4, 1.5, 1.4, 1.2, 1, 1, 1.1, 1, 0.7, 0.5];

/** Seasonal Poisson stream; `extraNegative(t)` adds labelled negatives. */
function stream(hours: number, seed: number, level: number, share: number, extraNegative: (t: number) => number = () => 0) {
  const rng = createRng(seed);
  const rows: { hour: number; total: number; negative: number }[] = [];
  for (let t = 0; t < hours; t++) {
    const mean = level * DAILY[(t + 7) % 24]!;
    const negative = poisson(rng, mean * share) + poisson(rng, extraNegative(t));
    rows.push({ hour: START + t, total: negative + poisson(rng, mean * (1 - share)), negative });
  }
  return rows;
}

function run(state: SeriesDetectorState, rows: { hour: number; total: number; negative: number }[]) {
  const events: DetectorEvent[] = [];
  for (const r of rows) events.push(...observeHour(state, r));
  return events;
}

const WEEKS4 = 4 * 168;

describe('spike detector', () => {
  it('stays silent on a seasonal stream with no event', () => {
    const events = run(createDetectorState('calm'), stream(WEEKS4 + 336, 1, 12, 0.2));
    expect(events.filter((e) => e.type === 'open')).toHaveLength(0);
  });

  it('opens one alert early for a spike and resolves it after it ends', () => {
    const at = WEEKS4 + 100;
    const events = run(createDetectorState('spike'), stream(WEEKS4 + 200, 2, 12, 0.2, (t) => (t >= at && t < at + 10 ? 12 : 0)));
    const opens = events.filter((e) => e.type === 'open');
    expect(opens).toHaveLength(1);
    expect(opens[0]!.hour - START).toBeGreaterThanOrEqual(at);
    expect(opens[0]!.hour - START).toBeLessThan(at + 3);
    expect(opens[0]!.assessment.observed).toBeGreaterThan(opens[0]!.assessment.expectedHigh);
    const close = events.find((e) => e.type === 'close');
    expect(close?.episodeId).toBe(opens[0]!.episodeId);
    expect(close!.hour - START).toBeGreaterThan(at + 10);
  });

  it('gives ONE alert for a three-day plateau, not one per hour', () => {
    const at = WEEKS4 + 50;
    const events = run(createDetectorState('plateau'), stream(WEEKS4 + 200, 3, 10, 0.2, (t) => (t >= at && t < at + 72 ? 4 : 0)));
    // Only alerts about the plateau count here; noise elsewhere is the calm-stream test's business.
    const during = events.filter((e) => e.hour - START >= at && e.hour - START < at + 96);
    expect(during.filter((e) => e.type === 'open' || e.type === 'reopen')).toHaveLength(1);
    expect(during.filter((e) => e.type === 'close')).toHaveLength(1);
  });

  it('learns a daily rhythm of negative coverage that differs from coverage at large (no perpetual alerts)', () => {
    // Mornings: 8 negatives an hour; the rest of the day one neutral piece and at most one negative.
    const rows = Array.from({ length: WEEKS4 + 336 }, (_, t) => {
      const local = t % 24; // START is local midnight
      const negative = local >= 8 && local <= 11 ? 8 : local >= 7 && local <= 20 ? 1 : 0;
      return { hour: START + t, total: negative + 1, negative };
    });
    const events = run(createDetectorState('rhythm'), rows);
    expect(events.filter((e) => e.type === 'open' || e.type === 'reopen')).toEqual([]);
  });

  it('ignores 0→2 blips on a near-silent topic (minimum counts)', () => {
    const rows = stream(WEEKS4 + 168, 4, 0.1, 0.2);
    for (const t of [WEEKS4 + 10, WEEKS4 + 40, WEEKS4 + 90]) {
      rows[t]!.negative += 2;
      rows[t]!.total += 2;
    }
    expect(run(createDetectorState('quiet'), rows).filter((e) => e.type === 'open')).toHaveLength(0);
  });

  it('triggers on negative SHARE when volume is flat', () => {
    const rows = stream(WEEKS4 + 48, 5, 30, 0.1);
    const config = { ...DEFAULT_DETECTOR_CONFIG, minRatio: 100 }; // disable the volume path
    for (let t = WEEKS4 + 10; t < WEEKS4 + 16; t++) rows[t]!.negative = Math.round(rows[t]!.total * 0.5);
    const state = createDetectorState('share');
    const events = rows.flatMap((r) => observeHour(state, r, config));
    const open = events.find((e) => e.type === 'open');
    expect(open?.assessment.trigger).toBe('share');
  });

  it('reloading serialised state mid-stream gives identical decisions', () => {
    const at = WEEKS4 + 120;
    const rows = stream(WEEKS4 + 240, 6, 15, 0.2, (t) => (t >= at && t < at + 30 ? 8 : 0));
    const straight = run(createDetectorState('s'), rows);
    const first = createDetectorState('s');
    const cut = at + 5; // restart while the alert is open
    const before = run(first, rows.slice(0, cut));
    const restored = JSON.parse(JSON.stringify(first)) as SeriesDetectorState;
    const after = run(restored, rows.slice(cut));
    expect([...before, ...after]).toEqual(straight);
    expect(straight.some((e) => e.type === 'open')).toBe(true);
  });

  it('fills missing hours with zeros and treats old buckets as corrections', () => {
    const state = createDetectorState('gaps');
    observeHour(state, { hour: START, total: 3, negative: 1 });
    observeHour(state, { hour: START + 5, total: 2, negative: 0 });
    expect(state.total).toEqual([3, 0, 0, 0, 0, 2]);
    observeHour(state, { hour: START + 2, total: 4, negative: 2 });
    expect(state.total).toEqual([3, 0, 4, 0, 0, 2]);
    expect(state.lastHour).toBe(START + 5);
  });

  it('rejects impossible counts with a clear error', () => {
    expect(() => observeHour(createDetectorState('bad'), { hour: START, total: 1, negative: 2 })).toThrow(/bad counts.*total=1 negative=2/);
  });
});
