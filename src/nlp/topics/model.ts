/**
 * The trainable topic model: one-vs-rest naive Bayes log-odds, exported from `natural`'s
 * Bayes classifiers into a compact JSON file and scored here with a map lookup per feature
 * (natural's own `classify` walks the whole vocabulary per call: far too slow at 3,000 items/s).
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { CombinerParams } from './combiner.js';
import { visitTopicFeatures, type FeatureFields } from './features.js';

/** Current model file format. */
export const TOPIC_MODEL_FORMAT = 1;

/** On-disk model file. */
export const topicModelFileSchema = z
  .object({
    format: z.literal(TOPIC_MODEL_FORMAT),
    /** Model version, e.g. `topics-nb-20261126T2100Z`. */
    version: z.string().min(1),
    createdAt: z.string().min(1),
    labels: z.array(z.string().min(1)).min(1),
    params: z
      .object({
        /** Logit scale applied before the sigmoid (NB log-odds are over-confident). */
        temperature: z.number().positive(),
        /** Logit shift applied before the sigmoid. */
        offset: z.number(),
        smoothing: z.number().positive(),
        minDocFreq: z.number().int().min(1),
        trainedOn: z.object({ file: z.string(), documents: z.number().int(), split: z.string().nullable() }),
        /** Learned combiner of taxonomy and model signals; absent = fixed-threshold rule. */
        combiner: z.object({ weights: z.array(z.number()), bias: z.number(), threshold: z.number().min(0).max(1), secondThreshold: z.number().min(0).max(1).optional() }).optional(),
      })
      .passthrough(),
    /** Per-label log prior odds. */
    bias: z.array(z.number()),
    /** Feature → per-label log-likelihood ratio (same order as `labels`). */
    weights: z.record(z.string(), z.array(z.number())),
  })
  .strict();

/** Parsed model file. */
export type TopicModelFile = z.infer<typeof topicModelFileSchema>;

/** A loaded, ready-to-score model. */
export interface TopicModel {
  readonly version: string;
  readonly labels: readonly string[];
  readonly combiner: CombinerParams | null;
  /** Probability per label (same order as `labels`) for a feature set. */
  predict(features: readonly string[]): Float64Array;
  /** Same as `predict(topicFeatures(fields))` without building feature strings (the hot path). */
  predictFields(fields: FeatureFields): Float64Array;
}

/** Build a scorer from a parsed model file. */
export function topicModelFrom(file: TopicModelFile): TopicModel {
  const n = file.labels.length;
  const entries = Object.entries(file.weights);
  // One dense row per feature; features map to row numbers (unigrams by string, bigrams a → b).
  const matrix = new Float64Array(entries.length * n);
  const unigrams = new Map<string, number>();
  const bigrams = new Map<string, Map<string, number>>();
  entries.forEach(([feature, w], row) => {
    if (w.length !== n) throw new Error(`topic model ${file.version}: feature "${feature}" has ${w.length} weights, expected ${n}`);
    matrix.set(w, row * n);
    const cut = feature.indexOf('_');
    if (cut < 0) unigrams.set(feature, row);
    else {
      const a = feature.slice(0, cut);
      let inner = bigrams.get(a);
      if (!inner) bigrams.set(a, (inner = new Map()));
      inner.set(feature.slice(cut + 1), row);
    }
  });
  if (file.bias.length !== n) throw new Error(`topic model ${file.version}: bias has ${file.bias.length} entries, expected ${n}`);
  const bias = Float64Array.from(file.bias);
  const { temperature, offset } = file.params;
  // Features are binary (presence): a row counts once per item; stamps avoid a Set per call.
  const stamps = new Uint32Array(entries.length);
  let stamp = 0;
  const score = (rows: Iterable<number | undefined> | null, visit?: (add: (row: number | undefined) => void) => void) => {
    const logit = Float64Array.from(bias);
    stamp = (stamp + 1) >>> 0 || 1;
    const add = (row: number | undefined) => {
      if (row === undefined || stamps[row] === stamp) return;
      stamps[row] = stamp;
      const base = row * n;
      for (let i = 0; i < n; i++) logit[i] = (logit[i] as number) + (matrix[base + i] as number);
    };
    if (rows) for (const r of rows) add(r);
    if (visit) visit(add);
    for (let i = 0; i < n; i++) logit[i] = 1 / (1 + Math.exp(-((logit[i] as number) * temperature + offset)));
    return logit;
  };
  return {
    version: file.version,
    labels: file.labels,
    combiner: file.params.combiner ?? null,
    predict(features) {
      return score(
        features.map((f) => {
          const cut = f.indexOf('_');
          return cut < 0 ? unigrams.get(f) : bigrams.get(f.slice(0, cut))?.get(f.slice(cut + 1));
        }),
      );
    },
    predictFields(fields) {
      return score(null, (add) => visitTopicFeatures(fields, (a, b) => add(b === null ? unigrams.get(a) : bigrams.get(a)?.get(b))));
    },
  };
}

/**
 * Load a model file.
 * @throws Error naming the file when it cannot be read or does not match the format.
 */
export function loadTopicModel(path: string): TopicModel {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    throw new Error(`topic model ${path}: cannot read (${(err as Error).message})`);
  }
  const parsed = topicModelFileSchema.safeParse(json);
  if (!parsed.success) {
    throw new Error(`topic model ${path}: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ')}`);
  }
  return topicModelFrom(parsed.data);
}
