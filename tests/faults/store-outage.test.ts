/**
 * Which errors count as a store outage (wait, no attempt spent) and which do not. The second
 * list matters as much: a *source* that refuses or resets connections must keep failing with its
 * own retry budget, or a dead feed would be retried forever.
 */
import { describe, expect, it } from 'vitest';
import { RetryLaterError, TransientError } from '../../src/core/errors.js';
import { asStoreRetry, isStoreOutage } from '../../src/pipeline/store-outage.js';

const withCode = (code: string, message = code): Error => Object.assign(new Error(message), { code });
const named = (name: string, extra: Record<string, unknown> = {}): Error => Object.assign(new Error(name), { name, ...extra });

describe('store outage classification', () => {
  it.each([
    ['SQLITE_FULL', withCode('SQLITE_FULL', 'database or disk is full'), 'store_full'],
    ['ENOSPC', withCode('ENOSPC'), 'store_full'],
    ['SQLITE_BUSY', withCode('SQLITE_BUSY', 'database is locked'), 'store_busy'],
    ['SQLITE_LOCKED_SHAREDCACHE', withCode('SQLITE_LOCKED_SHAREDCACHE'), 'store_busy'],
    ['SQLITE_IOERR_WRITE', withCode('SQLITE_IOERR_WRITE'), 'store_io'],
    ['Elasticsearch ConnectionError', named('ConnectionError'), 'store_unreachable'],
    ['Elasticsearch NoLivingConnectionsError', named('NoLivingConnectionsError'), 'store_unreachable'],
    ['Elasticsearch 503 (shards recovering)', named('ResponseError', { meta: { statusCode: 503 } }), 'store_not_ready'],
    ['Elasticsearch 429', named('ResponseError', { meta: { statusCode: 429 } }), 'store_not_ready'],
    ['SQLITE_FULL as the cause of a wrapper', new Error('batch failed', { cause: withCode('SQLITE_FULL') }), 'store_full'],
  ])('%s → RetryLaterError %s', (_label, err, code) => {
    expect(isStoreOutage(err)).toBe(true);
    const mapped = asStoreRetry(err);
    expect(mapped).toBeInstanceOf(RetryLaterError);
    expect((mapped as RetryLaterError).code).toBe(code);
    expect((mapped as RetryLaterError).delayMs).toBeGreaterThan(0);
    expect(mapped.message).toContain(err.message);
    expect(mapped.cause).toBe(err);
  });

  it.each([
    ['a source refusing connections', new TransientError('econnrefused', 'http://feed.example.vn/rss: connection refused', { cause: withCode('ECONNREFUSED') })],
    ['a source resetting connections', withCode('ECONNRESET')],
    ['a fetch timeout', named('TimeoutError')],
    ['a constraint violation (a bad item)', withCode('SQLITE_CONSTRAINT_NOTNULL')],
    ['Elasticsearch 400 (a bad document)', named('ResponseError', { meta: { statusCode: 400 } })],
    ['a plain error', new Error('boom')],
  ])('%s is not a store outage and passes through unchanged', (_label, err) => {
    expect(isStoreOutage(err)).toBe(false);
    expect(asStoreRetry(err)).toBe(err);
  });
});
