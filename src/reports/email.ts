/**
 * Emails a generated report (PDF and DOCX attached, HTML as the body) to the configured list
 * with nodemailer over SMTP. Settings come from environment variables, validated once.
 */
import { readFileSync } from 'node:fs';
import nodemailer from 'nodemailer';
import { z } from 'zod';
import type { GeneratedReport } from './generate.js';

/** SMTP and recipients, from `PULSE_REPORT_*` and `SMTP_*` variables. */
export const reportMailEnvSchema = z.object({
  /** Comma-separated recipients; unset or empty disables report email. */
  PULSE_REPORT_RECIPIENTS: z.string().default(''),
  /** Sender address. @defaultValue 'policy-pulse <no-reply@localhost>' */
  PULSE_REPORT_FROM: z.string().default('policy-pulse <no-reply@localhost>'),
  SMTP_HOST: z.string().default('127.0.0.1'),
  /** @defaultValue 587 */
  SMTP_PORT: z.coerce.number().int().min(1).max(65535).default(587),
  /** `true` for implicit TLS (port 465); STARTTLS is used when the server offers it otherwise. @defaultValue false */
  SMTP_SECURE: z.enum(['true', 'false']).default('false').transform((v) => v === 'true'),
  SMTP_USER: z.string().optional(),
  SMTP_PASSWORD: z.string().optional(),
});

/** Validated mail settings. */
export interface ReportMailConfig {
  recipients: string[];
  from: string;
  host: string;
  port: number;
  secure: boolean;
  auth?: { user: string; pass: string } | undefined;
  /** Skip certificate checks (tests with a local self-signed server only). @defaultValue false */
  insecureTls?: boolean;
}

/** Read mail settings from the environment; throws one error listing every bad variable and bad address. */
export function loadReportMailConfig(source: NodeJS.ProcessEnv = process.env): ReportMailConfig {
  const parsed = reportMailEnvSchema.safeParse(source);
  if (!parsed.success) {
    throw new Error(`Invalid report mail settings:\n${parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n')}`);
  }
  const env = parsed.data;
  const recipients = env.PULSE_REPORT_RECIPIENTS.split(',').map((s) => s.trim()).filter(Boolean);
  const bad = recipients.filter((r) => !z.email().safeParse(r).success);
  if (bad.length > 0) throw new Error(`Invalid report mail settings:\n  PULSE_REPORT_RECIPIENTS: not an email address: ${bad.join(', ')}`);
  return {
    recipients,
    from: env.PULSE_REPORT_FROM,
    host: env.SMTP_HOST,
    port: env.SMTP_PORT,
    secure: env.SMTP_SECURE,
    auth: env.SMTP_USER ? { user: env.SMTP_USER, pass: env.SMTP_PASSWORD ?? '' } : undefined,
  };
}

/**
 * Send the report to every recipient in one message. Returns the SMTP message id, or null
 * when no recipient is configured (nothing to do).
 */
export async function emailReport(report: GeneratedReport, config: ReportMailConfig): Promise<string | null> {
  if (config.recipients.length === 0) return null;
  const transport = nodemailer.createTransport({
    host: config.host,
    port: config.port,
    secure: config.secure,
    auth: config.auth,
    tls: config.insecureTls ? { rejectUnauthorized: false } : undefined,
  });
  try {
    const m = report.metadata;
    const file = (format: 'html' | 'pdf' | 'docx') => readFileSync(`${report.dir}/${m.files[format].file}`);
    const info = await transport.sendMail({
      from: config.from,
      to: config.recipients,
      subject: m.title,
      text: `${m.title}\nTổng số tin: ${m.totalItems}. Báo cáo đầy đủ trong tệp đính kèm (PDF, DOCX).`,
      html: file('html'),
      attachments: [
        { filename: `bao-cao-tuan-${m.week}.pdf`, content: file('pdf'), contentType: 'application/pdf' },
        { filename: `bao-cao-tuan-${m.week}.docx`, content: file('docx'), contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' },
      ],
    });
    return info.messageId;
  } finally {
    transport.close();
  }
}
