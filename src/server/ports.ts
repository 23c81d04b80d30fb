/**
 * What the server needs from the alerts and reports engines. Their repositories satisfy these
 * small ports (structurally), so the API does not depend on how alerts or reports are stored.
 */
import type { Readable } from 'node:stream';

/** Alert life cycle as officers see it. */
export type AlertStatus = 'open' | 'acknowledged' | 'resolved';
export const ALERT_STATUSES: readonly AlertStatus[] = ['open', 'acknowledged', 'resolved'];

/** Why an alert fired, so the on-duty officer sees what, where and why in one screen. */
export interface AlertExplanation {
  topStories?: { storyId: string; title: string; items: number; outlets: string[] }[];
  outlets?: { sourceId: string; name: string; count: number }[];
  evidence?: { text: string; itemId?: string; count?: number }[];
  topTerms?: { term: string; count: number }[];
}

/** An alert as the API returns it. */
export interface AlertView {
  id: string;
  /** Topic id (config/topics.yaml). */
  topic: string;
  /** `am_i` (smouldering) → `bung_phat` (flare-up) → `lan_rong` (spreading), or the engine's ladder. */
  severity: string;
  /** What triggered: e.g. `negative_spike`, `negative_share`, `forecast_breach`. */
  kind: string;
  status: AlertStatus;
  title: string;
  summary: string | null;
  /** ISO-8601 UTC. */
  createdAt: string;
  updatedAt: string;
  acknowledgedBy?: string | null;
  acknowledgedAt?: string | null;
  resolvedBy?: string | null;
  resolvedAt?: string | null;
  note?: string | null;
  explanation?: AlertExplanation | null;
}

/** Filter of {@link AlertsPort.list}. */
export interface AlertListQuery {
  statuses?: AlertStatus[];
  topic?: string;
  severity?: string;
  limit: number;
  offset: number;
}

/** A change the live inbox should show. */
export interface AlertEvent {
  type: 'created' | 'updated';
  alert: AlertView;
}

/** One forecast point with its prediction interval. */
export interface ForecastPoint {
  bucket: string;
  /** Observed count (null in the future). */
  actual: number | null;
  forecast: number | null;
  lower: number | null;
  upper: number | null;
}

/** A forecast series for one topic (negative volume by default). */
export interface ForecastSeries {
  topic: string;
  metric: string;
  /** Nominal coverage of [lower, upper], e.g. 0.8. */
  coverage: number;
  points: ForecastPoint[];
}

/** Alerts as the server uses them. `subscribe` is optional: without it the SSE stream polls. */
export interface AlertsPort {
  list(query: AlertListQuery): Promise<{ total: number; alerts: AlertView[] }>;
  get(id: string): Promise<AlertView | null>;
  /** Move to `acknowledged`; null when unknown. Acknowledging a resolved alert is refused with a RangeError. */
  acknowledge(id: string, by: string, note?: string): Promise<AlertView | null>;
  /** Move to `resolved`; null when unknown. */
  resolve(id: string, by: string, note?: string): Promise<AlertView | null>;
  subscribe?(listener: (event: AlertEvent) => void): () => void;
  /** Forecasts with intervals, when the trends engine produces them. */
  forecasts?(query: { topic?: string }): Promise<ForecastSeries[]>;
}

/** A stored weekly report. */
export interface ReportMeta {
  id: string;
  /** ISO week, e.g. `2026-W48`. */
  week: string;
  createdAt: string;
  formats: ReportFormat[];
}

export type ReportFormat = 'html' | 'pdf' | 'docx';

/** Reports as the server uses them. */
export interface ReportsPort {
  list(query: { limit: number; offset: number }): Promise<{ total: number; reports: ReportMeta[] }>;
  /** The file of one report in one format; null when absent. */
  open(id: string, format: ReportFormat): Promise<{ body: Buffer | Readable; contentType: string; filename: string } | null>;
  /** Build (or rebuild) the report of an ISO week now. */
  generate(week: string): Promise<ReportMeta>;
}
