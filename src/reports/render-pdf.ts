/**
 * PDF of the weekly report with pdfkit and the bundled DejaVu font (embedded and subset, so
 * Vietnamese diacritics print on any machine). Charts are the PNGs rasterised from the ECharts SVG.
 */
import PDFDocument from 'pdfkit';
import type { ReportChart } from './charts.js';
import { reportFontPath } from './fonts.js';
import { HEADINGS_VI, SENTIMENT_VI, SEVERITY_VI, formatChange, formatNumber, formatShare } from './names.js';
import type { StorySummary, WeeklyReport } from './types.js';
import { formatLocalDateTime } from './week.js';

const BLUE = '#1f4e79';
const MARGIN = 50;

/** Render the report to PDF bytes (A4). */
export async function renderReportPdf(r: WeeklyReport, charts: readonly ReportChart[]): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margin: MARGIN, info: { Title: r.title, Author: 'policy-pulse', Subject: HEADINGS_VI.title }, bufferPages: true });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.registerFont('R', reportFontPath('DejaVuSans.ttf'));
  doc.registerFont('B', reportFontPath('DejaVuSans-Bold.ttf'));
  doc.registerFont('I', reportFontPath('DejaVuSans-Oblique.ttf'));
  const w = new Writer(doc);
  writeSummaryPage(w, r);
  doc.addPage();
  w.heading(HEADINGS_VI.charts);
  for (const id of ['daily', 'topics'] as const) w.chart(charts.find((c) => c.id === id));
  w.heading(HEADINGS_VI.positiveStories);
  w.stories(r.topPositiveStories);
  w.heading(HEADINGS_VI.negativeStories);
  w.stories(r.topNegativeStories);
  w.heading(HEADINGS_VI.topics);
  w.table(['Lĩnh vực', 'Tuần này', 'Tuần trước', 'Tích cực', 'Tiêu cực', 'Trung lập'], [0.4, 0.12, 0.12, 0.12, 0.12, 0.12], r.topics.map((t) => [t.name, n(t.items), n(t.previousItems), n(t.positive), n(t.negative), n(t.neutral)]));
  w.heading(HEADINGS_VI.provinces);
  w.chart(charts.find((c) => c.id === 'provinces'));
  if (r.provinces.length === 0) w.paragraph('Không có tin gắn với địa phương.');
  else w.table(['Địa phương', 'Số tin', 'Tin tiêu cực'], [0.6, 0.2, 0.2], r.provinces.slice(0, 15).map((p) => [p.name, n(p.items), n(p.negative)]));
  w.heading(HEADINGS_VI.emerging);
  if (r.emerging.length === 0) w.paragraph('Không phát hiện vấn đề mới nổi.');
  else w.table(['Cụm từ', 'Tuần này', 'Các tuần trước', 'Mức tăng'], [0.52, 0.16, 0.16, 0.16], r.emerging.map((x) => [x.label, n(x.current), n(x.background), `×${formatNumber(x.ratio, 1)}`]));
  footer(doc, r);
  doc.end();
  return done;
}

function writeSummaryPage(w: Writer, r: WeeklyReport): void {
  const doc = w.doc;
  const s = r.summary;
  doc.font('R').fontSize(9).fillColor('#333').text('HỆ THỐNG THEO DÕI THÔNG TIN BÁO CHÍ', { align: 'center' });
  doc.moveDown(0.3).font('B').fontSize(14).fillColor(BLUE).text(HEADINGS_VI.title, { align: 'center' });
  doc.font('R').fontSize(11).fillColor('#111').text(r.week.labelVi, { align: 'center' });
  if (!r.weekComplete) doc.fillColor('#b71c1c').fontSize(9).text(`Tuần chưa kết thúc: số liệu tạm tính đến ${formatLocalDateTime(r.generatedAt)}.`, { align: 'center' });
  const y = doc.y + 6;
  doc.moveTo(MARGIN, y).lineTo(doc.page.width - MARGIN, y).lineWidth(1.5).strokeColor(BLUE).stroke();
  doc.y = y + 8;
  w.heading(HEADINGS_VI.summary);
  w.kpis([
    ['Tổng số tin', formatNumber(s.totalItems), `so với tuần trước: ${formatChange(s.volumeChangePct)}`],
    ['Tỷ lệ tiêu cực', formatShare(s.negativeShare), `tuần trước: ${formatShare(s.previousNegativeShare)}`],
    ['Cơ quan báo chí', formatNumber(s.outlets), r.alerts === null ? 'cảnh báo: chưa kết nối' : `${formatNumber(r.alerts.length)} cảnh báo`],
  ]);
  for (const h of s.highlights) w.bullet(h);
  w.subheading(HEADINGS_VI.topIssues);
  if (s.topIssues.length === 0) w.paragraph('Không có lĩnh vực nào có tin tiêu cực.');
  else w.table(['Lĩnh vực', 'Tin tiêu cực', 'Tổng số tin', 'Tỷ lệ tiêu cực'], [0.46, 0.18, 0.18, 0.18], s.topIssues.map((t) => [t.name, n(t.negative), n(t.items), formatShare(t.negativeShare)]));
  w.subheading(HEADINGS_VI.alerts);
  if (r.alerts === null) w.paragraph('Chưa kết nối hệ thống cảnh báo.');
  else if (r.alerts.length === 0) w.paragraph('Không có cảnh báo.');
  else w.table(['Thời điểm', 'Mức độ', 'Nội dung', 'Trạng thái'], [0.2, 0.14, 0.5, 0.16], r.alerts.slice(0, 8).map((a) => [formatLocalDateTime(a.raisedAt), SEVERITY_VI[a.severity] ?? a.severity, a.title, a.status]));
  w.subheading(HEADINGS_VI.forecast);
  const f = r.forecast;
  w.paragraph(f ? `Khoảng ${formatNumber(f.expectedItems)} tin (khoảng tin cậy ${formatNumber(f.level * 100)}%: ${formatNumber(f.lower)}–${formatNumber(f.upper)}). Phương pháp: ${f.method}.` : 'Chưa đủ dữ liệu để dự báo.');
}

function n(v: number): string {
  return formatNumber(v);
}

/** Small layout helper: headings, paragraphs, tables with page breaks, images. */
class Writer {
  constructor(readonly doc: PDFKit.PDFDocument) {}

  private get width(): number {
    return this.doc.page.width - 2 * MARGIN;
  }

  private ensure(height: number): void {
    if (this.doc.y + height > this.doc.page.height - MARGIN - 20) this.doc.addPage();
  }

  heading(text: string): void {
    this.ensure(60);
    this.doc.moveDown(0.6).font('B').fontSize(12.5).fillColor(BLUE).text(text, MARGIN, this.doc.y, { width: this.width });
    this.doc.moveDown(0.3).fillColor('#111');
  }

  subheading(text: string): void {
    this.ensure(50);
    this.doc.moveDown(0.4).font('B').fontSize(10.5).fillColor('#111').text(text, MARGIN, this.doc.y, { width: this.width });
    this.doc.moveDown(0.2);
  }

  paragraph(text: string): void {
    this.doc.font('R').fontSize(9.5).fillColor('#111').text(text, MARGIN, this.doc.y, { width: this.width });
  }

  bullet(text: string): void {
    this.doc.font('R').fontSize(9.5).fillColor('#111');
    const y = this.doc.y;
    this.doc.text('•', MARGIN + 4, y);
    this.doc.text(text, MARGIN + 16, y, { width: this.width - 16 });
    this.doc.moveDown(0.15);
  }

  kpis(cells: [string, string, string][]): void {
    const gap = 8;
    const cw = (this.width - gap * (cells.length - 1)) / cells.length;
    const top = this.doc.y;
    cells.forEach(([label, value, note], i) => {
      const x = MARGIN + i * (cw + gap);
      this.doc.rect(x, top, cw, 50).lineWidth(0.6).strokeColor('#9fb3c8').stroke();
      this.doc.font('R').fontSize(8.5).fillColor('#333').text(label, x + 6, top + 5, { width: cw - 12 });
      this.doc.font('B').fontSize(15).fillColor(BLUE).text(value, x + 6, top + 17, { width: cw - 12 });
      this.doc.font('R').fontSize(7.5).fillColor('#555').text(note, x + 6, top + 37, { width: cw - 12 });
    });
    this.doc.fillColor('#111');
    this.doc.x = MARGIN;
    this.doc.y = top + 58;
  }

  table(headers: string[], fractions: number[], rows: string[][]): void {
    const widths = fractions.map((f) => f * this.width);
    const drawRow = (cells: string[], header: boolean) => {
      this.doc.font(header ? 'B' : 'R').fontSize(8.5);
      const height = Math.max(...cells.map((c, i) => this.doc.heightOfString(c, { width: widths[i]! - 8 }))) + 6;
      this.ensure(height);
      const top = this.doc.y;
      let x = MARGIN;
      cells.forEach((c, i) => {
        if (header) this.doc.rect(x, top, widths[i]!, height).fillColor('#e8eef5').fill();
        this.doc.rect(x, top, widths[i]!, height).lineWidth(0.5).strokeColor('#9fb3c8').stroke();
        this.doc.fillColor('#111').text(c, x + 4, top + 3, { width: widths[i]! - 8, align: i > 0 && !header && /^[\d.,×%—−+±]+$/.test(c) ? 'right' : 'left' });
        x += widths[i]!;
      });
      this.doc.x = MARGIN;
      this.doc.y = top + height;
    };
    drawRow(headers, true);
    for (const row of rows) drawRow(row, false);
    this.doc.moveDown(0.4);
  }

  chart(chart: ReportChart | undefined): void {
    if (!chart) return;
    const width = this.width;
    const height = (chart.height / chart.width) * width;
    this.ensure(height + 20);
    this.doc.font('B').fontSize(9.5).fillColor('#111').text(chart.title, MARGIN, this.doc.y, { width });
    const top = this.doc.y + 2;
    this.doc.image(chart.png, MARGIN, top, { width, height });
    this.doc.x = MARGIN;
    this.doc.y = top + height + 6;
  }

  stories(list: readonly StorySummary[]): void {
    if (list.length === 0) return this.paragraph('Không có.');
    list.forEach((st, i) => {
      this.ensure(60);
      this.doc.font('B').fontSize(9.5).fillColor(st.sentiment === 'negative' ? '#b71c1c' : st.sentiment === 'positive' ? '#1b5e20' : '#111');
      this.doc.text(`${i + 1}. ${st.title}`, MARGIN, this.doc.y, { width: this.width });
      this.doc.font('R').fontSize(8.5).fillColor('#333');
      this.doc.text(`${formatNumber(st.items)} tin, ${SENTIMENT_VI[st.sentiment].toLowerCase()}; đăng lần đầu ${formatLocalDateTime(st.firstPublishedAt)}. Cơ quan báo chí: ${st.outlets.slice(0, 8).join(', ')}${st.outlets.length > 8 ? ` và ${formatNumber(st.outlets.length - 8)} cơ quan khác` : ''}.`, { width: this.width });
      if (st.evidence.length > 0) this.doc.font('I').text(`Căn cứ: ${st.evidence.map((x) => `«${x}»`).join(', ')}`, { width: this.width });
      this.doc.moveDown(0.35);
    });
  }
}

function footer(doc: PDFKit.PDFDocument, r: WeeklyReport): void {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.font('R').fontSize(7.5).fillColor('#777').text(`${HEADINGS_VI.footer} — ${r.week.labelVi} — Trang ${i + 1}/${range.count}`, MARGIN, doc.page.height - 32, { width: doc.page.width - 2 * MARGIN, align: 'center', lineBreak: false });
    doc.page.margins.bottom = bottom;
  }
}
