/**
 * The Monday-morning job: every Monday 07:00 Asia/Ho_Chi_Minh, generate last week's report and
 * email it. Uses croner (time-zone aware, no overlapping runs).
 */
import { Cron } from 'croner';
import type { Logger } from '../core/logger.js';
import { emailReport, type ReportMailConfig } from './email.js';
import { generateWeeklyReport, type GeneratedReport, type ReportsContext } from './generate.js';
import { lastCompletedReportWeek, REPORT_TIME_ZONE } from './week.js';

/** Cron pattern of the weekly run: minute 0, hour 7, Mondays. */
export const WEEKLY_REPORT_CRON = '0 7 * * 1';

/** What the scheduler needs. */
export interface ReportScheduleContext extends ReportsContext {
  /** Mail settings; null disables email. */
  mail?: ReportMailConfig | null | undefined;
  logger?: Pick<Logger, 'info' | 'error'> | undefined;
}

/** Handle of a running schedule. */
export interface ReportSchedule {
  /** Next run time, or null when stopped. */
  nextRun(): Date | null;
  /** Run now (as the cron would) and resolve with the result. */
  runNow(): Promise<GeneratedReport>;
  stop(): void;
}

/**
 * Start the weekly schedule. Failures are logged and do not stop later runs.
 *
 * @example
 * const schedule = scheduleWeeklyReports({ store, dataDir: env.PULSE_DATA_DIR, mail: loadReportMailConfig(), logger });
 */
export function scheduleWeeklyReports(ctx: ReportScheduleContext): ReportSchedule {
  const runOnce = async (): Promise<GeneratedReport> => {
    const now = (ctx.now ?? (() => new Date()))();
    const week = lastCompletedReportWeek(now).id;
    const result = await generateWeeklyReport(ctx, week);
    ctx.logger?.info({ week, reused: result.reused, durationMs: result.metadata.durationMs }, 'weekly report ready');
    if (ctx.mail && ctx.mail.recipients.length > 0) {
      const messageId = await emailReport(result, ctx.mail);
      ctx.logger?.info({ week, recipients: ctx.mail.recipients.length, messageId }, 'weekly report emailed');
    }
    return result;
  };
  const job = new Cron(WEEKLY_REPORT_CRON, { timezone: REPORT_TIME_ZONE, protect: true, name: 'weekly-report' }, async () => {
    try {
      await runOnce();
    } catch (error) {
      ctx.logger?.error({ err: error }, 'weekly report failed');
    }
  });
  return {
    nextRun: () => job.nextRun(),
    runNow: runOnce,
    stop: () => job.stop(),
  };
}
