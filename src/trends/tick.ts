/**
 * `runTrendsTick(deps, now)`: the stage the `trends` BullMQ worker calls every few minutes.
 *
 * For every enabled rule and each of its series it reads ONLY the hourly buckets completed since
 * the last tick (plus `lateHours` back, to pick up late-arriving articles; a new series reads the
 * baseline window once), feeds them to the persisted detector, and turns detector events into
 * alert records (open → merge/escalate → resolve) with an explanation built from the Store, then
 * notifies the rule's channels. Rules with `forecast:` also get an early-warning alert when the
 * forecast's lower bound reaches the threshold, and with `emerging:` configured, terms and stories
 * that jump across ALL coverage raise an emerging-issue alert. Running the same tick twice is a no-op.
 */
import { openOrMerge, transitionAlert, type AlertDetection, type AlertRecord } from '../alerts/alert.js';
import type { ConfiguredChannel } from '../alerts/channels/index.js';
import type { DeliveryOutcome } from '../alerts/deliver.js';
import { explainAlert, type AlertExplanation } from '../alerts/explain.js';
import type { AlertEvent } from '../alerts/message.js';
import { flushOutbox, notifyAlert } from '../alerts/notify.js';
import type { AlertRepository, DeliveryLog, DetectorStateRepository } from '../alerts/repositories.js';
import type { AlertRule, AlertsConfig } from '../alerts/rules-schema.js';
import type { Store } from '../store/store.js';
import { createDetectorState, DEFAULT_DETECTOR_CONFIG, observeHour, type DetectorEvent, type SeriesDetectorState, type SpikeDetectorConfig } from './detector/spike-detector.js';
import { scanEmergingIssues } from './emerging-scan.js';
import { findForecastBreach } from './forecast/early-warning.js';
import { fitHoltWinters, forecastHoltWinters } from './forecast/holt-winters.js';
import { listedSplitValues, readRuleCounts, seriesSpecs, type HourlyCounts, type SeriesSpec } from './tick-series.js';

/**
 * What a tick needs. Everything is a port, so the worker wires real adapters and tests wire the
 * same adapters on a temporary SQLite file and local servers.
 */
export interface TrendsTickDeps {
  /** Source of series and of the items that explain an alert. */
  store: Store;
  /** Validated `config/alerts.yaml`. */
  config: AlertsConfig;
  /** Detector state per series (and the notification outbox). */
  states: DetectorStateRepository;
  alerts: AlertRepository;
  deliveryLog: DeliveryLog;
  /** Channels by id, from `createChannels(config.channels, env)`. */
  channels: Map<string, ConfiguredChannel>;
  /** Hours re-read before the last processed hour to catch late articles. @defaultValue 3 */
  lateHours?: number;
  /** Detector openings older than this many hours (backfill, catch-up after downtime) raise no alert of their own. @defaultValue 24 */
  staleHours?: number;
  /** A bucket is processed once it ended this long ago (lets the crawl catch up). @defaultValue 10 */
  settleMinutes?: number;
  /** Optional logger (pino-compatible subset). */
  logger?: { info: (obj: object, msg: string) => void; warn: (obj: object, msg: string) => void };
  /** Injectable sleep for delivery backoff (tests). */
  sleep?: (ms: number) => Promise<void>;
}

/** What a tick did. */
export interface TrendsTickResult {
  /** Last complete hour processed (ISO), or null when nothing was due. */
  processedUpTo: string | null;
  series: number;
  hoursObserved: number;
  opened: string[];
  updated: string[];
  resolved: string[];
  deliveries: DeliveryOutcome[];
  queued: number;
  warnings: string[];
}

const HOUR_MS = 3_600_000;

/** Run one trends tick at time `now`. */
export async function runTrendsTick(deps: TrendsTickDeps, now: Date): Promise<TrendsTickResult> {
  const detector: SpikeDetectorConfig = { ...DEFAULT_DETECTOR_CONFIG, ...deps.config.detector };
  const lastComplete = Math.floor((now.getTime() - (deps.settleMinutes ?? 10) * 60_000) / HOUR_MS) - 1;
  const result: TrendsTickResult = { processedUpTo: null, series: 0, hoursObserved: 0, opened: [], updated: [], resolved: [], deliveries: [], queued: 0, warnings: [] };
  const historyHours = detector.historyWeeks * 168;
  for (const rule of deps.config.rules.filter((r) => r.enabled)) {
    const known = await deps.states.listKeys(`series:${rule.id}|`);
    const states = new Map<string, SeriesDetectorState>();
    for (const k of known) states.set(k.slice('series:'.length), (await deps.states.load<SeriesDetectorState>(k))!);
    const lastHours = [...states.values()].map((s) => s.lastHour ?? -Infinity);
    const resumeFrom = lastHours.length ? Math.min(...lastHours) + 1 - (deps.lateHours ?? 3) : lastComplete - historyHours + 1;
    if (resumeFrom > lastComplete) continue;
    const read = await readRuleCounts(deps.store, rule, resumeFrom, lastComplete + 1);
    if (read.capped) result.warnings.push(`rule ${rule.id}: keyword search capped; counts are a lower bound`);
    const listed = listedSplitValues(rule);
    const specs = seriesSpecs(rule, listed.length ? listed : [...new Set([...read.discovered, ...[...states.keys()].map((k) => k.split(':').slice(1).join(':'))])]);
    for (const spec of specs) {
      let counts = read.counts;
      let state = states.get(spec.key);
      if (!state && lastHours.length) {
        // A series first seen now: read its baseline window once.
        counts = (await readRuleCounts(deps.store, ruleFor(rule, spec), lastComplete - historyHours + 1, lastComplete + 1)).counts;
      }
      state ??= createDetectorState(spec.key);
      const events = feed(state, spec, counts, state.lastHour === null ? lastComplete - historyHours + 1 : resumeFrom, lastComplete, detector, result);
      // Backfill and catch-up after downtime replay old hours: old openings are history, not news.
      // Closings still apply; an episode still open at the end gets its alert below.
      const staleBefore = lastComplete - (deps.staleHours ?? 24);
      for (const e of events) if (e.type === 'close' || e.hour >= staleBefore) await handleEvent(deps, rule, spec, e, now, result, state);
      if (state.episode) {
        const known = await deps.alerts.findByDedupeKey(`spike|${rule.id}|${spec.key}|${state.episode.id}`);
        if (!known) {
          const ep = state.episode;
          await handleEvent(deps, rule, spec, { type: 'open', episodeId: ep.id, hour: ep.latest.hour, bucket: ep.latest.bucket, assessment: ep.latest }, now, result, state);
        } else if (known.status !== 'resolved') {
          await refreshOpenAlert(deps, rule, spec, state, now);
        } // resolved by an officer while the episode runs: respect it; only a new trigger re-opens
      }
      if (rule.forecast) await forecastCheck(deps, rule, spec, state, now, result);
      await deps.states.save(`series:${spec.key}`, state);
      result.series++;
    }
    result.processedUpTo = new Date((lastComplete) * HOUR_MS).toISOString();
  }
  if (deps.config.emerging) await emergingCheck(deps, lastComplete, now, result);
  result.deliveries.push(...(await flushOutbox(notifyDeps(deps), now)));
  deps.logger?.info({ ...result, deliveries: result.deliveries.length }, 'trends tick');
  return result;
}

function ruleFor(rule: AlertRule, spec: SeriesSpec): AlertRule {
  const split = rule.scope.splitBy;
  if (split === 'none' || split === 'policy') return rule;
  const value = spec.key.split(':').slice(1).join(':');
  const field = ({ topic: 'topics', province: 'provinces', tier: 'tiers' } as const)[split];
  return { ...rule, scope: { ...rule.scope, [field]: [value] } };
}

function feed(state: SeriesDetectorState, spec: SeriesSpec, counts: HourlyCounts, from: number, to: number, config: SpikeDetectorConfig, result: TrendsTickResult): DetectorEvent[] {
  const byHour = counts.get(spec.key);
  const events: DetectorEvent[] = [];
  for (let hour = from; hour <= to; hour++) {
    const cell = byHour?.get(hour) ?? { total: 0, negative: 0 };
    // A new series starts at its first article: hours before the system had data are not "zero news".
    if (state.lastHour === null && cell.total === 0 && cell.negative === 0) continue;
    // Sentiment labels may lag the items: never let negatives exceed the total.
    events.push(...observeHour(state, { hour, total: Math.max(cell.total, cell.negative), negative: cell.negative }, config));
    if (state.lastHour === hour) result.hoursObserved++;
  }
  // Nothing yet: the watch starts now, so the next tick reads only new hours (no re-scan).
  if (state.lastHour === null) state.lastHour = to;
  return events;
}

async function handleEvent(deps: TrendsTickDeps, rule: AlertRule, spec: SeriesSpec, e: DetectorEvent, now: Date, result: TrendsTickResult, state: SeriesDetectorState): Promise<void> {
  const detection = detectionOf(rule, spec, e.episodeId, 'spike', e.bucket, now, e.type === 'close' ? 'updated' : e.type === 'open' ? 'opened' : e.type === 'reopen' ? 'reopened' : 'escalated');
  const existing = await deps.alerts.findByDedupeKey(`spike|${rule.id}|${spec.key}|${e.episodeId}`);
  if (e.type === 'close') {
    if (!existing || existing.status === 'resolved') return;
    const resolved = transitionAlert({ ...existing, latest: e.assessment }, 'resolved', 'system', now.toISOString(), 'lắng dịu: số tin tiêu cực về mức thường');
    await deps.alerts.save(resolved);
    result.resolved.push(resolved.id);
    await send(deps, rule, 'resolved', resolved, null, now, result);
    return;
  }
  const { alert, created } = openOrMerge(existing, { ...detection, assessment: e.assessment });
  const explanation = await explainAlert(deps.store, alert, { dashboardUrl: deps.config.dashboardUrl, severityRules: deps.config.severity, outlook: outlookOf(state) });
  const explained = { ...alert, severity: maxSeverity(alert.severity, explanation.severity) };
  await deps.alerts.save(explained);
  (created ? result.opened : result.updated).push(explained.id);
  if (!created && e.type === 'open' && existing && existing.status !== 'resolved') {
    // The same opening seen again: the role died after saving the alert and before saving the
    // detector state. Announce it as new on the channels that never confirmed it, and only there.
    const confirmed = new Set((await deps.deliveryLog.list(explained.id)).filter((d) => d.ok).map((d) => d.channelId));
    const missing = rule.channels.filter((c) => !confirmed.has(c));
    if (missing.length) await send(deps, { ...rule, channels: missing }, 'opened', explained, explanation, now, result);
    return;
  }
  const event: AlertEvent = created ? 'opened' : e.type === 'reopen' || existing?.status === 'resolved' ? 'reopened' : 'escalated';
  await send(deps, rule, event, explained, explanation, now, result);
}

/** Keep an open alert's figures current each tick; escalate when the spread climbs the ladder. */
async function refreshOpenAlert(deps: TrendsTickDeps, rule: AlertRule, spec: SeriesSpec, state: SeriesDetectorState, now: Date): Promise<void> {
  const episode = state.episode!;
  const existing = await deps.alerts.findByDedupeKey(`spike|${rule.id}|${spec.key}|${episode.id}`);
  if (!existing || existing.status === 'resolved' || existing.latest?.hour === episode.latest.hour) return;
  const refreshed = openOrMerge(existing, { ...detectionOf(rule, spec, episode.id, 'spike', episode.latest.bucket, now, 'updated'), severity: existing.severity, assessment: episode.latest }).alert;
  const explanation = await explainAlert(deps.store, refreshed, { dashboardUrl: deps.config.dashboardUrl, severityRules: deps.config.severity });
  const severity = maxSeverity(refreshed.severity, explanation.severity);
  if (severity === refreshed.severity) {
    await deps.alerts.save(refreshed);
    return;
  }
  const escalated = { ...refreshed, severity, history: [...refreshed.history, { at: now.toISOString(), actor: 'system', action: 'escalated' as const, note: explanation.severityLabel }] };
  await deps.alerts.save(escalated);
  await send(deps, rule, 'escalated', escalated, explanation, now, null);
}

async function forecastCheck(deps: TrendsTickDeps, rule: AlertRule, spec: SeriesSpec, state: SeriesDetectorState, now: Date, result: TrendsTickResult): Promise<void> {
  const f = rule.forecast!;
  if (state.lastHour === null || state.negative.length < 336) return;
  const model = fitHoltWinters(state.negative, state.lastHour - state.negative.length + 1);
  const breach = findForecastBreach(forecastHoltWinters(model, f.horizonHours, { seed: state.lastHour }), f.negativeCount, f.windowHours);
  const key = `forecast|${rule.id}|${spec.key}|ew`;
  const existing = await deps.alerts.findByDedupeKey(key);
  if (!breach) {
    if (existing && existing.status !== 'resolved') {
      await deps.alerts.save(transitionAlert(existing, 'resolved', 'system', now.toISOString(), 'dự báo không còn vượt ngưỡng'));
      result.resolved.push(existing.id);
    }
    return;
  }
  if (existing && existing.status !== 'resolved') return; // one early warning per breach period
  const { alert, created } = openOrMerge(existing, { ...detectionOf(rule, spec, 'ew', 'forecast', breach.bucket, now, 'opened'), forecast: breach });
  await deps.alerts.save(alert);
  (created ? result.opened : result.updated).push(alert.id);
  await send(deps, rule, created ? 'opened' : 'reopened', alert, null, now, result);
}

/** Once per completed hour: emerging terms/stories across all coverage; one alert per key per day. */
async function emergingCheck(deps: TrendsTickDeps, lastComplete: number, now: Date, result: TrendsTickResult): Promise<void> {
  const cfg = deps.config.emerging!;
  const marker = await deps.states.load<{ lastHour: number }>('__emerging');
  if (marker && marker.lastHour >= lastComplete) return;
  const scan = await scanEmergingIssues(deps.store, new Date((lastComplete + 1) * HOUR_MS), { windowHours: cfg.windowHours, minCount: cfg.minCount });
  const day = new Date((lastComplete + 7) * HOUR_MS).toISOString().slice(0, 10); // local date
  const found = [...scan.terms.map((t) => ({ ...t, type: 'term' as const })), ...scan.stories.map((t) => ({ ...t, type: 'story' as const }))];
  const keys = new Set<string>();
  for (const term of found) {
    const spec: SeriesSpec = { key: `_emerging|${term.type}:${term.key}`, ruleId: '_emerging', filter: term.type === 'story' ? { storyId: term.key } : {} };
    const rule = { id: '_emerging', name: `Vấn đề mới nổi: ${term.label}`, channels: cfg.channels, minSeverity: 'am_i' } as AlertRule;
    const detection = { ...detectionOf(rule, spec, day, 'emerging', scan.to, now, 'opened'), emerging: term, ...(term.type === 'term' ? { keywords: [term.label] } : {}) };
    keys.add(`emerging|_emerging|${spec.key}|${day}`);
    if (await deps.alerts.findByDedupeKey(`emerging|_emerging|${spec.key}|${day}`)) continue;
    // The evidence window is the scan window, not one bucket.
    const alert = { ...openOrMerge(null, detection).alert, windowStart: scan.from, windowEnd: new Date(Date.parse(scan.to) - HOUR_MS).toISOString() };
    const explanation = await explainAlert(deps.store, alert, { dashboardUrl: deps.config.dashboardUrl, severityRules: deps.config.severity });
    const explained = { ...alert, severity: explanation.severity };
    await deps.alerts.save(explained);
    result.opened.push(explained.id);
    await send(deps, rule, 'opened', explained, explanation, now, result);
  }
  for (const open of await deps.alerts.list({ status: ['open', 'acknowledged'], ruleId: '_emerging', limit: 500 })) {
    if (keys.has(open.dedupeKey)) continue;
    await deps.alerts.save(transitionAlert(open, 'resolved', 'system', now.toISOString(), 'không còn là vấn đề mới nổi'));
    result.resolved.push(open.id);
  }
  await deps.states.save('__emerging', { lastHour: lastComplete });
}

/** 24-hour forecast of the series' negative counts, once there are two weeks of history. */
function outlookOf(state: SeriesDetectorState) {
  if (state.lastHour === null || state.negative.length < 336) return null;
  const model = fitHoltWinters(state.negative, state.lastHour - state.negative.length + 1);
  return forecastHoltWinters(model, 24, { seed: state.lastHour });
}

function detectionOf(rule: AlertRule, spec: SeriesSpec, episodeId: string, kind: AlertDetection['kind'], bucket: string, now: Date, action: AlertDetection['action']): AlertDetection {
  return { kind, ruleId: rule.id, ruleName: rule.name, seriesKey: spec.key, episodeId, filter: spec.filter, ...(spec.keywords ? { keywords: spec.keywords } : {}), severity: 'am_i', at: now.toISOString(), bucket, assessment: null, action };
}

async function send(deps: TrendsTickDeps, rule: AlertRule, event: AlertEvent, alert: AlertRecord, explanation: AlertExplanation | null, now: Date, result: TrendsTickResult | null): Promise<void> {
  const { sent, queued } = await notifyAlert(notifyDeps(deps), rule.channels, rule.minSeverity, event, alert, explanation, now);
  if (result) {
    result.deliveries.push(...sent);
    result.queued += queued;
  }
}

function notifyDeps(deps: TrendsTickDeps) {
  return { config: deps.config, channels: deps.channels, states: deps.states, log: deps.deliveryLog, ...(deps.sleep ? { sleep: deps.sleep } : {}) };
}

function maxSeverity<T extends 'am_i' | 'bung_phat' | 'lan_rong'>(a: T, b: T): T {
  const rank = { am_i: 0, bung_phat: 1, lan_rong: 2 };
  return rank[a] >= rank[b] ? a : b;
}
