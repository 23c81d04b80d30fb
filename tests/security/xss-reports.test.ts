/**
 * The weekly report carries a crawled title with `<script>` and `<img onerror>` payloads (the
 * reports fixture puts it among the top negative stories). In every format it must be present
 * *as text*: escaped in HTML (tests/unit/reports covers that), an escaped XML text run in DOCX,
 * literal glyphs in PDF — and never as markup.
 */
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReportChart } from '../../src/reports/charts.js';
import { renderReportDocx } from '../../src/reports/render-docx.js';
import { renderReportHtml } from '../../src/reports/render-html.js';
import { renderReportPdf } from '../../src/reports/render-pdf.js';
import type { WeeklyReport } from '../../src/reports/types.js';
import type { SqliteStore } from '../../src/store/sqlite/index.js';
import { HOSTILE_TITLE, fixtureReport, pdfText } from '../unit/reports/fixture.js';

let store: SqliteStore;
let report: WeeklyReport;
let charts: ReportChart[];

beforeAll(async () => {
  ({ store, report, charts } = await fixtureReport());
}, 60_000);
afterAll(() => store.close());

const escapeXml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

describe('crawled payloads in the weekly report', () => {
  it('the hostile title is in the report model (so the checks below are not vacuous)', () => {
    expect(report.topNegativeStories.map((s) => s.title)).toContain(HOSTILE_TITLE);
  });

  it('HTML: no element or attribute from the payload, the title readable once unescaped', () => {
    const html = renderReportHtml(report, charts);
    // Payload words may appear as text; as markup they would need a raw `<` before them.
    expect(html).not.toMatch(/<script>alert|<img src=x|<[^>]*\sonerror=/i);
    const decoded = html.replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n))).replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');
    expect(decoded).toContain(HOSTILE_TITLE);
  });

  it('DOCX: the title is an escaped text run in word/document.xml, never markup', async () => {
    const zip = await JSZip.loadAsync(await renderReportDocx(report, charts));
    const xml = await zip.file('word/document.xml')!.async('string');
    // Text runs may split a string; join them to read the document's text.
    const text = [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
    expect(text).toContain(escapeXml('Tin giả <script>alert('));
    const decoded = text.replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
    expect(decoded).toContain(HOSTILE_TITLE);
    expect(xml).not.toMatch(/<script|<img\b|<[^>]*\sonerror=/);
    for (const name of Object.keys(zip.files).filter((f) => f.endsWith('.xml') || f.endsWith('.rels'))) {
      expect(await zip.file(name)!.async('string'), name).not.toMatch(/<script|javascript:/i);
    }
  }, 60_000);

  it('PDF: the title is drawn as literal text; no JavaScript or launch actions in the file', async () => {
    const pdf = await renderReportPdf(report, charts);
    const text = (await pdfText(pdf)).replace(/\s+/g, ' ');
    expect(text).toContain('<script>alert("xss")</script>');
    const raw = pdf.toString('latin1');
    expect(raw).not.toMatch(/\/JavaScript|\/JS\s|\/Launch|\/OpenAction/);
  }, 60_000);
});
