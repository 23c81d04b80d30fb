/**
 * `Retry-After` parsing (RFC 9110 §10.2.3): either delay-seconds or an HTTP-date.
 */

/** Shortest delay we honour: a `Retry-After: 0` still deserves a pause. */
export const MIN_RETRY_AFTER_MS = 1_000;
/** Longest delay we honour: a server asking for days is treated as "a few hours", then re-asked. */
export const MAX_RETRY_AFTER_MS = 6 * 60 * 60 * 1_000;

/**
 * Milliseconds to wait according to a `Retry-After` value, clamped to
 * [{@link MIN_RETRY_AFTER_MS}, {@link MAX_RETRY_AFTER_MS}]; `null` when absent or unparseable.
 * @param nowMs - the current time, injectable for tests
 */
export function parseRetryAfter(value: string | null | undefined, nowMs: number = Date.now()): number | null {
  if (value == null) return null;
  const trimmed = value.trim();
  if (trimmed === '') return null;
  let delayMs: number;
  if (/^\d+$/.test(trimmed)) {
    delayMs = Number(trimmed) * 1_000;
  } else {
    // All three HTTP-date forms start with a day name; V8's Date.parse alone accepts "-5" or "1.5".
    if (!/^[A-Za-z]{3}/.test(trimmed)) return null;
    const at = Date.parse(trimmed);
    if (Number.isNaN(at)) return null;
    delayMs = at - nowMs;
  }
  return Math.min(MAX_RETRY_AFTER_MS, Math.max(MIN_RETRY_AFTER_MS, delayMs));
}
