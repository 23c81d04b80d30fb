/** Weekly leadership report: model, renderers, storage, schedule, email, CLI. */
export { buildWeeklyReport, type WeeklyReportDeps, type ReportAlertsSource, type ReportForecastSource, type ReportEmergingSource } from './model.js';
export { generateWeeklyReport, listReports, getReportFile, createReportsService, REPORT_FORMATS, type ReportsPort, type ReportsContext, type ReportMetadata, type ReportFile, type ReportFormat, type GeneratedReport } from './generate.js';
export { scheduleWeeklyReports, WEEKLY_REPORT_CRON, type ReportSchedule, type ReportScheduleContext } from './schedule.js';
export { emailReport, loadReportMailConfig, type ReportMailConfig } from './email.js';
export { runReportCommand, type ReportCommandOptions } from './cli.js';
export { createStoreForecaster } from './forecast.js';
export { renderReportHtml, escapeHtml } from './render-html.js';
export { renderReportPdf } from './render-pdf.js';
export { renderReportDocx } from './render-docx.js';
export { buildReportCharts, type ReportChart } from './charts.js';
export { parseReportWeek, lastCompletedReportWeek, type ReportWeek } from './week.js';
export type * from './types.js';
export { createServerReportsPort } from './server-port.js';
