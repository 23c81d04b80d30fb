/**
 * `pulse report --week 2026-W48`: generate (or reuse) one week's report and print where it is.
 */
import { loadEnv, type Env } from '../config/env.js';
import { openStore } from '../store/open-store.js';
import { emailReport, loadReportMailConfig } from './email.js';
import { generateWeeklyReport, type GeneratedReport } from './generate.js';
import { lastCompletedReportWeek } from './week.js';

/** Options of {@link runReportCommand}. */
export interface ReportCommandOptions {
  /** ISO week; defaults to the last completed week. */
  week?: string | undefined;
  /** Regenerate even when a complete report exists. */
  force?: boolean | undefined;
  /** Also email it to `PULSE_REPORT_RECIPIENTS`. */
  email?: boolean | undefined;
  env?: Env | undefined;
  /** Where to print (defaults to stdout). */
  print?: ((line: string) => void) | undefined;
}

/**
 * CLI action. Opens the configured store, generates the report, prints the file paths.
 *
 * @example
 * program.command('report').option('--week <id>').option('--force').option('--email')
 *   .action((o) => runReportCommand({ week: o.week, force: o.force, email: o.email }));
 */
export async function runReportCommand(options: ReportCommandOptions = {}): Promise<GeneratedReport> {
  const env = options.env ?? loadEnv();
  const print = options.print ?? ((line: string) => process.stdout.write(`${line}\n`));
  const week = options.week ?? lastCompletedReportWeek().id;
  const mail = options.email ? loadReportMailConfig() : null;
  const store = await openStore(env);
  try {
    const result = await generateWeeklyReport({ store, dataDir: env.PULSE_DATA_DIR, configDir: env.PULSE_CONFIG_DIR }, week, { force: options.force ?? false });
    const m = result.metadata;
    print(`${m.title}: ${m.totalItems} tin, ${result.reused ? 'đã có sẵn' : `tạo trong ${m.durationMs} ms`}`);
    for (const f of Object.values(m.files)) print(`  ${result.dir}/${f.file} (${f.bytes} bytes)`);
    if (mail) {
      const id = await emailReport(result, mail);
      print(id ? `  emailed to ${mail.recipients.length} recipient(s)` : '  no recipients configured (PULSE_REPORT_RECIPIENTS)');
    }
    return result;
  } finally {
    await store.close();
  }
}
