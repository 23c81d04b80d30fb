/**
 * Near-duplicate evaluation: for each labelled pair, index `a` then `b` in a fresh story index
 * and check whether `b` joins `a`'s story. Reports precision/recall/F1 of the "duplicate" class,
 * overall and per pair kind when the gold names one.
 */
import { createStoryIndex, type StoryIndexOptions } from '../nlp/stories/story-index.js';
import { createEntityExtractor } from '../nlp/entities/extract.js';
import { loadGazetteer } from '../nlp/entities/gazetteer.js';
import { tokenizeSyllables } from '../nlp/phrase-matcher.js';
import { readJsonl } from './jsonl.js';
import { prf } from './metrics.js';

/** Default gold set. */
export const DEDUP_GOLD = 'tests/fixtures/nlp/dedup-pairs.jsonl';

/** Options for {@link runDedupEval}. */
export interface DedupEvalOptions {
  split?: 'dev' | 'test';
  /** @defaultValue {@link DEDUP_GOLD} */
  data?: string;
  index?: StoryIndexOptions;
  /** Gazetteer location, so places are compared as the analyser does. @defaultValue 'config' */
  configDir?: string;
}

interface Side {
  title: string;
  lead?: string;
  text?: string;
}

function side(v: unknown, where: string): Side {
  const o = v as Record<string, unknown> | null;
  if (!o || typeof o.title !== 'string') throw new Error(`${where}: needs an object with a "title"`);
  return { title: o.title, lead: typeof o.lead === 'string' ? o.lead : undefined, text: typeof o.text === 'string' ? o.text : undefined };
}

/** Score story grouping on labelled pairs. */
export function runDedupEval(opts: DedupEvalOptions = {}): { figures: { dedup_pair_f1: number }; report: string; errors: { id: string; kind: string; duplicate: boolean }[] } {
  const data = opts.data ?? DEDUP_GOLD;
  const split = opts.data && !opts.split ? undefined : (opts.split ?? 'test');
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let tn = 0;
  const byKind = new Map<string, { n: number; correct: number }>();
  const errors: { id: string; kind: string; duplicate: boolean }[] = [];
  const entities = createEntityExtractor(loadGazetteer(opts.configDir ?? 'config'));
  const placesOf = (s: Side) => {
    const texts = [s.title, s.lead ?? '', s.text ?? ''].map((t) => t.normalize('NFC'));
    return entities.extract(texts.map((t) => tokenizeSyllables(t)), texts).provinces;
  };
  readJsonl(data).forEach((rec, i) => {
    if (split !== undefined && rec.split !== undefined && rec.split !== split) return;
    const where = `${data}: record ${i + 1}`;
    if (typeof rec.duplicate !== 'boolean') throw new Error(`${where}: "duplicate" must be true or false`);
    const a = side(rec.a, `${where} a`);
    const b = side(rec.b, `${where} b`);
    const index = createStoryIndex(opts.index);
    const t = '2026-01-01T00:00:00.000Z';
    const sa = index.assign({ id: 'a', publishedAt: t, ...a, places: placesOf(a) });
    const sb = index.assign({ id: 'b', publishedAt: t, ...b, places: placesOf(b) });
    const predicted = sa.storyId === sb.storyId;
    if (predicted && rec.duplicate) tp++;
    else if (predicted) fp++;
    else if (rec.duplicate) fn++;
    else tn++;
    const kind = typeof rec.kind === 'string' ? rec.kind : rec.duplicate ? 'duplicate' : 'non-pair';
    const k = byKind.get(kind) ?? { n: 0, correct: 0 };
    k.n++;
    if (predicted === rec.duplicate) k.correct++;
    else errors.push({ id: String(rec.id ?? i + 1), kind, duplicate: rec.duplicate });
    byKind.set(kind, k);
  });
  const s = prf(tp, fp, fn);
  const lines = [
    `dedup: ${tp + fp + fn + tn} pairs from ${data}${split ? ` (split ${split})` : ''}`,
    `duplicate class: P ${s.precision.toFixed(3)} R ${s.recall.toFixed(3)} F1 ${s.f1.toFixed(3)} (tp ${tp}, fp ${fp}, fn ${fn}, tn ${tn})`,
    ...[...byKind].sort().map(([kind, k]) => `  ${kind.padEnd(20)} ${k.correct}/${k.n} correct`),
  ];
  return { figures: { dedup_pair_f1: Math.round(s.f1 * 10000) / 10000 }, report: lines.join('\n'), errors };
}
