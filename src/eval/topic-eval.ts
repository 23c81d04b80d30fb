/**
 * Topic evaluation: per-class precision/recall/F1, micro and macro F1 over a labelled JSONL set
 * (`{"title","lead"?,"text"?,"topics":[...],"split"?}` per line).
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { trainTopicModel, type TrainTopicModelOptions } from '../nlp/topics/train.js';
import { compileTaxonomy } from '../nlp/topics/taxonomy-scorer.js';
import { loadTaxonomy } from '../nlp/topics/taxonomy-schema.js';
import { createTopicClassifier, type TopicClassifierOptions } from '../nlp/topics/classify.js';
import { loadTopicModel, type TopicModel } from '../nlp/topics/model.js';
import { tokenizeSyllables } from '../nlp/phrase-matcher.js';
import { readJsonl } from './jsonl.js';
import { f1, prf, type ClassScores } from './metrics.js';

/** Default gold set. */
export const TOPIC_GOLD = 'tests/fixtures/nlp/topics.jsonl';
/** Default model file. */
export const TOPIC_MODEL = 'models/topics.json';

/** Options for {@link runTopicEval}. */
export interface TopicEvalOptions {
  split?: 'dev' | 'test';
  /** Labelled JSONL file. @defaultValue {@link TOPIC_GOLD} */
  data?: string;
  /** @defaultValue 'config' */
  configDir?: string;
  /** Model file; `null` evaluates the taxonomy alone. @defaultValue {@link TOPIC_MODEL} when it exists */
  modelPath?: string | null;
  classifier?: TopicClassifierOptions;
}

/** Gold item as read from JSONL. */
interface GoldItem {
  title: string;
  lead: string;
  text: string;
  topics: string[];
}

function loadGold(file: string, split: string | undefined): GoldItem[] {
  const out: GoldItem[] = [];
  readJsonl(file).forEach((rec, i) => {
    if (split !== undefined && rec.split !== undefined && rec.split !== split) return;
    if (!Array.isArray(rec.topics)) throw new Error(`${file}: record ${i + 1}: "topics" must be an array`);
    const str = (v: unknown) => (typeof v === 'string' ? v.normalize('NFC') : '');
    out.push({ title: str(rec.title), lead: str(rec.lead), text: str(rec.text), topics: rec.topics as string[] });
  });
  return out;
}

/** Score the topic classifier on a labelled set. */
export function runTopicEval(opts: TopicEvalOptions = {}): { figures: { topic_micro_f1: number; topic_macro_f1: number }; report: string; counts: Map<string, Counts> } {
  const data = opts.data ?? TOPIC_GOLD;
  const gold = loadGold(data, opts.data && !opts.split ? undefined : (opts.split ?? 'test'));
  const taxonomy = loadTaxonomy(opts.configDir ?? 'config');
  const modelPath = opts.modelPath === undefined ? (existsSync(TOPIC_MODEL) ? TOPIC_MODEL : null) : opts.modelPath;
  const model: TopicModel | null = modelPath ? loadTopicModel(modelPath) : null;
  const classifier = createTopicClassifier(compileTaxonomy(taxonomy), model, opts.classifier);
  const labels = taxonomy.topics.topics.map((t) => t.id);
  const counts = new Map<string, Counts>(labels.map((l) => [l, { tp: 0, fp: 0, fn: 0 }]));
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const item of gold) {
    const predicted = new Set(
      classifier.classify({ title: tokenizeSyllables(item.title), lead: tokenizeSyllables(item.lead), text: tokenizeSyllables(item.text) }).topics.map((t) => t.id),
    );
    const truth = new Set(item.topics);
    for (const l of new Set([...predicted, ...truth])) {
      const c = counts.get(l) ?? { tp: 0, fp: 0, fn: 0 };
      counts.set(l, c);
      if (predicted.has(l) && truth.has(l)) (c.tp++, tp++);
      else if (predicted.has(l)) (c.fp++, fp++);
      else (c.fn++, fn++);
    }
  }
  const perClass: Record<string, ClassScores> = {};
  for (const [l, c] of counts) perClass[l] = { ...prf(c.tp, c.fp, c.fn), support: c.tp + c.fn };
  const micro = prf(tp, fp, fn);
  const withSupport = Object.values(perClass).filter((s) => s.support > 0);
  const macro = withSupport.reduce((a, s) => a + s.f1, 0) / Math.max(1, withSupport.length);
  const lines = [
    `topics: ${gold.length} items from ${data}${opts.split ? ` (split ${opts.split})` : ''}, model ${model?.version ?? 'none (taxonomy only)'}`,
    `${'class'.padEnd(18)} ${'P'.padStart(6)} ${'R'.padStart(6)} ${'F1'.padStart(6)} ${'n'.padStart(5)}`,
    ...Object.entries(perClass)
      .sort((a, b) => a[0].localeCompare(b[0]))
      .map(([l, s]) => `${l.padEnd(18)} ${s.precision.toFixed(3).padStart(6)} ${s.recall.toFixed(3).padStart(6)} ${s.f1.toFixed(3).padStart(6)} ${String(s.support).padStart(5)}`),
    `micro P ${micro.precision.toFixed(3)} R ${micro.recall.toFixed(3)} F1 ${f1(micro.precision, micro.recall).toFixed(3)}; macro F1 ${macro.toFixed(3)}`,
  ];
  return { figures: { topic_micro_f1: round4(micro.f1), topic_macro_f1: round4(macro) }, report: lines.join('\n'), counts };
}

/** True/false positives and false negatives of one class. */
export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

/** Options for {@link crossValidateTopics}. */
export interface TopicCvOptions {
  /** @defaultValue {@link TOPIC_GOLD} */
  data?: string;
  /** Only records of this split take part. @defaultValue 'dev' */
  split?: string;
  /** @defaultValue 5 */
  folds?: number;
  /** @defaultValue 'config' */
  configDir?: string;
  /** Learner settings passed to the trainer (`extraData` files join every fold's training side). */
  train?: Omit<TrainTopicModelOptions, 'split' | 'configDir' | 'now'>;
}

/**
 * K-fold cross-validation of the whole trainable pipeline (model, calibration, combiner) within
 * one split: train on k-1 folds, score the held-out fold, pool the counts. This is the figure
 * to tune against; the test split is only for the final check.
 */
export function crossValidateTopics(opts: TopicCvOptions = {}): { topic_micro_f1: number; perClass: Record<string, ClassScores>; report: string } {
  const data = opts.data ?? TOPIC_GOLD;
  const split = opts.split ?? 'dev';
  const folds = opts.folds ?? 5;
  const configDir = opts.configDir ?? 'config';
  const records = readJsonl(data).filter((r) => r.split === split);
  if (records.length < folds) throw new Error(`${data}: only ${records.length} records with split "${split}", need at least ${folds} for ${folds}-fold CV`);
  const dir = mkdtempSync(join(tmpdir(), 'pp-topic-cv-'));
  const pooled = new Map<string, Counts>();
  try {
    for (let k = 0; k < folds; k++) {
      const write = (name: string, keep: (i: number) => boolean) => {
        const file = join(dir, name);
        writeFileSync(file, records.filter((_, i) => keep(i)).map((r) => JSON.stringify({ ...r, split: undefined })).join('\n'));
        return file;
      };
      const trainFile = write(`train-${k}.jsonl`, (i) => i % folds !== k);
      const heldFile = write(`held-${k}.jsonl`, (i) => i % folds === k);
      const modelPath = join(dir, `model-${k}.json`);
      trainTopicModel(trainFile, modelPath, { ...opts.train, configDir });
      const { counts } = runTopicEval({ data: heldFile, configDir, modelPath });
      for (const [label, c] of counts) {
        const p = pooled.get(label) ?? { tp: 0, fp: 0, fn: 0 };
        pooled.set(label, { tp: p.tp + c.tp, fp: p.fp + c.fp, fn: p.fn + c.fn });
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const perClass: Record<string, ClassScores> = {};
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const [label, c] of [...pooled].sort((a, b) => a[0].localeCompare(b[0]))) {
    perClass[label] = { ...prf(c.tp, c.fp, c.fn), support: c.tp + c.fn };
    (tp += c.tp), (fp += c.fp), (fn += c.fn);
  }
  const micro = prf(tp, fp, fn);
  const report = [
    `topics ${folds}-fold CV on split ${split} of ${data} (${records.length} items)`,
    ...Object.entries(perClass).map(([l, s]) => `${l.padEnd(18)} ${s.precision.toFixed(3).padStart(6)} ${s.recall.toFixed(3).padStart(6)} ${s.f1.toFixed(3).padStart(6)} ${String(s.support).padStart(5)}`),
    `micro P ${micro.precision.toFixed(3)} R ${micro.recall.toFixed(3)} F1 ${micro.f1.toFixed(3)}`,
  ];
  return { topic_micro_f1: round4(micro.f1), perClass, report: report.join('\n') };
}

const round4 = (x: number) => Math.round(x * 10000) / 10000;
