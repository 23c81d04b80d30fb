/**
 * Word segmentation evaluation: word-level F1 on span boundaries, punctuation ignored.
 * Gold lines: `{"id","split","text","words":[...]}` with multi-syllable words joined by `_`.
 */
import { segmentWords, defaultWordDictionary, type WordDictionary } from '../nlp/segment.js';
import { normaliseVietnamese } from '../nlp/normalise.js';
import { readJsonl } from './jsonl.js';
import { prf } from './metrics.js';

/** Default gold set. */
export const SEGMENTATION_GOLD = 'tests/fixtures/nlp/segmentation.jsonl';

/** Syllable-index spans `start:end` of words, so equal words at different places differ. */
function spans(words: readonly string[]): Set<string> {
  const out = new Set<string>();
  let at = 0;
  for (const w of words) {
    const n = w.split('_').length;
    out.add(`${at}:${at + n}`);
    at += n;
  }
  return out;
}

/** Options for {@link runSegmentationEval}. */
export interface SegmentationEvalOptions {
  data?: string;
  split?: string;
  dictionary?: WordDictionary;
}

/** Word F1 and speed (sentences per CPU-second) of `segmentWords` on the gold set. */
export function runSegmentationEval(opts: SegmentationEvalOptions = {}): { figures: Record<string, number>; report: string } {
  const file = opts.data ?? SEGMENTATION_GOLD;
  const dict = opts.dictionary ?? defaultWordDictionary();
  const rows = readJsonl(file).filter((r) => !opts.split || r.split === undefined || r.split === opts.split);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  rows.forEach((r, i) => {
    if (typeof r.text !== 'string' || !Array.isArray(r.words)) throw new Error(`${file}: item ${i + 1} needs "text" and "words"`);
    const gold = r.words as string[];
    const predicted = segmentWords(normaliseVietnamese(r.text), dict);
    const goldSyllables = gold.join('_').split('_').length;
    const predSyllables = predicted.join('_').split('_').length;
    if (goldSyllables !== predSyllables) throw new Error(`${file}: item ${String(r.id ?? i + 1)}: gold has ${goldSyllables} syllables, text gives ${predSyllables}`);
    const g = spans(gold);
    const p = spans(predicted);
    for (const s of p) (g.has(s) ? tp++ : fp++);
    for (const s of g) if (!p.has(s)) fn++;
  });
  if (rows.length === 0) return { figures: {}, report: 'segmentation: no items' };
  const scores = prf(tp, fp, fn);
  const texts = rows.map((r) => normaliseVietnamese(r.text as string));
  // CPU time, not wall time: the machine is shared, and this figure is per core.
  const cpuSeconds = (since: NodeJS.CpuUsage): number => {
    const used = process.cpuUsage(since);
    return (used.user + used.system) / 1e6;
  };
  const started = process.cpuUsage();
  let runs = 0;
  while (cpuSeconds(started) < 0.3) {
    for (const t of texts) segmentWords(t, dict);
    runs++;
  }
  const perSecond = (runs * texts.length) / cpuSeconds(started);
  const report = `segmentation (${rows.length} sentences${opts.split ? `, split ${opts.split}` : ''}): precision ${scores.precision.toFixed(3)} recall ${scores.recall.toFixed(3)} word F1 ${scores.f1.toFixed(3)}; ${Math.round(perSecond)} sentences/s per core (CPU time)`;
  return { figures: { segmentation_f1: Number(scores.f1.toFixed(4)), segmentation_sentences_per_s: Math.round(perSecond) }, report };
}
