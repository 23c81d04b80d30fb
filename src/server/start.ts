import Database from 'better-sqlite3';
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../app/context.js';
import { createSqliteAlertRepository } from '../alerts/sqlite/alert-tables.js';
import { createServerReportsPort } from '../reports/server-port.js';
import { createAlertsPort } from './alerts-adapter.js';
import { createServer } from './app.js';
import { createSqliteUserRepository } from './auth/sqlite-users.js';
import type { UserRepository } from './auth/types.js';
import { ensureAdmin } from './bootstrap-admin.js';
import type { AlertsPort, ReportsPort } from './ports.js';
import { ensureWebAssets } from './web-assets.js';

/** A listening server role. */
export interface RunningServer {
  app: FastifyInstance;
  /** Base URL, e.g. `http://127.0.0.1:8080`. */
  url: string;
  users: UserRepository;
  close(): Promise<void>;
}

/** Engines behind the alert and report routes; `null` turns a part off (routes answer 503). */
export interface StartServerOptions {
  /** @defaultValue the alerts engine's SQLite repository in `PULSE_SQLITE_PATH` */
  alerts?: AlertsPort | null;
  /** @defaultValue reports under `<PULSE_DATA_DIR>/reports` */
  reports?: ReportsPort | null;
  /** Override the users database (default: the SQLite file at `PULSE_SQLITE_PATH`). */
  users?: UserRepository;
}

/**
 * The `server` role: open the users tables (same SQLite file as the store), make sure an admin
 * exists (or refuse to start beyond localhost), build the dashboard if missing, listen on
 * `HOST:PORT`.
 * @example
 * const server = await startServer(ctx);
 * // … on shutdown
 * await server.close();
 */
export async function startServer(ctx: AppContext, opts: StartServerOptions = {}): Promise<RunningServer> {
  const users = opts.users ?? createSqliteUserRepository({ path: ctx.env.PULSE_SQLITE_PATH });
  // The alerts engine keeps its tables in the same SQLite file; its own connection, WAL mode.
  const alertsDb = opts.alerts === undefined ? new Database(ctx.env.PULSE_SQLITE_PATH) : null;
  alertsDb?.pragma('busy_timeout = 5000');
  const alerts = opts.alerts === undefined ? createAlertsPort(createSqliteAlertRepository(alertsDb as Database.Database), { store: ctx.store }) : opts.alerts;
  const reports = opts.reports === undefined ? createServerReportsPort({ store: ctx.store, dataDir: ctx.env.PULSE_DATA_DIR, configDir: ctx.env.PULSE_CONFIG_DIR }) : opts.reports;
  const closeOwned = async () => {
    if (!opts.users) await users.close();
    if (alertsDb?.open) alertsDb.close();
  };
  try {
    await ensureAdmin(users, ctx.env, ctx.logger);
    await ensureWebAssets();
    const app = createServer({
      store: ctx.store,
      env: ctx.env,
      users,
      logger: ctx.logger,
      queues: ctx.queues,
      sources: ctx.sources,
      ...(alerts ? { alerts } : {}),
      ...(reports ? { reports } : {}),
    });
    const url = await app.listen({ host: ctx.env.HOST, port: ctx.env.PORT });
    ctx.logger.info({ url }, 'dashboard and API listening');
    return {
      app,
      url,
      users,
      async close() {
        await app.close();
        await closeOwned();
      },
    };
  } catch (error) {
    await closeOwned();
    throw error;
  }
}
