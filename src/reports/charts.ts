/**
 * Report charts rendered on the server: ECharts in SSR mode to SVG (inlined in HTML), and the
 * same SVG rasterised to PNG with resvg (for DOCX and PDF), using the bundled DejaVu font so
 * Vietnamese diacritics render identically everywhere.
 */
import { Resvg } from '@resvg/resvg-js';
import * as echarts from 'echarts';
import { REPORT_FONT_FAMILY, reportFontFiles } from './fonts.js';
import { SENTIMENT_VI } from './names.js';
import type { WeeklyReport } from './types.js';

/** One chart in both forms. */
export interface ReportChart {
  id: 'daily' | 'topics' | 'provinces';
  title: string;
  svg: string;
  /** Rasterised at 2× for print. */
  png: Buffer;
  width: number;
  height: number;
}

const COLORS = { positive: '#2e7d32', negative: '#c62828', neutral: '#90a4ae', unlabelled: '#d7ccc8', previous: '#b0bec5', current: '#1f4e79' };

/** Render an ECharts option to an SVG string (server side, no DOM). */
export function renderSvg(option: echarts.EChartsOption, width: number, height: number): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption({ animation: false, textStyle: { fontFamily: REPORT_FONT_FAMILY }, ...option });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

/** Rasterise an SVG with the bundled fonts only (no system fonts: output must not depend on the host). */
export function svgToPng(svg: string, scale = 2): Buffer {
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'zoom', value: scale },
    background: '#ffffff',
    font: { fontFiles: reportFontFiles(), loadSystemFonts: false, defaultFontFamily: REPORT_FONT_FAMILY },
  });
  return resvg.render().asPng();
}

/** Chart text comes from labels and crawled entity names: keep it short and plain. */
function chartLabel(text: string, max = 28): string {
  const clean = text.normalize('NFC').replace(/[\u0000-\u001f<>]/g, ' ').trim();
  return clean.length > max ? `${clean.slice(0, max - 1)}…` : clean;
}

/** The three report charts. */
export function buildReportCharts(report: WeeklyReport): ReportChart[] {
  const charts: Omit<ReportChart, 'png'>[] = [dailyChart(report), topicChart(report), provinceChart(report)];
  return charts.map((c) => ({ ...c, png: svgToPng(c.svg) }));
}

function dailyChart(r: WeeklyReport): Omit<ReportChart, 'png'> {
  const width = 720;
  const height = 300;
  const days = r.daily.map((d) => `${d.date.slice(8, 10)}/${d.date.slice(5, 7)}`);
  const series = (['negative', 'neutral', 'positive', 'unlabelled'] as const).map((key) => ({
    name: SENTIMENT_VI[key],
    type: 'bar' as const,
    stack: 'all',
    itemStyle: { color: COLORS[key] },
    data: r.daily.map((d) => d[key]),
  }));
  const svg = renderSvg(
    {
      grid: { left: 56, right: 16, top: 40, bottom: 32 },
      legend: { top: 4, textStyle: { fontSize: 12 } },
      xAxis: { type: 'category', data: days, axisLabel: { fontSize: 12 } },
      yAxis: { type: 'value', name: 'Số tin', nameTextStyle: { fontSize: 11 }, axisLabel: { fontSize: 11 } },
      series,
    },
    width,
    height,
  );
  return { id: 'daily', title: 'Số tin theo ngày và sắc thái', svg, width, height };
}

function topicChart(r: WeeklyReport): Omit<ReportChart, 'png'> {
  const rows = r.topics.slice(0, 10).reverse();
  const width = 720;
  const height = Math.max(160, 60 + rows.length * 30);
  const svg = renderSvg(
    {
      grid: { left: 230, right: 40, top: 36, bottom: 24 },
      legend: { top: 4, textStyle: { fontSize: 12 } },
      xAxis: { type: 'value', axisLabel: { fontSize: 11 } },
      yAxis: { type: 'category', data: rows.map((t) => chartLabel(t.name, 34)), axisLabel: { fontSize: 11 } },
      series: [
        { name: 'Tuần trước', type: 'bar', itemStyle: { color: COLORS.previous }, data: rows.map((t) => t.previousItems) },
        { name: 'Tuần này', type: 'bar', itemStyle: { color: COLORS.current }, data: rows.map((t) => t.items), label: { show: true, position: 'right', fontSize: 10 } },
      ],
    },
    width,
    height,
  );
  return { id: 'topics', title: 'Số tin theo lĩnh vực (so với tuần trước)', svg, width, height };
}

function provinceChart(r: WeeklyReport): Omit<ReportChart, 'png'> {
  const rows = r.provinces.slice(0, 10).reverse();
  const width = 720;
  const height = Math.max(160, 60 + rows.length * 26);
  const svg = renderSvg(
    {
      grid: { left: 150, right: 40, top: 36, bottom: 24 },
      legend: { top: 4, textStyle: { fontSize: 12 } },
      xAxis: { type: 'value', axisLabel: { fontSize: 11 } },
      yAxis: { type: 'category', data: rows.map((p) => chartLabel(p.name)), axisLabel: { fontSize: 11 } },
      series: [
        { name: 'Tin tiêu cực', type: 'bar', stack: 'p', itemStyle: { color: COLORS.negative }, data: rows.map((p) => p.negative) },
        { name: 'Tin khác', type: 'bar', stack: 'p', itemStyle: { color: COLORS.neutral }, data: rows.map((p) => p.items - p.negative) },
      ],
    },
    width,
    height,
  );
  return { id: 'provinces', title: 'Địa phương được nhắc đến nhiều nhất', svg, width, height };
}
