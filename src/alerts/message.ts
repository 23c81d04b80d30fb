/**
 * Rendering an alert and its explanation as a message (Vietnamese, plain text + escaped HTML).
 * Crawled titles are untrusted: everything interpolated into HTML is escaped.
 */
import { SEVERITY_LABELS_VI } from '../trends/detector/severity.js';
import type { AlertRecord } from './alert.js';
import type { AlertExplanation } from './explain.js';

/** Why a message is sent. */
export type AlertEvent = 'opened' | 'reopened' | 'escalated' | 'resolved';

/** What every channel receives. */
export interface AlertMessage {
  event: AlertEvent;
  alert: AlertRecord;
  explanation: AlertExplanation | null;
  subject: string;
  text: string;
  html: string;
  /**
   * Idempotency key of this announcement, the same when it is sent again (a retry after a
   * timeout, a replay after a crash): `<alert id>.opened` (an alert opens once), else
   * `<alert id>.<event>.<how many such events its history holds>`. Receivers drop repeats by it.
   */
  deliveryId: string;
}

const EVENT_LABELS: Record<AlertEvent, string> = {
  opened: 'CẢNH BÁO MỚI',
  reopened: 'CẢNH BÁO TÁI DIỄN',
  escalated: 'CẢNH BÁO NÂNG MỨC',
  resolved: 'ĐÃ LẮNG DỊU',
};

/** Build the message for an alert event. */
export function renderAlertMessage(event: AlertEvent, alert: AlertRecord, explanation: AlertExplanation | null): AlertMessage {
  const severity = SEVERITY_LABELS_VI[explanation?.severity ?? alert.severity];
  const subject = `[${EVENT_LABELS[event]}] ${alert.ruleName} – ${severity}`;
  const lines = [subject, ...bodyLines(alert, explanation)];
  return { event, alert, explanation, subject, text: lines.join('\n'), html: toHtml(subject, alert, explanation), deliveryId: deliveryIdOf(event, alert) };
}

/** See {@link AlertMessage.deliveryId}. */
export function deliveryIdOf(event: AlertEvent, alert: AlertRecord): string {
  if (event === 'opened') return `${alert.id}.opened`;
  return `${alert.id}.${event}.${alert.history.filter((h) => h.action === event).length}`;
}

function bodyLines(alert: AlertRecord, x: AlertExplanation | null): string[] {
  const lines: string[] = [];
  const a = alert.latest ?? alert.peak;
  if (a) {
    lines.push(
      `Quan sát: ${a.observed} tin tiêu cực trong ${a.windowHours} giờ; kỳ vọng ${a.expected} (khoảng ${a.expectedLow}–${a.expectedHigh}), gấp ${a.ratio} lần.`,
      `Tỷ lệ tiêu cực: ${pct(a.observedShare)} (thường ${pct(a.expectedShare)}).`,
    );
  }
  if (alert.emerging) {
    const e = alert.emerging;
    lines.push(`Vấn đề mới nổi: “${e.label}” xuất hiện trong ${e.current} tin (thường ${e.expected}), gấp ${e.ratio} lần.`);
  }
  if (alert.forecast) {
    const f = alert.forecast;
    lines.push(`Dự báo: sau ${f.hoursAhead} giờ có thể đạt ${f.median} tin (cận dưới ${f.lower} ≥ ngưỡng ${f.threshold}).`);
  }
  if (x) {
    if (x.outlook) lines.push(`Dự báo ${x.outlook.hours} giờ tới: khoảng ${x.outlook.median} tin tiêu cực (${x.outlook.lower}–${x.outlook.upper}).`);
    if (x.topStories.length) lines.push('Sự việc nổi bật:', ...x.topStories.map((s) => `  • ${s.title} (${s.items} tin, ${s.outlets.length} cơ quan báo chí) ${s.url}`));
    if (x.outlets.length) lines.push(`Cơ quan báo chí: ${x.outlets.map((o) => `${o.name} (${o.items})`).join(', ')}`);
    if (x.evidence.length) lines.push(`Cụm từ tiêu cực: ${x.evidence.map((e) => `“${e.phrase}” (${e.count})`).join(', ')}`);
    if (x.emergingTerms.length) lines.push(`Vấn đề mới nổi: ${x.emergingTerms.map((t) => t.label).join(', ')}`);
    lines.push(`Xem chi tiết: ${x.link}`);
  }
  return lines;
}

function toHtml(subject: string, alert: AlertRecord, x: AlertExplanation | null): string {
  const body = bodyLines(alert, x).map((l) => `<p>${escapeHtml(l)}</p>`).join('\n');
  return `<!doctype html><html lang="vi"><meta charset="utf-8"><body><h2>${escapeHtml(subject)}</h2>\n${body}</body></html>`;
}

/** Escape text for HTML element and attribute content. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

function pct(v: number): string {
  return `${Math.round(v * 100)}%`;
}
