import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openOrMerge, type AlertRecord } from '../../../src/alerts/alert.js';
import { createChannels } from '../../../src/alerts/channels/index.js';
import { explainAlert } from '../../../src/alerts/explain.js';
import { renderAlertMessage } from '../../../src/alerts/message.js';
import { flushOutbox, inQuietHours, notifyAlert } from '../../../src/alerts/notify.js';
import { parseAlertsConfig } from '../../../src/alerts/rules-schema.js';
import { createSqliteDeliveryLog, createSqliteDetectorStateRepository } from '../../../src/alerts/sqlite/alert-tables.js';
import { httpRecorder, makeItem, tempStore } from './helpers.js';

const T = Date.parse('2026-04-06T03:00:00.000Z');
const iso = (offsetHours: number) => new Date(T + offsetHours * 3_600_000).toISOString();

function alertAt(severity: AlertRecord['severity'] = 'am_i'): AlertRecord {
  return openOrMerge(null, {
    kind: 'spike', ruleId: 'land', ruleName: 'Đất đai', seriesKey: 'land|topic:land', episodeId: 'land|topic:land#1', filter: { topics: ['land'] }, severity,
    at: iso(1), bucket: iso(0), action: 'opened',
    assessment: { hour: 0, bucket: iso(0), trigger: 'volume', windowHours: 3, observed: 9, expected: 1.2, expectedLow: 0, expectedHigh: 3, score: 5, ratio: 7.5, observedShare: 0.6, expectedShare: 0.2, totalObserved: 15 },
  }).alert;
}

describe('explainAlert on a real SQLite store', () => {
  let env: Awaited<ReturnType<typeof tempStore>>;
  beforeAll(async () => {
    env = await tempStore();
    const items = [];
    // Background week: routine land news.
    for (let h = 1; h <= 7 * 24; h += 6) items.push(makeItem({ publishedAt: iso(-h), title: 'Cấp giấy chứng nhận quyền sử dụng đất', sentiment: 'neutral' }));
    // The episode: one story across outlets (two central), another small one, and an off-topic item.
    for (let k = 0; k < 6; k++) {
      items.push(makeItem({ publishedAt: iso(-2 + k * 0.3), title: `Cưỡng chế thu hồi đất gây bức xúc ở Thủ Đức ${k}`, sentiment: 'negative', storyId: 's-cuong-che', sourceId: `bao-${k}`, tier: k < 2 ? 'central' : 'local', provinces: ['ho-chi-minh'], evidence: ['bức xúc', 'cưỡng chế'] }));
    }
    items.push(makeItem({ publishedAt: iso(-1), title: 'Chậm bồi thường giải phóng mặt bằng', sentiment: 'negative', storyId: 's-boi-thuong', sourceId: 'bao-9', provinces: ['dong-nai'], evidence: ['chậm bồi thường'] }));
    items.push(makeItem({ publishedAt: iso(-1), title: 'Bệnh viện quá tải', sentiment: 'negative', topics: ['health'] }));
    expect((await env.store.upsertItems(items)).errors).toEqual([]);
  });
  afterAll(() => env.cleanup());

  it('gives stories, outlets, evidence, emerging phrases, severity and link', async () => {
    const x = await explainAlert(env.store, alertAt(), { dashboardUrl: 'http://pulse.local' });
    expect(x.itemsMatching).toBe(7); // health item excluded by the alert's filter
    expect(x.topStories[0]).toMatchObject({ storyId: 's-cuong-che', items: 6 });
    expect(x.topStories[0]!.outlets).toHaveLength(6);
    expect(x.topStories[1]!.storyId).toBe('s-boi-thuong');
    expect(x.evidence[0]).toEqual({ phrase: 'bức xúc', count: 6 });
    expect(x.emergingTerms.map((t) => t.label)).toContain('thu hồi đất');
    expect(x.spread).toEqual({ negativeItems: 7, mainstreamItems: 2, outlets: 7, provinces: 2 });
    expect(x.severity).toBe('bung_phat');
    expect(x.severityLabel).toBe('Bùng phát');
    expect(x.link).toBe(`http://pulse.local/#/alerts/${x.alertId}`);
    const text = renderAlertMessage('opened', alertAt(), x).text;
    expect(text).toContain('Quan sát: 9 tin tiêu cực trong 3 giờ; kỳ vọng 1.2 (khoảng 0–3)');
    expect(text).toContain('Cưỡng chế thu hồi đất gây bức xúc');
  });
});

describe('notification policy', () => {
  async function setup(extra: string) {
    const hook = await httpRecorder();
    const config = parseAlertsConfig(`version: 1\n${extra}\nchannels:\n  chat: { type: chat, url: "${hook.url}/c" }\nrules:\n  - { id: land, name: L, channels: [chat] }\n`);
    const db = new Database(':memory:');
    const deps = { config, channels: createChannels(config.channels, {}), states: createSqliteDetectorStateRepository(db), log: createSqliteDeliveryLog(db), sleep: async () => undefined };
    return { hook, deps };
  }
  const at = (localHHMM: string) => new Date(`2026-04-06T${localHHMM}:00+07:00`);

  it('quiet hours hold routine alerts until morning but let lan_rong through', async () => {
    const { hook, deps } = await setup('quietHours: { from: "22:00", to: "06:00", except: [lan_rong] }');
    try {
      expect(inQuietHours(deps.config, at('23:30'))).toBe(true);
      expect(inQuietHours(deps.config, at('06:00'))).toBe(false);
      expect(await notifyAlert(deps, ['chat'], 'am_i', 'opened', alertAt('am_i'), null, at('23:30'))).toMatchObject({ queued: 1 });
      expect(hook.received).toHaveLength(0);
      await notifyAlert(deps, ['chat'], 'am_i', 'opened', alertAt('lan_rong'), null, at('23:40'));
      expect(hook.received).toHaveLength(1);
      expect(await flushOutbox(deps, at('02:00'))).toEqual([]);
      expect((await flushOutbox(deps, at('06:10'))).map((o) => o.ok)).toEqual([true]);
      expect(hook.received).toHaveLength(2);
      expect(await flushOutbox(deps, at('06:20'))).toEqual([]); // nothing left
    } finally {
      await hook.close();
    }
  });

  it('digest mode batches messages into one; minSeverity filters', async () => {
    const { hook, deps } = await setup('digest: { mode: hourly }');
    try {
      expect(await notifyAlert(deps, ['chat'], 'bung_phat', 'opened', alertAt('am_i'), null, at('09:00'))).toEqual({ sent: [], queued: 0 });
      await notifyAlert(deps, ['chat'], 'am_i', 'opened', alertAt('am_i'), null, at('09:00'));
      await notifyAlert(deps, ['chat'], 'am_i', 'escalated', alertAt('bung_phat'), null, at('09:05'));
      expect(hook.received).toHaveLength(0);
      await flushOutbox(deps, at('09:10'));
      expect(hook.received).toHaveLength(1);
      expect(JSON.parse(hook.received[0]!.body).text).toMatch(/^\[BẢN TIN CẢNH BÁO\] 2 cảnh báo/);
      await notifyAlert(deps, ['chat'], 'am_i', 'opened', alertAt('am_i'), null, at('09:20'));
      expect(await flushOutbox(deps, at('09:30'))).toEqual([]); // within the hour
      expect(await flushOutbox(deps, at('10:15'))).toHaveLength(1);
    } finally {
      await hook.close();
    }
  });
});
