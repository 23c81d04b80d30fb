/**
 * Self-contained, printable HTML of the weekly report: inline CSS and inline SVG charts, no
 * external asset. Every string that came from crawled pages or labels is HTML-escaped, and
 * links are only emitted for http(s) URLs.
 */
import type { ReportChart } from './charts.js';
import { HEADINGS_VI, SENTIMENT_VI, SEVERITY_VI, formatChange, formatNumber, formatShare } from './names.js';
import type { StorySummary, WeeklyReport } from './types.js';
import { formatLocalDateTime } from './week.js';

/** Escape text for HTML element content and quoted attribute values. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"'`]/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** An href for a crawled URL, or null when it is not plain http(s) (e.g. `javascript:`). */
export function safeHref(url: string): string | null {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
  } catch {
    return null;
  }
}

const e = escapeHtml;

const CSS = `
@page { size: A4; margin: 18mm 16mm; }
body { font-family: "Times New Roman", "DejaVu Serif", serif; font-size: 13pt; color: #111; max-width: 190mm; margin: 0 auto; line-height: 1.4; }
header { text-align: center; border-bottom: 2px solid #1f4e79; padding-bottom: 6pt; margin-bottom: 10pt; }
header .org { font-size: 11pt; text-transform: uppercase; letter-spacing: .04em; }
h1 { font-size: 16pt; margin: 6pt 0 2pt; color: #1f4e79; }
h2 { font-size: 14pt; color: #1f4e79; border-bottom: 1px solid #c5d3e3; margin-top: 16pt; }
h3 { font-size: 13pt; margin: 10pt 0 4pt; }
table { border-collapse: collapse; width: 100%; font-size: 11pt; margin: 4pt 0 8pt; }
th, td { border: 1px solid #9fb3c8; padding: 3pt 5pt; text-align: left; vertical-align: top; }
th { background: #e8eef5; }
td.n { text-align: right; white-space: nowrap; }
.kpis { display: flex; gap: 8pt; flex-wrap: wrap; }
.kpi { flex: 1 1 28%; border: 1px solid #c5d3e3; padding: 4pt 6pt; }
.kpi b { display: block; font-size: 15pt; }
.neg { color: #b71c1c; } .pos { color: #1b5e20; }
.chart svg { max-width: 100%; height: auto; }
.muted { color: #555; font-size: 10.5pt; }
footer { margin-top: 18pt; font-size: 10pt; color: #555; border-top: 1px solid #ccc; padding-top: 4pt; }
.page-break { break-before: page; }
@media print { a { color: inherit; text-decoration: none; } }
`;

/** Render the report as one HTML document (UTF-8, `lang="vi"`). */
export function renderReportHtml(r: WeeklyReport, charts: readonly ReportChart[]): string {
  const s = r.summary;
  const chart = (id: ReportChart['id']) => {
    const c = charts.find((x) => x.id === id);
    return c ? `<figure class="chart"><figcaption><b>${e(c.title)}</b></figcaption>${c.svg}</figure>` : '';
  };
  const parts: string[] = [];
  parts.push(`<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">`);
  parts.push(`<title>${e(r.title)}</title><style>${CSS}</style></head><body>`);
  parts.push(`<header><div class="org">Hệ thống theo dõi thông tin báo chí</div><h1>${e(HEADINGS_VI.title)}</h1><div>${e(r.week.labelVi)}</div>`);
  if (!r.weekComplete) parts.push(`<div class="neg">Tuần chưa kết thúc: số liệu tạm tính đến ${e(formatLocalDateTime(r.generatedAt))}.</div>`);
  parts.push(`</header>`);

  parts.push(`<section><h2>${e(HEADINGS_VI.summary)}</h2><div class="kpis">`);
  parts.push(kpi('Tổng số tin', formatNumber(s.totalItems), `so với tuần trước: ${formatChange(s.volumeChangePct)}`));
  parts.push(kpi('Tỷ lệ tiêu cực', formatShare(s.negativeShare), `tuần trước: ${formatShare(s.previousNegativeShare)}`));
  parts.push(kpi('Cơ quan báo chí', formatNumber(s.outlets), r.alerts === null ? 'cảnh báo: chưa kết nối' : `${formatNumber(r.alerts.length)} cảnh báo`));
  parts.push(`</div><ul>${s.highlights.map((h) => `<li>${e(h)}</li>`).join('')}</ul>`);
  parts.push(`<h3>${e(HEADINGS_VI.topIssues)}</h3>`);
  parts.push(s.topIssues.length === 0 ? '<p>Không có lĩnh vực nào có tin tiêu cực.</p>' : table(['Lĩnh vực', 'Tin tiêu cực', 'Tổng số tin', 'Tỷ lệ tiêu cực'], s.topIssues.map((t) => [e(t.name), num(t.negative), num(t.items), num(formatShare(t.negativeShare))])));
  parts.push(`<h3>${e(HEADINGS_VI.alerts)}</h3>`);
  if (r.alerts === null) parts.push('<p class="muted">Chưa kết nối hệ thống cảnh báo.</p>');
  else if (r.alerts.length === 0) parts.push('<p>Không có cảnh báo.</p>');
  else parts.push(table(['Thời điểm', 'Mức độ', 'Nội dung', 'Trạng thái'], r.alerts.map((a) => [e(formatLocalDateTime(a.raisedAt)), e(SEVERITY_VI[a.severity] ?? a.severity), e(a.title), e(a.status)])));
  parts.push(`<h3>${e(HEADINGS_VI.forecast)}</h3>`);
  parts.push(r.forecast
    ? `<p>Khoảng <b>${e(formatNumber(r.forecast.expectedItems))}</b> tin (khoảng tin cậy ${e(formatNumber(r.forecast.level * 100))}%: ${e(formatNumber(r.forecast.lower))}–${e(formatNumber(r.forecast.upper))}). <span class="muted">Phương pháp: ${e(r.forecast.method)}.</span></p>`
    : '<p class="muted">Chưa đủ dữ liệu để dự báo.</p>');
  parts.push(`</section>`);

  parts.push(`<section class="page-break"><h2>${e(HEADINGS_VI.charts)}</h2>${chart('daily')}${chart('topics')}</section>`);
  parts.push(`<section><h2>${e(HEADINGS_VI.positiveStories)}</h2>${stories(r.topPositiveStories)}</section>`);
  parts.push(`<section><h2>${e(HEADINGS_VI.negativeStories)}</h2>${stories(r.topNegativeStories)}</section>`);
  parts.push(`<section><h2>${e(HEADINGS_VI.topics)}</h2>`);
  parts.push(table(['Lĩnh vực', 'Tuần này', 'Tuần trước', 'Tích cực', 'Tiêu cực', 'Trung lập'], r.topics.map((t) => [e(t.name), num(t.items), num(t.previousItems), num(t.positive), num(t.negative), num(t.neutral)])));
  parts.push(`</section><section><h2>${e(HEADINGS_VI.provinces)}</h2>${chart('provinces')}`);
  parts.push(r.provinces.length === 0 ? '<p>Không có tin gắn với địa phương.</p>' : table(['Địa phương', 'Số tin', 'Tin tiêu cực'], r.provinces.slice(0, 15).map((p) => [e(p.name), num(p.items), num(p.negative)])));
  parts.push(`</section><section><h2>${e(HEADINGS_VI.emerging)}</h2>`);
  parts.push(r.emerging.length === 0 ? '<p>Không phát hiện vấn đề mới nổi.</p>' : table(['Cụm từ', 'Số tin tuần này', 'Các tuần trước', 'Mức tăng'], r.emerging.map((x) => [e(x.label), num(x.current), num(x.background), num(`×${formatNumber(x.ratio, 1)}`)])));
  parts.push(`</section><footer>${e(HEADINGS_VI.footer)} lúc ${e(formatLocalDateTime(r.generatedAt))}. Sắc thái do máy phân loại, kèm cụm từ làm căn cứ.</footer></body></html>`);
  return parts.join('\n');
}

function kpi(label: string, value: string, note: string): string {
  return `<div class="kpi">${e(label)}<b>${e(value)}</b><span class="muted">${e(note)}</span></div>`;
}

function num(v: number | string): { html: string; numeric: true } {
  return { html: e(typeof v === 'number' ? formatNumber(v) : v), numeric: true };
}

type Cell = string | { html: string; numeric: true };

function table(headers: string[], rows: Cell[][]): string {
  const head = `<tr>${headers.map((h) => `<th>${e(h)}</th>`).join('')}</tr>`;
  const body = rows.map((row) => `<tr>${row.map((c) => (typeof c === 'string' ? `<td>${c}</td>` : `<td class="n">${c.html}</td>`)).join('')}</tr>`).join('');
  return `<table>${head}${body}</table>`;
}

function stories(list: readonly StorySummary[]): string {
  if (list.length === 0) return '<p>Không có.</p>';
  return `<ol>${list
    .map((st) => {
      const href = safeHref(st.url);
      const title = href ? `<a href="${e(href)}" rel="noopener noreferrer">${e(st.title)}</a>` : e(st.title);
      const cls = st.sentiment === 'negative' ? 'neg' : st.sentiment === 'positive' ? 'pos' : '';
      const evidence = st.evidence.length > 0 ? `<br><span class="muted">Căn cứ: ${st.evidence.map((x) => `«${e(x)}»`).join(', ')}</span>` : '';
      return `<li><b class="${cls}">${title}</b><br>${e(formatNumber(st.items))} tin, ${e(SENTIMENT_VI[st.sentiment].toLowerCase())}; đăng lần đầu ${e(formatLocalDateTime(st.firstPublishedAt))}<br><span class="muted">Cơ quan báo chí: ${e(st.outlets.slice(0, 8).join(', '))}${st.outlets.length > 8 ? ` và ${e(formatNumber(st.outlets.length - 8))} cơ quan khác` : ''}</span>${evidence}</li>`;
    })
    .join('')}</ol>`;
}
