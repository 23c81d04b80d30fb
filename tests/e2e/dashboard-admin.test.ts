import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { createRedisConnection } from '../../src/queue/connection.js';
import { closeQueues, createQueues, type PipelineQueues } from '../../src/queue/queues.js';
import { launchBrowser, screenshot, watchPage } from './helpers/browser.js';
import { PASSWORDS, startDemoServer, type DemoServer } from './helpers/demo-server.js';

let server: DemoServer;
let browser: Browser;
let queues: PipelineQueues;
let redis: ReturnType<typeof createRedisConnection>;

beforeAll(async () => {
  redis = createRedisConnection(process.env.REDIS_URL as string);
  queues = createQueues(redis, `test-${randomUUID()}`);
  await queues.fetch.add('fetch', { url: 'http://tinnhanhviet.demo/a', sourceId: 'tinnhanhviet' } as never, { jobId: 'demo-job-1' });
  server = await startDemoServer({ items: false, deps: { queues } });
  browser = await launchBrowser();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await queues?.fetch.obliterate({ force: true }).catch(() => undefined);
  if (queues) await closeQueues(queues);
  redis?.disconnect();
});

describe('queue dashboard (bull-board) for admins', () => {
  it('renders under our CSP after an admin logs in, with the pipeline queues', async () => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 800 } });
    const page = await context.newPage();
    const watch = watchPage(page, server.url);
    await page.goto(server.url);
    await page.locator('#username').fill('admin');
    await page.locator('#password').fill(PASSWORDS.admin);
    await page.locator('#login-form button[type=submit]').click();
    await page.locator('.topbar').waitFor();
    await page.goto(`${server.url}/admin/queues`);
    await page.getByText('fetch', { exact: true }).first().waitFor({ timeout: 15_000 });
    await page.getByText('fetch', { exact: true }).first().click();
    // The job list comes from bull-board's own API under the admin guard.
    await page.getByText('demo-job-1').first().waitFor({ timeout: 15_000 });
    await screenshot(page, '12-admin-queues');
    expect(watch.foreignRequests).toEqual([]);
    expect(watch.errors.filter((e) => !/fonts\.googleapis\.com/.test(e))).toEqual([]);
    // A viewer is refused.
    const viewer = await browser.newContext();
    const vp = await viewer.newPage();
    await vp.goto(server.url);
    await vp.locator('#username').fill('viewer');
    await vp.locator('#password').fill(PASSWORDS.viewer);
    await vp.locator('#login-form button[type=submit]').click();
    await vp.locator('.topbar').waitFor();
    const res = await vp.goto(`${server.url}/admin/queues`);
    expect(res?.status()).toBe(403);
    await viewer.close();
    await context.close();
  });
});
