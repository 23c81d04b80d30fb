import { describe, expect, it } from 'vitest';
import { nextPollIntervalSec, typicalGapSec } from '../../../src/pipeline/polling.js';

const now = new Date('2025-02-06T12:00:00Z');
const every = (minutes: number, n: number) => Array.from({ length: n }, (_, i) => new Date(now.getTime() - i * minutes * 60_000).toISOString());
const base = { minMinutes: 5, maxMinutes: 360, previousSec: 600, consecutiveFailures: 0, now };

describe('adaptive polling', () => {
  it('follows the posting rate: a busy feed is polled about twice per gap, within bounds', () => {
    expect(typicalGapSec(every(20, 30), now)).toBe(1200);
    expect(nextPollIntervalSec({ ...base, outcome: 'ok', publishedAt: every(20, 30), newEntries: 3 })).toBe(600);
    // Posting every 2 minutes cannot push polling under the 5-minute floor.
    expect(nextPollIntervalSec({ ...base, outcome: 'ok', publishedAt: every(2, 30), newEntries: 5 })).toBe(300);
  });

  it('slows down a quiet feed up to the ceiling', () => {
    let interval = 300;
    for (let i = 0; i < 20; i++) interval = nextPollIntervalSec({ ...base, previousSec: interval, outcome: 'not_modified', publishedAt: [], newEntries: 0 });
    expect(interval).toBe(360 * 60);
  });

  it('backs off exponentially on errors, capped', () => {
    const a = nextPollIntervalSec({ ...base, outcome: 'error', consecutiveFailures: 1, publishedAt: [], newEntries: 0 });
    const b = nextPollIntervalSec({ ...base, outcome: 'error', consecutiveFailures: 3, publishedAt: [], newEntries: 0 });
    expect(a).toBe(600);
    expect(b).toBe(2400);
    expect(nextPollIntervalSec({ ...base, outcome: 'error', consecutiveFailures: 30, publishedAt: [], newEntries: 0 })).toBe(21600);
  });

  it('ignores undated, future and stale entries when estimating the rate', () => {
    expect(typicalGapSec([undefined, 'garbage', '2030-01-01T00:00:00Z'], now)).toBeNull();
    expect(typicalGapSec(every(60 * 24 * 10, 5), now)).toBeNull();
  });
});
