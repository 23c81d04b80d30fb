import type { Env } from '../config/env.js';
import type { SourceConfig } from '../config/sources-schema.js';
import type { Logger } from '../core/logger.js';
import type { PipelineQueues } from '../queue/queues.js';
import type { Store } from '../store/store.js';
import type { UserRepository } from './auth/types.js';
import type { Catalog } from './catalog.js';
import type { AlertsPort, ReportsPort } from './ports.js';

/** What {@link createServer} is wired from. Only `store`, `env`, `users` and `logger` are required. */
export interface ServerDeps {
  store: Store;
  env: Env;
  users: UserRepository;
  logger: Logger;
  /** Pipeline queues: enables bull-board and queue-depth metrics. */
  queues?: PipelineQueues;
  /** Alerts engine; without it the alert routes answer 503 `alerts_unavailable`. */
  alerts?: AlertsPort;
  /** Reports engine; without it the report routes answer 503 `reports_unavailable`. */
  reports?: ReportsPort;
  /** Configured sources (names, tiers) shown beside source health. */
  sources?: readonly SourceConfig[];
  /** Topics and policies; read from `PULSE_CONFIG_DIR` when absent. */
  catalog?: Catalog;
  /** Folder of the built dashboard. @defaultValue 'dashboards/web/dist' */
  webRoot?: string;
  /** Requests per minute per client. @defaultValue { global: 600, login: 10 } */
  rateLimit?: { global: number; login: number };
  /** Session lifetime. @defaultValue 12 h */
  sessionTtlMs?: number;
}

/** Whether a bind address only accepts connections from this machine. */
export function isLoopbackHost(host: string): boolean {
  const h = host.trim().toLowerCase().replace(/^\[|\]$/g, '');
  return h === 'localhost' || h === '::1' || /^127\.\d+\.\d+\.\d+$/.test(h);
}

/** Login may be skipped only in development AND when nothing beyond this machine can connect. */
export function isDevLocal(env: Env): boolean {
  return env.NODE_ENV === 'development' && isLoopbackHost(env.HOST);
}

/** Deps after defaults are applied, as routes see them. */
export interface RouteContext extends ServerDeps {
  catalog: Catalog;
  devLocal: boolean;
  sessionTtlMs: number;
  /** Cookies get the Secure flag whenever the server is reachable beyond localhost. */
  secureCookies: boolean;
}
