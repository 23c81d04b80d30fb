import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createChannels } from '../../../src/alerts/channels/index.js';
import { parseAlertsConfig } from '../../../src/alerts/rules-schema.js';
import { createSqliteAlertRepository, createSqliteDeliveryLog, createSqliteDetectorStateRepository } from '../../../src/alerts/sqlite/alert-tables.js';
import { runTrendsTick } from '../../../src/trends/tick.js';
import { httpRecorder, makeItem, tempStore } from '../alerts/helpers.js';

const HOUR = 3_600_000;
const START = Date.parse('2026-06-01T17:00:00.000Z'); // Tuesday 00:00 local
const END = START + 16 * 24 * HOUR;

/** Every morning (08–11 local) brings 8 negative pieces an hour on the NQ57 policy; nights are quiet. */
async function seed(env: Awaited<ReturnType<typeof tempStore>>) {
  const items = [];
  for (let t = START; t < END; t += HOUR) {
    const local = new Date(t + 7 * HOUR).getUTCHours();
    const negatives = local >= 8 && local <= 11 ? 8 : local >= 7 && local <= 20 ? 1 : 0;
    for (let k = 0; k < negatives + 1; k++) {
      items.push(makeItem({ publishedAt: new Date(t + k * 120_000).toISOString(), topics: ['science'], policies: ['nq57-khcn'], sentiment: k < negatives ? 'negative' : 'neutral', sourceId: `bao-${k % 5}` }));
    }
  }
  expect((await env.store.upsertItems(items)).errors).toEqual([]);
}

describe('runTrendsTick forecast early warning', () => {
  let env: Awaited<ReturnType<typeof tempStore>>;
  beforeAll(async () => {
    env = await tempStore();
    await seed(env);
  }, 60_000);
  afterAll(() => env.cleanup());

  it('warns once when the forecast lower bound reaches the threshold, and not for an unreachable one', async () => {
    const hook = await httpRecorder();
    try {
      const yaml = (threshold: number) => `version: 1\nchannels:\n  chat: { type: chat, url: "${hook.url}/c" }\nrules:\n  - id: nq57\n    name: "Nghị quyết 57"\n    scope: { policies: [nq57-khcn] }\n    forecast: { negativeCount: ${threshold}, windowHours: 3, horizonHours: 48 }\n    channels: [chat]\n`;
      const db = new Database(env.path);
      const deps = (threshold: number) => {
        const config = parseAlertsConfig(yaml(threshold));
        return { store: env.store, config, states: createSqliteDetectorStateRepository(db), alerts: createSqliteAlertRepository(db), deliveryLog: createSqliteDeliveryLog(db), channels: createChannels(config.channels, {}), sleep: async () => undefined };
      };
      // 200 negatives in 3 hours never happened: no warning.
      await runTrendsTick(deps(200), new Date(END + 15 * 60_000));
      const none = await createSqliteAlertRepository(db).list({ ruleId: "nq57" });
      expect(none.map((a) => [a.kind, a.seriesKey, a.latest, a.windowStart])).toEqual([]);

      db.exec('DELETE FROM alert_detector_state');
      const first = await runTrendsTick(deps(12), new Date(END + 15 * 60_000));
      const alerts = await createSqliteAlertRepository(db).list({ ruleId: 'nq57' });
      expect(alerts).toHaveLength(1);
      expect(alerts[0]).toMatchObject({ kind: 'forecast', status: 'open' });
      expect(alerts[0]!.forecast!.lower).toBeGreaterThanOrEqual(12);
      expect(first.opened).toEqual([alerts[0]!.id]);
      expect(JSON.parse(hook.received[0]!.body).text).toMatch(/Dự báo: sau \d+ giờ/);
      const second = await runTrendsTick(deps(12), new Date(END + HOUR + 15 * 60_000));
      expect(second.opened).toEqual([]);
      expect(hook.received).toHaveLength(1);
      db.close();
    } finally {
      await hook.close();
    }
  }, 60_000);
});
