import type { SourceConfig } from '../config/sources-schema.js';
import { describeError } from '../core/errors.js';
import type { SourceHealthPatch } from '../store/source-health-patch.js';
import type { SourceHealth } from '../store/store.js';
import type { CrawlOutcome } from './crawl-stage.js';
import { nextPollIntervalSec } from './polling.js';

type PreviousHealth = Pick<SourceHealth, 'pollIntervalSec' | 'consecutiveFailures' | 'errorCounts'> | null;

/** Health after a successful poll: counts, validators, and the adaptive next poll. */
export function healthAfterPoll(source: SourceConfig, previous: PreviousHealth, outcome: CrawlOutcome, newEntries: number, now: Date): SourceHealthPatch {
  const interval = nextPollIntervalSec({
    minMinutes: source.pollMinutes.min, maxMinutes: source.pollMinutes.max, previousSec: previous?.pollIntervalSec || null,
    outcome: outcome.status, consecutiveFailures: 0,
    publishedAt: outcome.candidates.map((c) => c.entry.publishedAt), newEntries, now,
  });
  return {
    lastPollAt: now.toISOString(), lastSuccessAt: now.toISOString(), lastStatus: outcome.status, lastError: null,
    consecutiveFailures: 0, lastEntries: outcome.candidates.length, lastNew: newEntries,
    etag: outcome.etag, lastModified: outcome.lastModified,
    pollIntervalSec: interval, nextPollAt: new Date(now.getTime() + interval * 1000).toISOString(),
  };
}

/** Health after a failed poll: the error, its kind counted, and an exponential back-off. */
export function healthAfterFailure(source: SourceConfig, previous: PreviousHealth, err: unknown, now: Date): SourceHealthPatch {
  const failures = (previous?.consecutiveFailures ?? 0) + 1;
  const code = (err as { code?: string }).code ?? 'error';
  const errorCounts = { ...(previous?.errorCounts ?? {}) };
  errorCounts[code] = (errorCounts[code] ?? 0) + 1;
  const interval = nextPollIntervalSec({
    minMinutes: source.pollMinutes.min, maxMinutes: source.pollMinutes.max, previousSec: previous?.pollIntervalSec || null,
    outcome: 'error', consecutiveFailures: failures, publishedAt: [], newEntries: 0, now,
  });
  return {
    lastPollAt: now.toISOString(), lastStatus: 'error', lastError: describeError(err), consecutiveFailures: failures,
    errorCounts, pollIntervalSec: interval, nextPollAt: new Date(now.getTime() + interval * 1000).toISOString(),
  };
}
