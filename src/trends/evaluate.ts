/**
 * Scoring alert notifications against labelled ground truth, the same way for every detector.
 */
import type { GroundTruthEvent } from './synthetic.js';

/** Alerts raised on one series: hours of new notifications (open/re-open) and of updates. */
export interface SeriesAlerts {
  /** Hours at which a new or re-opened alert was sent. */
  raised: number[];
  /** Hours at which an already open alert was escalated (counts for detection, never as a false alarm). */
  updated?: number[];
  events: GroundTruthEvent[];
}

/** Detection figures. */
export interface DetectionScore {
  events: number;
  detected: number;
  recall: number;
  falseAlarms: number;
  falseAlarmsPerTopicWeek: number;
  /** Extra notifications inside an event already alerted ("alarm storm"). */
  duplicates: number;
  medianDelayHours: number | null;
  delays: number[];
}

/** Options of {@link scoreDetections}. */
export interface ScoreOptions {
  /** Only events starting at or after this hour, and alerts at or after it, are scored. */
  fromHour: number;
  toHour: number;
  /** Hours after an event's end in which an alert still counts as about that event. @defaultValue 6 */
  graceHours?: number;
}

/**
 * An event is detected when a notification falls in `[start, end + grace)`; delay is hours from
 * the event start to the end of the bucket that fired. A raised alert outside every such window
 * is a false alarm; a second raised alert inside an already-alerted window is a duplicate.
 */
export function scoreDetections(series: SeriesAlerts[], options: ScoreOptions): DetectionScore {
  const grace = options.graceHours ?? 6;
  let events = 0;
  let detected = 0;
  let falseAlarms = 0;
  let duplicates = 0;
  const delays: number[] = [];
  for (const s of series) {
    const scored = s.events.filter((e) => e.start >= options.fromHour && e.start < options.toHour);
    const inside = (hour: number) => s.events.find((e) => hour >= e.start && hour < e.end + grace);
    for (const e of scored) {
      events++;
      const hits = [...s.raised, ...(s.updated ?? [])].filter((h) => h >= e.start && h < e.end + grace);
      if (hits.length === 0) continue;
      detected++;
      delays.push(Math.min(...hits) + 1 - e.start);
    }
    const seen = new Set<GroundTruthEvent>();
    for (const hour of s.raised) {
      if (hour < options.fromHour || hour >= options.toHour) continue;
      const e = inside(hour);
      if (!e) falseAlarms++;
      else if (seen.has(e)) duplicates++;
      else seen.add(e);
    }
  }
  const topicWeeks = (series.length * (options.toHour - options.fromHour)) / 168;
  return {
    events,
    detected,
    recall: events > 0 ? detected / events : 0,
    falseAlarms,
    falseAlarmsPerTopicWeek: topicWeeks > 0 ? falseAlarms / topicWeeks : 0,
    duplicates,
    medianDelayHours: median(delays),
    delays,
  };
}

/** Median, or null for an empty list. */
export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}
