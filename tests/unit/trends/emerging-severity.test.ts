import { describe, expect, it } from 'vitest';
import { runElastAlertSpike } from '../../../src/trends/detector/elastalert-spike.js';
import { countPhrases, findEmerging, logLikelihoodRatio } from '../../../src/trends/detector/emerging.js';
import { classifySeverity, SEVERITY_LABELS_VI } from '../../../src/trends/detector/severity.js';
import { median, scoreDetections } from '../../../src/trends/evaluate.js';

describe('emerging terms', () => {
  it('counts words and word pairs once per text, folded, never across punctuation or on function words', () => {
    const { counts, labels } = countPhrases(['Thu hồi đất ở Hà Nội, Đà Nẵng', 'thu hồi đất gây bức xúc', 'Thu hồi đất, thu hồi đất']);
    expect(counts.get('thu hoi')).toBe(3);
    expect(counts.get('thu hoi dat')).toBe(3);
    expect(labels.get('thu hoi dat')).toBe('thu hồi đất');
    expect(counts.get('buc xuc')).toBe(1);
    expect([...counts.keys()].some((k) => k.includes('noi da'))).toBe(false); // "Nội, Đà" crosses a comma
    expect([...counts.keys()].some((k) => k.startsWith('o ') || k.endsWith(' o'))).toBe(false); // function word "ở"
  });

  it('finds phrases that jump against the background and ignores steady ones', () => {
    const current = new Map([['sat lo', 12], ['sat lo dat', 11], ['ngan sach', 5]]);
    const background = new Map([['sat lo', 2], ['ngan sach', 60]]);
    const out = findEmerging(current, background, { currentTotal: 40, backgroundTotal: 500 });
    // "sạt lở" is subsumed by the longer, nearly as frequent "sạt lở đất"; the budget is steady.
    expect(out.map((t) => t.key)).toEqual(['sat lo dat']);
    expect(out[0]!.llr).toBeGreaterThan(10.83);
    expect(logLikelihoodRatio(5, 50, 100, 1000)).toBeCloseTo(0, 6); // same rate → no evidence
  });
});

describe('severity ladder', () => {
  it('goes âm ỉ → bùng phát → lan rộng with mainstream pickup and breadth', () => {
    expect(classifySeverity({ negativeItems: 6, mainstreamItems: 0, outlets: 2, provinces: 1 })).toBe('am_i');
    expect(classifySeverity({ negativeItems: 6, mainstreamItems: 2, outlets: 3, provinces: 1 })).toBe('bung_phat');
    expect(classifySeverity({ negativeItems: 40, mainstreamItems: 5, outlets: 12, provinces: 4 })).toBe('lan_rong');
    expect(classifySeverity({ negativeItems: 40, mainstreamItems: 0, outlets: 12, provinces: 4 })).toBe('bung_phat');
    expect(SEVERITY_LABELS_VI.lan_rong).toBe('Lan rộng');
  });
});

describe('ElastAlert spike rule and scoring', () => {
  it('fires on cur > height × ref with minimum counts and stays silent for realert hours', () => {
    const counts = [2, 2, 2, 2, 9, 10, 10, 2, 2, 0, 3];
    expect(runElastAlertSpike(counts, { spikeHeight: 2, timeframeHours: 1, thresholdCur: 5, thresholdRef: 1, realertHours: 1 })).toEqual([4]);
    expect(runElastAlertSpike(counts, { spikeHeight: 2, timeframeHours: 1, thresholdCur: 3, thresholdRef: 0, realertHours: 1 })).toEqual([4, 10]);
    expect(runElastAlertSpike(counts, { spikeHeight: 2, timeframeHours: 1, thresholdCur: 3, thresholdRef: 0, realertHours: 24 })).toEqual([4]);
  });

  it('scores recall, false alarms, duplicates and delay', () => {
    const events = [{ kind: 'spike' as const, start: 10, end: 20, peakExtra: 5 }, { kind: 'spike' as const, start: 100, end: 110, peakExtra: 5 }];
    const s = scoreDetections([{ raised: [12, 15, 50], events }], { fromHour: 0, toHour: 168 });
    expect(s).toMatchObject({ events: 2, detected: 1, recall: 0.5, falseAlarms: 1, duplicates: 1, medianDelayHours: 3 });
    expect(s.falseAlarmsPerTopicWeek).toBeCloseTo(1);
    expect(median([])).toBeNull();
    expect(median([1, 5, 2, 4])).toBe(3);
  });
});
