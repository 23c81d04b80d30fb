/**
 * Notification policy: which rule channels get a message now, which wait for the end of quiet
 * hours, and how digest mode batches messages. Pending messages live in a small outbox kept in
 * the detector-state repository (so they survive restarts like everything else).
 */
import { createHash } from 'node:crypto';
import { SEVERITY_RANK, type Severity } from '../trends/detector/severity.js';
import type { AlertRecord } from './alert.js';
import { deliverWithRetry, type DeliverDeps, type DeliveryOutcome } from './deliver.js';
import type { ConfiguredChannel } from './channels/index.js';
import { renderAlertMessage, type AlertEvent, type AlertMessage } from './message.js';
import type { AlertExplanation } from './explain.js';
import type { AlertsConfig } from './rules-schema.js';
import type { DetectorStateRepository } from './repositories.js';

const OUTBOX_KEY = '__outbox';
const LOCAL_OFFSET_MS = 7 * 3_600_000;

/** A message waiting for quiet hours to end or for the digest. */
interface PendingMessage {
  channelId: string;
  message: AlertMessage;
}

interface Outbox {
  pending: PendingMessage[];
  lastDigestAt: string | null;
}

/** Minutes since local midnight (Asia/Ho_Chi_Minh, UTC+7 all year). */
export function localMinutes(at: Date): number {
  const local = new Date(at.getTime() + LOCAL_OFFSET_MS);
  return local.getUTCHours() * 60 + local.getUTCMinutes();
}

/** True when `at` is inside quiet hours (a window may wrap midnight, e.g. 22:00–06:00). */
export function inQuietHours(config: AlertsConfig, at: Date): boolean {
  const q = config.quietHours;
  if (!q) return false;
  const [from, to, now] = [toMinutes(q.from), toMinutes(q.to), localMinutes(at)];
  return from <= to ? now >= from && now < to : now >= from || now < to;
}

/** Dependencies of {@link notifyAlert} and {@link flushOutbox}. */
export interface NotifyDeps extends DeliverDeps {
  config: AlertsConfig;
  channels: Map<string, ConfiguredChannel>;
  states: DetectorStateRepository;
}

/**
 * Send (or queue) an alert event to a rule's channels. Below the rule's `minSeverity` nothing is
 * sent; in quiet hours only `except` severities go out at once; in digest mode everything queues.
 */
export async function notifyAlert(
  deps: NotifyDeps,
  channelIds: string[],
  minSeverity: Severity,
  event: AlertEvent,
  alert: AlertRecord,
  explanation: AlertExplanation | null,
  at: Date,
): Promise<{ sent: DeliveryOutcome[]; queued: number }> {
  if (SEVERITY_RANK[alert.severity] < SEVERITY_RANK[minSeverity]) return { sent: [], queued: 0 };
  const message = renderAlertMessage(event, alert, explanation);
  const urgent = deps.config.quietHours?.except.includes(alert.severity) ?? false;
  const hold = deps.config.digest.mode !== 'immediate' || (inQuietHours(deps.config, at) && !urgent);
  if (hold) {
    const outbox = await loadOutbox(deps.states);
    outbox.pending.push(...channelIds.map((channelId) => ({ channelId, message })));
    await deps.states.save(OUTBOX_KEY, outbox);
    return { sent: [], queued: channelIds.length };
  }
  const sent: DeliveryOutcome[] = [];
  for (const id of channelIds) sent.push(await deliverWithRetry(requireChannel(deps, id), message, deps));
  return { sent, queued: 0 };
}

/**
 * Send queued messages when due: after quiet hours (immediate mode), every hour (hourly digest)
 * or once a day at `digest.at` (daily digest). Several messages for one channel become one digest.
 */
export async function flushOutbox(deps: NotifyDeps, at: Date): Promise<DeliveryOutcome[]> {
  const outbox = await loadOutbox(deps.states);
  if (outbox.pending.length === 0 || inQuietHours(deps.config, at) || !digestDue(deps.config, outbox.lastDigestAt, at)) return [];
  const byChannel = new Map<string, AlertMessage[]>();
  for (const p of outbox.pending) byChannel.set(p.channelId, [...(byChannel.get(p.channelId) ?? []), p.message]);
  const sent: DeliveryOutcome[] = [];
  for (const [channelId, messages] of byChannel) sent.push(await deliverWithRetry(requireChannel(deps, channelId), digestOf(messages), deps));
  await deps.states.save(OUTBOX_KEY, { pending: [], lastDigestAt: at.toISOString() } satisfies Outbox);
  return sent;
}

function digestDue(config: AlertsConfig, last: string | null, at: Date): boolean {
  if (config.digest.mode === 'immediate') return true;
  const sinceMs = last ? at.getTime() - Date.parse(last) : Infinity;
  if (config.digest.mode === 'hourly') return sinceMs >= 3_600_000;
  return localMinutes(at) >= toMinutes(config.digest.at) && sinceMs >= 12 * 3_600_000;
}

function digestOf(messages: AlertMessage[]): AlertMessage {
  if (messages.length === 1) return messages[0]!;
  const worst = [...messages].sort((a, b) => SEVERITY_RANK[b.alert.severity] - SEVERITY_RANK[a.alert.severity])[0]!;
  const subject = `[BẢN TIN CẢNH BÁO] ${messages.length} cảnh báo`;
  const text = [subject, ...messages.map((m) => m.text)].join('\n\n');
  const html = messages.map((m) => m.html).join('\n<hr>\n');
  // The same set of messages gives the same digest id, so a digest re-sent after a crash is a repeat.
  const deliveryId = `digest.${createHash('sha1').update(messages.map((m) => m.deliveryId).sort().join('|')).digest('hex').slice(0, 20)}`;
  return { ...worst, subject, text, html, deliveryId };
}

async function loadOutbox(states: DetectorStateRepository): Promise<Outbox> {
  return (await states.load<Outbox>(OUTBOX_KEY)) ?? { pending: [], lastDigestAt: null };
}

function requireChannel(deps: NotifyDeps, id: string): ConfiguredChannel {
  const c = deps.channels.get(id);
  if (!c) throw new Error(`notify: channel "${id}" is not configured`);
  return c;
}

function toMinutes(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return h! * 60 + m!;
}
