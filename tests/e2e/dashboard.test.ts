import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, screenshot, watchPage } from './helpers/browser.js';
import { PASSWORDS, startDemoServer, type DemoServer } from './helpers/demo-server.js';

let server: DemoServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let watch: ReturnType<typeof watchPage>;

async function login(p: Page, username: keyof typeof PASSWORDS): Promise<void> {
  await p.goto(server.url);
  await p.locator('#username').fill(username);
  await p.locator('#password').fill(PASSWORDS[username]);
  await p.locator('#login-form button[type=submit]').click();
  await p.locator('.topbar').waitFor();
}

/** Count of drawn SVG shapes in a chart: proves it rendered data, not an empty frame. */
async function chartShapes(p: Page, name: string): Promise<number> {
  return p.locator(`[data-chart="${name}"] svg path`).count();
}

beforeAll(async () => {
  server = await startDemoServer();
  browser = await launchBrowser();
  context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'vi-VN' });
  page = await context.newPage();
  watch = watchPage(page, server.url);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('dashboard in headless Chromium', () => {
  it('refuses a wrong password, then logs in and renders the overview charts with data', async () => {
    await page.goto(server.url);
    await page.locator('#username').fill('officer');
    await page.locator('#password').fill('wrong-password');
    await page.locator('#login-form button[type=submit]').click();
    await expect.poll(() => page.locator('#login-error').textContent()).toContain('Sai tên đăng nhập');
    await screenshot(page, '00-login');
    await login(page, 'officer');
    await page.locator('[data-kpi="total"] .kpi-value').waitFor();
    const total = Number((await page.locator('[data-kpi="total"] .kpi-value').textContent())?.replace(/\D/g, ''));
    expect(total).toBeGreaterThan(50);
    await expect.poll(() => chartShapes(page, 'volume')).toBeGreaterThan(10);
    await expect.poll(() => chartShapes(page, 'sentiment')).toBeGreaterThanOrEqual(3);
    await expect.poll(() => chartShapes(page, 'topics')).toBeGreaterThanOrEqual(3);
    expect(await page.locator('h1').first().textContent()).toBe('Tổng quan');
    await screenshot(page, '01-overview');
  });

  it('finds the accented article with an accent-free query and narrows with filters', async () => {
    await page.goto(`${server.url}/#/search?q=duong%20sat`);
    const count = page.locator('#result-count');
    await count.waitFor();
    const all = Number(await count.getAttribute('data-total'));
    expect(all).toBeGreaterThan(1);
    const titles = await page.locator('.item-title').allTextContents();
    expect(titles.some((t) => /Đường sắt/i.test(t))).toBe(true);
    await screenshot(page, '02-search');
    await page.locator('#f-sentiment').selectOption('positive');
    await expect.poll(async () => Number(await page.locator('#result-count').getAttribute('data-total'))).toBeLessThan(all);
    const narrowed = Number(await page.locator('#result-count').getAttribute('data-total'));
    const badges = await page.locator('.item-row .badge').allTextContents();
    expect(badges.every((b) => b === 'Tích cực')).toBe(true);
    expect(page.url()).toContain('sentiment=positive');
    await page.locator('#f-tier').selectOption('government');
    await expect.poll(async () => Number(await page.locator('#result-count').getAttribute('data-total'))).toBeLessThanOrEqual(narrowed);
  });

  it('keeps a crawled <script>/<img onerror> title inert and shows it as text', async () => {
    await page.goto(`${server.url}/#/search?q=tan%20cong`);
    const row = page.locator('[data-item-id="xss0000000000000000000000000000000000001"]');
    await row.waitFor();
    expect(await row.locator('.item-title').textContent()).toContain('<script>window.__pwned=1</script>');
    expect(await row.locator('script, img, svg, iframe').count()).toBe(0);
    await row.locator('.item-title').click();
    await page.locator('.item-heading').waitFor();
    expect(await page.locator('.item-view img, .item-view script, .item-view iframe, .item-view svg').count()).toBe(0);
    expect(await page.evaluate('typeof window.__pwned')).toBe('undefined');
  });

  it('highlights evidence phrases from their offsets in the item view', async () => {
    const { hits } = await server.store.search({ text: 'bức xúc', sentiments: ['negative'], limit: 5 });
    const item = hits.map((h) => h.item).find((i) => i.labels?.sentiment.evidence.some((e) => e.field === 'text'));
    expect(item).toBeDefined();
    await page.goto(`${server.url}/#/items/${item!.id}`);
    await page.locator('.item-heading').waitFor();
    const marks = await page.locator('.item-text mark.ev-negative').allTextContents();
    const expected = item!.labels!.sentiment.evidence.filter((e) => e.field === 'text' && e.polarity === 'negative').sort((a, b) => a.start - b.start).map((e) => e.text);
    expect(marks.length).toBeGreaterThan(0);
    expect(marks).toEqual(expected);
    expect(marks.map((m) => m.toLowerCase())).toContain('bức xúc');
    await screenshot(page, '03-item');
  });

  it('acknowledges an alert and the inbox updates live from the server', async () => {
    const alert = server.alerts.raise({
      topic: 'transport', severity: 'bung_phat', kind: 'negative_spike', title: 'Tin tiêu cực về đường sắt tăng đột biến', summary: '14 bài tiêu cực trong 6 giờ, gấp 4 lần mức nền.',
      explanation: { outlets: [{ sourceId: 'tinnhanhviet', name: 'Tin Nhanh Việt', count: 6 }], evidence: [{ text: 'chậm tiến độ' }], topTerms: [{ term: 'đường sắt', count: 12 }] },
    });
    await page.goto(`${server.url}/#/alerts`);
    const card = page.locator(`[data-alert-id="${alert.id}"]`);
    await card.waitFor();
    await expect.poll(() => page.locator('#live-indicator').getAttribute('class')).toContain('on');
    await screenshot(page, '04-alerts');
    await card.locator('[data-action="ack"]').click();
    await expect.poll(() => card.count()).toBe(0);
    expect((await server.alerts.get(alert.id))?.status).toBe('acknowledged');
    expect((await server.alerts.get(alert.id))?.acknowledgedBy).toBe('officer');
    // An alert raised elsewhere appears without a reload (SSE).
    const second = server.alerts.raise({ topic: 'health', severity: 'am_i', kind: 'negative_share', title: 'Phản ánh về bệnh viện quá tải', summary: null });
    await page.locator(`[data-alert-id="${second.id}"]`).waitFor({ timeout: 10_000 });
    const audit = await server.users.listAudit({ limit: 10, offset: 0, action: 'alert.ack' });
    expect(audit.entries[0]?.target).toBe(alert.id);
    // A channel's link opens the alert itself, with its explanation.
    await page.goto(`${server.url}/#/alerts/${alert.id}`);
    await page.locator(`#alert-focus [data-alert-id="${alert.id}"]`).waitFor();
    expect(await page.locator('#alert-focus mark').first().textContent()).toBe('chậm tiến độ');
  });

  it('hides the forecast panel until forecasts exist, then draws actual, forecast and interval', async () => {
    await page.goto(`${server.url}/#/overview`);
    await page.locator('[data-kpi="total"]').waitFor();
    expect(await page.locator('#forecast-panel').count()).toBe(0);
    const day = 86_400_000;
    const start = Date.now() - 14 * day;
    server.alerts.setForecasts([{
      topic: 'transport', metric: 'negative', coverage: 0.8,
      points: Array.from({ length: 21 }, (_, i) => {
        const future = i >= 14;
        const mean = 3 + Math.sin(i / 2) * 2;
        return { bucket: new Date(start + i * day).toISOString(), actual: future ? null : Math.round(mean + (i % 3) - 1), forecast: mean, lower: Math.max(0, mean - 1.5 - (future ? i - 13 : 0) * 0.3), upper: mean + 1.5 + (future ? i - 13 : 0) * 0.3 };
      }),
    }]);
    await page.reload();
    await page.locator('#forecast-panel').waitFor();
    await expect.poll(() => chartShapes(page, 'forecast')).toBeGreaterThanOrEqual(3);
    expect(await page.locator('#forecast-panel h2').textContent()).toContain('Giao thông');
    await screenshot(page, '11-overview-forecast');
  });

  it('switches language to English and back', async () => {
    await page.goto(`${server.url}/#/overview`);
    await page.locator('[data-kpi="total"]').waitFor();
    await page.locator('#lang-switch').click();
    await expect.poll(() => page.locator('h1').first().textContent()).toBe('Overview');
    expect(await page.locator('[data-nav="alerts"]').textContent()).toContain('Alerts');
    await screenshot(page, '05-overview-en');
    await page.locator('#lang-switch').click();
    await expect.poll(() => page.locator('h1').first().textContent()).toBe('Tổng quan');
  });

  it('shows stories, topic drill-down and source health', async () => {
    await page.goto(`${server.url}/#/stories`);
    await page.locator('.story').first().waitFor();
    expect(await page.locator('.story').count()).toBeGreaterThan(3);
    await screenshot(page, '06-stories');
    await page.goto(`${server.url}/#/topics/transport`);
    await expect.poll(() => chartShapes(page, 'topic-sentiment')).toBeGreaterThan(3);
    await screenshot(page, '07-topic');
    await page.goto(`${server.url}/#/sources`);
    await page.locator('#sources-table tbody tr').first().waitFor();
    expect(await page.locator('#sources-table tbody tr').count()).toBe(7);
    expect(await page.locator('[data-source="songlam"] .badge').textContent()).toBe('Đang lỗi');
    expect(await page.locator('[data-source="songlam"] td.err b').count()).toBe(0);
    await screenshot(page, '08-sources');
  });

  it('is readable on a phone', async () => {
    const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
    const p = await phone.newPage();
    await login(p, 'viewer');
    await p.locator('[data-kpi="total"]').waitFor();
    await expect.poll(() => chartShapes(p, 'volume')).toBeGreaterThan(10);
    const overflow = (await p.evaluate('document.documentElement.scrollWidth - window.innerWidth')) as number;
    expect(overflow).toBeLessThanOrEqual(1);
    await screenshot(p, '09-phone-overview');
    await p.goto(`${server.url}/#/alerts`);
    await p.locator('.alert-card').first().waitFor();
    expect(await p.locator('[data-action]').count()).toBe(0);
    await screenshot(p, '10-phone-alerts-viewer');
    await phone.close();
  });

  it('loaded nothing from outside the server and raised no page errors', () => {
    expect(watch.foreignRequests).toEqual([]);
    expect(watch.errors.filter((e) => !/401|Unauthorized/.test(e))).toEqual([]);
  });
});
