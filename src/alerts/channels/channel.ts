/**
 * The `Channel` port: one way to deliver an alert message. Adding a channel = one file exporting
 * a factory that returns this interface, plus one case in `./index.ts`.
 *
 * `send` throws `TransientError` / `RetryLaterError` for failures worth retrying and
 * `PermanentError` for those that are not (4xx other than 408/429); `deliverWithRetry` does the rest.
 */
import { PermanentError, RetryLaterError, TransientError } from '../../core/errors.js';
import type { AlertMessage } from '../message.js';

/** Result of one successful send. */
export interface SendReceipt {
  /** HTTP status or SMTP code. */
  status: number | null;
  detail: string;
}

/** A delivery channel. */
export interface Channel {
  readonly id: string;
  readonly type: string;
  send(message: AlertMessage): Promise<SendReceipt>;
}

/** POST JSON and map the HTTP outcome onto the typed errors. Never puts the URL in an error (it may hold a token). */
export async function postJson(url: string, body: string, headers: Record<string, string>, timeoutMs = 10_000): Promise<SendReceipt> {
  let response: Response;
  try {
    response = await fetch(url, { method: 'POST', body, headers: { 'content-type': 'application/json; charset=utf-8', ...headers }, signal: AbortSignal.timeout(timeoutMs) });
  } catch (err) {
    const cause = (err as { cause?: { code?: string } }).cause?.code ?? (err as Error).name;
    throw new TransientError('network', `request failed (${cause})`);
  }
  const text = (await response.text().catch(() => '')).slice(0, 200);
  if (response.ok) return { status: response.status, detail: 'delivered' };
  if (response.status === 429 || response.status === 503) {
    const seconds = Number(response.headers.get('retry-after'));
    if (Number.isFinite(seconds) && seconds > 0) throw new RetryLaterError(`http_${response.status}`, `HTTP ${response.status}`, seconds * 1000);
    throw new TransientError(`http_${response.status}`, `HTTP ${response.status}`);
  }
  if (response.status >= 500 || response.status === 408) throw new TransientError(`http_${response.status}`, `HTTP ${response.status}`);
  throw new PermanentError(`http_${response.status}`, `HTTP ${response.status}: ${text}`);
}
