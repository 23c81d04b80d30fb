import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createChannels } from '../../../src/alerts/channels/index.js';
import { parseAlertsConfig } from '../../../src/alerts/rules-schema.js';
import { createSqliteAlertRepository, createSqliteDeliveryLog, createSqliteDetectorStateRepository } from '../../../src/alerts/sqlite/alert-tables.js';
import { scanEmergingIssues } from '../../../src/trends/emerging-scan.js';
import { runTrendsTick } from '../../../src/trends/tick.js';
import { httpRecorder, makeItem, tempStore } from '../alerts/helpers.js';

const NOW = Date.parse('2026-05-11T05:20:00.000Z');
const at = (hoursAgo: number) => new Date(NOW - hoursAgo * 3_600_000).toISOString();
const ROUTINE = ['Giải ngân vốn đầu tư công quý II', 'Hội nghị triển khai chuyển đổi số', 'Thu ngân sách tăng mạnh', 'Khởi công dự án đường cao tốc'];

describe('emerging issues outside configured topics', () => {
  let env: Awaited<ReturnType<typeof tempStore>>;
  beforeAll(async () => {
    env = await tempStore();
    const items = [];
    for (let h = 7; h < 7 * 24; h += 2) items.push(makeItem({ publishedAt: at(h), title: ROUTINE[h % 4]!, topics: ['economy'] }));
    for (let k = 0; k < 6; k++) {
      items.push(makeItem({ publishedAt: at(1 + k * 0.5), title: `Sập cầu Phong Châu, nhiều phương tiện rơi xuống sông (${k})`, topics: [], storyId: 'story-sap-cau', sourceId: `bao-${k}` }));
    }
    for (let h = 1; h < 6; h += 2) items.push(makeItem({ publishedAt: at(h), title: ROUTINE[h % 4]!, topics: ['economy'] }));
    expect((await env.store.upsertItems(items)).errors).toEqual([]);
  });
  afterAll(() => env.cleanup());

  it('finds the new term and story, not the routine ones', async () => {
    const scan = await scanEmergingIssues(env.store, new Date(NOW));
    // Segmentation decides the exact words; the new event must surface either way.
    expect(scan.terms.map((t) => t.label).some((l) => l.includes('sập cầu') || l.includes('phong châu'))).toBe(true);
    expect(scan.terms.map((t) => t.label).some((l) => l.includes('ngân sách') || l.includes('đầu tư'))).toBe(false);
    expect(scan.stories.map((s) => s.key)).toEqual(['story-sap-cau']);
  });

  it('the tick raises one emerging-issue alert per key and day, once', async () => {
    const hook = await httpRecorder();
    try {
      const config = parseAlertsConfig(`version: 1\nemerging: { channels: [chat] }\nchannels:\n  chat: { type: chat, url: "${hook.url}/c" }\nrules:\n  - { id: econ, name: Kinh tế, scope: { topics: [economy] }, channels: [chat] }\n`);
      const db = new Database(env.path);
      const deps = { store: env.store, config, states: createSqliteDetectorStateRepository(db), alerts: createSqliteAlertRepository(db), deliveryLog: createSqliteDeliveryLog(db), channels: createChannels(config.channels, {}), sleep: async () => undefined };
      const first = await runTrendsTick(deps, new Date(NOW));
      const texts = hook.received.map((r) => JSON.parse(r.body).text as string);
      expect(texts.some((t) => /Vấn đề mới nổi: “[^”]*(sập cầu|phong châu)/.test(t))).toBe(true);
      expect(first.opened.length).toBe(hook.received.length);
      const again = await runTrendsTick(deps, new Date(NOW + 20 * 60_000));
      expect(again.opened).toEqual([]);
      expect(hook.received.length).toBe(first.opened.length);
      const stored = await deps.alerts.list({ ruleId: '_emerging' });
      expect(stored.find((a) => a.emerging?.type === 'story')?.emerging?.key).toBe('story-sap-cau');
      db.close();
    } finally {
      await hook.close();
    }
  });
});
