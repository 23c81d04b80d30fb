/**
 * Adapter from the report store on disk to the HTTP server's `ReportsPort`
 * (src/server/ports.ts): list, open (download) and generate.
 */
import { readFileSync } from 'node:fs';
import type { ReportFormat as ServerReportFormat, ReportMeta, ReportsPort as ServerReportsPort } from '../server/ports.js';
import { generateWeeklyReport, getReportFile, listReports, REPORT_FORMATS, type ReportMetadata, type ReportsContext } from './generate.js';

function toMeta(m: ReportMetadata): ReportMeta {
  return { id: m.week, week: m.week, createdAt: m.generatedAt, formats: REPORT_FORMATS.filter((f) => m.files[f] !== undefined) };
}

/**
 * The server's reports port over `<dataDir>/reports`. Report ids are ISO weeks; `open` of an id
 * that is not a valid week answers null (404), never a path outside the reports folder.
 *
 * @example
 * createServer({ ...deps, reports: createServerReportsPort({ store, dataDir: env.PULSE_DATA_DIR }) });
 */
export function createServerReportsPort(ctx: ReportsContext): ServerReportsPort {
  return {
    async list({ limit, offset }) {
      const all = listReports(ctx.dataDir);
      return { total: all.length, reports: all.slice(offset, offset + limit).map(toMeta) };
    },
    async open(id: string, format: ServerReportFormat) {
      let file;
      try {
        file = getReportFile(ctx.dataDir, id, format);
      } catch {
        return null;
      }
      return file ? { body: readFileSync(file.path), contentType: file.contentType, filename: file.filename } : null;
    },
    async generate(week: string) {
      return toMeta((await generateWeeklyReport(ctx, week, { force: true })).metadata);
    },
  };
}
