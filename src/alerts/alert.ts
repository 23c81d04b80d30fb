/**
 * Alert records and their lifecycle: open → acknowledged → resolved, every change with who and
 * when. A new detection with the same dedupe key as an open (or acknowledged) alert merges into
 * it instead of creating a second alert. Pure functions; storage is the repository's job.
 */
import { createHash } from 'node:crypto';
import type { ItemFilter } from '../store/store.js';
import type { Assessment } from '../trends/detector/spike-detector.js';
import { SEVERITY_RANK, type Severity } from '../trends/detector/severity.js';
import type { EmergingTerm } from '../trends/detector/emerging.js';
import type { ForecastBreach } from '../trends/forecast/early-warning.js';

/** Lifecycle status. */
export type AlertStatus = 'open' | 'acknowledged' | 'resolved';
/** What raised the alert. */
export type AlertKind = 'spike' | 'forecast' | 'emerging';

/** One lifecycle entry. `actor` is a user name, or `system` for the detector. */
export interface AlertHistoryEntry {
  at: string;
  actor: string;
  action: 'opened' | 'updated' | 'escalated' | 'reopened' | 'acknowledged' | 'resolved';
  note?: string;
}

/** A stored alert. */
export interface AlertRecord {
  id: string;
  /** Same key = same alert: rule + series + kind (+ detector episode). */
  dedupeKey: string;
  kind: AlertKind;
  ruleId: string;
  ruleName: string;
  /** Detector series key, e.g. `negative-by-topic|topic:land`. */
  seriesKey: string;
  /** Store filter that reproduces the series (used to explain the alert). */
  filter: ItemFilter;
  /** Keyword rules: the series is items matching any of these. */
  keywords?: string[];
  status: AlertStatus;
  severity: Severity;
  openedAt: string;
  updatedAt: string;
  resolvedAt: string | null;
  /** First and latest bucket of the episode (ISO UTC). */
  windowStart: string;
  windowEnd: string;
  /** Latest and peak detector assessments (observed vs expected with interval). */
  latest: Assessment | null;
  peak: Assessment | null;
  forecast: ForecastBreach | null;
  /** Emerging-issue alerts: the term or story that jumped. */
  emerging?: EmergingTerm & { type: 'term' | 'story' };
  history: AlertHistoryEntry[];
}

/** Detection data for {@link openOrMerge}. */
export interface AlertDetection {
  kind: AlertKind;
  ruleId: string;
  ruleName: string;
  seriesKey: string;
  episodeId: string;
  filter: ItemFilter;
  keywords?: string[];
  severity: Severity;
  at: string;
  bucket: string;
  assessment: Assessment | null;
  forecast?: ForecastBreach | null;
  emerging?: EmergingTerm & { type: 'term' | 'story' };
  action: 'opened' | 'reopened' | 'escalated' | 'updated';
}

/** Dedupe key of a detection. Deterministic so a replayed tick finds the same alert. */
export function dedupeKeyOf(d: Pick<AlertDetection, 'kind' | 'ruleId' | 'seriesKey' | 'episodeId'>): string {
  return `${d.kind}|${d.ruleId}|${d.seriesKey}|${d.episodeId}`;
}

/** Alert id from its dedupe key: short, URL-safe, stable. */
export function alertIdOf(dedupeKey: string): string {
  return createHash('sha1').update(dedupeKey).digest('hex').slice(0, 16);
}

/**
 * Create an alert, or merge the detection into `existing` (an open or acknowledged alert with the
 * same dedupe key; a resolved one is re-opened). Returns the new record and whether it is new.
 */
export function openOrMerge(existing: AlertRecord | null, d: AlertDetection): { alert: AlertRecord; created: boolean } {
  const dedupeKey = dedupeKeyOf(d);
  if (existing && existing.dedupeKey !== dedupeKey) throw new Error(`openOrMerge: alert ${existing.id} has key ${existing.dedupeKey}, detection has ${dedupeKey}`);
  if (!existing) {
    return {
      created: true,
      alert: {
        id: alertIdOf(dedupeKey),
        dedupeKey,
        kind: d.kind,
        ruleId: d.ruleId,
        ruleName: d.ruleName,
        seriesKey: d.seriesKey,
        filter: d.filter,
        ...(d.keywords?.length ? { keywords: d.keywords } : {}),
        status: 'open',
        severity: d.severity,
        openedAt: d.at,
        updatedAt: d.at,
        resolvedAt: null,
        windowStart: d.bucket,
        windowEnd: d.bucket,
        latest: d.assessment,
        peak: d.assessment,
        forecast: d.forecast ?? null,
        ...(d.emerging ? { emerging: d.emerging } : {}),
        history: [{ at: d.at, actor: 'system', action: 'opened' }],
      },
    };
  }
  const reopened = existing.status === 'resolved';
  const peak = !existing.peak || (d.assessment && d.assessment.score > existing.peak.score) ? d.assessment : existing.peak;
  const severity = SEVERITY_RANK[d.severity] > SEVERITY_RANK[existing.severity] ? d.severity : existing.severity;
  const action = reopened ? 'reopened' : severity !== existing.severity ? 'escalated' : d.action === 'opened' ? 'updated' : d.action;
  return {
    created: false,
    alert: {
      ...existing,
      status: reopened ? 'open' : existing.status,
      resolvedAt: reopened ? null : existing.resolvedAt,
      severity,
      updatedAt: d.at,
      windowEnd: d.bucket > existing.windowEnd ? d.bucket : existing.windowEnd,
      latest: d.assessment ?? existing.latest,
      peak,
      forecast: d.forecast ?? existing.forecast,
      // An hourly "still active" update would bloat the history: keep only meaningful changes.
      history: action === 'updated' ? existing.history : [...existing.history, { at: d.at, actor: 'system', action }],
    },
  };
}

const ALLOWED: Record<AlertStatus, AlertStatus[]> = {
  open: ['acknowledged', 'resolved'],
  acknowledged: ['resolved'],
  resolved: [],
};

/** Move an alert along its lifecycle; throws on a move the lifecycle does not allow. */
export function transitionAlert(alert: AlertRecord, to: 'acknowledged' | 'resolved', actor: string, at: string, note?: string): AlertRecord {
  if (!actor.trim()) throw new Error(`transitionAlert(${alert.id}): an actor is required`);
  if (!ALLOWED[alert.status].includes(to)) throw new Error(`transitionAlert(${alert.id}): cannot go from ${alert.status} to ${to}`);
  const entry: AlertHistoryEntry = { at, actor, action: to, ...(note ? { note } : {}) };
  return { ...alert, status: to, updatedAt: at, resolvedAt: to === 'resolved' ? at : alert.resolvedAt, history: [...alert.history, entry] };
}

/** Dashboard link of an alert. */
export function alertLink(dashboardUrl: string, alertId: string): string {
  return `${dashboardUrl.replace(/\/+$/, '')}/#/alerts/${encodeURIComponent(alertId)}`;
}
