import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { bootProcess, type BootedProcess } from '../../src/app/boot.js';
import { waitForIdle } from '../../src/app/drain.js';
import { ROLES, type Role } from '../../src/app/roles.js';
import { loadEnv, type Env } from '../../src/config/env.js';
import type { SourceConfig } from '../../src/config/sources-schema.js';
import { startPressServer, type PressServer } from '../../src/demo/press-server.js';
import { testRedisUrl, uniquePrefix } from './redis.js';

/** A press server, a temp data dir, env for the pipeline, and a way to boot roles in-process. */
export interface PipelineHarness {
  press: PressServer;
  dir: string;
  env: Env;
  prefix: string;
  sourcesFile: string;
  boot(roles?: readonly Role[]): Promise<BootedProcess>;
  cleanup(): Promise<void>;
}

/** Set up a pipeline run against the local press server with a unique queue prefix. */
export async function createPipelineHarness(opts: { sources?: (s: SourceConfig[]) => SourceConfig[] } = {}): Promise<PipelineHarness> {
  const press = await startPressServer({});
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
  });
  const booted: BootedProcess[] = [];
  return {
    press, dir, env, prefix, sourcesFile,
    async boot(roles = ROLES) {
      const b = await bootProcess({ env, roles, sources, fetcher: { perHostDelayMs: 0, perHostConcurrency: 16 }, scheduler: { tickMs: 500 } });
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
