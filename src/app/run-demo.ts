import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Env } from '../config/env.js';
import { startPressServer, type PressServer } from '../demo/press-server.js';
import { bootProcess, type BootedProcess } from './boot.js';
import { waitForIdle } from './drain.js';
import { ROLES } from './roles.js';

/** Options of {@link runDemo}. */
export interface DemoOptions {
  env: Env;
  /** Start from an empty demo database. @defaultValue true */
  fresh?: boolean;
  /** Give up waiting after this long. @defaultValue 180000 */
  timeoutMs?: number;
  onTick?: (stored: number, pending: number) => void;
  /** Also run the dashboard/API server role. @defaultValue false */
  serve?: boolean;
}

/** A finished (or still running) demo. */
export interface DemoRun {
  press: PressServer;
  booted: BootedProcess;
  stored: number;
  elapsedMs: number;
  stop(): Promise<void>;
}

/**
 * The offline demo: a local "press" server with the team's Vietnamese corpus, and the whole
 * pipeline (private Redis, SQLite under `<data>/demo`) crawling it until idle.
 */
export async function runDemo(opts: DemoOptions): Promise<DemoRun> {
  const demoDir = join(opts.env.PULSE_DATA_DIR, 'demo');
  if (opts.fresh ?? true) rmSync(demoDir, { recursive: true, force: true });
  const loopback = ['127.0.0.1', 'localhost', '::1'].includes(opts.env.HOST);
  const env: Env = Object.freeze({
    ...opts.env,
    PULSE_DATA_DIR: demoDir,
    PULSE_SQLITE_PATH: join(demoDir, 'pulse.db'),
    PULSE_STORE: 'sqlite' as const,
    // The demo dashboard opens without login, but only on a loopback address (dev mode rules).
    NODE_ENV: loopback ? ('development' as const) : opts.env.NODE_ENV,
  });
  const press = await startPressServer({});
  const started = Date.now();
  let booted: BootedProcess;
  try {
    booted = await bootProcess({
      env,
      roles: opts.serve ? ROLES : ROLES.filter((r) => r !== 'server'),
      sources: press.sources,
      queuePrefix: `demo${started}`,
      // One local host serves every demo outlet: politeness delays would only slow the demo.
      fetcher: { perHostDelayMs: 0, perHostConcurrency: 16 },
      scheduler: { tickMs: 1_000 },
    });
  } catch (err) {
    await press.close();
    throw err;
  }
  const stop = async () => {
    await booted.shutdown();
    await press.close();
  };
  try {
    const stored = await waitForIdle(booted.ctx, { timeoutMs: opts.timeoutMs ?? 180_000, ...(opts.onTick ? { onTick: opts.onTick } : {}) });
    return { press, booted, stored, elapsedMs: Date.now() - started, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}
