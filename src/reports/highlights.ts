/**
 * The executive summary's bullet points, in Vietnamese, written from the computed figures so
 * every format prints the same sentences.
 */
import { SEVERITY_VI, formatChange, formatNumber, formatShare } from './names.js';
import type { WeeklyReport } from './types.js';

/** Bullet points of page one, most important first. */
export function buildHighlights(r: Omit<WeeklyReport, 'summary'> & { summary: Omit<WeeklyReport['summary'], 'highlights'> }): string[] {
  const s = r.summary;
  const out: string[] = [];
  const change = s.volumeChangePct === null ? '' : ` (${s.volumeChangePct >= 0 ? 'tăng' : 'giảm'} ${formatChange(s.volumeChangePct).slice(1)} so với tuần trước)`;
  out.push(`Tổng số tin: ${formatNumber(s.totalItems)}${change}, từ ${formatNumber(s.outlets)} cơ quan báo chí.`);
  if (s.negativeShare !== null) {
    const prev = s.previousNegativeShare === null ? '' : ` (tuần trước ${formatShare(s.previousNegativeShare)})`;
    out.push(`Tỷ lệ tin tiêu cực: ${formatShare(s.negativeShare)}${prev}; tích cực: ${formatNumber(s.sentiment.positive)} tin, tiêu cực: ${formatNumber(s.sentiment.negative)} tin.`);
  }
  const worst = s.topIssues[0];
  if (worst) {
    out.push(`Lĩnh vực có nhiều tin tiêu cực nhất: ${worst.name} (${formatNumber(worst.negative)} tin tiêu cực, ${formatShare(worst.negativeShare)} số tin có phân loại).`);
  }
  const negative = r.topNegativeStories[0];
  if (negative) {
    out.push(`Thông tin tiêu cực lan rộng nhất: «${negative.title}» (${formatNumber(negative.items)} tin, ${formatNumber(negative.outlets.length)} cơ quan báo chí).`);
  }
  const positive = r.topPositiveStories[0];
  if (positive) {
    out.push(`Thông tin tích cực nổi bật: «${positive.title}» (${formatNumber(positive.items)} tin, ${formatNumber(positive.outlets.length)} cơ quan báo chí).`);
  }
  if (r.alerts !== null) {
    if (r.alerts.length === 0) out.push('Không có cảnh báo nào trong tuần.');
    else {
      const bySeverity = new Map<string, number>();
      for (const a of r.alerts) bySeverity.set(a.severity, (bySeverity.get(a.severity) ?? 0) + 1);
      const parts = [...bySeverity].map(([sev, n]) => `${formatNumber(n)} mức ${SEVERITY_VI[sev] ?? sev}`);
      out.push(`Có ${formatNumber(r.alerts.length)} cảnh báo trong tuần (${parts.join(', ')}).`);
    }
  }
  if (r.emerging.length > 0) {
    out.push(`Vấn đề mới nổi: ${r.emerging.slice(0, 3).map((e) => `«${e.label}»`).join(', ')}.`);
  }
  if (r.forecast) {
    const f = r.forecast;
    out.push(`Dự báo tuần tới: khoảng ${formatNumber(f.expectedItems)} tin (khoảng tin cậy ${formatNumber(f.level * 100)}%: ${formatNumber(f.lower)}–${formatNumber(f.upper)}).`);
  }
  return out;
}
