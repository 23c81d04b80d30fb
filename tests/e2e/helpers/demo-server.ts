import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { loadEnv, type Env } from '../../../src/config/env.js';
import type { SourceConfig } from '../../../src/config/sources-schema.js';
import { createLogger } from '../../../src/core/logger.js';
import { DEMO_OUTLETS } from '../../../src/demo/outlets.js';
import { createServer } from '../../../src/server/app.js';
import { createSqliteUserRepository } from '../../../src/server/auth/sqlite-users.js';
import type { UserRepository } from '../../../src/server/auth/types.js';
import type { ServerDeps } from '../../../src/server/deps.js';
import { createMemoryAlerts, type MemoryAlerts } from '../../../src/server/memory-alerts.js';
import { createSqliteStore, type SqliteStore } from '../../../src/store/sqlite/index.js';
import { demoItems, xssItem } from './demo-items.js';

/** Passwords of the seeded accounts (test only). */
export const PASSWORDS = { admin: 'admin-password-1', officer: 'officer-password-1', viewer: 'viewer-password-1' } as const;

/** A running server on demo data. */
export interface DemoServer {
  app: FastifyInstance;
  url: string;
  store: SqliteStore;
  users: UserRepository;
  alerts: MemoryAlerts;
  env: Env;
  dir: string;
  close(): Promise<void>;
}

/** Source configs matching the demo outlets (names and tiers for the API). */
export function demoSources(): SourceConfig[] {
  return DEMO_OUTLETS.map((o) => ({ id: o.id, name: o.name, tier: o.tier, province: o.province, enabled: true }) as unknown as SourceConfig);
}

/**
 * Temp SQLite store filled with the demo corpus (labels from its ground truth) plus an XSS item,
 * three users (admin, officer, viewer), in-memory alerts, and the server on 127.0.0.1:0.
 */
export async function startDemoServer(opts: { env?: Record<string, string>; items?: boolean; deps?: Partial<ServerDeps> } = {}): Promise<DemoServer> {
  const dir = mkdtempSync(join(tmpdir(), 'pulse-server-'));
  const dbPath = join(dir, 'pulse.db');
  const env = loadEnv({ NODE_ENV: 'production', HOST: '127.0.0.1', PORT: '0', PULSE_SQLITE_PATH: dbPath, PULSE_DATA_DIR: dir, LOG_LEVEL: 'silent', ...opts.env });
  const store = createSqliteStore({ path: dbPath });
  await store.init();
  if (opts.items !== false) {
    const anchor = new Date();
    const result = await store.upsertItems([...demoItems(anchor), xssItem(anchor)]);
    if (result.errors.length) throw new Error(`demo items refused: ${JSON.stringify(result.errors.slice(0, 3))}`);
    await store.updateSourceHealth('tinnhanhviet', { lastPollAt: anchor.toISOString(), lastSuccessAt: anchor.toISOString(), lastStatus: 'ok', lastEntries: 20, lastNew: 3 });
    await store.updateSourceHealth('songlam', { lastPollAt: anchor.toISOString(), lastStatus: 'error', lastError: 'HTTP 503 <b>Service Unavailable</b>', consecutiveFailures: 4 });
  }
  const users = createSqliteUserRepository({ path: dbPath });
  for (const role of ['admin', 'officer', 'viewer'] as const) await users.createUser({ username: role, password: PASSWORDS[role], role });
  const alerts = createMemoryAlerts();
  const app = createServer({ store, env, users, alerts, logger: createLogger('silent'), sources: demoSources(), catalog: undefined, ...opts.deps } as ServerDeps);
  const url = await app.listen({ host: '127.0.0.1', port: 0 });
  return {
    app, url, store, users, alerts, env, dir,
    async close() {
      await app.close();
      await users.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
