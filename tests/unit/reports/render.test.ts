import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildReportCharts, type ReportChart } from '../../../src/reports/charts.js';
import { HEADINGS_VI } from '../../../src/reports/names.js';
import { renderReportDocx } from '../../../src/reports/render-docx.js';
import { renderReportHtml } from '../../../src/reports/render-html.js';
import { renderReportPdf } from '../../../src/reports/render-pdf.js';
import type { WeeklyReport } from '../../../src/reports/types.js';
import type { SqliteStore } from '../../../src/store/sqlite/index.js';
import { HOSTILE_TITLE, fixtureReport, pdfText } from './fixture.js';

const SECTION_HEADINGS = [HEADINGS_VI.summary, HEADINGS_VI.positiveStories, HEADINGS_VI.negativeStories, HEADINGS_VI.topics, HEADINGS_VI.provinces, HEADINGS_VI.emerging];

let store: SqliteStore;
let report: WeeklyReport;
let charts: ReportChart[];

beforeAll(async () => {
  ({ store, report, charts } = await fixtureReport());
}, 60_000);
afterAll(() => store.close());

describe('weekly report renderers', () => {
  it('PDF carries the Vietnamese headings, story titles and chart images with an embedded font', async () => {
    const pdf = await renderReportPdf(report, charts);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const text = await pdfText(pdf);
    for (const heading of [HEADINGS_VI.title.split(',')[0]!, ...SECTION_HEADINGS]) expect(text).toContain(heading);
    expect(text).toContain('Dự án đường sắt đô thị chậm tiến độ');
    expect(text).toContain('Tuần 48/2026');
    const raw = pdf.toString('latin1');
    expect(raw.match(/\/Subtype\s*\/Image/g)?.length ?? 0).toBeGreaterThanOrEqual(3);
    expect(raw).toContain('/FontFile2');
  }, 60_000);

  it('DOCX unzips to a document.xml with the headings, stories and three chart images', async () => {
    const zip = await JSZip.loadAsync(await renderReportDocx(report, charts));
    const xml = await zip.file('word/document.xml')!.async('string');
    for (const heading of SECTION_HEADINGS) expect(xml).toContain(heading);
    expect(xml).toContain('Giải ngân vốn đầu tư công vượt kế hoạch');
    expect(xml).not.toContain('<script>');
    const media = Object.keys(zip.files).filter((f) => f.startsWith('word/media/') && f.endsWith('.png'));
    expect(media.length).toBe(3);
    expect(xml.match(/<pic:pic/g)?.length ?? 0).toBe(3);
  }, 60_000);

  it('HTML inlines SVG charts and escapes crawled markup', () => {
    const html = renderReportHtml(report, charts);
    expect(html.match(/<svg[\s>]/g)?.length ?? 0).toBe(3);
    expect(html).not.toMatch(/<link|<script\b(?![^<]*&#)/i);
    expect(html).not.toContain('<script>alert');
    expect(html).not.toContain('<img src=x');
    expect(html).toContain('&#60;script&#62;alert(&#34;xss&#34;)&#60;/script&#62;');
    for (const heading of SECTION_HEADINGS) expect(html).toContain(heading);
    expect(report.topNegativeStories.some((s) => s.title === HOSTILE_TITLE)).toBe(true);
  });

  it('chart SVG stays inert when a label carries markup', async () => {
    const hostile: WeeklyReport = { ...report, provinces: [{ id: 'x', name: '<script>alert(1)</script>', items: 3, negative: 1 }] };
    const svg = buildReportCharts(hostile).find((c) => c.id === 'provinces')!.svg;
    expect(svg).not.toContain('<script');
  });
});
