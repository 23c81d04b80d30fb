import Database from 'better-sqlite3';
import { Queue, Worker } from 'bullmq';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createChannels } from '../src/alerts/channels/index.js';
import { loadAlertsConfig } from '../src/alerts/rules-schema.js';
import { createSqliteAlertRepository, createSqliteDeliveryLog, createSqliteDetectorStateRepository, ensureAlertTables } from '../src/alerts/sqlite/alert-tables.js';
import type { AppContext } from '../src/app/context.js';
import { loadReportMailConfig } from '../src/reports/email.js';
import { scheduleWeeklyReports } from '../src/reports/schedule.js';
import { runTrendsTick, type TrendsTickResult } from '../src/trends/tick.js';
import { closeWorkerConnection, workerOptions } from './worker-options.js';

/**
 * Where alert state lives: the SQLite file at `PULSE_SQLITE_PATH`, in both store modes (with
 * Elasticsearch it holds only alerts and users), so the server role reads the same alerts.
 */
export function alertsDatabasePath(ctx: Pick<AppContext, 'env'>): string {
  return ctx.env.PULSE_SQLITE_PATH;
}

/** Options of the trends role. */
export interface TrendsRoleOptions {
  /** Tick period. @defaultValue 300000 (5 minutes) */
  everyMs?: number;
}

/**
 * Start the `trends` role (and the weekly report schedule): a BullMQ job scheduler queues one tick every period (one per period
 * however many processes run the role) and this worker runs {@link runTrendsTick}: series,
 * spike detection, forecasts, alerts and their delivery.
 */
export async function startTrendsWorker(ctx: AppContext, opts: TrendsRoleOptions = {}) {
  const file = alertsDatabasePath(ctx);
  mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('busy_timeout = 5000');
  ensureAlertTables(db);
  const config = loadAlertsConfig(join(ctx.env.PULSE_CONFIG_DIR, 'alerts.yaml'));
  const deps = {
    store: ctx.store,
    config,
    states: createSqliteDetectorStateRepository(db),
    alerts: createSqliteAlertRepository(db),
    deliveryLog: createSqliteDeliveryLog(db),
    // A channel without its secret must not stop monitoring: alerts are stored and shown, and
    // each delivery to it is logged as failed with the variable to set.
    channels: createChannels(config.channels, process.env, {
      onMissingSecret: 'unconfigured',
      warn: (id, message) => ctx.logger.warn({ channel: id }, `alert channel not configured: ${message}`),
    }),
    logger: ctx.logger,
  };
  const queue = new Queue('trends', { connection: ctx.redis, prefix: ctx.queuePrefix });
  await queue.upsertJobScheduler('trends-tick', { every: opts.everyMs ?? 300_000 }, { name: 'tick', opts: { removeOnComplete: { count: 500 }, removeOnFail: { count: 5000 } } });
  const options = workerOptions(ctx, 1);
  const worker = new Worker<unknown, Pick<TrendsTickResult, 'processedUpTo' | 'opened' | 'resolved'>>(
    'trends',
    async () => {
      const res = await runTrendsTick(deps, new Date());
      if (res.opened.length || res.resolved.length || res.warnings.length) ctx.logger.info({ opened: res.opened, resolved: res.resolved, warnings: res.warnings }, 'trends tick');
      return { processedUpTo: res.processedUpTo, opened: res.opened, resolved: res.resolved };
    },
    options,
  );
  worker.on('failed', (_job, err) => ctx.logger.warn({ err: err.message }, 'trends tick failed'));
  // The Monday 07:00 (Asia/Ho_Chi_Minh) leadership report runs beside the trends it summarises.
  const reports = scheduleWeeklyReports({
    store: ctx.store,
    dataDir: ctx.env.PULSE_DATA_DIR,
    configDir: ctx.env.PULSE_CONFIG_DIR,
    mail: process.env.PULSE_REPORT_RECIPIENTS ? loadReportMailConfig() : null,
    logger: ctx.logger,
  });
  return {
    worker,
    async close() {
      reports.stop();
      await worker.close();
      closeWorkerConnection(options);
      await queue.close();
      db.close();
    },
  };
}
