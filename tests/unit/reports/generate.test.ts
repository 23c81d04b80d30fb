import { mkdtempSync, readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emailReport, loadReportMailConfig } from '../../../src/reports/email.js';
import { generateWeeklyReport, getReportFile, listReports, type GeneratedReport, type ReportsContext } from '../../../src/reports/generate.js';
import { scheduleWeeklyReports } from '../../../src/reports/schedule.js';
import { createServerReportsPort } from '../../../src/reports/server-port.js';
import type { SqliteStore } from '../../../src/store/sqlite/index.js';
import { FIXTURE_WEEK, fixtureStore } from './fixture.js';

let store: SqliteStore;
let ctx: ReportsContext;
let first: GeneratedReport;

beforeAll(async () => {
  ({ store } = await fixtureStore());
  ctx = { store, dataDir: mkdtempSync(join(tmpdir(), 'pulse-reports-')), configDir: 'config', forecasts: null, now: () => new Date('2026-11-30T00:30:00Z') };
  first = await generateWeeklyReport(ctx, FIXTURE_WEEK);
}, 120_000);
afterAll(() => store.close());

describe('generateWeeklyReport', () => {
  it('stores html, pdf, docx and metadata under <dataDir>/reports/<week>/', () => {
    expect(first.reused).toBe(false);
    expect(first.dir).toBe(join(ctx.dataDir, 'reports', FIXTURE_WEEK));
    expect(first.metadata).toMatchObject({ week: FIXTURE_WEEK, weekComplete: true, totalItems: 30 });
    expect(readFileSync(join(first.dir, 'report.pdf')).subarray(0, 5).toString()).toBe('%PDF-');
    expect(listReports(ctx.dataDir).map((m) => m.week)).toEqual([FIXTURE_WEEK]);
  });

  it('is idempotent per completed week and regenerates when forced', async () => {
    const again = await generateWeeklyReport(ctx, FIXTURE_WEEK);
    expect(again.reused).toBe(true);
    expect(again.metadata.files.pdf.sha256).toBe(first.metadata.files.pdf.sha256);
    const forced = await generateWeeklyReport(ctx, FIXTURE_WEEK, { force: true });
    expect(forced.reused).toBe(false);
  }, 120_000);

  it('regenerates a week that was generated before it ended', async () => {
    const early = { ...ctx, dataDir: mkdtempSync(join(tmpdir(), 'pulse-reports-')), now: () => new Date('2026-11-27T00:00:00Z') };
    const partial = await generateWeeklyReport(early, FIXTURE_WEEK);
    expect(partial.metadata.weekComplete).toBe(false);
    const later = await generateWeeklyReport({ ...early, now: () => new Date('2026-12-01T00:00:00Z') }, FIXTURE_WEEK);
    expect(later.reused).toBe(false);
    expect(later.metadata.weekComplete).toBe(true);
  }, 120_000);

  it('serves files by week and format and refuses anything else', async () => {
    expect(getReportFile(ctx.dataDir, FIXTURE_WEEK, 'docx')).toMatchObject({ filename: `bao-cao-tuan-${FIXTURE_WEEK}.docx` });
    expect(getReportFile(ctx.dataDir, '2026-W47', 'pdf')).toBeNull();
    expect(() => getReportFile(ctx.dataDir, '../../etc/passwd', 'pdf')).toThrow(/ISO week/);
    expect(() => getReportFile(ctx.dataDir, FIXTURE_WEEK, 'exe')).toThrow(/html, pdf, docx/);
    const port = createServerReportsPort(ctx);
    expect((await port.list({ limit: 10, offset: 0 })).reports[0]).toMatchObject({ id: FIXTURE_WEEK, formats: ['html', 'pdf', 'docx'] });
    expect(await port.open('..%2F..', 'pdf')).toBeNull();
    expect((await port.open(FIXTURE_WEEK, 'pdf'))?.contentType).toBe('application/pdf');
  });
});

describe('report email and schedule', () => {
  it('emails the report with PDF and DOCX attached to every recipient', async () => {
    const received: { to: string[]; body: string }[] = [];
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      onRcptTo(address, _session, cb) { cb(); void address; },
      onData(stream, session, cb) {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          received.push({ to: session.envelope.rcptTo.map((r) => r.address), body: Buffer.concat(chunks).toString('utf8') });
          cb();
        });
      },
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const port = (server.server.address() as AddressInfo).port;
      const config = loadReportMailConfig({ PULSE_REPORT_RECIPIENTS: 'lanhdao@bo.gov.vn, vanphong@bo.gov.vn', SMTP_HOST: '127.0.0.1', SMTP_PORT: String(port) });
      const id = await emailReport(first, { ...config, insecureTls: true });
      expect(id).toBeTruthy();
      expect(received).toHaveLength(1);
      expect(received[0]!.to).toEqual(['lanhdao@bo.gov.vn', 'vanphong@bo.gov.vn']);
      expect(received[0]!.body).toContain(`filename=bao-cao-tuan-${FIXTURE_WEEK}.pdf`);
      expect(received[0]!.body).toContain(`filename=bao-cao-tuan-${FIXTURE_WEEK}.docx`);
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  }, 60_000);

  it('rejects a bad recipient list by name', () => {
    expect(() => loadReportMailConfig({ PULSE_REPORT_RECIPIENTS: 'ok@x.vn, not-an-email' })).toThrow(/PULSE_REPORT_RECIPIENTS.*not-an-email/s);
  });

  it('runs on Monday 07:00 Asia/Ho_Chi_Minh and reports the last completed week', async () => {
    const schedule = scheduleWeeklyReports({ ...ctx, mail: null });
    try {
      const next = schedule.nextRun()!;
      const local = new Date(next.getTime() + 7 * 3_600_000);
      expect(local.getUTCDay()).toBe(1);
      expect(local.getUTCHours()).toBe(7);
      expect(local.getUTCMinutes()).toBe(0);
      const result = await schedule.runNow();
      expect(result.metadata.week).toBe(FIXTURE_WEEK);
    } finally {
      schedule.stop();
    }
  }, 120_000);
});
