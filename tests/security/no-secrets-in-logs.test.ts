/**
 * No secrets in logs: run the whole app (every role, debug level) with Elasticsearch
 * credentials, an API key, the first admin's password and a channel token set, let it crawl,
 * capture every line pino writes, and look for the secrets (and their base64 forms).
 */
import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFaultHarness, freePort, type FaultHarness } from '../faults/fault-harness.js';

const SECRETS = {
  ELASTICSEARCH_PASSWORD: 'es-pass-Zq8v1LkR0t',
  ELASTICSEARCH_API_KEY: 'es-apikey-Xw4TnB92pQ',
  PULSE_ADMIN_PASSWORD: 'admin-pass-Hj7Yc3Vm5e',
  TELEGRAM_BOT_TOKEN: '123456:tg-token-Kd8sPq1Lz',
  SMTP_PASSWORD: 'smtp-pass-Ry6Gd2Wn4u',
};

describe('secrets never reach the logs', () => {
  let h: FaultHarness;
  let output = '';
  let exitCode: number | null = null;

  beforeAll(async () => {
    h = await createFaultHarness({ articles: 30 });
    const port = await freePort();
    const child = spawn(process.execPath, ['--import', 'tsx', 'workers/role.ts', 'all'], {
      env: {
        ...process.env,
        ...SECRETS,
        NODE_ENV: 'production',
        LOG_LEVEL: 'debug',
        REDIS_URL: h.env.REDIS_URL,
        PULSE_DATA_DIR: h.dir,
        PULSE_SQLITE_PATH: h.env.PULSE_SQLITE_PATH,
        PULSE_SOURCES_FILE: h.sourcesFile,
        PULSE_QUEUE_PREFIX: h.prefix,
        PULSE_STORE: 'sqlite',
        PULSE_HOST_DELAY_MS: '0',
        ELASTICSEARCH_URL: 'http://127.0.0.1:9/',
        ELASTICSEARCH_USERNAME: 'elastic',
        PULSE_ADMIN_USER: 'admin',
        HOST: '127.0.0.1',
        PORT: String(port),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout.on('data', (d) => (output += String(d)));
    child.stderr.on('data', (d) => (output += String(d)));
    // Let it start, poll every source and store what it finds; then stop it gracefully.
    const deadline = Date.now() + 60_000;
    while (!/policy-pulse started/.test(output) && Date.now() < deadline && child.exitCode === null) await new Promise((r) => setTimeout(r, 200));
    await new Promise((r) => setTimeout(r, 10_000));
    const exited = new Promise<void>((r) => child.once('exit', (code) => ((exitCode = code), r())));
    child.kill('SIGTERM');
    await Promise.race([exited, new Promise((r) => setTimeout(r, 15_000))]);
    if (child.exitCode === null) child.kill('SIGKILL');
  }, 100_000);
  afterAll(async () => h?.cleanup());

  it('logs plenty at debug level, and none of the secrets in any form', () => {
    console.log(JSON.stringify({ case: 'no-secrets-in-logs', logLines: output.split('\n').length, logBytes: output.length, exitCode }));
    // The test can fail: the app really did log (start-up, polls, shutdown).
    expect(output.split('\n').length, output.slice(0, 1500)).toBeGreaterThan(5);
    expect(output).toMatch(/policy-pulse started|started/);
    for (const [name, secret] of Object.entries(SECRETS)) {
      expect(output.includes(secret), `${name} leaked into the logs`).toBe(false);
      expect(output.includes(Buffer.from(secret).toString('base64')), `${name} leaked base64-encoded`).toBe(false);
      expect(output.includes(Buffer.from(`elastic:${secret}`).toString('base64')), `${name} leaked in a Basic auth header`).toBe(false);
    }
  });
});
