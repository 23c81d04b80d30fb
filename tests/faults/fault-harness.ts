/**
 * Shared machinery of the fault suite: a press server with a small corpus, a temp data dir, env
 * for the pipeline, roles in-process or as child processes, a private Redis with AOF, and the
 * exact accounting every case ends with.
 */
import Database from 'better-sqlite3';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { bootProcess, type BootedProcess } from '../../src/app/boot.js';
import { pendingJobs, waitForIdle } from '../../src/app/drain.js';
import { PIPELINE_ROLES, type Role } from '../../src/app/roles.js';
import { loadEnv, type Env } from '../../src/config/env.js';
import type { FetcherOptions } from '../../src/http/fetcher.js';
import type { SourceConfig } from '../../src/config/sources-schema.js';
import { startPressServer, type PressServer, type PressServerOptions } from '../../src/demo/press-server.js';
import { QUEUE_NAMES } from '../../src/queue/jobs.js';
import { testRedisUrl, uniquePrefix } from '../helpers/redis.js';

export { pendingJobs, waitForIdle };

/** Options of {@link createFaultHarness}. */
export interface FaultHarnessOptions {
  /** Corpus size: small keeps the suite inside its time budget. @defaultValue 120 */
  articles?: number;
  redisUrl?: string;
  sources?: (s: SourceConfig[]) => SourceConfig[];
  press?: Partial<PressServerOptions>;
  /** Fetcher overrides for in-process roles (short timeouts for hang cases). */
  fetcher?: { timeoutMs?: number; idleTimeoutMs?: number };
  /** Extra env for in-process roles (e.g. `PULSE_STORE: 'elasticsearch'` and its URL). */
  env?: Record<string, string>;
  /** Every outlet answers this many ms late, so the run lasts long enough for a fault to land mid-run. */
  slowPressMs?: number;
}

/** One fault case's world. */
export interface FaultHarness {
  press: PressServer;
  dir: string;
  env: Env;
  prefix: string;
  sourcesFile: string;
  sources: SourceConfig[];
  /** Boot roles in this process (no analyser: NLP is not what these cases exercise). */
  boot(roles?: readonly Role[]): Promise<BootedProcess>;
  /** Boot the pipeline roles in-process with extra fetcher options (DNS stand-in, allowed hosts). */
  bootWith(fetcher: Partial<FetcherOptions>, roles?: readonly Role[]): Promise<BootedProcess>;
  /** Start roles in a child process: `node --import tsx workers/role.ts <roles>`. */
  spawnRoles(roles: readonly Role[] | 'all', extraEnv?: Record<string, string>): ChildProcess;
  cleanup(): Promise<void>;
}

/** Set up a fault case against the local press server with a unique queue prefix. */
export async function createFaultHarness(opts: FaultHarnessOptions = {}): Promise<FaultHarness> {
  const press = await startPressServer({ articles: opts.articles ?? 120, ...opts.press });
  if (opts.slowPressMs) for (const o of press.corpus.outlets) press.setFault(o.id, { slow: opts.slowPressMs });
  const dir = mkdtempSync(join(tmpdir(), 'pulse-fault-'));
  const prefix = uniquePrefix();
  const sources = opts.sources ? opts.sources(press.sources) : press.sources;
  const sourcesFile = join(dir, 'sources.yaml');
  writeFileSync(sourcesFile, stringify({ sources }));
  const redisUrl = opts.redisUrl ?? testRedisUrl();
  const env = loadEnv({
    ...process.env,
    REDIS_URL: redisUrl,
    PULSE_DATA_DIR: dir,
    PULSE_SQLITE_PATH: join(dir, 'pulse.db'),
    PULSE_SOURCES_FILE: sourcesFile,
    PULSE_QUEUE_PREFIX: prefix,
    PULSE_STORE: 'sqlite',
    PULSE_HOST_DELAY_MS: '0',
    PULSE_HOST_CONCURRENCY: '16',
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'silent',
    ...opts.env,
  });
  const booted: BootedProcess[] = [];
  const children: ChildProcess[] = [];
  const bootWith = async (fetcher: Partial<FetcherOptions>, roles: readonly Role[] = PIPELINE_ROLES): Promise<BootedProcess> => {
    const b = await bootProcess({ env, roles, sources, analyser: null, fetcher: { perHostDelayMs: 0, perHostConcurrency: 16, ...opts.fetcher, ...fetcher }, scheduler: { tickMs: 500 } });
    booted.push(b);
    return b;
  };
  return {
    press, dir, env, prefix, sourcesFile, sources,
    boot: (roles = PIPELINE_ROLES) => bootWith({}, roles),
    bootWith,
    spawnRoles(roles, extraEnv = {}) {
      const spec = roles === 'all' ? 'all' : roles.join(',');
      const child = spawn(process.execPath, ['--import', 'tsx', 'workers/role.ts', spec], {
        env: {
          ...process.env,
          REDIS_URL: env.REDIS_URL, PULSE_DATA_DIR: dir, PULSE_SQLITE_PATH: env.PULSE_SQLITE_PATH,
          PULSE_SOURCES_FILE: sourcesFile, PULSE_QUEUE_PREFIX: prefix, PULSE_STORE: 'sqlite',
          PULSE_HOST_DELAY_MS: '0', PULSE_HOST_CONCURRENCY: '16', LOG_LEVEL: 'silent', ...extraEnv,
        },
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      let stderr = '';
      child.stderr?.on('data', (d) => (stderr = (stderr + String(d)).slice(-2000)));
      (child as ChildProcess & { lastStderr: () => string }).lastStderr = () => stderr;
      children.push(child);
      return child;
    },
    async cleanup() {
      for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
      for (const b of booted) await b.shutdown().catch(() => undefined);
      await press.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Kill a child with SIGKILL and wait for it to be gone. */
export async function killHard(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const gone = new Promise((r) => child.once('exit', r));
  child.kill('SIGKILL');
  await gone;
}

/** Poll until `check` holds or fail naming `what`. */
export async function waitUntil(check: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
}

/** The exact accounting a fault case ends with. */
export interface Accounting {
  expected: number;
  stored: number;
  distinctUrls: number;
  partial: number;
  /** Failed (quarantined) jobs by queue. */
  failed: Record<string, number>;
  /** Expected article URLs not stored. */
  missing: string[];
}

/** Count what the store holds against what the press published (optionally only some outlets). */
export async function account(b: BootedProcess, press: PressServer, outletIds?: readonly string[]): Promise<Accounting> {
  const published = press.publishedArticles().filter((a) => !outletIds || outletIds.includes(a.outletId));
  // A listing outlet has one source per section page (`<outlet>-<section>`).
  const sourceIds = outletIds && press.sources.map((s) => s.id).filter((id) => outletIds.some((o) => id === o || id.startsWith(`${o}-`)));
  const urls = new Map<string, number>();
  let offset = 0;
  let partial = 0;
  for (;;) {
    const page = await b.ctx.store.search({ limit: 200, offset, sort: 'oldest', ...(sourceIds ? { sourceIds } : {}) });
    for (const hit of page.hits) {
      urls.set(hit.item.url, (urls.get(hit.item.url) ?? 0) + 1);
      if (hit.item.partial) partial++;
    }
    offset += page.hits.length;
    if (page.hits.length === 0 || offset >= page.total) break;
  }
  const failed: Record<string, number> = {};
  for (const name of QUEUE_NAMES) failed[name] = await b.ctx.queues[name].getFailedCount();
  const stored = await b.ctx.store.countItems(sourceIds ? { sourceIds } : {});
  const storedPaths = new Set([...urls.keys()].map((u) => new URL(u).pathname.replace(/\/amp\//, '/')));
  const missing = published.map((a) => a.path).filter((p) => !storedPaths.has(p));
  return { expected: published.length, stored, distinctUrls: urls.size, partial, failed, missing };
}

/** A free TCP port on 127.0.0.1. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as { port: number }).port;
      srv.close(() => resolve(port));
    });
  });
}

/** Jobs still pending, by queue and state, with id and data: what a "not idle" failure needs. */
export async function describePending(b: BootedProcess): Promise<string> {
  const lines: string[] = [];
  for (const name of QUEUE_NAMES) {
    for (const state of ['waiting', 'active', 'delayed', 'prioritized'] as const) {
      const jobs = await b.ctx.queues[name].getJobs([state], 0, 5);
      for (const j of jobs) lines.push(`${name}/${state} ${j.id} ${JSON.stringify(j.data).slice(0, 120)} attempts=${j.attemptsMade} delayUntil=${j.delay ? new Date(j.timestamp + j.delay).toISOString() : '-'}`);
    }
  }
  return lines.join('\n');
}

/** {@link waitForIdle}, failing with the pending jobs listed. */
export async function drain(b: BootedProcess, timeoutMs: number): Promise<number> {
  try {
    return await waitForIdle(b.ctx, { timeoutMs });
  } catch (err) {
    throw new Error(`${(err as Error).message}\n${await describePending(b)}`);
  }
}

/** Items in a SQLite store as another reader sees them (WAL: readers are not blocked by the writer). */
export function countItemsOutside(path: string): number {
  const db = new Database(path, { readonly: true });
  try {
    return (db.prepare('SELECT count(*) AS n FROM items').get() as { n: number }).n;
  } finally {
    db.close();
  }
}
