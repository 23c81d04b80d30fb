/**
 * Train the topic model from labelled JSONL and write a versioned model file.
 *
 * One `natural` BayesClassifier per topic (one-vs-rest, so an item can carry several topics)
 * counts feature presence; the counts are exported as per-feature log-likelihood ratios.
 * The logit scale and shift are fitted by 3-fold cross-validation on the training data itself,
 * so the probabilities the analyser combines with the taxonomy are calibrated, not 0/1.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import natural from 'natural';
import { readJsonl } from '../../eval/jsonl.js';
import { tokenizeSyllables } from '../phrase-matcher.js';
import { topicFeatures } from './features.js';
import { computeSignals } from './classify.js';
import { combinerProbability, fitCombiner, selectTopics, type CombinerParams, type TopicSignals } from './combiner.js';
import { compileTaxonomy, type TaxonomyScorer, type TokenisedFields } from './taxonomy-scorer.js';
import { loadTaxonomy } from './taxonomy-schema.js';
import { TOPIC_MODEL_FORMAT, topicModelFrom, type TopicModelFile } from './model.js';

/** Options for {@link trainTopicModel}. */
export interface TrainTopicModelOptions {
  /** Train only on records whose `split` equals this (e.g. `dev`); all records when absent. */
  split?: string;
  /** Features seen in fewer documents are dropped. @defaultValue 2 */
  minDocFreq?: number;
  /** Laplace-style smoothing passed to natural's Bayes classifier. @defaultValue 1 */
  smoothing?: number;
  /** Config directory with topics.yaml/policies.yaml (for the combiner). @defaultValue `<repo>/config` */
  configDir?: string;
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

/** Count with natural's Bayes classifiers (one per label) and export log-likelihood ratios. */
function fitNaiveBayes(docs: TrainingDoc[], labels: string[], minDocFreq: number, smoothing: number): RawModel {
  const docFreq = new Map<string, number>();
  for (const d of docs) for (const f of d.features) docFreq.set(f, (docFreq.get(f) ?? 0) + 1);
  const vocab = [...docFreq].filter(([, n]) => n >= minDocFreq).map(([f]) => f);
  const index = new Map(vocab.map((f, i) => [f, i]));
  const sparse = docs.map((d) => {
    const obs: Record<number, number> = {};
    let k = 0;
    for (const f of d.features) {
      const i = index.get(f);
      if (i !== undefined) obs[k++] = i;
    }
    return obs;
  });
  const weights = new Map<string, number[]>(vocab.map((f) => [f, new Array<number>(labels.length).fill(0)]));
  const bias: number[] = [];
  labels.forEach((label, li) => {
    const nb = new natural.BayesClassifier(undefined, smoothing);
    const inner = nb.classifier as unknown as {
      addExample(obs: Record<number, number>, label: string): void;
      classFeatures: Record<string, Record<string, number>>;
    };
    // natural's sparse path does not update class totals, so they are counted here
    // with the same convention as its dense path (one extra per class for smoothing).
    let yes = 1;
    let no = 1;
    docs.forEach((d, di) => {
      const cls = d.topics.has(label) ? 'yes' : 'no';
      if (cls === 'yes') yes++;
      else no++;
      inner.addExample(sparse[di] as Record<number, number>, cls);
    });
    const fy = inner.classFeatures.yes ?? {};
    const fn = inner.classFeatures.no ?? {};
    bias.push(Math.log(yes / no));
    vocab.forEach((f, i) => {
      const w = Math.log((fy[i] ?? smoothing) / yes) - Math.log((fn[i] ?? smoothing) / no);
      (weights.get(f) as number[])[li] = w;
    });
  });
  return { labels, bias, weights };
}

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
function calibrate(docs: TrainingDoc[], labels: string[], minDocFreq: number, smoothing: number, extra: TrainingDoc[]): { temperature: number; offset: number; oof: Float64Array[] } {
  const folds = 3;
  const logits: number[][] = new Array(docs.length);
  for (let k = 0; k < folds; k++) {
    const model = fitNaiveBayes([...docs.filter((_, i) => i % folds !== k), ...extra], labels, minDocFreq, smoothing);
    docs.forEach((d, i) => {
      if (i % folds === k) logits[i] = rawLogits(model, d.features);
    });
  }
  let best = { temperature: 0.1, offset: 0, loss: Infinity };
  for (const temperature of [0.01, 0.02, 0.03, 0.05, 0.07, 0.1, 0.15, 0.2, 0.3, 0.5]) {
    for (let offset = -8; offset <= 2; offset += 0.25) {
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
function trainCombiner(docs: TrainingDoc[], labels: string[], oof: Float64Array[], scorer: TaxonomyScorer): CombinerParams {
  const perDoc: { signals: Map<string, TopicSignals>; gold: Set<string> }[] = docs.map((d, i) => ({
    signals: computeSignals(scorer.score(d.fields), oof[i] as Float64Array, labels),
    gold: d.topics,
  }));
  const samples = perDoc.flatMap(({ signals, gold }) => [...signals].map(([id, s]) => ({ s, y: gold.has(id) ? 1 : 0 })));
  const params = fitCombiner(samples);
  const ranked = perDoc.map(({ signals }) => [...signals].map(([id, s]) => [id, combinerProbability(params, s)] as const).sort((a, b) => b[1] - a[1]));
  const microF1 = (threshold: number, secondThreshold: number) => {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    perDoc.forEach(({ gold }, i) => {
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

const round = (x: number) => Math.round(x * 1000) / 1000;

/**
 * Train the topic model from labelled JSONL (`{"title","lead"?,"text"?,"topics":[...]}` per line)
 * and write it to `outPath` (JSON: format, version, createdAt, labels, params, bias, weights).
 * The `pulse train` command calls this.
 * @example trainTopicModel('tests/fixtures/nlp/topics.jsonl', 'models/topics.json', { split: 'dev' })
 * @throws Error naming the file and record on bad input.
 */
export function trainTopicModel(jsonlPath: string, outPath: string, opts: TrainTopicModelOptions = {}): TrainTopicModelResult {
  const minDocFreq = opts.minDocFreq ?? 2;
  const smoothing = opts.smoothing ?? 1;
  const docs = readTrainingDocs(jsonlPath, opts.split);
  const labels = [...new Set(docs.flatMap((d) => [...d.topics]))].sort();
  const configDir = opts.configDir ?? resolve(dirname(fileURLToPath(import.meta.url)), '../../../config');
  const taxonomy = loadTaxonomy(configDir);
  const extra = opts.taxonomyDocs === false ? [] : taxonomyDocs(taxonomy, new Set(labels));
  const model = fitNaiveBayes([...docs, ...extra], labels, minDocFreq, smoothing);
  const { temperature, offset, oof } = calibrate(docs, labels, minDocFreq, smoothing, extra);
  const combiner = trainCombiner(docs, labels, oof, compileTaxonomy(taxonomy));
  const created = (opts.now ?? (() => new Date()))();
  const version = `topics-nb-${created.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z')}`;
  const file: TopicModelFile = {
    format: TOPIC_MODEL_FORMAT,
    version,
    createdAt: created.toISOString(),
    labels,
    params: { temperature, offset, smoothing, minDocFreq, trainedOn: { file: jsonlPath, documents: docs.length, split: opts.split ?? null }, combiner },
    bias: model.bias.map(round),
    weights: Object.fromEntries([...model.weights].map(([f, w]) => [f, w.map(round)])),
  };
  topicModelFrom(file); // fail here, not in the analyser, if something is inconsistent
  mkdirSync(dirname(outPath), { recursive: true });
  writeFileSync(outPath, `${JSON.stringify(file)}\n`);
  return { outPath, version, documents: docs.length, labels, features: model.weights.size };
}
