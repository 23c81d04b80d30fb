import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { bootProcess, type BootedProcess } from '../../src/app/boot.js';
import { waitForIdle } from '../../src/app/drain.js';
import { PIPELINE_ROLES, type Role } from '../../src/app/roles.js';
import { loadEnv, type Env } from '../../src/config/env.js';
import type { SourceConfig } from '../../src/config/sources-schema.js';
import { startPressServer, type PressServer, type PressServerOptions } from '../../src/demo/press-server.js';
import type { TrendsRoleOptions } from '../../workers/trends.js';
import { testRedisUrl, uniquePrefix } from './redis.js';

/** A press server, a temp data dir, env for the pipeline, and a way to boot roles in-process. */
export interface PipelineHarness {
  press: PressServer;
  dir: string;
  env: Env;
  prefix: string;
  sourcesFile: string;
  /** Boot roles in-process; `opts.trends` sets the trends tick period. */
  boot(roles?: readonly Role[], opts?: { trends?: TrendsRoleOptions }): Promise<BootedProcess>;
  cleanup(): Promise<void>;
}

/** Options of {@link createPipelineHarness}. */
export interface PipelineHarnessOptions {
  /** Rewrite the press server's source configs (faults, kinds). */
  sources?: (s: SourceConfig[]) => SourceConfig[];
  /** Options of the press server, e.g. its own `corpus`. @defaultValue the default demo corpus */
  press?: PressServerOptions;
  /** Environment entries that override the harness's (e.g. `PULSE_CONFIG_DIR`). */
  env?: Record<string, string>;
}

/** Set up a pipeline run against the local press server with a unique queue prefix. */
export async function createPipelineHarness(opts: PipelineHarnessOptions = {}): Promise<PipelineHarness> {
  const press = await startPressServer(opts.press ?? {});
  const dir = mkdtempSync(join(tmpdir(), 'pulse-it-'));
  const prefix = uniquePrefix();
  const sources = opts.sources ? opts.sources(press.sources) : press.sources;
  const sourcesFile = join(dir, 'sources.yaml');
  writeFileSync(sourcesFile, stringify({ sources }));
  const env = loadEnv({
    ...process.env,
    REDIS_URL: testRedisUrl(),
    PULSE_DATA_DIR: dir,
    PULSE_SQLITE_PATH: join(dir, 'pulse.db'),
    PULSE_SOURCES_FILE: sourcesFile,
    PULSE_QUEUE_PREFIX: prefix,
    PULSE_STORE: 'sqlite',
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'silent',
    PORT: '0',
    ...opts.env,
  });
  const booted: BootedProcess[] = [];
  return {
    press, dir, env, prefix, sourcesFile,
    async boot(roles = PIPELINE_ROLES, bootOpts = {}) {
      const b = await bootProcess({ env, roles, sources, fetcher: { perHostDelayMs: 0, perHostConcurrency: 16 }, scheduler: { tickMs: 500 }, ...bootOpts });
      booted.push(b);
      return b;
    },
    async cleanup() {
      for (const b of booted) await b.shutdown().catch(() => undefined);
      await press.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export { waitForIdle };
