import { describe, expect, it } from 'vitest';
import { PermanentError, RetryLaterError, TransientError } from '../../../src/core/errors.js';
import { errorForStatus, mapNetworkError } from '../../../src/http/error-mapping.js';
import { MAX_RETRY_AFTER_MS, MIN_RETRY_AFTER_MS, parseRetryAfter } from '../../../src/http/retry-after.js';

const NOW = Date.parse('2025-02-06T13:30:00Z');

describe('parseRetryAfter', () => {
  it.each([
    ['120', 120_000],
    [' 5 ', 5_000],
    ['0', MIN_RETRY_AFTER_MS],
    ['999999', MAX_RETRY_AFTER_MS],
    ['Thu, 06 Feb 2025 13:31:30 GMT', 90_000],
    ['Thu, 06 Feb 2025 13:00:00 GMT', MIN_RETRY_AFTER_MS], // already past
  ])('%j → %i ms', (value, expected) => {
    expect(parseRetryAfter(value, NOW)).toBe(expected);
  });

  it.each([null, undefined, '', 'soon', '-5', '1.5'])('%j is not a delay', (value) => {
    expect(parseRetryAfter(value, NOW)).toBeNull();
  });
});

describe('error mapping', () => {
  it('maps statuses to the right error class', () => {
    expect(errorForStatus(429, 'u', '10', NOW)).toBeInstanceOf(RetryLaterError);
    expect(errorForStatus(429, 'u', null, NOW)).toBeInstanceOf(TransientError);
    expect(errorForStatus(408, 'u', null, NOW)).toBeInstanceOf(TransientError);
    expect(errorForStatus(451, 'u', null, NOW)).toMatchObject({ code: 'http_451', name: 'PermanentError' });
    expect(errorForStatus(502, 'u', '10', NOW)).toMatchObject({ code: 'http_502', name: 'TransientError' });
  });

  it('unwraps causes and keeps typed errors', () => {
    const typed = new PermanentError('ssrf_refused', 'x');
    expect(mapNetworkError(Object.assign(new Error('wrap'), { cause: typed }), 'u', false)).toBe(typed);
    const reset = Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
    expect(mapNetworkError(new Error('fetch failed', { cause: reset }), 'u', false)).toMatchObject({ code: 'econnreset' });
    expect(mapNetworkError(new Error('aborted'), 'u', true)).toMatchObject({ code: 'timeout' });
    expect(mapNetworkError(Object.assign(new Error('bad'), { code: 'Z_DATA_ERROR' }), 'u', false)).toMatchObject({ code: 'bad_encoding' });
    expect(mapNetworkError('weird', 'u', false)).toMatchObject({ code: 'network_error', name: 'TransientError' });
  });
});
