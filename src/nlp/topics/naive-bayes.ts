/**
 * One-vs-rest naive Bayes for the topic model, counted with `natural`'s BayesClassifier and
 * exported as additive per-feature log-likelihood ratios plus a log prior ratio per label: the
 * same shape as the logistic regression's weights and bias, so model.ts scores both the same
 * way (natural's own `classify` walks the whole vocabulary per call: far too slow at 3,000
 * items/s, so only its counting is used).
 */
import natural from 'natural';

/** A fitted model: per-label log prior odds and per-feature, per-label log-likelihood ratios. */
export interface NaiveBayesModel {
  /** Per-label `log P(yes) / P(no)`. */
  bias: number[];
  /** `weights[feature][label]` = `log P(feature | yes) / P(feature | no)`, feature order as given. */
  weights: number[][];
}

/** The parts of natural's inner classifier the export reads (not in its typings). */
interface NaturalNaiveBayesInternals {
  addExample(observation: Record<number, number>, label: string): void;
  classFeatures: Record<string, Record<string, number>>;
}

/**
 * Count feature presence with one natural BayesClassifier per label (yes/no) and export log-odds.
 * @param examples - feature indices per example (each in `[0, features)`, no duplicates)
 * @param targets - per example, a 0/1 per label
 * @param smoothing - additive smoothing passed to natural (also used for unseen feature counts)
 */
export function fitOneVsRestNaiveBayes(examples: readonly (readonly number[])[], targets: readonly Uint8Array[], features: number, labels: number, smoothing: number): NaiveBayesModel {
  if (examples.length !== targets.length) throw new Error(`naive Bayes: ${examples.length} examples but ${targets.length} target rows`);
  if (!(smoothing > 0)) throw new Error(`naive Bayes: smoothing must be > 0, got ${smoothing}`);
  // natural's sparse observation form: position → feature index.
  const sparse = examples.map((x) => Object.fromEntries(x.map((f, k) => [k, f])) as Record<number, number>);
  const weights = Array.from({ length: features }, () => new Array<number>(labels).fill(0));
  const bias: number[] = [];
  for (let label = 0; label < labels; label++) {
    const nb = new natural.BayesClassifier(undefined, smoothing);
    const inner = nb.classifier as unknown as NaturalNaiveBayesInternals;
    // natural's sparse path does not update class totals, so they are counted here with the
    // same convention as its dense path (one extra per class for smoothing).
    let yes = 1;
    let no = 1;
    examples.forEach((_, e) => {
      const positive = (targets[e] as Uint8Array)[label] === 1;
      if (positive) yes++;
      else no++;
      inner.addExample(sparse[e] as Record<number, number>, positive ? 'yes' : 'no');
    });
    const countsYes = inner.classFeatures.yes ?? {};
    const countsNo = inner.classFeatures.no ?? {};
    bias.push(Math.log(yes / no));
    for (let f = 0; f < features; f++) {
      (weights[f] as number[])[label] = Math.log((countsYes[f] ?? smoothing) / yes) - Math.log((countsNo[f] ?? smoothing) / no);
    }
  }
  return { bias, weights };
}
