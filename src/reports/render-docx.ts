/**
 * DOCX of the weekly report with the `docx` package. Times New Roman 13 pt (the font of
 * Vietnamese administrative documents, Decree 30/2020/NĐ-CP) covers every Vietnamese letter;
 * charts are embedded as PNG images.
 */
import {
  AlignmentType, Document, HeadingLevel, ImageRun, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType, ShadingType,
} from 'docx';
import type { ReportChart } from './charts.js';
import { HEADINGS_VI, SENTIMENT_VI, SEVERITY_VI, formatChange, formatNumber, formatShare } from './names.js';
import type { StorySummary, WeeklyReport } from './types.js';
import { formatLocalDateTime } from './week.js';

const FONT = 'Times New Roman';
const BLUE = '1F4E79';
/** Printable width of A4 with 2 cm margins, in pixels at 96 dpi. */
const CONTENT_WIDTH_PX = 642;

/** Render the report to DOCX bytes. */
export async function renderReportDocx(r: WeeklyReport, charts: readonly ReportChart[]): Promise<Buffer> {
  const s = r.summary;
  const chart = (id: ReportChart['id']) => {
    const c = charts.find((x) => x.id === id);
    if (!c) return [];
    const height = Math.round((c.height / c.width) * CONTENT_WIDTH_PX);
    return [
      para(c.title, { bold: true }),
      new Paragraph({ children: [new ImageRun({ type: 'png', data: c.png, transformation: { width: CONTENT_WIDTH_PX, height }, altText: { name: c.id, title: c.title, description: c.title } })] }),
    ];
  };
  const children: (Paragraph | Table)[] = [
    new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: 'HỆ THỐNG THEO DÕI THÔNG TIN BÁO CHÍ', size: 22 })] }),
    new Paragraph({ alignment: AlignmentType.CENTER, heading: HeadingLevel.TITLE, children: [new TextRun({ text: HEADINGS_VI.title, bold: true, color: BLUE, size: 30 })] }),
    new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: r.week.labelVi, italics: true })] }),
  ];
  if (!r.weekComplete) children.push(para(`Tuần chưa kết thúc: số liệu tạm tính đến ${formatLocalDateTime(r.generatedAt)}.`, { color: 'B71C1C' }));
  children.push(heading(HEADINGS_VI.summary));
  children.push(heading(HEADINGS_VI.keyFigures, 2));
  children.push(table(['Tổng số tin', 'Tỷ lệ tiêu cực', 'Cơ quan báo chí', 'Cảnh báo'], [[
    `${formatNumber(s.totalItems)} (${formatChange(s.volumeChangePct)})`,
    `${formatShare(s.negativeShare)} (tuần trước ${formatShare(s.previousNegativeShare)})`,
    formatNumber(s.outlets),
    r.alerts === null ? '—' : formatNumber(r.alerts.length),
  ]]));
  for (const h of s.highlights) children.push(new Paragraph({ bullet: { level: 0 }, children: [new TextRun(h)] }));
  children.push(heading(HEADINGS_VI.topIssues, 2));
  children.push(s.topIssues.length === 0 ? para('Không có lĩnh vực nào có tin tiêu cực.') : table(['Lĩnh vực', 'Tin tiêu cực', 'Tổng số tin', 'Tỷ lệ tiêu cực'], s.topIssues.map((t) => [t.name, n(t.negative), n(t.items), formatShare(t.negativeShare)])));
  children.push(heading(HEADINGS_VI.alerts, 2));
  if (r.alerts === null) children.push(para('Chưa kết nối hệ thống cảnh báo.'));
  else if (r.alerts.length === 0) children.push(para('Không có cảnh báo.'));
  else children.push(table(['Thời điểm', 'Mức độ', 'Nội dung', 'Trạng thái'], r.alerts.map((a) => [formatLocalDateTime(a.raisedAt), SEVERITY_VI[a.severity] ?? a.severity, a.title, a.status])));
  children.push(heading(HEADINGS_VI.forecast, 2));
  const f = r.forecast;
  children.push(para(f ? `Khoảng ${formatNumber(f.expectedItems)} tin (khoảng tin cậy ${formatNumber(f.level * 100)}%: ${formatNumber(f.lower)}–${formatNumber(f.upper)}). Phương pháp: ${f.method}.` : 'Chưa đủ dữ liệu để dự báo.'));

  children.push(heading(HEADINGS_VI.charts, 1, true), ...chart('daily'), ...chart('topics'));
  children.push(heading(HEADINGS_VI.positiveStories), ...stories(r.topPositiveStories));
  children.push(heading(HEADINGS_VI.negativeStories), ...stories(r.topNegativeStories));
  children.push(heading(HEADINGS_VI.topics));
  children.push(table(['Lĩnh vực', 'Tuần này', 'Tuần trước', 'Tích cực', 'Tiêu cực', 'Trung lập'], r.topics.map((t) => [t.name, n(t.items), n(t.previousItems), n(t.positive), n(t.negative), n(t.neutral)])));
  children.push(heading(HEADINGS_VI.provinces), ...chart('provinces'));
  children.push(r.provinces.length === 0 ? para('Không có tin gắn với địa phương.') : table(['Địa phương', 'Số tin', 'Tin tiêu cực'], r.provinces.slice(0, 15).map((p) => [p.name, n(p.items), n(p.negative)])));
  children.push(heading(HEADINGS_VI.emerging));
  children.push(r.emerging.length === 0 ? para('Không phát hiện vấn đề mới nổi.') : table(['Cụm từ', 'Số tin tuần này', 'Các tuần trước', 'Mức tăng'], r.emerging.map((x) => [x.label, n(x.current), n(x.background), `×${formatNumber(x.ratio, 1)}`])));
  children.push(para(`${HEADINGS_VI.footer} lúc ${formatLocalDateTime(r.generatedAt)}.`, { italics: true, size: 20 }));

  const doc = new Document({
    creator: 'policy-pulse',
    title: r.title,
    description: HEADINGS_VI.title,
    styles: {
      default: {
        document: { run: { font: FONT, size: 26 } },
        heading1: { run: { font: FONT, size: 28, bold: true, color: BLUE }, paragraph: { spacing: { before: 240, after: 120 } } },
        heading2: { run: { font: FONT, size: 26, bold: true }, paragraph: { spacing: { before: 160, after: 80 } } },
        title: { run: { font: FONT } },
      },
    },
    sections: [{ properties: { page: { margin: { top: 1134, bottom: 1134, left: 1134, right: 1134 } } }, children }],
  });
  return Packer.toBuffer(doc);
}

function n(v: number): string {
  return formatNumber(v);
}

function para(text: string, run: { bold?: boolean; italics?: boolean; color?: string; size?: number } = {}): Paragraph {
  return new Paragraph({ children: [new TextRun({ text, ...run })] });
}

function heading(text: string, level: 1 | 2 = 1, pageBreakBefore = false): Paragraph {
  return new Paragraph({ text, heading: level === 1 ? HeadingLevel.HEADING_1 : HeadingLevel.HEADING_2, pageBreakBefore });
}

function table(headers: string[], rows: string[][]): Table {
  const cell = (text: string, header: boolean) =>
    new TableCell({
      shading: header ? { type: ShadingType.CLEAR, fill: 'E8EEF5', color: 'auto' } : undefined,
      children: [new Paragraph({ children: [new TextRun({ text, bold: header, size: 22 })] })],
    });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [new TableRow({ tableHeader: true, children: headers.map((h) => cell(h, true)) }), ...rows.map((r) => new TableRow({ children: r.map((c) => cell(c, false)) }))],
  });
}

function stories(list: readonly StorySummary[]): Paragraph[] {
  if (list.length === 0) return [para('Không có.')];
  return list.flatMap((st, i) => {
    const color = st.sentiment === 'negative' ? 'B71C1C' : st.sentiment === 'positive' ? '1B5E20' : undefined;
    const out = [
      new Paragraph({ children: [new TextRun({ text: `${i + 1}. ${st.title}`, bold: true, ...(color ? { color } : {}) })] }),
      new Paragraph({ children: [new TextRun({ text: `${formatNumber(st.items)} tin, ${SENTIMENT_VI[st.sentiment].toLowerCase()}; đăng lần đầu ${formatLocalDateTime(st.firstPublishedAt)}. Cơ quan báo chí: ${st.outlets.slice(0, 8).join(', ')}${st.outlets.length > 8 ? ` và ${formatNumber(st.outlets.length - 8)} cơ quan khác` : ''}.`, size: 22 })] }),
    ];
    if (st.evidence.length > 0) out.push(new Paragraph({ children: [new TextRun({ text: `Căn cứ: ${st.evidence.map((x) => `«${x}»`).join(', ')}`, italics: true, size: 22 })] }));
    return out;
  });
}
