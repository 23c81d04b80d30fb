/**
 * Deliver one message on one channel with retries (exponential backoff with jitter, honouring
 * Retry-After) and a log line per attempt. Secrets are redacted from every logged detail.
 */
import { describeError, PermanentError, RetryLaterError } from '../core/errors.js';
import type { ConfiguredChannel } from './channels/index.js';
import type { AlertMessage } from './message.js';
import type { DeliveryLog } from './repositories.js';

/** Outcome of {@link deliverWithRetry}. */
export interface DeliveryOutcome {
  channelId: string;
  ok: boolean;
  attempts: number;
  detail: string;
}

/** Injectable clock and sleep (tests pass instant sleeps). */
export interface DeliverDeps {
  log: DeliveryLog;
  sleep?: (ms: number) => Promise<void>;
  now?: () => Date;
  random?: () => number;
}

/** Replace every secret (and its URL-encoded form) with `***`. */
export function redact(text: string, secrets: string[]): string {
  let out = text;
  for (const s of secrets) {
    if (s.length < 4) continue;
    for (const form of new Set([s, encodeURIComponent(s)])) out = out.split(form).join('***');
  }
  return out;
}

/** Send with retries; never throws for delivery failures (they are logged and returned). */
export async function deliverWithRetry(configured: ConfiguredChannel, message: AlertMessage, deps: DeliverDeps): Promise<DeliveryOutcome> {
  const { channel, retry, secrets } = configured;
  const sleep = deps.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const now = deps.now ?? (() => new Date());
  const random = deps.random ?? Math.random;
  let detail = '';
  for (let attempt = 1; attempt <= retry.attempts; attempt++) {
    try {
      const receipt = await channel.send(message);
      detail = redact(receipt.detail, secrets);
      await deps.log.append({ alertId: message.alert.id, channelId: channel.id, attempt, ok: true, at: now().toISOString(), status: receipt.status, detail });
      return { channelId: channel.id, ok: true, attempts: attempt, detail };
    } catch (err) {
      detail = redact(describeError(err), secrets);
      const status = /(?:http|smtp)_(\d{3})/.exec((err as { code?: string }).code ?? '')?.[1];
      await deps.log.append({ alertId: message.alert.id, channelId: channel.id, attempt, ok: false, at: now().toISOString(), status: status ? Number(status) : null, detail });
      if (err instanceof PermanentError || attempt === retry.attempts) return { channelId: channel.id, ok: false, attempts: attempt, detail };
      const backoff = retry.baseDelayMs * 2 ** (attempt - 1) * (0.5 + random());
      await sleep(err instanceof RetryLaterError ? Math.max(err.delayMs, backoff) : backoff);
    }
  }
  return { channelId: channel.id, ok: false, attempts: retry.attempts, detail };
}
