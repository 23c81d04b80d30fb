/**
 * The trainable topic model: per-feature, per-topic additive logits (one-vs-rest naive Bayes
 * log-likelihood ratios counted with `natural`, or logistic regression weights; see train.ts) in
 * a compact JSON file, scored here with an integer lookup per feature occurrence (feature-rows.ts), a
 * sum of the distinct rows hit, and a sigmoid per topic.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { CombinerParams } from './combiner.js';
import { MODEL_TEXT_CHARS, type FeatureFields } from './features.js';
import { accumulateRows, FeatureRowIndex, RowSet } from './feature-rows.js';
import { forceIds, formsOfToken, indexedTokens, tokenizeSyllables, TOKEN_FEATURE, type IndexedToken } from '../syllables.js';

/** Current model file format. */
export const TOPIC_MODEL_FORMAT = 1;

/** On-disk model file. */
export const topicModelFileSchema = z
  .object({
    format: z.literal(TOPIC_MODEL_FORMAT),
    /** Model version naming the learner, e.g. `topics-nb-20261126T2100Z` or `topics-lr-…`. */
    version: z.string().min(1),
    createdAt: z.string().min(1),
    labels: z.array(z.string().min(1)).min(1),
    params: z
      .object({
        /** Logit scale applied before the sigmoid (fitted out-of-fold at training). */
        temperature: z.number().positive(),
        /** Logit shift applied before the sigmoid. */
        offset: z.number(),
        /** Naive-Bayes smoothing (files of the `nb` learner). */
        smoothing: z.number().positive().optional(),
        minDocFreq: z.number().int().min(1),
        trainedOn: z.object({ file: z.string(), documents: z.number().int(), split: z.string().nullable(), extraData: z.array(z.string()).optional() }),
        /** Learned combiner of taxonomy and model signals; absent = fixed-threshold rule. */
        /** Row-major P(topic | leading topic) from the training labels (labels × labels). */
        cooccurrence: z.array(z.array(z.number().min(0).max(1))).optional(),
        combiner: z.object({ weights: z.array(z.number()), bias: z.number(), threshold: z.number().min(0).max(1), secondThreshold: z.number().min(0).max(1).optional() }).optional(),
      })
      .passthrough(),
    /** Per-label intercept (logit; for `nb` the log prior odds). */
    bias: z.array(z.number()),
    /** Feature → per-label logit weight (for `nb` the log-likelihood ratio; same order as `labels`). */
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
  /** Row-major P(topic | leading topic), or null for files without it. */
  readonly cooccurrence: Float64Array | null;
  /** Probability per label (same order as `labels`) for a feature set. */
  predict(features: readonly string[]): Float64Array;
  /** Same as `predict(topicFeatures(fields))` without building feature strings (the hot path). */
  predictFields(fields: FeatureFields): Float64Array;
}

/**
 * Interned id of a folded syllable (the id the tokeniser gives tokens with that folded form), so
 * the hot path looks features up by integer instead of hashing strings.
 */
function foldedIdOf(syllable: string): number {
  const token = tokenizeSyllables(syllable)[0];
  if (!token || token.folded !== syllable) return -1; // cannot occur in a token's folded form
  return forceIds(formsOfToken(token)).foldedId;
}

/**
 * One dense row per feature (file order); unigrams by folded-syllable id, bigrams by the id pair.
 * A function of its own so the Float32 rows are not kept alive by the scorer's closures.
 */
function weightRows(file: TopicModelFile, n: number) {
  const entries = Object.entries(file.weights);
  const matrix = new Float32Array(entries.length * n);
  const unigramRows: [number, number][] = [];
  const bigramRows: [number, number, number][] = [];
  entries.forEach(([feature, w], row) => {
    if (w.length !== n) throw new Error(`topic model ${file.version}: feature "${feature}" has ${w.length} weights, expected ${n}`);
    matrix.set(w, row * n);
    const cut = feature.indexOf('_');
    const a = foldedIdOf(cut < 0 ? feature : feature.slice(0, cut));
    const b = cut < 0 ? 0 : foldedIdOf(feature.slice(cut + 1));
    if (a < 0 || b < 0) return; // a feature no token can produce never fires
    if (cut < 0) unigramRows.push([a, row]);
    else bigramRows.push([a, b, row]);
  });
  return { rowCount: entries.length, matrix, unigramRows, bigramRows };
}

/** Build a scorer from a parsed model file. */
export function topicModelFrom(file: TopicModelFile): TopicModel {
  const n = file.labels.length;
  // Float32: the weights are stored to 3 decimals, and half the bytes keeps more rows in cache.
  const { rowCount, matrix, unigramRows, bigramRows } = weightRows(file, n);
  const cooc = file.params.cooccurrence;
  if (cooc && (cooc.length !== n || cooc.some((row) => row.length !== n))) throw new Error(`topic model ${file.version}: cooccurrence must be ${n} × ${n}`);
  if (file.bias.length !== n) throw new Error(`topic model ${file.version}: bias has ${file.bias.length} entries, expected ${n}`);
  const index = new FeatureRowIndex(unigramRows, bigramRows, rowCount);
  const bias = Float64Array.from(file.bias);
  const { temperature, offset } = file.params;
  const rows = new RowSet(rowCount);

  // Same feature rules as features.ts (visitTopicFeatures), on ids: this is the hot path.
  const scanField = (tokens: readonly IndexedToken[], maxChars: number) => {
    let previous = -1;
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i] as IndexedToken;
      if (t.start >= maxChars) break;
      if (!(t.flags & TOKEN_FEATURE)) {
        previous = -1;
        continue;
      }
      const id = t.foldedId;
      if (id >= 0 && id < index.idLimit) {
        rows.add(index.unigram(id));
        if (previous >= 0 && !t.breakBefore) rows.add(index.bigram(previous, id));
      }
      previous = id;
    }
  };
  const finish = () => {
    const logit = accumulateRows(bias, matrix, rows);
    for (let i = 0; i < n; i++) logit[i] = 1 / (1 + Math.exp(-((logit[i] as number) * temperature + offset)));
    return logit;
  };
  const known = (id: number) => id >= 0 && id < index.idLimit;
  return {
    version: file.version,
    labels: file.labels,
    combiner: file.params.combiner ?? null,
    cooccurrence: file.params.cooccurrence ? Float64Array.from(file.params.cooccurrence.flat()) : null,
    predict(features) {
      rows.clear();
      for (const f of features) {
        const cut = f.indexOf('_');
        const a = foldedIdOf(cut < 0 ? f : f.slice(0, cut));
        const b = cut < 0 ? -1 : foldedIdOf(f.slice(cut + 1));
        if (cut < 0) rows.add(known(a) ? index.unigram(a) : -1);
        else if (known(a) && known(b)) rows.add(index.bigram(a, b));
      }
      return finish();
    },
    predictFields(fields) {
      rows.clear();
      scanField(indexedTokens(fields.title), Infinity);
      scanField(indexedTokens(fields.lead), Infinity);
      scanField(indexedTokens(fields.text), MODEL_TEXT_CHARS);
      return finish();
    },
  };
}

/**
 * Load a model file.
 * @throws Error naming the file when it cannot be read or does not match the format.
 */
const topicModelHeaderSchema = topicModelFileSchema.omit({ weights: true });

/** `weights` as the schema describes it (feature → array of finite numbers), validated in place. */
function checkedWeights(weights: unknown, path: string): Record<string, number[]> {
  if (typeof weights !== 'object' || weights === null || Array.isArray(weights)) throw new Error(`topic model ${path}: weights: expected an object`);
  for (const [feature, row] of Object.entries(weights)) {
    if (!Array.isArray(row) || !row.every((w) => typeof w === 'number' && Number.isFinite(w))) throw new Error(`topic model ${path}: weights.${feature}: expected an array of numbers`);
  }
  return weights as Record<string, number[]>;
}

export function loadTopicModel(path: string): TopicModel {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    throw new Error(`topic model ${path}: cannot read (${(err as Error).message})`);
  }
  // The weight rows are checked by hand: zod would copy every one of the ~20,000 arrays, and that
  // transient copy was most of the analyser's peak memory at start-up.
  const { weights, ...rest } = (json ?? {}) as { weights?: unknown };
  const parsed = topicModelHeaderSchema.safeParse(rest);
  if (!parsed.success) {
    throw new Error(`topic model ${path}: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ')}`);
  }
  return topicModelFrom({ ...parsed.data, weights: checkedWeights(weights, path) });
}
