/**
 * End to end for the trends tick on real parts: a SQLite store file, the alert_ tables in the same
 * file, a local signed-webhook receiver and a local SMTP server. Negative articles on one topic
 * start appearing → exactly one alert reaches the webhook and the SMTP server, with its
 * explanation; a restart of the worker (new connections, same file) does not re-fire it; calm
 * hours resolve it.
 */
import Database from 'better-sqlite3';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createChannels } from '../../src/alerts/channels/index.js';
import { verifyWebhookSignature } from '../../src/alerts/channels/webhook.js';
import { parseAlertsConfig } from '../../src/alerts/rules-schema.js';
import { createSqliteAlertRepository, createSqliteDeliveryLog, createSqliteDetectorStateRepository } from '../../src/alerts/sqlite/alert-tables.js';
import { createSqliteStore } from '../../src/store/sqlite/index.js';
import { runTrendsTick, type TrendsTickDeps } from '../../src/trends/tick.js';
import { httpRecorder, makeItem, tempStore } from '../unit/alerts/helpers.js';

const HOUR = 3_600_000;
const START = Date.parse('2026-03-01T17:00:00.000Z'); // Monday 00:00 local
const T0 = START + 21 * 24 * HOUR;
const SECRET = 'integration-webhook-secret';

describe('runTrendsTick (SQLite + webhook + SMTP)', () => {
  let env: Awaited<ReturnType<typeof tempStore>>;
  let hook: Awaited<ReturnType<typeof httpRecorder>>;
  let smtp: SMTPServer;
  const mails: string[] = [];
  let yaml = '';

  beforeAll(async () => {
    env = await tempStore();
    hook = await httpRecorder();
    smtp = new SMTPServer({ authOptional: true, disabledCommands: ['STARTTLS'], onData(stream, _s, cb) {
      let d = '';
      stream.on('data', (c: Buffer) => (d += c.toString('utf8')));
      stream.on('end', () => { mails.push(d); cb(); });
    } });
    await new Promise<void>((r) => smtp.listen(0, '127.0.0.1', r));
    yaml = [
      'version: 1',
      'dashboardUrl: http://127.0.0.1:8080',
      'channels:',
      '  hook: { type: webhook, url: "' + hook.url + '/in", secretEnv: HOOK_SECRET }',
      '  mail: { type: email, smtpUrlEnv: SMTP_URL, from: canh-bao@example.gov.vn, to: [truc-ban@example.gov.vn] }',
      'rules:',
      '  - id: neg-topic',
      '    name: "Tin tiêu cực theo lĩnh vực"',
      '    scope: { splitBy: topic, topics: [land, health] }',
      '    channels: [hook, mail]',
    ].join('\n');
    // Three weeks of routine coverage: a daily rhythm, one negative piece in five.
    const items = [];
    for (let t = START; t < T0 + 20 * HOUR; t += HOUR) {
      const localHour = new Date(t + 7 * HOUR).getUTCHours();
      const n = localHour >= 7 && localHour <= 21 ? 3 : 1;
      for (let k = 0; k < n; k++) {
        items.push(makeItem({ publishedAt: new Date(t + k * 600_000).toISOString(), topics: [k % 2 ? 'land' : 'health'], sentiment: (t / HOUR + k) % 5 === 0 ? 'negative' : 'neutral', sourceId: `bao-${k}` }));
      }
    }
    expect((await env.store.upsertItems(items)).errors).toEqual([]);
  }, 120_000);

  afterAll(async () => {
    await hook.close();
    await new Promise<void>((r) => smtp.close(() => r()));
    await env.cleanup();
  });

  /** Fresh deps over the same DB file, as a restarted worker would build them. */
  function deps(db: Database.Database, store = env.store): TrendsTickDeps {
    const config = parseAlertsConfig(yaml);
    return {
      store,
      config,
      states: createSqliteDetectorStateRepository(db),
      alerts: createSqliteAlertRepository(db),
      deliveryLog: createSqliteDeliveryLog(db),
      channels: createChannels(config.channels, { HOOK_SECRET: SECRET, SMTP_URL: `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}` }),
      sleep: async () => undefined,
    };
  }

  it('one alert for a negative flare-up, explained, not re-fired after restart, resolved when calm', async () => {
    const first = await runTrendsTick(deps(env.store.db), new Date(T0 + 15 * 60_000));
    expect(first.series).toBe(2);
    expect(first.opened).toEqual([]);
    expect(hook.received).toHaveLength(0);

    // A land-recovery controversy: 10 negative pieces an hour for 4 hours across outlets and tiers.
    const burst = [];
    for (let h = 0; h < 4; h++) {
      for (let k = 0; k < 10; k++) {
        burst.push(makeItem({
          publishedAt: new Date(T0 + h * HOUR + k * 300_000).toISOString(),
          topics: ['land'], sentiment: 'negative', sourceId: `bao-${k}`, tier: k < 3 ? 'central' : 'local',
          storyId: 'story-thu-hoi-dat', provinces: [`tinh-${k % 4}`],
          title: `Người dân bức xúc vì thu hồi đất trái luật ở xã Hòa Phú (${h}-${k})`,
          evidence: ['thu hồi đất trái luật', 'bức xúc'],
        }));
      }
    }
    expect((await env.store.upsertItems(burst)).errors).toEqual([]);

    for (let h = 1; h <= 4; h++) await runTrendsTick(deps(env.store.db), new Date(T0 + h * HOUR + 15 * 60_000));
    const opened = hook.received.map((r) => JSON.parse(r.body)).filter((b) => b.event === 'opened');
    expect(opened).toHaveLength(1);
    expect(new Set(hook.received.map((r) => JSON.parse(r.body).alert.id)).size).toBe(1);
    const req = hook.received[0]!;
    expect(verifyWebhookSignature(SECRET, String(req.headers['x-pulse-timestamp']), req.body, String(req.headers['x-pulse-signature']))).toBe(true);
    const body = opened[0];
    expect(body.alert.seriesKey).toBe('neg-topic|topic:land');
    expect(body.explanation.topStories[0].storyId).toBe('story-thu-hoi-dat');
    expect(body.explanation.evidence.map((e: { phrase: string }) => e.phrase)).toContain('thu hồi đất trái luật');
    expect(body.explanation.outlook).toMatchObject({ hours: 24 });
    expect(body.explanation.outlook.lower).toBeLessThanOrEqual(body.explanation.outlook.upper);
    expect(body.text).toMatch(/Dự báo 24 giờ tới: khoảng \d+ tin tiêu cực/);
    expect(body.explanation.link).toBe(`http://127.0.0.1:8080/#/alerts/${body.alert.id}`);
    expect(body.explanation.observed.observed).toBeGreaterThan(body.explanation.observed.expectedHigh);
    expect(['bung_phat', 'lan_rong']).toContain(body.alert.severity); // central press carried it
    expect(mails.length).toBeGreaterThanOrEqual(1);
    expect(mails[0]).toContain('truc-ban@example.gov.vn');

    // Restart: new connections to the same file, same hour processed again and the next one.
    const before = hook.received.length;
    const db2 = new Database(env.path);
    const store2 = createSqliteStore({ path: env.path });
    await store2.init();
    const again = await runTrendsTick(deps(db2, store2), new Date(T0 + 4 * HOUR + 30 * 60_000));
    expect(again.opened).toEqual([]);
    expect(hook.received.length).toBe(before);

    // Calm hours: the alert resolves, once.
    let resolved: string[] = [];
    for (let h = 5; h <= 20; h++) resolved = [...resolved, ...(await runTrendsTick(deps(db2, store2), new Date(T0 + h * HOUR + 15 * 60_000))).resolved];
    expect(resolved).toEqual([body.alert.id]);
    const stored = await createSqliteAlertRepository(db2).get(body.alert.id);
    expect(stored?.status).toBe('resolved');
    expect(stored?.history.map((x) => x.action)).toContain('resolved');
    expect(hook.received.map((r) => JSON.parse(r.body).event).filter((e) => e === 'opened')).toHaveLength(1);
    await store2.close();
    db2.close();
  }, 120_000);
});
