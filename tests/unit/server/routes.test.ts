import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReportMeta, ReportsPort } from '../../../src/server/ports.js';
import { apiClient, type ApiClient } from '../../e2e/helpers/api-client.js';
import { XSS_TITLE } from '../../e2e/helpers/demo-items.js';
import { startDemoServer, type DemoServer } from '../../e2e/helpers/demo-server.js';

/** Reports kept in memory: a real implementation of the port, small enough for tests. */
function memoryReports(): ReportsPort & { reports: ReportMeta[] } {
  const reports: ReportMeta[] = [];
  return {
    reports,
    async list(q) {
      return { total: reports.length, reports: reports.slice(q.offset, q.offset + q.limit) };
    },
    async open(id, format) {
      const r = reports.find((x) => x.id === id);
      if (!r || !r.formats.includes(format)) return null;
      return { body: Readable.from([Buffer.from(`<h1>Báo cáo tuần ${r.week}</h1>`)]), contentType: 'text/html; charset=utf-8', filename: `báo-cáo-${r.week}.${format}` };
    },
    async generate(week) {
      const meta: ReportMeta = { id: `report-${week}`, week, createdAt: new Date().toISOString(), formats: ['html'] };
      reports.push(meta);
      return meta;
    },
  };
}

let server: DemoServer;
let viewer: ApiClient;
let officer: ApiClient;
let admin: ApiClient;
const reports = memoryReports();

beforeAll(async () => {
  server = await startDemoServer({ deps: { reports, rateLimit: { global: 10_000, login: 1000 } } });
  [viewer, officer, admin] = await Promise.all([apiClient(server, 'viewer'), apiClient(server, 'officer'), apiClient(server, 'admin')]);
}, 60_000);
afterAll(async () => server?.close());

describe('items and search', () => {
  it('finds `Đường sắt` with the accent-free query `duong sat`, exact matches first', async () => {
    const res = await viewer.get('/api/search?q=duong%20sat&limit=5');
    expect(res.status).toBe(200);
    expect(res.body.total).toBeGreaterThan(1);
    expect(res.body.items[0].title).toMatch(/đường sắt/i);
    expect(res.body.items[0]).not.toHaveProperty('text');
  });

  it('narrows with each filter and paginates', async () => {
    const all = (await viewer.get('/api/search?limit=1')).body.total as number;
    for (const [query, check] of [
      ['sentiment=negative', (i: any) => i.labels.sentiment.label === 'negative'],
      ['topic=transport', (i: any) => i.labels.topics.some((t: any) => t.id === 'transport')],
      ['source=mientrung', (i: any) => i.sourceId === 'mientrung'],
      ['tier=local', (i: any) => i.sourceId === 'mientrung' || i.sourceId === 'songlam'],
      ['province=nghe-an', (i: any) => i.labels.provinces.includes('nghe-an')],
      [`from=${new Date(Date.now() - 7 * 86_400_000).toISOString()}`, (i: any) => Date.parse(i.publishedAt) >= Date.now() - 7 * 86_400_000],
    ] as const) {
      const res = await viewer.get(`/api/search?${query}&limit=100`);
      expect(res.status, query).toBe(200);
      expect(res.body.total, query).toBeGreaterThan(0);
      expect(res.body.total, query).toBeLessThan(all);
      expect(res.body.items.every(check), query).toBe(true);
    }
    const page1 = await viewer.get('/api/items?limit=5&offset=0');
    const page2 = await viewer.get('/api/items?limit=5&offset=5');
    expect(page1.body.items).toHaveLength(5);
    expect(page2.body.offset).toBe(5);
    const ids1 = page1.body.items.map((i: any) => i.id);
    expect(page2.body.items.some((i: any) => ids1.includes(i.id))).toBe(false);
  });

  it('answers 400 validation_failed naming each bad field', async () => {
    const res = await viewer.get('/api/search?limit=1000&sentiment=angry&from=yesterday');
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('validation_failed');
    const paths = res.body.error.details.map((d: any) => d.path);
    expect(paths).toEqual(expect.arrayContaining(['query.limit', 'query.from']));
    expect(paths.some((p: string) => p.startsWith('query.sentiment'))).toBe(true);
    expect((await viewer.get('/api/items/..%2F..%2Fetc')).status).toBe(400);
  });

  it('returns one item with labels and evidence offsets, 404 for an unknown id', async () => {
    const list = await viewer.get('/api/search?sentiment=negative&limit=5');
    const regular = list.body.items.find((i: { id: string }) => !i.id.startsWith('xss'));
    const res = await viewer.get(`/api/items/${regular.id}`);
    expect(res.status).toBe(200);
    expect(res.body.item.text.length).toBeGreaterThan(100);
    expect(Array.isArray(res.body.item.labels.sentiment.evidence)).toBe(true);
    const missing = await viewer.get('/api/items/doesnotexist');
    expect(missing.status).toBe(404);
    expect(missing.body).toEqual({ error: { code: 'not_found', message: 'item doesnotexist does not exist', details: null } });
  });

  it('serves the XSS title verbatim as JSON (never HTML) with nosniff', async () => {
    const res = await viewer.get('/api/items/xss0000000000000000000000000000000000001');
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.body.item.title).toBe(XSS_TITLE);
    // The page never embeds data server-side: the only HTML is the static shell.
    const page = await fetch(`${server.url}/`);
    const html = await page.text();
    expect(html).not.toContain('__pwned');
    expect(page.headers.get('content-security-policy')).toMatch(/script-src 'self'(;|$)/);
    expect(page.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(page.headers.get('referrer-policy')).toBe('no-referrer');
  });
});

describe('stories, series, overview, catalogue', () => {
  it('groups stories across outlets, largest first, and lists one story', async () => {
    const res = await viewer.get(`/api/stories?from=${new Date(Date.now() - 60 * 86_400_000).toISOString()}&minItems=2&limit=5`);
    expect(res.status).toBe(200);
    const stories = res.body.stories;
    expect(stories.length).toBeGreaterThan(0);
    expect(stories[0].items).toBeGreaterThanOrEqual(stories.at(-1).items);
    expect(stories[0].outlets.length).toBeGreaterThan(1);
    const one = await viewer.get(`/api/stories/${stories[0].storyId}`);
    expect(one.body.items).toHaveLength(stories[0].items);
    expect(one.body.items.every((i: any) => i.labels.storyId === stories[0].storyId)).toBe(true);
    expect((await viewer.get('/api/stories/none-such')).status).toBe(404);
  });

  it('returns series split by a dimension and rejects an unknown one', async () => {
    const res = await viewer.get('/api/series?interval=week&by=sentiment');
    expect(res.status).toBe(200);
    const keys = new Set(res.body.points.map((p: any) => p.key));
    expect([...keys].sort()).toEqual(['negative', 'neutral', 'positive']);
    const sum = res.body.points.reduce((a: number, p: any) => a + p.count, 0);
    expect(sum).toBe((await viewer.get('/api/items?limit=1')).body.total);
    expect((await viewer.get('/api/series?by=colour')).status).toBe(400);
  });

  it('returns the overview in one call', async () => {
    const res = await viewer.get('/api/overview?days=60');
    expect(res.status).toBe(200);
    expect(res.body.total).toBeGreaterThan(100);
    expect(res.body.sentiment.negative).toBeGreaterThan(0);
    expect(Object.keys(res.body.topicTotals)).toContain('transport');
    expect(res.body.sourceNames.tinnhanhviet).toBe('Tin Nhanh Việt');
    expect(res.body.openAlerts).toHaveProperty('total');
  });

  it('lists topics and policies from config and sources with health', async () => {
    const topics = await viewer.get('/api/topics');
    expect(topics.body.topics.find((t: any) => t.id === 'transport').name.vi).toMatch(/Giao thông/);
    expect((await viewer.get('/api/policies')).body.policies.length).toBeGreaterThan(0);
    const sources = await viewer.get('/api/sources');
    const songlam = sources.body.sources.find((s: any) => s.id === 'songlam');
    expect(songlam.status).toBe('failing');
    expect(songlam.health.consecutiveFailures).toBe(4);
    expect(sources.body.sources.find((s: any) => s.id === 'tinnhanhviet').status).toBe('ok');
  });
});

describe('alerts', () => {
  it('lists, filters, gets, acknowledges and resolves with audit; 404, 409 and validation errors', async () => {
    const a = server.alerts.raise({ topic: 'transport', severity: 'lan_rong', kind: 'negative_spike', title: 'Đường sắt', summary: 's' });
    const open = await viewer.get('/api/alerts?status=open');
    expect(open.body.alerts.map((x: any) => x.id)).toContain(a.id);
    expect((await viewer.get(`/api/alerts/${a.id}`)).body.alert.title).toBe('Đường sắt');
    expect((await viewer.get('/api/alerts/unknown')).status).toBe(404);
    expect((await viewer.get('/api/alerts?status=exploded')).status).toBe(400);
    const ack = await officer.post(`/api/alerts/${a.id}/ack`, { note: 'Đã báo lãnh đạo' });
    expect(ack.body.alert).toMatchObject({ status: 'acknowledged', acknowledgedBy: 'officer', note: 'Đã báo lãnh đạo' });
    expect((await officer.post(`/api/alerts/${a.id}/ack`, { extra: 1 })).status).toBe(400);
    const resolved = await officer.post(`/api/alerts/${a.id}/resolve`);
    expect(resolved.body.alert.status).toBe('resolved');
    expect((await officer.post(`/api/alerts/${a.id}/ack`)).status).toBe(409);
    expect((await officer.post('/api/alerts/unknown/resolve')).status).toBe(404);
    const audit = await admin.get('/api/audit?limit=50');
    const actions = audit.body.entries.filter((e: any) => e.target === a.id).map((e: any) => e.action);
    expect(actions).toEqual(['alert.resolve', 'alert.ack']);
  });

  it('streams created and updated alerts over SSE', async () => {
    const controller = new AbortController();
    const res = await fetch(`${server.url}/api/alerts/stream`, { headers: { cookie: viewer.cookie as string }, signal: controller.signal });
    expect(res.headers.get('content-type')).toContain('text/event-stream');
    const reader = res.body!.getReader();
    const decoder = new TextDecoder();
    let buffer = '';
    const read = async (until: RegExp) => {
      while (!until.test(buffer)) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += decoder.decode(value);
      }
    };
    await read(/connected/);
    const a = server.alerts.raise({ topic: 'health', severity: 'am_i', kind: 'negative_share', title: 'live', summary: null });
    await read(new RegExp(`"created".*${a.id}`));
    await officer.post(`/api/alerts/${a.id}/ack`);
    await read(new RegExp(`"updated".*${a.id}`));
    controller.abort();
    expect(buffer).toMatch(/event: alert\ndata: \{"type":"created"/);
    expect(buffer).toMatch(/"status":"acknowledged"/);
  });

  it('answers 404 forecasts_unavailable until forecasts exist, then serves them', async () => {
    const none = await viewer.get('/api/forecasts');
    expect(none.status).toBe(404);
    expect(none.body.error.code).toBe('forecasts_unavailable');
    expect((await viewer.get('/api/overview')).body.forecastsAvailable).toBe(false);
    server.alerts.setForecasts([{ topic: 'transport', metric: 'negative', coverage: 0.8, points: [{ bucket: '2026-11-01T00:00:00Z', actual: 3, forecast: 2.5, lower: 1, upper: 4 }] }]);
    const some = await viewer.get('/api/forecasts?topic=transport');
    expect(some.body.series[0].points[0].upper).toBe(4);
    expect((await viewer.get('/api/forecasts?topic=health')).body.series).toEqual([]);
  });
});

describe('reports', () => {
  it('generates on demand (officer), lists, downloads as attachment, validates the week', async () => {
    expect((await officer.post('/api/reports', { week: '2026-W60' })).status).toBe(400);
    const made = await officer.post('/api/reports', { week: '2026-W48' });
    expect(made.status).toBe(201);
    const list = await viewer.get('/api/reports');
    expect(list.body.reports.map((r: any) => r.week)).toContain('2026-W48');
    const file = await viewer.get(`/api/reports/${made.body.report.id}/html`);
    expect(file.status).toBe(200);
    expect(file.text).toContain('Báo cáo tuần 2026-W48');
    expect(file.headers.get('content-disposition')).toMatch(/^attachment; filename="bao-cao-2026-W48.html"; filename\*=UTF-8''b%C3%A1o-c%C3%A1o-2026-W48.html$/);
    expect((await viewer.get(`/api/reports/${made.body.report.id}/pdf`)).status).toBe(404);
  });

  it('answers 503 when no report generator is wired', async () => {
    const bare = await startDemoServer({ items: false });
    try {
      const res = await (await apiClient(bare, 'viewer')).get('/api/reports');
      expect(res.status).toBe(503);
      expect(res.body.error.code).toBe('reports_unavailable');
    } finally {
      await bare.close();
    }
  });
});

describe('admin: users, audit, metrics, OpenAPI', () => {
  it('creates users (audited), refuses weak passwords and duplicates, and protects the last admin', async () => {
    const made = await admin.post('/api/users', { username: 'cán.bộ', password: 'mật-khẩu-đủ-dài', role: 'officer' });
    expect(made.status).toBe(201);
    expect(made.body.user).not.toHaveProperty('password_hash');
    expect((await admin.post('/api/users', { username: 'short', password: 'short', role: 'viewer' })).status).toBe(400);
    expect((await admin.post('/api/users', { username: 'cán.bộ', password: 'another-long-one', role: 'viewer' })).status).toBe(400);
    expect((await admin.post('/api/users', { username: 'x2', password: 'another-long-one', role: 'root' })).status).toBe(400);
    const me = (await admin.get('/api/auth/me')).body.user;
    const demote = await admin.request('PATCH', `/api/users/${me.id}`, { body: { role: 'viewer' } });
    expect(demote.status).toBe(409);
    const disable = await admin.request('PATCH', `/api/users/${made.body.user.id}`, { body: { disabled: true } });
    expect(disable.body.user.disabled).toBe(true);
    const audit = await admin.get('/api/audit?action=user.create');
    expect(audit.body.entries[0].target).toBe(made.body.user.id);
  });

  it('exposes Prometheus metrics and an OpenAPI document listing every route', async () => {
    const metrics = await viewer.get('/metrics');
    expect(metrics.headers.get('content-type')).toContain('text/plain');
    expect(metrics.text).toMatch(/pulse_items_stored \d{3}/);
    expect(metrics.text).toContain('pulse_http_request_duration_seconds_bucket');
    expect(metrics.text).toMatch(/pulse_source_consecutive_failures\{source="songlam"\} 4/);
    const doc = await viewer.get('/api/openapi.json');
    expect(doc.body.openapi).toMatch(/^3\./);
    for (const path of ['/api/search', '/api/items/{id}', '/api/stories', '/api/series', '/api/overview', '/api/topics', '/api/sources', '/api/alerts', '/api/alerts/{id}/ack', '/api/alerts/stream', '/api/reports', '/api/auth/login', '/api/users', '/api/tokens', '/api/audit']) {
      expect(doc.body.paths, path).toHaveProperty([path]);
    }
    expect(doc.body.paths['/api/search'].get.parameters.map((p: any) => p.name)).toEqual(expect.arrayContaining(['q', 'topic', 'sentiment', 'province', 'limit']));
  });

  it('answers unknown routes with the structured 404', async () => {
    const res = await viewer.get('/api/nope');
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('not_found');
  });

  it('marks the session cookie Secure when bound beyond localhost', async () => {
    const wide = await startDemoServer({ items: false, env: { HOST: '0.0.0.0' } });
    try {
      const res = await fetch(`${wide.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'viewer', password: 'viewer-password-1' }) });
      expect(res.headers.get('set-cookie')).toContain('Secure');
      expect(res.headers.get('strict-transport-security')).toContain('max-age');
    } finally {
      await wide.close();
    }
  });
});
