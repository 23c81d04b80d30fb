/**
 * `npm run bench:alerts [-- --json] [--dev-seed N] [--test-seed N] [--weeks N]`
 *
 * Generates labelled synthetic streams (src/trends/synthetic.ts), tunes our detector and an
 * ElastAlert-style spike rule on the DEV seed (same selection rule for both), then scores both on
 * a different TEST seed: recall, false alarms per topic-week, median detection delay. Also runs
 * the rolling-origin forecast backtest (MASE vs seasonal-naive, 80 % interval coverage) on the
 * test streams. With `--json` the last line is one JSON object of the figures named in DESIGN §9.
 */
import { runElastAlertSpike, type ElastAlertSpikeRule } from '../src/trends/detector/elastalert-spike.js';
import { createDetectorState, DEFAULT_DETECTOR_CONFIG, observeHour, toEpochHour, type SpikeDetectorConfig } from '../src/trends/detector/spike-detector.js';
import { scoreDetections, type DetectionScore, type SeriesAlerts } from '../src/trends/evaluate.js';
import { backtestForecast } from '../src/trends/forecast/backtest.js';
import { generateStreams, type SyntheticSeries } from '../src/trends/synthetic.js';

const args = process.argv.slice(2);
const flag = (name: string, fallback: number) => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const asJson = args.includes('--json');
const devSeed = flag('--dev-seed', 101);
const testSeed = flag('--test-seed', 202);
const weeks = flag('--weeks', 12);
const warmupWeeks = 4;
const window = { fromHour: warmupWeeks * 168, toHour: weeks * 168 };
const MAX_FALSE_ALARMS = 0.5;
const log = (line: string) => {
  if (!asJson) console.log(line);
  else console.error(line);
};

function runOurs(streams: SyntheticSeries[], config: SpikeDetectorConfig): SeriesAlerts[] {
  return streams.map((s) => {
    const state = createDetectorState(s.id);
    const first = toEpochHour(s.startIso);
    const raised: number[] = [];
    const updated: number[] = [];
    for (let t = 0; t < s.total.length; t++) {
      for (const e of observeHour(state, { hour: first + t, total: s.total[t]!, negative: s.negative[t]! }, config)) {
        if (e.type === 'open' || e.type === 'reopen') raised.push(t);
        else if (e.type === 'escalate') updated.push(t);
      }
    }
    return { raised, updated, events: s.events };
  });
}

function runBaseline(streams: SyntheticSeries[], rule: ElastAlertSpikeRule): SeriesAlerts[] {
  return streams.map((s) => ({ raised: runElastAlertSpike(s.negative, rule), events: s.events }));
}

/** Same selection for both detectors: best recall within the false-alarm budget, then fewer alarms, then faster. */
function better(a: DetectionScore, b: DetectionScore | null): boolean {
  if (!b) return true;
  const okA = a.falseAlarmsPerTopicWeek <= MAX_FALSE_ALARMS;
  const okB = b.falseAlarmsPerTopicWeek <= MAX_FALSE_ALARMS;
  if (okA !== okB) return okA;
  if (!okA) return a.falseAlarmsPerTopicWeek < b.falseAlarmsPerTopicWeek;
  const gainA = a.recall - 0.1 * a.falseAlarmsPerTopicWeek;
  const gainB = b.recall - 0.1 * b.falseAlarmsPerTopicWeek;
  if (gainA !== gainB) return gainA > gainB;
  return (a.medianDelayHours ?? Infinity) < (b.medianDelayHours ?? Infinity);
}

function tuneBaseline(dev: SyntheticSeries[]): ElastAlertSpikeRule {
  let best: { rule: ElastAlertSpikeRule; score: DetectionScore } | null = null;
  for (const spikeHeight of [1.5, 2, 2.5, 3, 4, 5, 6, 8])
    for (const timeframeHours of [1, 2, 3, 6, 12])
      for (const thresholdCur of [3, 5, 8, 12, 20, 30])
        for (const thresholdRef of [0, 1, 3])
          for (const realertHours of [1, 6, 24]) {
            const rule = { spikeHeight, timeframeHours, thresholdCur, thresholdRef, realertHours };
            const score = scoreDetections(runBaseline(dev, rule), window);
            if (better(score, best?.score ?? null)) best = { rule, score };
          }
  return best!.rule;
}

function tuneOurs(dev: SyntheticSeries[]): SpikeDetectorConfig {
  let best: { config: SpikeDetectorConfig; score: DetectionScore } | null = null;
  for (const enterScore of [3, 3.5, 4])
    for (const explainedShareFactor of [0.5, 0.75]) {
      const config = { ...DEFAULT_DETECTOR_CONFIG, enterScore, explainedShareFactor };
      const score = scoreDetections(runOurs(dev, config), window);
      if (better(score, best?.score ?? null)) best = { config, score };
    }
  return best!.config;
}

function forecastFigures(streams: SyntheticSeries[]) {
  const masesTotal: number[] = [];
  const masesNegative: number[] = [];
  let naive = 0;
  let naiveN = 0;
  let covered = 0;
  let points = 0;
  for (const s of streams) {
    for (const which of ['total', 'negative'] as const) {
      const r = backtestForecast(s[which], toEpochHour(s.startIso), { trainHours: 8 * 168, horizon: 72, paths: 200 });
      if (r.mase !== null) (which === 'total' ? masesTotal : masesNegative).push(r.mase);
      if (r.naiveMase !== null && which === 'total') {
        naive += r.naiveMase;
        naiveN++;
      }
      if (which === 'total') {
        covered += r.covered;
        points += r.points;
      }
    }
  }
  const mean = (v: number[]) => v.reduce((a, b) => a + b, 0) / v.length;
  return { mase: mean(masesTotal), maseNegative: mean(masesNegative), naiveMase: naive / naiveN, coverage: covered / points };
}

const started = Date.now();
const dev = generateStreams({ seed: devSeed, weeks });
const test = generateStreams({ seed: testSeed, weeks });
const ruleTuned = tuneBaseline(dev);
const configTuned = tuneOurs(dev);
const ours = scoreDetections(runOurs(test, configTuned), window);
const base = scoreDetections(runBaseline(test, ruleTuned), window);
const forecast = forecastFigures(test);
const fmt = (v: number | null, d = 3) => (v === null ? 'n/a' : v.toFixed(d));

log(`alerts bench: ${test.length} topics × ${weeks - warmupWeeks} scored weeks (after ${warmupWeeks} warm-up), dev seed ${devSeed}, test seed ${testSeed}`);
log(`tuned ElastAlert spike rule: ${JSON.stringify(ruleTuned)}`);
log(`tuned detector: enterScore=${configTuned.enterScore} explainedShareFactor=${configTuned.explainedShareFactor}`);
log(`                         ours      elastalert-spike`);
log(`events                   ${String(ours.events).padEnd(10)}${base.events}`);
log(`recall                   ${fmt(ours.recall).padEnd(10)}${fmt(base.recall)}`);
log(`false alarms / topic-wk  ${fmt(ours.falseAlarmsPerTopicWeek).padEnd(10)}${fmt(base.falseAlarmsPerTopicWeek)}`);
log(`duplicate alerts         ${String(ours.duplicates).padEnd(10)}${base.duplicates}`);
log(`median delay (h)         ${fmt(ours.medianDelayHours, 1).padEnd(10)}${fmt(base.medianDelayHours, 1)}`);
log(`forecast (Holt-Winters, 72 h, daily origins, test seed): MASE volume ${fmt(forecast.mase)} (seasonal-naive from same origins ${fmt(forecast.naiveMase)}), MASE negative ${fmt(forecast.maseNegative)}, 80% interval coverage ${fmt(forecast.coverage)}`);
log(`elapsed ${((Date.now() - started) / 1000).toFixed(1)} s`);
if (asJson) {
  const figures: Record<string, number> = {
    recall: ours.recall,
    false_alarms_per_topic_week: ours.falseAlarmsPerTopicWeek,
    baseline_recall: base.recall,
    baseline_false_alarms_per_topic_week: base.falseAlarmsPerTopicWeek,
    forecast_mase: forecast.mase,
    interval_coverage_80: forecast.coverage,
    duplicate_alerts: ours.duplicates,
    baseline_duplicate_alerts: base.duplicates,
    forecast_mase_negative: forecast.maseNegative,
    seasonal_naive_mase: forecast.naiveMase,
  };
  // A figure that was not measured is absent, never zero.
  if (ours.medianDelayHours !== null) figures.median_delay_h = ours.medianDelayHours;
  if (base.medianDelayHours !== null) figures.baseline_median_delay_h = base.medianDelayHours;
  for (const k of Object.keys(figures)) figures[k] = Math.round(figures[k]! * 1000) / 1000;
  console.log(JSON.stringify(figures));
}
