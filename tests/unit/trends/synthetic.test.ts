import { describe, expect, it } from 'vitest';
import { localHourOfDay } from '../../../src/trends/detector/baseline.js';
import { toEpochHour } from '../../../src/trends/detector/spike-detector.js';
import { generateStreams } from '../../../src/trends/synthetic.js';

describe('generateStreams', () => {
  it('is deterministic for a seed and differs across seeds', () => {
    const a = generateStreams({ seed: 7, weeks: 3 });
    const b = generateStreams({ seed: 7, weeks: 3 });
    const c = generateStreams({ seed: 8, weeks: 3 });
    expect(a).toEqual(b);
    expect(a[0]!.total).not.toEqual(c[0]!.total);
  });

  it('produces consistent counts, labelled windows inside the stream, and the requested topic mix', () => {
    const streams = generateStreams({ seed: 3, weeks: 6, regularTopics: 3, highVolumeTopics: 1, quietTopics: 2 });
    expect(streams.map((s) => s.kind)).toEqual(['regular', 'regular', 'regular', 'high', 'quiet', 'quiet']);
    for (const s of streams) {
      expect(s.total).toHaveLength(6 * 168);
      s.total.forEach((t, i) => expect(t).toBeGreaterThanOrEqual(s.negative[i]!));
      for (const e of s.events) {
        expect(e.start).toBeLessThan(e.end);
        expect(e.end).toBeLessThanOrEqual(6 * 168);
        expect(e.peakExtra).toBeGreaterThan(0);
      }
    }
  });

  it('has daily seasonality (mornings busier than nights) and quiet topics near zero', () => {
    const streams = generateStreams({ seed: 5, weeks: 4 });
    const first = toEpochHour(streams[0]!.startIso);
    let morning = 0;
    let night = 0;
    for (const s of streams.filter((x) => x.kind === 'regular')) {
      s.total.forEach((v, i) => {
        const h = localHourOfDay(first + i);
        if (h >= 8 && h <= 10) morning += v;
        if (h >= 1 && h <= 3) night += v;
      });
    }
    expect(morning).toBeGreaterThan(3 * night);
    const quiet = streams.filter((x) => x.kind === 'quiet');
    for (const q of quiet) {
      const sorted = [...q.negative].sort((a, b) => a - b);
      expect(sorted[Math.floor(sorted.length / 2)]).toBe(0);
    }
  });
});
