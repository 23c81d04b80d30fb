import { describe, expect, it } from 'vitest';
import type { SourceConfig } from '../../../src/config/sources-schema.js';
import { PermanentError } from '../../../src/core/errors.js';
import type { CrawlOutcome } from '../../../src/pipeline/crawl-stage.js';
import { healthAfterFailure, healthAfterPoll } from '../../../src/pipeline/source-health-update.js';

const source = { id: 's', name: 'S', kind: 'rss', url: 'https://s.vn/rss', tier: 'central', enabled: true, pollMinutes: { min: 5, max: 360 }, allowPrivateNetwork: false, fetchArticles: true } as SourceConfig;
const now = new Date('2025-02-06T12:00:00Z');

describe('source health after a poll', () => {
  it('records success, validators and the next poll within bounds', () => {
    const outcome: CrawlOutcome = { status: 'ok', candidates: [], childUrls: [], etag: '"e1"', lastModified: 'x', rejected: [] };
    const patch = healthAfterPoll(source, { pollIntervalSec: 600, consecutiveFailures: 2, errorCounts: { http_500: 2 } }, outcome, 0, now);
    expect(patch).toMatchObject({ lastStatus: 'ok', consecutiveFailures: 0, lastError: null, etag: '"e1"', lastNew: 0 });
    expect(patch.pollIntervalSec).toBe(900);
    expect(patch.nextPollAt).toBe(new Date(now.getTime() + 900_000).toISOString());
  });

  it('counts the failure by kind and backs off', () => {
    const patch = healthAfterFailure(source, { pollIntervalSec: 300, consecutiveFailures: 1, errorCounts: { http_500: 1 } }, new PermanentError('feed_unparseable', 'bad'), now);
    expect(patch).toMatchObject({ lastStatus: 'error', consecutiveFailures: 2, errorCounts: { http_500: 1, feed_unparseable: 1 } });
    expect(patch.lastError).toContain('feed_unparseable');
    expect(patch.pollIntervalSec).toBe(1200);
  });
});
