/**
 * Issue 5, end to end on real parts: the local press server, the whole ingestion pipeline on real
 * Redis and SQLite (crawl → fetch → analyse → index), and the `trends` role as a BullMQ worker,
 * delivering to a local signed-webhook receiver and a local SMTP server.
 *
 * Hospital-overload articles start appearing in several outlets' feeds → exactly one alert reaches
 * each channel, with its explanation (observed vs expected, top stories, outlets, evidence); the
 * trends worker is restarted and the alert neither re-fires nor changes identity.
 *
 * Why the "before" tick is called directly: the worker ticks with the wall clock, and a tick
 * processes every COMPLETE hour. The spike lives in the last complete hours (the test cannot wait
 * an hour for a bucket to close), so a worker running during the history phase would record those
 * hours as empty and only revise them later. The history tick therefore runs `runTrendsTick` with
 * the same file, config and channels the worker builds, at the instant the spike began; from then
 * on only the real worker ticks.
 */
import Database from 'better-sqlite3';
import { Queue } from 'bullmq';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createChannels } from '../../src/alerts/channels/index.js';
import { verifyWebhookSignature } from '../../src/alerts/channels/webhook.js';
import { loadAlertsConfig } from '../../src/alerts/rules-schema.js';
import { createSqliteAlertRepository, createSqliteDeliveryLog, createSqliteDetectorStateRepository, ensureAlertTables } from '../../src/alerts/sqlite/alert-tables.js';
import type { BootedProcess } from '../../src/app/boot.js';
import { buildDemoCorpus } from '../../src/demo/corpus.js';
import { composeArticle } from '../../src/demo/corpus/compose.js';
import { drawFill } from '../../src/demo/corpus/fill.js';
import { articlePath } from '../../src/demo/corpus/paths.js';
import { PROVINCES } from '../../src/demo/corpus/places.js';
import { bankById } from '../../src/demo/corpus/topics/index.js';
import { outletById } from '../../src/demo/outlets.js';
import { createRng } from '../../src/demo/random.js';
import type { DemoArticle, DemoCorpus } from '../../src/demo/types.js';
import { runTrendsTick } from '../../src/trends/tick.js';
import { createPipelineHarness, waitForIdle, type PipelineHarness } from '../helpers/pipeline-harness.js';
import { httpRecorder } from '../unit/alerts/helpers.js';

const HOUR = 3_600_000;
const SETTLE_MS = 10 * 60_000; // runTrendsTick's default settleMinutes (the worker keeps it)
const SECRET = 'alerts-pipeline-webhook-secret';
const SPIKE_OUTLETS = ['tinnhanhviet', 'phuongnam', 'songhong', 'phothi', 'mientrung'];
const OVERLOAD_TITLE = /quá tải|chờ khám|nghỉ việc/;

/**
 * Hospital-overload articles, composed from the demo's own health sentence bank (so the real NLP
 * labels them) and spread over five non-government outlets: `perHour[i]` articles in hour
 * `firstHour + i` (epoch hours).
 */
function overloadSpike(firstHour: number, perHour: number[]): DemoArticle[] {
  const rng = createRng(5_2026);
  const bank = bankById('health');
  const province = PROVINCES.find((p) => p.short === 'Huế') ?? PROVINCES[0]!;
  const fill = drawFill(bank, rng, new Date(firstHour * HOUR).getUTCFullYear(), { province, subject: 'Bệnh viện Trung ương {placeShort}' });
  const articles: DemoArticle[] = [];
  perHour.forEach((count, offset) => {
    for (let k = 0; k < count; k++) {
      let text = composeArticle(bank, 'negative', fill, rng);
      for (let tries = 0; !OVERLOAD_TITLE.test(text.title); tries++) {
        if (tries > 200) throw new Error('overloadSpike: the health bank has no overload title any more');
        text = composeArticle(bank, 'negative', fill, rng);
      }
      const outlet = outletById(SPIKE_OUTLETS[articles.length % SPIKE_OUTLETS.length]!);
      const publishedMs = (firstHour + offset) * HOUR + Math.floor(((k + 0.5) / count) * 55) * 60_000;
      const num = 9_100_000 + articles.length;
      articles.push({
        id: `${outlet.id}-${num}`, outletId: outlet.id, path: articlePath(outlet, bank.section.slug, text.title, num, publishedMs),
        section: bank.section.name, sectionSlug: bank.section.slug, title: text.title, lead: text.lead, paragraphs: text.paragraphs,
        author: outlet.authors[0]!, publishedAt: new Date(publishedMs).toISOString(), topics: ['health'], sentiment: 'negative',
        storyId: 'story-qua-tai-benh-vien', tags: text.tags, imageCaption: text.imageCaption, comments: text.comments, episode: 'it-qua-tai',
      });
    }
  });
  return articles;
}

/** The decoded body of a quoted-printable mail (soft breaks joined, `=XX` bytes read as UTF-8). */
function decodeQuotedPrintable(raw: string): string {
  const joined = raw.replace(/=\r?\n/g, '');
  return joined.replace(/(?:=[0-9A-F]{2})+/g, (run) => Buffer.from(run.split('=').slice(1).map((h) => parseInt(h, 16))).toString('utf8'));
}

describe('alerts on the whole pipeline (press server, Redis, SQLite, trends worker, webhook, SMTP)', () => {
  const startMs = Date.now();
  // Last hour a tick processes now; the spike fills it and the hour before.
  const lastComplete = Math.floor((startMs - SETTLE_MS) / HOUR) - 1;
  const spikeStartMs = (lastComplete - 1) * HOUR;
  const spike = overloadSpike(lastComplete - 1, [2, 8]);
  const base = buildDemoCorpus({ anchor: new Date(startMs) });
  const corpus: DemoCorpus = { ...base, articles: [...base.articles, ...spike].sort((a, b) => a.publishedAt.localeCompare(b.publishedAt) || a.id.localeCompare(b.id)) };

  let h: PipelineHarness;
  let pipeline: BootedProcess;
  let configDir: string;
  let hook: Awaited<ReturnType<typeof httpRecorder>>;
  const hookReceivedAt: number[] = [];
  let smtp: SMTPServer;
  const mails: { to: string[]; raw: string }[] = [];
  let alertId = '';

  beforeAll(async () => {
    hook = await httpRecorder((_req, i) => {
      hookReceivedAt[i] = Date.now();
      return 200;
    });
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      onData(stream, session, cb) {
        let raw = '';
        stream.on('data', (c: Buffer) => (raw += c.toString('utf8')));
        stream.on('end', () => {
          mails.push({ to: session.envelope.rcptTo.map((r) => r.address), raw });
          cb();
        });
      },
    });
    await new Promise<void>((r) => smtp.listen(0, '127.0.0.1', r));
    // The worker reads channel secrets from process.env; the config names the variables only.
    process.env.PULSE_IT_WEBHOOK_SECRET = SECRET;
    process.env.PULSE_IT_SMTP_URL = `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`;

    configDir = mkdtempSync(join(tmpdir(), 'pulse-it-config-'));
    cpSync('config', configDir, { recursive: true });
    writeFileSync(join(configDir, 'alerts.yaml'), [
      'version: 1',
      'dashboardUrl: http://127.0.0.1:8080',
      'channels:',
      `  ops-webhook: { type: webhook, url: "${hook.url}/hooks/policy-pulse", secretEnv: PULSE_IT_WEBHOOK_SECRET }`,
      '  duty-email: { type: email, smtpUrlEnv: PULSE_IT_SMTP_URL, from: "policy-pulse <canh-bao@example.gov.vn>", to: [truc-ban@example.gov.vn] }',
      'rules:',
      '  - id: negative-by-topic',
      '    name: "Tin tiêu cực tăng đột biến theo lĩnh vực"',
      '    scope: { splitBy: topic, topics: [land, health, education, transport] }',
      '    channels: [ops-webhook, duty-email]',
    ].join('\n'));

    h = await createPipelineHarness({ press: { corpus }, env: { PULSE_CONFIG_DIR: configDir } });
    h.press.publishUpTo(new Date(spikeStartMs)); // the feeds show the history only
    pipeline = await h.boot();
    await waitForIdle(pipeline.ctx, { timeoutMs: 150_000 });
  }, 240_000);

  afterAll(async () => {
    await h?.cleanup();
    await hook?.close();
    await new Promise<void>((r) => (smtp ? smtp.close(() => r()) : r()));
    if (configDir) rmSync(configDir, { recursive: true, force: true });
    delete process.env.PULSE_IT_WEBHOOK_SECRET;
    delete process.env.PULSE_IT_SMTP_URL;
  });

  /** Completed ticks of the trends queue so far. */
  async function completedTicks(): Promise<number> {
    const queue = new Queue('trends', { connection: pipeline.ctx.redis, prefix: h.prefix });
    try {
      return (await queue.getJobCounts('completed')).completed ?? 0;
    } finally {
      await queue.close();
    }
  }

  async function waitFor(what: string, test: () => Promise<boolean> | boolean, timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!(await test())) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  /** Alert rows and delivery log, read from the file the worker writes. */
  async function alertsInDb() {
    const db = new Database(h.env.PULSE_SQLITE_PATH, { readonly: true });
    try {
      const alerts = await createSqliteAlertRepository(db).list({ limit: 50 });
      const deliveries = await createSqliteDeliveryLog(db).list();
      return { alerts, deliveries };
    } finally {
      db.close();
    }
  }

  it('the history alone raises no alert', async () => {
    expect(await pipeline.ctx.store.countItems()).toBe(h.press.publishedArticles().length);
    const db = new Database(h.env.PULSE_SQLITE_PATH);
    ensureAlertTables(db);
    const config = loadAlertsConfig(join(configDir, 'alerts.yaml'));
    const deps = {
      store: pipeline.ctx.store, config,
      states: createSqliteDetectorStateRepository(db), alerts: createSqliteAlertRepository(db), deliveryLog: createSqliteDeliveryLog(db),
      channels: createChannels(config.channels, process.env, { onMissingSecret: 'unconfigured' }),
    };
    // The tick as it ran just before the flare-up: every hour up to the spike's first one is done.
    const tick = await runTrendsTick(deps, new Date(spikeStartMs + SETTLE_MS + 5 * 60_000));
    db.close();
    expect(tick.processedUpTo).toBe(new Date((lastComplete - 2) * HOUR).toISOString());
    expect(tick.series).toBe(4);
    expect(tick.hoursObserved).toBeGreaterThan(14 * 24); // the detector is past its warm-up
    expect(tick.opened).toEqual([]);
    expect(hook.received).toHaveLength(0);
    expect(mails).toHaveLength(0);
  }, 60_000);

  it('negative articles on one topic in the feeds → exactly one alert per channel, explained', async () => {
    const publishedAt = Date.now();
    h.press.publishUpTo(new Date(startMs)); // the spike (and the day's other news) appear in the feeds
    const stamp = Date.now();
    for (const s of pipeline.ctx.sources) await pipeline.ctx.queues.crawl.add('crawl', { sourceId: s.id, reason: 'manual' }, { jobId: `manual-${s.id}-${stamp}` });
    await waitForIdle(pipeline.ctx, { timeoutMs: 60_000 });
    const ingestedAt = Date.now();
    expect(await pipeline.ctx.store.countItems()).toBe(h.press.publishedArticles().length);

    const trends = await h.boot(['trends'], { trends: { everyMs: 1_000 } });
    await waitFor('the webhook delivery', () => hook.received.length > 0, 30_000);
    const latencyMs = hookReceivedAt[0]! - publishedAt;
    // Several more ticks (one a second) must deliver nothing new.
    const ticks = await completedTicks();
    await waitFor('three more ticks', async () => (await completedTicks()) >= ticks + 3, 30_000);
    await waitFor('the e-mail', () => mails.length > 0, 10_000);
    console.info(`[alerts-pipeline] feed publish → webhook: ${latencyMs} ms (ingestion ${ingestedAt - publishedAt} ms, trends boot + tick + delivery ${hookReceivedAt[0]! - ingestedAt} ms)`);

    expect(hook.received).toHaveLength(1);
    expect(mails).toHaveLength(1);
    const req = hook.received[0]!;
    expect(req.url).toBe('/hooks/policy-pulse');
    expect(verifyWebhookSignature(SECRET, String(req.headers['x-pulse-timestamp']), req.body, String(req.headers['x-pulse-signature']))).toBe(true);
    const body = JSON.parse(req.body);
    expect(body.event).toBe('opened');
    expect(body.alert.seriesKey).toBe('negative-by-topic|topic:health');
    alertId = body.alert.id;

    const x = body.explanation;
    expect(x.observed.observed).toBeGreaterThanOrEqual(5);
    expect(x.observed.observed).toBeGreaterThan(x.observed.expectedHigh);
    expect(x.topStories.length).toBeGreaterThan(0);
    expect(x.topStories[0].title).toMatch(OVERLOAD_TITLE);
    const spikeOutlets = new Set(SPIKE_OUTLETS.map((id) => outletById(id).name));
    expect(x.outlets.filter((o: { name: string }) => spikeOutlets.has(o.name)).length).toBeGreaterThanOrEqual(3);
    expect(x.evidence.length).toBeGreaterThan(0);
    expect(x.evidence[0].count).toBeGreaterThanOrEqual(2);
    expect(x.link).toBe(`http://127.0.0.1:8080/#/alerts/${alertId}`);
    expect(['bung_phat', 'lan_rong']).toContain(body.alert.severity); // three central outlets carried it

    const mail = mails[0]!;
    expect(mail.to).toEqual(['truc-ban@example.gov.vn']);
    const text = decodeQuotedPrintable(mail.raw);
    expect(text).toContain(`Xem chi tiết: ${x.link}`);
    expect(text).toContain('Cơ quan báo chí:');
    expect(text).toContain(x.topStories[0].title);

    const { alerts, deliveries } = await alertsInDb();
    expect(alerts.map((a) => [a.id, a.status])).toEqual([[alertId, 'open']]);
    expect(deliveries.filter((d) => d.ok).map((d) => d.channelId).sort()).toEqual(['duty-email', 'ops-webhook']);
    expect(latencyMs).toBeLessThan(60_000);
    await trends.shutdown();
  }, 180_000);

  it('a restarted trends worker does not fire the alert again', async () => {
    expect(alertId).not.toBe('');
    const before = await completedTicks();
    const trends = await h.boot(['trends'], { trends: { everyMs: 1_000 } });
    await waitFor('three ticks after the restart', async () => (await completedTicks()) >= before + 3, 30_000);
    await trends.shutdown();
    expect(hook.received).toHaveLength(1);
    expect(mails).toHaveLength(1);
    const { alerts, deliveries } = await alertsInDb();
    expect(alerts.map((a) => [a.id, a.status])).toEqual([[alertId, 'open']]);
    expect(deliveries.filter((d) => d.ok)).toHaveLength(2);
  }, 60_000);
});
