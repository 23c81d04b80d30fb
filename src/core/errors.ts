/**
 * Typed control-flow errors shared by every stage.
 *
 * Workers map them onto BullMQ: a {@link PermanentError} becomes an `UnrecoverableError`
 * (the job goes straight to the failed set, i.e. quarantine) and a {@link RetryLaterError}
 * delays the job by the server's `Retry-After` instead of burning an attempt.
 */

/** A failure that will never succeed on retry (404/410, unparseable body, refused address). */
export class PermanentError extends Error {
  override readonly name = 'PermanentError';
  /** Machine-readable reason, e.g. `http_404`, `ssrf_refused`, `robots_disallowed`. */
  readonly code: string;
  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }
}

/** A transient failure with a known earliest retry time (429/503 with Retry-After, host busy). */
export class RetryLaterError extends Error {
  override readonly name = 'RetryLaterError';
  readonly code: string;
  /** Milliseconds to wait before the next try. */
  readonly delayMs: number;
  constructor(code: string, message: string, delayMs: number, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
    this.delayMs = delayMs;
  }
}

/** A transient failure without a known retry time (timeouts, resets, 5xx): normal backoff applies. */
export class TransientError extends Error {
  override readonly name = 'TransientError';
  readonly code: string;
  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }
}

/** Short description of any thrown value for logs and source health. */
export function describeError(err: unknown): string {
  if (err instanceof Error) {
    const code = (err as { code?: unknown }).code;
    return typeof code === 'string' ? `${code}: ${err.message}` : err.message;
  }
  return String(err);
}
