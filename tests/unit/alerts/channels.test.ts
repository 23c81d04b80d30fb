import Database from 'better-sqlite3';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openOrMerge } from '../../../src/alerts/alert.js';
import { createChannels } from '../../../src/alerts/channels/index.js';
import { verifyWebhookSignature } from '../../../src/alerts/channels/webhook.js';
import { deliverWithRetry, redact } from '../../../src/alerts/deliver.js';
import { deliveryIdOf, renderAlertMessage } from '../../../src/alerts/message.js';
import { parseAlertsConfig } from '../../../src/alerts/rules-schema.js';
import { createSqliteDeliveryLog } from '../../../src/alerts/sqlite/alert-tables.js';
import { httpRecorder } from './helpers.js';

const SECRET = 'whsec_3f9a1c7e5b2d4a6c';
const TOKEN = '123456:AAE-telegram-token-xyz';
const SMTP_PASSWORD = 'mat-khau-SMTP-9!';

const alert = openOrMerge(null, {
  kind: 'spike', ruleId: 'r', ruleName: 'Đất đai <b>', seriesKey: 'r|all', episodeId: 'r|all#1', filter: {}, severity: 'bung_phat',
  at: '2026-03-01T02:00:00.000Z', bucket: '2026-03-01T01:00:00.000Z', action: 'opened',
  assessment: { hour: 1, bucket: 'b', trigger: 'volume', windowHours: 3, observed: 20, expected: 5, expectedLow: 3, expectedHigh: 8, score: 6, ratio: 4, observedShare: 0.5, expectedShare: 0.2, totalObserved: 40 },
}).alert;
const message = renderAlertMessage('opened', alert, null);
const noSleep = { sleep: async () => undefined, random: () => 0.5 };

function channelsFor(yamlChannels: string, env: Record<string, string>) {
  const cfg = parseAlertsConfig(`version: 1\nchannels:\n${yamlChannels}\nrules:\n  - { id: r, name: R, channels: [${yamlChannels.match(/^  ([a-z-]+):/m)![1]}] }\n`);
  return createChannels(cfg.channels, env);
}

describe('delivery ids (receivers drop repeats by them)', () => {
  it('are stable for the same announcement and differ between announcements', () => {
    expect(renderAlertMessage('opened', alert, null).deliveryId).toBe(deliveryIdOf('opened', alert));
    // A replayed opening merges into the saved alert and may grow its history: still the same id.
    const replayed = { ...alert, history: [...alert.history, { at: alert.openedAt, actor: 'system', action: 'opened' as const }] };
    expect(deliveryIdOf('opened', replayed)).toBe(deliveryIdOf('opened', alert));
    const once = { ...alert, history: [...alert.history, { at: alert.openedAt, actor: 'system', action: 'escalated' as const }] };
    const twice = { ...once, history: [...once.history, { at: alert.openedAt, actor: 'system', action: 'escalated' as const }] };
    expect(deliveryIdOf('escalated', once)).not.toBe(deliveryIdOf('escalated', twice));
    expect(deliveryIdOf('escalated', once)).toBe(deliveryIdOf('escalated', { ...once }));
    expect(deliveryIdOf('resolved', once)).not.toBe(deliveryIdOf('escalated', once));
  });
});

describe('channels', () => {
  let smtp: SMTPServer;
  let smtpPort = 0;
  const mails: string[] = [];
  beforeAll(async () => {
    smtp = new SMTPServer({
      disabledCommands: ['STARTTLS'],
      allowInsecureAuth: true,
      onAuth(auth, _session, cb) {
        if (auth.username === 'canhbao' && auth.password === SMTP_PASSWORD) cb(null, { user: 'canhbao' });
        else cb(new Error('Invalid username or password'));
      },
      onData(stream, _session, cb) {
        let data = '';
        stream.on('data', (c: Buffer) => (data += c.toString('utf8')));
        stream.on('end', () => {
          mails.push(data);
          cb();
        });
      },
    });
    await new Promise<void>((r) => smtp.listen(0, '127.0.0.1', r));
    smtpPort = (smtp.server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((r) => smtp.close(() => r())));

  it('signed webhook: receiver verifies HMAC over timestamp.body; tampering and stale timestamps fail', async () => {
    const server = await httpRecorder();
    try {
      const channels = channelsFor(`  hook:\n    type: webhook\n    url: ${server.url}/hook\n    secretEnv: HOOK_SECRET`, { HOOK_SECRET: SECRET });
      const log = createSqliteDeliveryLog(new Database(':memory:'));
      const outcome = await deliverWithRetry(channels.get('hook')!, message, { log, ...noSleep });
      expect(outcome.ok).toBe(true);
      const req = server.received[0]!;
      const ts = String(req.headers['x-pulse-timestamp']);
      const sig = String(req.headers['x-pulse-signature']);
      expect(verifyWebhookSignature(SECRET, ts, req.body, sig)).toBe(true);
      expect(verifyWebhookSignature(SECRET, ts, req.body.replace('Đất', 'Dat'), sig)).toBe(false);
      expect(verifyWebhookSignature('wrong-secret', ts, req.body, sig)).toBe(false);
      expect(verifyWebhookSignature(SECRET, ts, req.body, sig, Number(ts) + 3600)).toBe(false);
      expect(JSON.parse(req.body)).toMatchObject({ event: 'opened', deliveryId: `${alert.id}.opened`, alert: { id: alert.id, severity: 'bung_phat' } });
      expect(req.headers['x-pulse-delivery']).toBe(`${alert.id}.opened`);
      expect(req.body).not.toContain(SECRET);
    } finally {
      await server.close();
    }
  });

  it('retries 5xx with growing backoff, stops at once on 4xx, logs every attempt', async () => {
    const server = await httpRecorder((_r, i) => (i < 2 ? 503 : 200));
    const sleeps: number[] = [];
    try {
      const channels = channelsFor(`  chat:\n    type: chat\n    url: ${server.url}/chat`, {});
      const log = createSqliteDeliveryLog(new Database(':memory:'));
      const outcome = await deliverWithRetry(channels.get('chat')!, message, { log, sleep: async (ms) => void sleeps.push(ms), random: () => 0.5 });
      expect(outcome).toMatchObject({ ok: true, attempts: 3 });
      expect(sleeps).toEqual([2000, 4000]);
      expect((await log.list(alert.id)).map((e) => [e.ok, e.status])).toEqual([[false, 503], [false, 503], [true, 200]]);
      expect(JSON.parse(server.received[2]!.body).text).toContain('Đất đai <b>');
    } finally {
      await server.close();
    }
    const refusing = await httpRecorder(() => 400);
    try {
      const channels = channelsFor(`  chat:\n    type: chat\n    url: ${refusing.url}/chat`, {});
      const outcome = await deliverWithRetry(channels.get('chat')!, message, { log: createSqliteDeliveryLog(new Database(':memory:')), ...noSleep });
      expect(outcome).toMatchObject({ ok: false, attempts: 1 });
      expect(refusing.received).toHaveLength(1);
    } finally {
      await refusing.close();
    }
  });

  it('telegram: Bot API sendMessage on a local stand-in, escaped HTML, token never in the delivery log', async () => {
    const server = await httpRecorder((_r, i) => (i === 0 ? 500 : 200));
    try {
      const channels = channelsFor(`  tg:\n    type: telegram\n    botTokenEnv: TG_TOKEN\n    chatId: -100123\n    apiBaseUrl: ${server.url}`, { TG_TOKEN: TOKEN });
      const log = createSqliteDeliveryLog(new Database(':memory:'));
      expect((await deliverWithRetry(channels.get('tg')!, message, { log, ...noSleep })).ok).toBe(true);
      expect(server.received[1]!.url).toBe(`/bot${TOKEN}/sendMessage`);
      const body = JSON.parse(server.received[1]!.body);
      expect(body).toMatchObject({ chat_id: '-100123', parse_mode: 'HTML' });
      expect(body.text).toContain('Đất đai &lt;b&gt;');
      // A dead endpoint: the error path must not leak the token either.
      const dead = channelsFor(`  tg:\n    type: telegram\n    botTokenEnv: TG_TOKEN\n    chatId: "1"\n    apiBaseUrl: http://127.0.0.1:1`, { TG_TOKEN: TOKEN });
      await deliverWithRetry(dead.get('tg')!, message, { log, ...noSleep });
      const logged = JSON.stringify(await log.list());
      expect(logged).toContain('network');
      expect(logged).not.toContain(TOKEN);
      expect(logged).not.toContain(encodeURIComponent(TOKEN));
    } finally {
      await server.close();
    }
  });

  it('email: nodemailer to a local SMTP server; a refused login is logged without the password', async () => {
    const url = `smtp://canhbao:${encodeURIComponent(SMTP_PASSWORD)}@127.0.0.1:${smtpPort}`;
    const yaml = (name: string) => `  mail:\n    type: email\n    smtpUrlEnv: ${name}\n    from: canh-bao@example.gov.vn\n    to: [truc-ban@example.gov.vn]\n    retry: { attempts: 2, baseDelayMs: 1 }`;
    const log = createSqliteDeliveryLog(new Database(':memory:'));
    const ok = await deliverWithRetry(createChannels(parseAlertsConfig(`version: 1\nchannels:\n${yaml('SMTP_URL')}\nrules:\n  - { id: r, name: R, channels: [mail] }\n`).channels, { SMTP_URL: url }).get('mail')!, message, { log, ...noSleep });
    expect(ok.ok).toBe(true);
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatch(/Subject: .*C=E1=BA=A2NH|Subject: =\?UTF-8\?/);
    expect(mails[0]).toContain('truc-ban@example.gov.vn');
    expect(mails[0]).toContain(`Message-ID: <${alert.id}.opened@policy-pulse>`);

    const badUrl = `smtp://canhbao:${encodeURIComponent('sai-' + SMTP_PASSWORD)}@127.0.0.1:${smtpPort}`;
    const bad = await deliverWithRetry(createChannels(parseAlertsConfig(`version: 1\nchannels:\n${yaml('SMTP_URL')}\nrules:\n  - { id: r, name: R, channels: [mail] }\n`).channels, { SMTP_URL: badUrl }).get('mail')!, message, { log, ...noSleep });
    expect(bad.ok).toBe(false);
    const logged = JSON.stringify(await log.list());
    expect(logged).toMatch(/SMTP 535/);
    expect(logged).not.toContain(SMTP_PASSWORD);
    expect(logged).not.toContain(encodeURIComponent(SMTP_PASSWORD));
  });

  it('fails fast when a secret variable is missing, naming channel and variable', () => {
    expect(() => channelsFor(`  hook:\n    type: webhook\n    url: http://127.0.0.1:9/x\n    secretEnv: HOOK_SECRET`, {})).toThrow(/channels\.hook: environment variable HOOK_SECRET is not set/);
  });

  it('redact replaces raw and URL-encoded secrets', () => {
    expect(redact(`a ${SMTP_PASSWORD} b ${encodeURIComponent(SMTP_PASSWORD)}`, [SMTP_PASSWORD])).toBe('a *** b ***');
  });
});
