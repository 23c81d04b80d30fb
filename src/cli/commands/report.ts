import type { Command } from 'commander';
import { runReportCommand } from '../../reports/cli.js';

/** `pulse report [--week 2026-W48] [--force] [--email]`: the weekly leadership report on demand. */
export function registerReport(program: Command): void {
  program
    .command('report')
    .description('báo cáo tuần cho lãnh đạo / weekly leadership report (HTML, PDF, DOCX)')
    .option('--week <id>', 'ISO week, e.g. 2026-W48 (default: the last completed week)')
    .option('--force', 'regenerate even when the report exists')
    .option('--email', 'also email it to PULSE_REPORT_RECIPIENTS')
    .action(async (o: { week?: string; force?: boolean; email?: boolean }) => {
      await runReportCommand({ week: o.week, force: o.force, email: o.email });
    });
}
