/**
 * Generates, stores and serves weekly reports: `<dataDir>/reports/<week>/report.{html,pdf,docx}`
 * plus `metadata.json`. Generation is idempotent per week: a complete week already on disk is
 * served as is (unless forced); a week generated before it ended is regenerated.
 */
import { createHash, randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Store } from '../store/store.js';
import { buildReportCharts } from './charts.js';
import { createStoreForecaster } from './forecast.js';
import { buildWeeklyReport, type ReportAlertsSource, type ReportEmergingSource, type ReportForecastSource } from './model.js';
import { loadTopicNames } from './names.js';
import { renderReportDocx } from './render-docx.js';
import { renderReportHtml } from './render-html.js';
import { renderReportPdf } from './render-pdf.js';
import { parseReportWeek } from './week.js';

/** Output formats. */
export const REPORT_FORMATS = ['html', 'pdf', 'docx'] as const;
/** One output format. */
export type ReportFormat = (typeof REPORT_FORMATS)[number];

const CONTENT_TYPES: Record<ReportFormat, string> = {
  html: 'text/html; charset=utf-8',
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

/** What report generation needs. */
export interface ReportsContext {
  store: Store;
  /** `PULSE_DATA_DIR`; reports go to `<dataDir>/reports/`. */
  dataDir: string;
  /** `PULSE_CONFIG_DIR`, for topic names. @defaultValue 'config' */
  configDir?: string | undefined;
  alerts?: ReportAlertsSource | undefined;
  /** @defaultValue {@link createStoreForecaster} on the store */
  forecasts?: ReportForecastSource | null | undefined;
  emerging?: ReportEmergingSource | undefined;
  now?: (() => Date) | undefined;
}

/** `metadata.json` of a stored report. */
export interface ReportMetadata {
  version: 1;
  week: string;
  labelVi: string;
  title: string;
  generatedAt: string;
  weekComplete: boolean;
  totalItems: number;
  negativeShare: number | null;
  durationMs: number;
  files: Record<ReportFormat, { file: string; bytes: number; sha256: string }>;
}

/** Result of {@link generateWeeklyReport}. */
export interface GeneratedReport {
  metadata: ReportMetadata;
  dir: string;
  /** True when an existing complete report was returned without regenerating. */
  reused: boolean;
}

/** A stored report file, ready to stream. */
export interface ReportFile {
  path: string;
  contentType: string;
  /** Download name, e.g. `bao-cao-tuan-2026-W48.pdf`. */
  filename: string;
  bytes: number;
}

const inFlight = new Map<string, Promise<GeneratedReport>>();

/**
 * Build, render and store the report of `week`. Concurrent calls for the same week share one run.
 *
 * @example
 * const { metadata } = await generateWeeklyReport({ store, dataDir: 'data' }, '2026-W48');
 */
export function generateWeeklyReport(ctx: ReportsContext, week: string, options: { force?: boolean } = {}): Promise<GeneratedReport> {
  const id = parseReportWeek(week).id;
  const key = `${reportsRoot(ctx.dataDir)}\u0000${id}`;
  const running = inFlight.get(key);
  if (running) return running;
  const run = generate(ctx, id, options.force ?? false).finally(() => inFlight.delete(key));
  inFlight.set(key, run);
  return run;
}

async function generate(ctx: ReportsContext, week: string, force: boolean): Promise<GeneratedReport> {
  const dir = join(reportsRoot(ctx.dataDir), week);
  const existing = readMetadata(dir);
  if (existing && existing.weekComplete && !force && REPORT_FORMATS.every((f) => existsSync(join(dir, existing.files[f].file)))) {
    return { metadata: existing, dir, reused: true };
  }
  const started = performance.now();
  const report = await buildWeeklyReport(
    {
      store: ctx.store,
      alerts: ctx.alerts,
      forecasts: ctx.forecasts === undefined ? createStoreForecaster(ctx.store) : (ctx.forecasts ?? undefined),
      emerging: ctx.emerging,
      topicNames: loadTopicNames(ctx.configDir ?? 'config'),
      now: ctx.now,
    },
    week,
  );
  const charts = buildReportCharts(report);
  const outputs: Record<ReportFormat, Buffer> = {
    html: Buffer.from(renderReportHtml(report, charts), 'utf8'),
    pdf: await renderReportPdf(report, charts),
    docx: await renderReportDocx(report, charts),
  };
  // Write beside the final files and rename, so a reader never sees half a file and a crash
  // leaves the previous complete report (metadata is written last).
  mkdirSync(dir, { recursive: true });
  const files = {} as ReportMetadata['files'];
  for (const format of REPORT_FORMATS) {
    const file = `report.${format}`;
    const tmp = join(dir, `.${file}.${randomUUID()}.tmp`);
    writeFileSync(tmp, outputs[format]);
    renameSync(tmp, join(dir, file));
    files[format] = { file, bytes: outputs[format].length, sha256: createHash('sha256').update(outputs[format]).digest('hex') };
  }
  const metadata: ReportMetadata = {
    version: 1,
    week,
    labelVi: report.week.labelVi,
    title: report.title,
    generatedAt: report.generatedAt,
    weekComplete: report.weekComplete,
    totalItems: report.summary.totalItems,
    negativeShare: report.summary.negativeShare,
    durationMs: Math.round(performance.now() - started),
    files,
  };
  const tmp = join(dir, `.metadata.${randomUUID()}.tmp`);
  writeFileSync(tmp, JSON.stringify(metadata, null, 2));
  renameSync(tmp, join(dir, 'metadata.json'));
  writeFileSync(join(dir, 'report.json'), JSON.stringify(report, null, 2));
  return { metadata, dir, reused: false };
}

/** Stored reports, newest week first. Folders without readable metadata are skipped (half-written runs). */
export function listReports(dataDir: string): ReportMetadata[] {
  const root = reportsRoot(dataDir);
  if (!existsSync(root)) return [];
  return readdirSync(root)
    .filter((name) => /^\d{4}-W\d{2}$/.test(name))
    .map((name) => readMetadata(join(root, name)))
    .filter((m): m is ReportMetadata => m !== null)
    .sort((a, b) => (a.week < b.week ? 1 : -1));
}

/**
 * A stored file of a report, or null when that week has none. Throws on a malformed week or
 * format (the id is validated, so it can never name a path outside the reports folder).
 */
export function getReportFile(dataDir: string, week: string, format: string): ReportFile | null {
  const id = parseReportWeek(week).id;
  if (!(REPORT_FORMATS as readonly string[]).includes(format)) {
    throw new Error(`Report format ${JSON.stringify(format)}: expected one of ${REPORT_FORMATS.join(', ')}`);
  }
  const path = join(reportsRoot(dataDir), id, `report.${format}`);
  if (!existsSync(path)) return null;
  return { path, contentType: CONTENT_TYPES[format as ReportFormat], filename: `bao-cao-tuan-${id}.${format}`, bytes: statSync(path).size };
}

/** The port the HTTP API and CLI use. */
export interface ReportsPort {
  listReports(): Promise<ReportMetadata[]>;
  getReportFile(week: string, format: string): Promise<ReportFile | null>;
  generate(week: string, options?: { force?: boolean }): Promise<GeneratedReport>;
}

/** Bind the report functions to one context. */
export function createReportsService(ctx: ReportsContext): ReportsPort {
  return {
    listReports: async () => listReports(ctx.dataDir),
    getReportFile: async (week, format) => getReportFile(ctx.dataDir, week, format),
    generate: (week, options) => generateWeeklyReport(ctx, week, options),
  };
}

function reportsRoot(dataDir: string): string {
  return join(dataDir, 'reports');
}

function readMetadata(dir: string): ReportMetadata | null {
  const file = join(dir, 'metadata.json');
  if (!existsSync(file)) return null;
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as ReportMetadata;
  } catch {
    // A metadata file that cannot be parsed is treated as no report: regenerating replaces it.
    rmSync(file, { force: true });
    return null;
  }
}
