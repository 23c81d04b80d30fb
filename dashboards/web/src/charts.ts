import { BarChart, LineChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { formatTime, t } from './i18n.js';

echarts.use([BarChart, LineChart, PieChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

/** Sentiment colours, used consistently in charts and badges. */
export const SENTIMENT_COLORS: Record<string, string> = { positive: '#2e7d32', negative: '#c62828', neutral: '#78909c', unlabelled: '#cfd8dc' };
/** A concrete font stack: ECharts measures legend text with it, so it must match what is drawn. */
const FONT = '"Segoe UI", Roboto, "Noto Sans", Arial, sans-serif';
const PALETTE = ['#1565c0', '#ef6c00', '#6a1b9a', '#00838f', '#ad1457', '#558b2f', '#4e342e', '#283593'];

const live = new Set<echarts.ECharts>();
window.addEventListener('resize', () => live.forEach((c) => c.resize()));

/** Dispose charts of the previous view. */
export function disposeCharts(): void {
  live.forEach((c) => c.dispose());
  live.clear();
}

function chart(el: HTMLElement, option: echarts.EChartsCoreOption): echarts.ECharts {
  // SVG output: crisp on any screen, and the same renderer the reports use on the server.
  const c = echarts.init(el, null, { renderer: 'svg' });
  c.setOption({ textStyle: { fontFamily: FONT }, color: PALETTE, animationDuration: 300, ...option });
  live.add(c);
  return c;
}

const dayLabel = (iso: string) => formatTime(iso, false).slice(0, 5);

/** Distinct sorted buckets of a series. */
export function bucketsOf(points: { bucket: string }[]): string[] {
  return [...new Set(points.map((p) => p.bucket))].sort();
}

/** Series of counts per key aligned on the buckets. */
export function alignByKey(points: { bucket: string; key: string; count: number }[], buckets: string[], keys: string[]): Record<string, number[]> {
  const index = new Map(buckets.map((b, i) => [b, i]));
  const out: Record<string, number[]> = {};
  for (const k of keys) out[k] = buckets.map(() => 0);
  for (const p of points) {
    const i = index.get(p.bucket);
    const row = out[p.key];
    if (i !== undefined && row) row[i] = (row[i] ?? 0) + p.count;
  }
  return out;
}

/** Stacked bars per day by sentiment. */
export function sentimentBars(el: HTMLElement, points: { bucket: string; key: string; count: number }[]): void {
  const buckets = bucketsOf(points);
  const keys = ['negative', 'neutral', 'positive', 'unlabelled'].filter((k) => points.some((p) => p.key === k));
  const rows = alignByKey(points, buckets, keys);
  chart(el, {
    tooltip: { trigger: 'axis' },
    legend: { bottom: 0, itemGap: 16 },
    grid: { left: 40, right: 16, top: 16, bottom: 56 },
    xAxis: { type: 'category', data: buckets.map(dayLabel) },
    yAxis: { type: 'value', minInterval: 1 },
    series: keys.map((k) => ({ name: t(k), type: 'bar', stack: 'all', data: rows[k], itemStyle: { color: SENTIMENT_COLORS[k] }, barMaxWidth: 28 })),
  });
}

/** Donut of sentiment totals. */
export function sentimentDonut(el: HTMLElement, totals: Record<string, number>): void {
  const data = Object.entries(totals).filter(([, v]) => v > 0).map(([k, v]) => ({ name: t(k), value: v, itemStyle: { color: SENTIMENT_COLORS[k] ?? '#999' } }));
  chart(el, {
    tooltip: { trigger: 'item', formatter: '{b}: {c} ({d}%)' },
    legend: { bottom: 0 },
    series: [{ type: 'pie', radius: ['42%', '74%'], center: ['50%', '45%'], label: { position: 'inside', color: '#fff', fontWeight: 600, formatter: (p: { percent?: number }) => `${Math.round(p.percent ?? 0)}%` }, data }],
  });
}

/** Lines per key (e.g. topics) over the buckets. */
export function keyLines(el: HTMLElement, points: { bucket: string; key: string; count: number }[], keys: string[], nameOf: (k: string) => string): void {
  const buckets = bucketsOf(points);
  const rows = alignByKey(points, buckets, keys);
  chart(el, {
    tooltip: { trigger: 'axis' },
    legend: { bottom: 0, type: 'scroll' },
    grid: { left: 40, right: 16, top: 16, bottom: 56 },
    xAxis: { type: 'category', data: buckets.map(dayLabel), boundaryGap: false },
    yAxis: { type: 'value', minInterval: 1 },
    series: keys.map((k) => ({ name: nameOf(k), type: 'line', showSymbol: false, lineStyle: { width: 2 }, data: rows[k] })),
  });
}

/** Horizontal bars, largest on top. */
export function rankBars(el: HTMLElement, rows: { name: string; value: number }[]): void {
  const sorted = [...rows].sort((a, b) => a.value - b.value);
  chart(el, {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', data: sorted.map((r) => r.name), axisLabel: { width: 140, overflow: 'truncate' } },
    series: [{ type: 'bar', data: sorted.map((r) => r.value), itemStyle: { color: '#1565c0' }, barMaxWidth: 18 }],
  });
}

/** Actual vs forecast with a shaded prediction interval (stacked lower + band). */
export function forecastChart(el: HTMLElement, points: { bucket: string; actual: number | null; forecast: number | null; lower: number | null; upper: number | null }[]): void {
  const labels = points.map((p) => dayLabel(p.bucket));
  chart(el, {
    tooltip: { trigger: 'axis' },
    legend: { bottom: 0, data: [t('actual'), t('predicted'), t('forecastInterval')] },
    grid: { left: 40, right: 16, top: 16, bottom: 56 },
    xAxis: { type: 'category', data: labels, boundaryGap: false },
    yAxis: { type: 'value' },
    series: [
      { name: 'lower', type: 'line', stack: 'band', data: points.map((p) => p.lower), lineStyle: { opacity: 0 }, symbol: 'none', tooltip: { show: false } },
      { name: t('forecastInterval'), type: 'line', stack: 'band', data: points.map((p) => (p.upper !== null && p.lower !== null ? p.upper - p.lower : null)), lineStyle: { opacity: 0 }, itemStyle: { color: 'rgba(198,40,40,0.35)' }, areaStyle: { color: 'rgba(198,40,40,0.15)' }, symbol: 'none' },
      { name: t('actual'), type: 'line', data: points.map((p) => p.actual), itemStyle: { color: '#263238' }, symbolSize: 4 },
      { name: t('predicted'), type: 'line', data: points.map((p) => p.forecast), lineStyle: { type: 'dashed' }, itemStyle: { color: SENTIMENT_COLORS.negative }, symbol: 'none' },
    ],
  });
}
