/**
 * Shared evaluation helpers: per-class precision/recall/F1, macro and micro averages,
 * confusion matrices, and plain-text tables for reports.
 */

/** Precision, recall, F1 and support of one class. */
export interface ClassScores {
  precision: number;
  recall: number;
  f1: number;
  /** Number of gold items of this class. */
  support: number;
}

/** F1 from precision and recall (0 when both are 0). */
export function f1(precision: number, recall: number): number {
  return precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
}

/** Precision/recall/F1 from raw counts. */
export function prf(truePositives: number, falsePositives: number, falseNegatives: number): Omit<ClassScores, 'support'> {
  const precision = truePositives + falsePositives === 0 ? 0 : truePositives / (truePositives + falsePositives);
  const recall = truePositives + falseNegatives === 0 ? 0 : truePositives / (truePositives + falseNegatives);
  return { precision, recall, f1: f1(precision, recall) };
}

/** Confusion matrix: `matrix[gold][predicted]` counts. */
export type ConfusionMatrix<L extends string> = Record<L, Record<L, number>>;

/** Count gold×predicted pairs over a fixed label set. @throws Error on an unknown label. */
export function confusionMatrix<L extends string>(labels: readonly L[], gold: readonly L[], predicted: readonly L[]): ConfusionMatrix<L> {
  if (gold.length !== predicted.length) throw new Error(`gold (${gold.length}) and predicted (${predicted.length}) differ in length`);
  const matrix = Object.fromEntries(labels.map((g) => [g, Object.fromEntries(labels.map((p) => [p, 0]))])) as ConfusionMatrix<L>;
  gold.forEach((g, i) => {
    const p = predicted[i] as L;
    if (!(g in matrix) || !(p in matrix)) throw new Error(`unknown label at ${i}: gold "${g}", predicted "${p}"`);
    matrix[g][p]++;
  });
  return matrix;
}

/** Per-class scores from a confusion matrix. */
export function perClassScores<L extends string>(labels: readonly L[], matrix: ConfusionMatrix<L>): Record<L, ClassScores> {
  const out = {} as Record<L, ClassScores>;
  for (const c of labels) {
    const tp = matrix[c][c];
    let fp = 0;
    let fn = 0;
    for (const o of labels) {
      if (o === c) continue;
      fp += matrix[o][c];
      fn += matrix[c][o];
    }
    out[c] = { ...prf(tp, fp, fn), support: tp + fn };
  }
  return out;
}

/** Unweighted mean of per-class F1. */
export function macroF1<L extends string>(scores: Record<L, ClassScores>): number {
  const values = Object.values(scores) as ClassScores[];
  return values.length === 0 ? 0 : values.reduce((s, x) => s + x.f1, 0) / values.length;
}

/** Share of items where gold equals predicted. */
export function accuracy<L extends string>(gold: readonly L[], predicted: readonly L[]): number {
  if (gold.length === 0) return 0;
  let hits = 0;
  gold.forEach((g, i) => {
    if (predicted[i] === g) hits++;
  });
  return hits / gold.length;
}

/** Micro-averaged precision/recall/F1 for multi-label sets (e.g. topics). */
export function microMultiLabel(gold: readonly (readonly string[])[], predicted: readonly (readonly string[])[]): Omit<ClassScores, 'support'> {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  gold.forEach((g, i) => {
    const p = new Set(predicted[i] ?? []);
    const gs = new Set(g);
    for (const x of p) (gs.has(x) ? tp++ : fp++);
    for (const x of gs) if (!p.has(x)) fn++;
  });
  return prf(tp, fp, fn);
}

const pct = (x: number): string => x.toFixed(3);

/** Plain-text table of per-class scores plus the macro average. */
export function formatClassReport<L extends string>(labels: readonly L[], scores: Record<L, ClassScores>): string {
  const width = Math.max(9, ...labels.map((l) => l.length));
  const rows = [`${'class'.padEnd(width)}  precision  recall  f1     support`];
  for (const l of labels) {
    const s = scores[l];
    rows.push(`${l.padEnd(width)}  ${pct(s.precision).padEnd(9)}  ${pct(s.recall).padEnd(6)}  ${pct(s.f1).padEnd(5)}  ${s.support}`);
  }
  rows.push(`${'macro-F1'.padEnd(width)}  ${pct(macroF1(scores))}`);
  return rows.join('\n');
}

/** Plain-text confusion matrix, rows = gold, columns = predicted. */
export function formatConfusion<L extends string>(labels: readonly L[], matrix: ConfusionMatrix<L>): string {
  const width = Math.max(9, ...labels.map((l) => l.length));
  const header = `${'gold\\pred'.padEnd(width)}  ${labels.map((l) => l.padStart(width)).join('  ')}`;
  const rows = labels.map((g) => `${g.padEnd(width)}  ${labels.map((p) => String(matrix[g][p]).padStart(width)).join('  ')}`);
  return [header, ...rows].join('\n');
}
