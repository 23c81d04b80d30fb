/**
 * Train the topic model from labelled JSONL and write a versioned model file.
 *
 * Learners, all one-vs-rest (an item can carry several topics) over folded syllable uni/bigrams,
 * all exported as per-feature, per-topic additive logits plus a bias, so the analyser scores any
 * of them with the same fast path (model.ts):
 * - `nb` (the command's default): `natural`'s BayesClassifier counts feature presence per topic
 *   (naive-bayes.ts); the weights are log-likelihood ratios, the bias the log prior ratio.
 * - `lr`: a hand-written L2 logistic regression (logreg.ts).
 * - `ens` (the shipped model): `lr` + {@link ENSEMBLE_NB_WEIGHT} × `nb`, one linear model again.
 * The shipped learner was chosen by 5-fold CV over the training-only items (docs/EVALUATION.md).
 * All train on the labelled items (plus any `extraData` files) and one pseudo-document per
 * curated taxonomy phrase (so the model knows the domain vocabulary beyond the examples). The logit scale and shift
 * are fitted by 3-fold cross-validation on the training data itself, so the probabilities the
 * analyser combines with the taxonomy are calibrated, not 0/1, and comparable across learners.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readJsonl } from '../../eval/jsonl.js';
import { tokenizeSyllables } from '../phrase-matcher.js';
import { topicFeatures } from './features.js';
import { computeSignals } from './classify.js';
import { combinerProbability, fitCombiner, selectTopics, type CombinerParams, type TopicSignals } from './combiner.js';
import { compileTaxonomy, type TaxonomyScorer, type TokenisedFields } from './taxonomy-scorer.js';
import { loadTaxonomy, type Taxonomy } from './taxonomy-schema.js';
import { fitOneVsRestLogistic, type LogisticOptions } from './logreg.js';
import { fitOneVsRestNaiveBayes } from './naive-bayes.js';
import { TOPIC_MODEL_FORMAT, topicModelFrom, type TopicModelFile } from './model.js';

/**
 * Topic model learners: `nb` = natural's naive Bayes, `lr` = logistic regression, `ens` = both,
 * their logits added (naive Bayes scaled down by {@link ENSEMBLE_NB_WEIGHT}).
 */
export type TopicModelKind = 'nb' | 'lr' | 'ens';

/**
 * Weight of the naive-Bayes logits in `ens`: the ratio of the two learners' calibrated logit
 * scales (≈0.1 for nb, ≈1.2 for lr), so each contributes on the same scale. Both are linear in
 * the features, so their sum is one linear model and the analyser's fast path is unchanged.
 */
export const ENSEMBLE_NB_WEIGHT = 0.08;

/** The learner used when none is given: the one built on `natural` (the shipped model is `ens`, see docs/EVALUATION.md). */
export const DEFAULT_TOPIC_MODEL_KIND: TopicModelKind = 'nb';

/** Options for {@link trainTopicModel}. */
export interface TrainTopicModelOptions {
  /** Learner: `nb` (natural's BayesClassifier) or `lr` (logistic regression). @defaultValue {@link DEFAULT_TOPIC_MODEL_KIND} */
  model?: TopicModelKind;
  /** Naive-Bayes additive smoothing (natural's, `nb` only). @defaultValue 1 */
  smoothing?: number;
  /**
   * Also fit the combiner on signals from two copies of the taxonomy with this share of phrases
   * removed (0 = off). The taxonomy was curated with the training items in view, so on them it
   * looks better than it will on unseen text; thinned copies show the combiner what a taxonomy
   * miss looks like, so it leans on the model there. @defaultValue 0.3
   */
  taxonomyDropout?: number;
  /** Train only on records whose `split` equals this (e.g. `dev`); all records when absent. */
  split?: string;
  /**
   * Further labelled JSONL files whose records all train (no split filter): training-only sets
   * such as `tests/fixtures/nlp/topics-train/*.jsonl`, which never take part in dev CV or test.
   */
  extraData?: string[];
  /**
   * Features seen in fewer documents are dropped.
   * @defaultValue 2 for `nb`, 1 for `lr`, 3 for `ens` (see DEFAULT_MIN_DOC_FREQ)
   */
  minDocFreq?: number;
  /** Logistic regression settings (L2, epochs, step, positive weighting). */
  logistic?: LogisticOptions;
  /** `ens` only: weight of the naive-Bayes logits. @defaultValue {@link ENSEMBLE_NB_WEIGHT} */
  nbWeight?: number;
  /** Config directory with topics.yaml/policies.yaml (for the combiner). @defaultValue `<repo>/config` */
  configDir?: string;
  /**
   * Fit the combiner's two decision thresholds on the `jsonlPath` records only (its weights still
   * learn from every record). The training-only sets carry fewer labels per item (1.47) than the
   * gold items written by the guide's own labellers (1.60 on dev), so thresholds fitted on the
   * mix assign too few second topics to items like the gold ones (dev 5-fold CV with every
   * training-only set: 0.897 fitted on the mix, 0.913 on the dev records). @defaultValue true
   */
  thresholdsOnData?: boolean;
  /**
   * Also count each strong/medium taxonomy phrase as a one-line training document of its topic,
   * so the model knows the curated vocabulary beyond the labelled examples. @defaultValue true
   */
  taxonomyDocs?: boolean;
  /** Clock for `createdAt`/version (tests). */
  now?: () => Date;
}

/** Summary returned by {@link trainTopicModel}. */
export interface TrainTopicModelResult {
  outPath: string;
  version: string;
  documents: number;
  labels: string[];
  features: number;
}

interface TrainingDoc {
  fields: TokenisedFields;
  features: string[];
  topics: Set<string>;
}

/** Read labelled records (`title`, `lead`?, `text`?, `topics`), naming file:line on bad ones. */
function readTrainingDocs(jsonlPath: string, split: string | undefined): TrainingDoc[] {
  const docs: TrainingDoc[] = [];
  readJsonl(jsonlPath).forEach((rec, i) => {
    const where = `${jsonlPath}: record ${i + 1}`;
    if (split !== undefined && rec.split !== split) return;
    const topics = rec.topics;
    if (!Array.isArray(topics) || topics.some((t) => typeof t !== 'string')) throw new Error(`${where}: "topics" must be an array of topic ids`);
    const title = typeof rec.title === 'string' ? rec.title : '';
    const lead = typeof rec.lead === 'string' ? rec.lead : '';
    const text = typeof rec.text === 'string' ? rec.text : '';
    if (title + lead + text === '') throw new Error(`${where}: needs "title", "lead" or "text"`);
    const tok = (s: string) => tokenizeSyllables(s.normalize('NFC'));
    const fields = { title: tok(title), lead: tok(lead), text: tok(text) };
    docs.push({ fields, features: topicFeatures(fields), topics: new Set(topics as string[]) });
  });
  if (docs.length === 0) throw new Error(`${jsonlPath}: no training records${split ? ` with split "${split}"` : ''}`);
  return docs;
}

interface RawModel {
  labels: string[];
  bias: number[];
  weights: Map<string, number[]>;
}

/** One pseudo-document per strong/medium phrase of each labelled topic. */
function taxonomyDocs(taxonomy: ReturnType<typeof loadTaxonomy>, labels: Set<string>): TrainingDoc[] {
  const out: TrainingDoc[] = [];
  for (const topic of taxonomy.topics.topics) {
    if (!labels.has(topic.id)) continue;
    for (const phrase of [...topic.phrases.strong, ...topic.phrases.medium]) {
      const fields = { title: tokenizeSyllables(phrase.normalize('NFC')), lead: [], text: [] };
      out.push({ fields, features: topicFeatures(fields), topics: new Set([topic.id]) });
    }
  }
  return out;
}

/**
 * Fit the chosen one-vs-rest learner and export it as per-feature weight rows. Rows whose every
 * weight is (almost) nothing are dropped: they change no decision and would only grow the file
 * and the loaded maps (for `lr` the L2 penalty makes many such rows; naive Bayes has few).
 */
function fitLearner(docs: TrainingDoc[], labels: string[], opts: LearnerOptions): RawModel {
  // Each learner builds its own vocabulary and rows (same minDocFreq): none to build here.
  if (opts.kind === 'ens') return addModels(fitLearner(docs, labels, { ...opts, kind: 'lr' }), fitLearner(docs, labels, { ...opts, kind: 'nb' }), opts.nbWeight);
  const docFreq = new Map<string, number>();
  for (const d of docs) for (const f of d.features) docFreq.set(f, (docFreq.get(f) ?? 0) + 1);
  const vocab = [...docFreq].filter(([, n]) => n >= opts.minDocFreq).map(([f]) => f);
  const index = new Map(vocab.map((f, i) => [f, i]));
  const examples = docs.map((d) => d.features.map((f) => index.get(f)).filter((i): i is number => i !== undefined));
  const targets = docs.map((d) => Uint8Array.from(labels, (l) => (d.topics.has(l) ? 1 : 0)));
  if (opts.kind === 'nb') {
    const nb = fitOneVsRestNaiveBayes(examples, targets, vocab.length, labels.length, opts.smoothing);
    const weights = new Map<string, number[]>();
    vocab.forEach((f, i) => {
      const row = nb.weights[i] as number[];
      if (row.some((w) => Math.abs(w) >= PRUNE_BELOW)) weights.set(f, row);
    });
    return { labels, bias: nb.bias, weights };
  }
  const fitted = fitOneVsRestLogistic(examples, targets, vocab.length, labels.length, opts.logistic);
  const weights = new Map<string, number[]>();
  vocab.forEach((f, i) => {
    const row = Array.from(fitted.weights.subarray(i * labels.length, (i + 1) * labels.length));
    if (row.some((w) => Math.abs(w) >= PRUNE_BELOW)) weights.set(f, row);
  });
  return { labels, bias: Array.from(fitted.bias), weights };
}

/** `a + scale·b`, feature by feature (a feature missing from one model adds nothing there). */
function addModels(a: RawModel, b: RawModel, scale: number): RawModel {
  const weights = new Map<string, number[]>();
  for (const [f, row] of a.weights) weights.set(f, [...row]);
  for (const [f, row] of b.weights) {
    const sum = weights.get(f) ?? new Array<number>(row.length).fill(0);
    row.forEach((w, i) => (sum[i] = (sum[i] as number) + scale * w));
    weights.set(f, sum);
  }
  return { labels: a.labels, bias: a.bias.map((x, i) => x + scale * (b.bias[i] as number)), weights };
}

/** Feature rows whose every weight is below this are dropped from the file. */
const PRUNE_BELOW = 0.01;

interface LearnerOptions {
  kind: TopicModelKind;
  minDocFreq: number;
  logistic: LogisticOptions;
  smoothing: number;
  nbWeight: number;
}

/**
 * Logit scales tried at calibration. Naive-Bayes log-odds add up one independent-looking ratio
 * per feature and so are far over-confident: they need much smaller scales than the regression.
 */
const TEMPERATURES: Record<TopicModelKind, readonly number[]> = {
  nb: [0.01, 0.02, 0.03, 0.05, 0.07, 0.1, 0.15, 0.2, 0.3, 0.5],
  lr: [0.25, 0.35, 0.5, 0.7, 0.85, 1, 1.2, 1.5, 2],
  ens: [0.25, 0.35, 0.5, 0.7, 0.85, 1, 1.2, 1.5, 2],
};
/** Lowest logit shift tried at calibration (naive Bayes's prior ratio sits further off). */
const LOWEST_OFFSET: Record<TopicModelKind, number> = { nb: -8, lr: -4, ens: -4 };

function rawLogits(model: RawModel, features: string[]): number[] {
  const logit = [...model.bias];
  for (const f of features) {
    const w = model.weights.get(f);
    if (w) for (let i = 0; i < logit.length; i++) logit[i] = (logit[i] as number) + (w[i] as number);
  }
  return logit;
}

/**
 * Out-of-fold raw logits (3 folds), then the logit scale/shift with minimum binary log loss
 * over a grid. Returns calibrated out-of-fold probabilities for the combiner.
 */
function calibrate(docs: TrainingDoc[], labels: string[], learner: LearnerOptions, extra: TrainingDoc[]): { temperature: number; offset: number; oof: Float64Array[] } {
  const folds = 3;
  const logits: number[][] = new Array(docs.length);
  for (let k = 0; k < folds; k++) {
    const model = fitLearner([...docs.filter((_, i) => i % folds !== k), ...extra], labels, learner);
    docs.forEach((d, i) => {
      if (i % folds === k) logits[i] = rawLogits(model, d.features);
    });
  }
  let best = { temperature: 1, offset: 0, loss: Infinity };
  for (const temperature of TEMPERATURES[learner.kind]) {
    for (let offset = LOWEST_OFFSET[learner.kind]; offset <= 2; offset += 0.25) {
      let loss = 0;
      docs.forEach((d, i) => {
        (logits[i] as number[]).forEach((logit, li) => {
          const p = 1 / (1 + Math.exp(-(logit * temperature + offset)));
          loss -= Math.log(d.topics.has(labels[li] as string) ? Math.max(p, 1e-9) : Math.max(1 - p, 1e-9));
        });
      });
      if (loss < best.loss) best = { temperature, offset, loss };
    }
  }
  const oof = logits.map((row) => Float64Array.from(row, (l) => 1 / (1 + Math.exp(-(l * best.temperature + best.offset)))));
  return { temperature: best.temperature, offset: best.offset, oof };
}

/** Fit the combiner on out-of-fold signals and pick its threshold by micro-F1. */
function trainCombiner(docs: TrainingDoc[], labels: string[], oof: Float64Array[], scorers: readonly TaxonomyScorer[], thresholdDocs: number): CombinerParams {
  // Out-of-fold co-occurrence too (same folds as `calibrate`), so no item sees its own labels.
  const foldCooc = [0, 1, 2].map((k) => cooccurrenceMatrix(docs.filter((_, j) => j % 3 !== k), labels));
  const perDoc: { signals: Map<string, TopicSignals>; gold: Set<string> }[] = scorers.flatMap((scorer) =>
    docs.map((d, i) => {
      const tally = scorer.tally(d.fields);
      return { signals: computeSignals(tally, scorer.topicIds, scorer.policiesOf(tally), oof[i] as Float64Array, labels, foldCooc[i % 3] as Float64Array), gold: d.topics };
    }),
  );
  const samples = perDoc.flatMap(({ signals, gold }) => [...signals].map(([id, s]) => ({ s, y: gold.has(id) ? 1 : 0 })));
  const params = fitCombiner(samples);
  const ranked = perDoc.map(({ signals }) => [...signals].map(([id, s]) => [id, combinerProbability(params, s)] as const).sort((a, b) => b[1] - a[1]));
  const microF1 = (threshold: number, secondThreshold: number) => {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    perDoc.forEach(({ gold }, i) => {
      // perDoc holds the documents once per scorer: i % docs.length is the document's index.
      if (i % docs.length >= thresholdDocs) return;
      const chosen = new Set(selectTopics(ranked[i] ?? [], { ...params, threshold, secondThreshold }).map(([id]) => id));
      for (const id of chosen) gold.has(id) ? tp++ : fp++;
      for (const id of gold) if (!chosen.has(id)) fn++;
    });
    return (2 * tp) / Math.max(1, 2 * tp + fp + fn);
  };
  let best = { threshold: 0.5, secondThreshold: 0.5, f1: -1 };
  for (let t = 0.2; t <= 0.71; t += 0.025) {
    for (let t2 = 0.15; t2 <= 0.71; t2 += 0.025) {
      const f1 = microF1(t, t2);
      // Ties go to the higher second threshold (fewer weak second topics on unseen text).
      if (f1 > best.f1 + 1e-9) best = { threshold: round(t), secondThreshold: round(t2), f1 };
    }
  }
  return { ...params, threshold: best.threshold, secondThreshold: best.secondThreshold };
}

/** A copy of the taxonomy with a seeded random share of each topic's phrases removed. */
function withoutPhrases(taxonomy: Taxonomy, share: number, seed: number): Taxonomy {
  let state = seed;
  const keep = () => ((state = (state * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff) >= share;
  const topics = taxonomy.topics.topics.map((t) => ({ ...t, phrases: { strong: t.phrases.strong.filter(keep), medium: t.phrases.medium.filter(keep), weak: t.phrases.weak.filter(keep) } }));
  return { ...taxonomy, topics: { ...taxonomy.topics, topics } };
}

/**
 * Row-major P(topic | leading topic) from label sets, smoothed towards 0 for rare leaders.
 * Every label of an item counts as a possible leader (the gold sets do not rank their labels).
 */
export function cooccurrenceMatrix(docs: readonly { topics: ReadonlySet<string> }[], labels: readonly string[]): Float64Array {
  const n = labels.length;
  const index = new Map(labels.map((l, i) => [l, i]));
  const pair = new Float64Array(n * n);
  const single = new Float64Array(n);
  for (const d of docs) {
    const ids = [...d.topics].map((t) => index.get(t)).filter((i): i is number => i !== undefined);
    for (const a of ids) {
      single[a] = (single[a] as number) + 1;
      for (const b of ids) if (a !== b) pair[a * n + b] = (pair[a * n + b] as number) + 1;
    }
  }
  return pair.map((c, k) => c / ((single[Math.floor(k / n)] as number) + 1));
}

const round = (x: number) => Math.round(x * 1000) / 1000;

/**
 * Features seen in fewer training documents are dropped. `nb`: a single sighting gives a wild log
 * ratio. `lr`: L2 tames rare features. `ens`: both parts share one vocabulary, cut at 3 so the
 * model stays small in memory and in cache on a few thousand training items (docs/EVALUATION.md).
 */
const DEFAULT_MIN_DOC_FREQ: Record<TopicModelKind, number> = { nb: 2, lr: 1, ens: 3 };

const LEARNER_NAMES: Record<TopicModelKind, string> = { nb: 'natural-bayes-ovr', lr: 'logistic-ovr', ens: 'logistic+natural-bayes-ovr' };

/** The learner's own settings, recorded in the model file. */
function learnerParams(learner: LearnerOptions): { smoothing?: number; logistic?: LogisticOptions; nbWeight?: number } {
  const logistic = { l2: 0.1, epochs: 30, rate: 0.3, positiveWeightPower: 0.5, ...learner.logistic };
  if (learner.kind === 'nb') return { smoothing: learner.smoothing };
  return learner.kind === 'lr' ? { logistic } : { logistic, smoothing: learner.smoothing, nbWeight: learner.nbWeight };
}

/**
 * Train the topic model from labelled JSONL (`{"title","lead"?,"text"?,"topics":[...]}` per line)
 * and write it to `outPath` (JSON: format, version, createdAt, labels, params, bias, weights).
 * The `pulse train` command calls this.
 * @example trainTopicModel('tests/fixtures/nlp/topics.jsonl', 'models/topics.json', { split: 'dev' })
 * @throws Error naming the file and record on bad input.
 */
export function trainTopicModel(jsonlPath: string, outPath: string, opts: TrainTopicModelOptions = {}): TrainTopicModelResult {
  const kind = opts.model ?? DEFAULT_TOPIC_MODEL_KIND;
  if (kind !== 'nb' && kind !== 'lr' && kind !== 'ens') throw new Error(`topic model kind "${String(kind)}": expected "nb", "lr" or "ens"`);
  const minDocFreq = opts.minDocFreq ?? DEFAULT_MIN_DOC_FREQ[kind];
  const smoothing = opts.smoothing ?? 1;
  const learner: LearnerOptions = { kind, minDocFreq, logistic: opts.logistic ?? {}, smoothing, nbWeight: opts.nbWeight ?? ENSEMBLE_NB_WEIGHT };
  const extraFiles = opts.extraData ?? [];
  const primary = readTrainingDocs(jsonlPath, opts.split);
  const docs = [...primary, ...extraFiles.flatMap((f) => readTrainingDocs(f, undefined))];
  const labels = [...new Set(docs.flatMap((d) => [...d.topics]))].sort();
  const configDir = opts.configDir ?? resolve(dirname(fileURLToPath(import.meta.url)), '../../../config');
  const taxonomy = loadTaxonomy(configDir);
  const extra = opts.taxonomyDocs === false ? [] : taxonomyDocs(taxonomy, new Set(labels));
  const model = fitLearner([...docs, ...extra], labels, learner);
  const { temperature, offset, oof } = calibrate(docs, labels, learner, extra);
  const dropout = opts.taxonomyDropout ?? 0.3;
  const scorers = [compileTaxonomy(taxonomy), ...(dropout > 0 ? [1, 2].map((seed) => compileTaxonomy(withoutPhrases(taxonomy, dropout, seed))) : [])];
  const combiner = trainCombiner(docs, labels, oof, scorers, opts.thresholdsOnData === false ? docs.length : primary.length);
  const cooc = cooccurrenceMatrix(docs, labels);
  const cooccurrence = labels.map((_, a) => labels.map((__, b) => round(cooc[a * labels.length + b] as number)));
  const created = (opts.now ?? (() => new Date()))();
  const version = `topics-${kind}-${created.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z')}`;
  const file: TopicModelFile = {
    format: TOPIC_MODEL_FORMAT,
    version,
    createdAt: created.toISOString(),
    labels,
    params: { learner: LEARNER_NAMES[kind], temperature, offset, minDocFreq, ...learnerParams(learner), trainedOn: { file: jsonlPath, documents: docs.length, split: opts.split ?? null, extraData: extraFiles }, cooccurrence, combiner },
    bias: model.bias.map(round),
    weights: Object.fromEntries([...model.weights].map(([f, w]) => [f, w.map(round)])),
  };
  topicModelFrom(file); // fail here, not in the analyser, if something is inconsistent
  mkdirSync(dirname(outPath), { recursive: true });
  writeFileSync(outPath, `${JSON.stringify(file)}\n`);
  return { outPath, version, documents: docs.length, labels, features: model.weights.size };
}
