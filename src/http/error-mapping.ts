/**
 * Maps HTTP statuses and network failures onto the shared typed errors, so workers know
 * whether to quarantine (PermanentError), delay (RetryLaterError) or back off (TransientError).
 */
import { PermanentError, RetryLaterError, TransientError } from '../core/errors.js';
import { parseRetryAfter } from './retry-after.js';

/** The error for a non-2xx, non-304, non-redirect status. */
export function errorForStatus(status: number, url: string, retryAfter: string | null, nowMs = Date.now()): Error {
  const code = `http_${status}`;
  const where = `HTTP ${status} from ${url}`;
  if (status === 429 || status === 503) {
    const delayMs = parseRetryAfter(retryAfter, nowMs);
    if (delayMs !== null) return new RetryLaterError(code, `${where}; Retry-After ${retryAfter}`, delayMs);
    return new TransientError(code, where);
  }
  // 408 means the server gave up waiting for us: worth another try.
  if (status === 408) return new TransientError(code, where);
  if (status >= 400 && status < 500) return new PermanentError(code, where);
  if (status >= 500) return new TransientError(code, where);
  return new PermanentError(code, `unexpected ${where}`);
}

const TRANSIENT_NETWORK_CODES: Record<string, string> = {
  UND_ERR_CONNECT_TIMEOUT: 'timeout',
  UND_ERR_HEADERS_TIMEOUT: 'timeout',
  UND_ERR_BODY_TIMEOUT: 'timeout',
  ETIMEDOUT: 'timeout',
  ECONNRESET: 'econnreset',
  UND_ERR_SOCKET: 'econnreset',
  EPIPE: 'econnreset',
  ECONNREFUSED: 'econnrefused',
  EHOSTUNREACH: 'ehostunreach',
  ENETUNREACH: 'enetunreach',
  ENOTFOUND: 'enotfound',
  EAI_AGAIN: 'eai_again',
  UND_ERR_CLOSED: 'closed',
};

/** Walks `cause` links, because undici and streams wrap the error that matters. */
function* causes(err: unknown): Generator<unknown> {
  let current = err;
  for (let depth = 0; current != null && depth < 6; depth++) {
    yield current;
    current = (current as { cause?: unknown }).cause;
  }
}

/**
 * Converts whatever a request threw into a typed error. Typed errors (ours, possibly wrapped)
 * pass through; a fired deadline becomes `timeout`.
 */
export function mapNetworkError(err: unknown, url: string, deadlineFired: boolean): Error {
  for (const e of causes(err)) {
    if (e instanceof PermanentError || e instanceof RetryLaterError || e instanceof TransientError) return e;
  }
  if (deadlineFired) return new TransientError('timeout', `overall deadline passed fetching ${url}`, { cause: err });
  for (const e of causes(err)) {
    const code = (e as { code?: unknown }).code;
    if (typeof code !== 'string') continue;
    const mapped = TRANSIENT_NETWORK_CODES[code];
    if (mapped) return new TransientError(mapped, `${mapped} fetching ${url}: ${(e as Error).message}`, { cause: err });
    if (code.startsWith('Z_') || code.startsWith('ERR__ERROR_FORMAT') || code === 'ERR_BROTLI_DECOMPRESSION_FAILED') {
      return new PermanentError('bad_encoding', `corrupt compressed body from ${url}`, { cause: err });
    }
    if (code.startsWith('ERR_TLS') || code.includes('CERT') || code.startsWith('ERR_SSL')) {
      // Certificate chains get fixed by site owners; retry later rather than quarantine forever.
      return new TransientError('tls_error', `TLS failure fetching ${url}: ${(e as Error).message}`, { cause: err });
    }
  }
  const message = err instanceof Error ? err.message : String(err);
  return new TransientError('network_error', `fetching ${url} failed: ${message}`, { cause: err });
}
