/**
 * Sentiment evaluation on a labelled JSON-lines set: objects with `title` (+ optional `lead`) or
 * `text`, a `sentiment` label, and optionally `split`.
 */
import type { SentimentLabel } from '../core/item.js';
import { analyseSentiment } from '../nlp/sentiment/analyse.js';
import type { SentimentLexicon } from '../nlp/sentiment/lexicon.js';
import { loadSentimentLexicon } from '../nlp/sentiment/lexicon.js';
import { readJsonl } from './jsonl.js';
import { confusionMatrix, formatClassReport, formatConfusion, macroF1, perClassScores, accuracy } from './metrics.js';

/** Default gold set. */
export const SENTIMENT_GOLD = 'tests/fixtures/nlp/sentiment.jsonl';
const LABELS: readonly SentimentLabel[] = ['positive', 'negative', 'neutral'];

/** One labelled item. */
export interface SentimentGoldItem {
  id: string;
  title: string;
  lead: string | null;
  text?: string;
  sentiment: SentimentLabel;
  split?: string;
}

/** Load labelled items; rows without a `sentiment` are skipped (a set may carry only topics). */
export function loadSentimentGold(file: string = SENTIMENT_GOLD): SentimentGoldItem[] {
  return readJsonl(file).flatMap((row, i) => {
    if (row.sentiment === undefined) return [];
    const where = `${file}: item ${i + 1}`;
    if (!LABELS.includes(row.sentiment as SentimentLabel)) throw new Error(`${where}: sentiment "${String(row.sentiment)}" is not one of ${LABELS.join('/')}`);
    const title = typeof row.title === 'string' ? row.title : typeof row.text === 'string' ? '' : null;
    if (title === null) throw new Error(`${where}: needs "title" or "text"`);
    const item: SentimentGoldItem = { id: String(row.id ?? i + 1), title, lead: typeof row.lead === 'string' ? row.lead : null, sentiment: row.sentiment as SentimentLabel };
    if (typeof row.text === 'string') item.text = row.text;
    if (typeof row.split === 'string') item.split = row.split;
    return [item];
  });
}

/** Options for {@link runSentimentEval}. */
export interface SentimentEvalOptions {
  data?: string;
  /** Keep only this split; items without a split are always kept. */
  split?: string;
  lexicon?: SentimentLexicon;
}

/** Score the analyser on a labelled set: figures + a printable report. */
export function runSentimentEval(opts: SentimentEvalOptions = {}): { figures: Record<string, number>; report: string; errors: { item: SentimentGoldItem; predicted: SentimentLabel }[] } {
  const lexicon = opts.lexicon ?? loadSentimentLexicon();
  const items = loadSentimentGold(opts.data ?? SENTIMENT_GOLD).filter((x) => !opts.split || !x.split || x.split === opts.split);
  if (items.length === 0) return { figures: {}, report: 'sentiment: no labelled items', errors: [] };
  const gold = items.map((x) => x.sentiment);
  const predicted = items.map((x) => analyseSentiment(x, lexicon).label);
  const matrix = confusionMatrix(LABELS, gold, predicted);
  const scores = perClassScores(LABELS, matrix);
  const macro = macroF1(scores);
  const report = [
    `sentiment (${items.length} items${opts.split ? `, split ${opts.split}` : ''}) accuracy ${accuracy(gold, predicted).toFixed(3)}`,
    formatClassReport(LABELS, scores),
    formatConfusion(LABELS, matrix),
  ].join('\n');
  const errors = items.flatMap((item, i) => (predicted[i] === item.sentiment ? [] : [{ item, predicted: predicted[i] as SentimentLabel }]));
  return { figures: { sentiment_macro_f1: Number(macro.toFixed(4)) }, report, errors };
}
