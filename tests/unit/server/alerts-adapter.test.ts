import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openOrMerge, type AlertRecord } from '../../../src/alerts/alert.js';
import type { AlertRepository } from '../../../src/alerts/repositories.js';
import { createSqliteAlertRepository } from '../../../src/alerts/sqlite/alert-tables.js';
import { createAlertsPort } from '../../../src/server/alerts-adapter.js';
import { apiClient, type ApiClient } from '../../e2e/helpers/api-client.js';
import { startDemoServer, type DemoServer } from '../../e2e/helpers/demo-server.js';

/** An alert as the trends role would store it: a negative spike on transport in the last hours. */
function detection(seriesKey: string, hoursAgo: number, atIso?: string): AlertRecord {
  const at = atIso ?? new Date(Date.now() - hoursAgo * 3_600_000).toISOString();
  const bucket = `${at.slice(0, 13)}:00:00.000Z`;
  return openOrMerge(null, {
    kind: 'spike', ruleId: 'negative-by-topic', ruleName: 'Tin tiêu cực theo chủ đề: Giao thông vận tải', seriesKey, episodeId: bucket,
    filter: { topics: ['transport'] }, severity: 'bung_phat', at, bucket, action: 'opened',
    assessment: { hour: 0, bucket, trigger: 'volume', windowHours: 6, observed: 14, expected: 3.2, expectedLow: 1, expectedHigh: 6, score: 5, ratio: 4.4, observedShare: 0.7, expectedShare: 0.3, totalObserved: 20 },
  }).alert;
}

let db: Database.Database;
let repo: AlertRepository;
let server: DemoServer;
let officer: ApiClient;

beforeAll(async () => {
  db = new Database(':memory:');
  repo = createSqliteAlertRepository(db);
  server = await startDemoServer({ deps: { alerts: createAlertsPort(repo, { pollMs: 100 }), rateLimit: { global: 10_000, login: 1000 } } });
  officer = await apiClient(server, 'officer');
}, 60_000);
afterAll(async () => {
  await server?.close();
  db?.close();
});

describe('alerts port over the engine repository', () => {
  it('lists, acknowledges (engine lifecycle + audit) and refuses an impossible move with 409', async () => {
    const record = detection('negative-by-topic|topic:transport', 2);
    await repo.save(record);
    const list = await officer.get('/api/alerts?status=open');
    const view = list.body.alerts.find((a: { id: string }) => a.id === record.id);
    expect(view).toMatchObject({ topic: 'transport', severity: 'bung_phat', kind: 'spike', status: 'open' });
    expect(view.summary).toContain('14 / 3.2');
    const ack = await officer.post(`/api/alerts/${record.id}/ack`, { note: 'đã chuyển lãnh đạo' });
    expect(ack.status).toBe(200);
    const stored = await repo.get(record.id);
    expect(stored?.status).toBe('acknowledged');
    expect(stored?.history.at(-1)).toMatchObject({ actor: 'officer', action: 'acknowledged', note: 'đã chuyển lãnh đạo' });
    expect((await officer.post(`/api/alerts/${record.id}/resolve`)).status).toBe(200);
    expect((await officer.post(`/api/alerts/${record.id}/ack`)).status).toBe(409);
  });

  it('explains an alert from the store (outlets, stories, evidence)', async () => {
    const { hits } = await server.store.search({ topics: ['transport'], sentiments: ['negative'], sort: 'newest', limit: 1 });
    const newest = hits[0]?.item;
    expect(newest).toBeDefined();
    const record = detection('negative-by-topic|topic:transport|x', 0, newest!.publishedAt);
    await repo.save(record);
    const port = createAlertsPort(repo, { store: server.store });
    const view = await port.get(record.id);
    expect(view?.explanation?.outlets?.map((o) => o.name)).toContain(newest!.sourceName);
    expect(view?.explanation?.topStories?.length).toBeGreaterThan(0);
  });

  it('pushes an alert saved by another process to the SSE stream', async () => {
    const controller = new AbortController();
    const res = await fetch(`${server.url}/api/alerts/stream`, { headers: { cookie: officer.cookie as string }, signal: controller.signal });
    const reader = res.body!.getReader();
    let buffer = '';
    const read = async (until: RegExp) => {
      while (!until.test(buffer)) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += new TextDecoder().decode(value);
      }
    };
    await read(/connected/);
    await new Promise((r) => setTimeout(r, 250));
    const fresh = detection('negative-by-topic|topic:health', 1);
    await repo.save(fresh);
    await read(new RegExp(`"created".*${fresh.id}`));
    controller.abort();
    expect(buffer).toContain(fresh.id);
  });
});
