/**
 * Signed webhook: POSTs `{event, alert, explanation}` as JSON with
 * `X-Pulse-Timestamp` (Unix seconds) and `X-Pulse-Signature: sha256=<hex>` where the HMAC-SHA256
 * key is the shared secret and the message is `<timestamp>.<raw body>` (Stripe-style, so a
 * replayed body with a new timestamp fails). Receivers check with {@link verifyWebhookSignature}.
 * `X-Pulse-Delivery` (also `deliveryId` in the body) is the announcement's idempotency key:
 * delivery is at-least-once (a request whose answer was lost is sent again), so receivers drop
 * a delivery id they have already seen.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { AlertMessage } from '../message.js';
import { postJson, type Channel } from './channel.js';

/** Signature header value for a body at a timestamp. */
export function signWebhook(secret: string, timestamp: number, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

/** Check a received webhook: signature matches and the timestamp is within `toleranceSec` of now. */
export function verifyWebhookSignature(secret: string, timestamp: string, body: string, signature: string, nowSec = Math.floor(Date.now() / 1000), toleranceSec = 300): boolean {
  const ts = Number(timestamp);
  if (!Number.isInteger(ts) || Math.abs(nowSec - ts) > toleranceSec) return false;
  const expected = Buffer.from(signWebhook(secret, ts, body));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

/** Webhook channel. */
export function createWebhookChannel(id: string, options: { url: string; secret: string; now?: () => number }): Channel {
  return {
    id,
    type: 'webhook',
    async send(message: AlertMessage) {
      const body = JSON.stringify({ event: message.event, deliveryId: message.deliveryId, subject: message.subject, text: message.text, alert: message.alert, explanation: message.explanation });
      const timestamp = Math.floor((options.now?.() ?? Date.now()) / 1000);
      return postJson(options.url, body, { 'x-pulse-timestamp': String(timestamp), 'x-pulse-signature': signWebhook(options.secret, timestamp, body), 'x-pulse-event': message.event, 'x-pulse-delivery': message.deliveryId });
    },
  };
}
