/**
 * The comparison baseline: ElastAlert's `spike` rule type on hourly negative counts. It compares
 * the count in the current `timeframe` with the previous one and fires when
 * `cur > spike_height × ref`, `cur ≥ threshold_cur` and `ref ≥ threshold_ref`, then stays silent
 * for `realert` hours. No seasonality, no state beyond the last fire time.
 */

/** Parameters of the spike rule (ElastAlert names, hours instead of durations). */
export interface ElastAlertSpikeRule {
  spikeHeight: number;
  timeframeHours: number;
  thresholdCur: number;
  thresholdRef: number;
  realertHours: number;
}

/** Hour indexes at which the rule fires on a series of hourly counts. */
export function runElastAlertSpike(counts: number[], rule: ElastAlertSpikeRule): number[] {
  const prefix = [0];
  for (const c of counts) prefix.push(prefix[prefix.length - 1]! + c);
  const fires: number[] = [];
  let lastFire = -Infinity;
  const w = rule.timeframeHours;
  for (let t = 2 * w - 1; t < counts.length; t++) {
    const cur = prefix[t + 1]! - prefix[t + 1 - w]!;
    const ref = prefix[t + 1 - w]! - prefix[t + 1 - 2 * w]!;
    if (cur > rule.spikeHeight * ref && cur >= rule.thresholdCur && ref >= rule.thresholdRef && t - lastFire >= rule.realertHours) {
      fires.push(t);
      lastFire = t;
    }
  }
  return fires;
}
