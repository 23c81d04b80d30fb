/**
 * Item-level sentiment: title, lead and body scored clause by clause, combined with the title
 * weighing most, and explained by evidence phrases with offsets.
 */
import type { EvidencePhrase, ItemLabels, SentimentLabel } from '../../core/item.js';
import { normaliseForMatching } from '../normalise.js';
import type { SyllableToken } from '../syllables.js';
import { scoreField, type Contribution } from './compose.js';
import type { SentimentLexicon } from './lexicon.js';
import { roundWeight, sliceLength, TopEvidence } from './top-evidence.js';

type Field = EvidencePhrase['field'];

/** Options for {@link analyseSentiment}. */
export interface SentimentOptions {
  /** Per topic, the spans (field + NFC offsets) that mention it; enables `byTopic`. */
  topicClauses?: Record<string, { field: Field; start: number; end: number }[]>;
  /** Most evidence phrases returned. @defaultValue 8 */
  maxEvidence?: number;
  /**
   * The fields already NFC and through `normaliseForMatching` (the analyser has them): saves
   * normalising twice. Must be exactly that transform of the doc's fields.
   */
  normalised?: Partial<Record<Field, string>>;
  /**
   * Syllable tokens of the `normalised` fields (`tokenizeSyllables`, uncapped), when the caller
   * has them: sentiment then builds its tokens from them instead of scanning the text again.
   */
  syllables?: Partial<Record<Field, readonly SyllableToken[]>>;
  /** The doc's fields are NFC already (the analyser's are): skips normalising them again. */
  nfc?: boolean;
}

/** Field weights: the headline is what readers (and officers) see first. */
const FIELD_WEIGHT: Record<Field, number> = { title: 2, lead: 1.2, text: 1 };
/** |score| at or above which an item is positive/negative. Tuned on the dev split only. */
export const SENTIMENT_THRESHOLD = 0.3;
/** Raw sum that maps to a score of tanh(1) ≈ 0.76. */
const SCALE = 3;

interface FieldEvidence {
  field: Field;
  nfc: string;
  contributions: Contribution[];
  weight: number;
}

function labelOf(score: number): SentimentLabel {
  if (score >= SENTIMENT_THRESHOLD) return 'positive';
  if (score <= -SENTIMENT_THRESHOLD) return 'negative';
  return 'neutral';
}

const round = roundWeight;

function scoreFields(doc: { title: string; lead?: string | null; text?: string }, lexicon: SentimentLexicon, opts: SentimentOptions): FieldEvidence[] {
  const normalised = opts.normalised ?? {};
  const fields: [Field, string | null | undefined][] = [
    ['title', doc.title],
    ['lead', doc.lead],
    ['text', doc.text],
  ];
  const out: FieldEvidence[] = [];
  let officialDamping = 1;
  for (const [field, value] of fields) {
    if (!value) continue;
    const nfc = opts.nfc ? value : value.normalize('NFC');
    const given = normalised[field];
    const syllables = given === undefined ? undefined : opts.syllables?.[field];
    const scored = scoreField(given ?? normaliseForMatching(nfc), lexicon, syllables);
    // A long body should not drown the headline: damp by the square root of its length.
    let weight = field === 'text' ? FIELD_WEIGHT.text / Math.max(1, Math.sqrt(scored.sentences / 3)) : FIELD_WEIGHT[field];
    // `Thủ tướng chủ trì hội nghị…` with a sentiment-free title: what follows is mostly official
    // rhetoric (`năm bứt phá, về đích`), so it counts for less.
    if (field === 'title' && scored.contributions.length === 0) officialDamping = scored.official;
    else if (field !== 'title') weight *= field === 'lead' ? Math.sqrt(officialDamping) : officialDamping;
    out.push({ field, nfc, contributions: scored.contributions, weight });
  }
  return out;
}

function confidenceOf(score: number, label: SentimentLabel, positive: number, negative: number): number {
  const total = positive + negative;
  if (label === 'neutral') {
    // No evidence at all is a confident neutral; balanced evidence is a doubtful one.
    const closeness = 1 - Math.min(1, Math.abs(score) / SENTIMENT_THRESHOLD);
    return round(total === 0 ? 0.8 : 0.35 + 0.4 * closeness);
  }
  const agreement = total === 0 ? 0 : Math.abs(positive - negative) / total;
  const strength = Math.min(1, Math.abs(score) / 0.8);
  return round(Math.min(1, 0.3 + 0.4 * strength + 0.3 * agreement));
}

function inRanges(field: Field, c: Contribution, ranges: { field: Field; start: number; end: number }[]): boolean {
  for (let k = 0; k < ranges.length; k++) {
    const r = ranges[k] as { field: Field; start: number; end: number };
    if (r.field === field && c.start < r.end && c.end > r.start) return true;
  }
  return false;
}

/**
 * Sentiment of one item with evidence.
 * @param doc - title, optional lead and body (any normalisation; offsets refer to their NFC form)
 * @param lexicon - from `loadSentimentLexicon()`
 * @example analyseSentiment({ title: 'Dự án chậm tiến độ' }, lexicon).label // 'negative'
 */
export function analyseSentiment(
  doc: { title: string; lead?: string | null; text?: string },
  lexicon: SentimentLexicon,
  opts: SentimentOptions = {},
): ItemLabels['sentiment'] {
  const fields = scoreFields(doc, lexicon, opts);
  let raw = 0;
  let positive = 0;
  let negative = 0;
  // Evidence objects (and text slices) only for the phrases that make the cut: rank the
  // contributions first, by |rounded weight| and then in field order, as a stable sort would.
  let total = 0;
  for (const f of fields) total += f.contributions.length;
  const top = new TopEvidence(sliceLength(total, opts.maxEvidence ?? 8));
  for (let fi = 0; fi < fields.length; fi++) {
    const f = fields[fi] as FieldEvidence;
    for (let ci = 0; ci < f.contributions.length; ci++) {
      const w = (f.contributions[ci] as Contribution).weight * f.weight;
      raw += w;
      if (w > 0) positive += w;
      else negative -= w;
      top.offer(w, fi, ci);
    }
  }
  const score = round(Math.tanh(raw / SCALE));
  const label = labelOf(score);
  const evidence: EvidencePhrase[] = [];
  for (let k = 0; k < top.count; k++) {
    const f = fields[top.field[k] as number] as FieldEvidence;
    const c = f.contributions[top.contribution[k] as number] as Contribution;
    const w = top.weight[k] as number;
    evidence.push({ text: f.nfc.slice(c.start, c.end), field: f.field, start: c.start, end: c.end, polarity: w > 0 ? 'positive' : 'negative', weight: round(w) });
  }
  const result: ItemLabels['sentiment'] = {
    label,
    score,
    confidence: confidenceOf(score, label, positive, negative),
    evidence,
  };
  if (opts.topicClauses) {
    const byTopic: NonNullable<ItemLabels['sentiment']['byTopic']> = {};
    for (const [topic, ranges] of Object.entries(opts.topicClauses)) {
      let topicRaw = 0;
      for (const f of fields) for (const c of f.contributions) if (inRanges(f.field, c, ranges)) topicRaw += c.weight * f.weight;
      const topicScore = round(Math.tanh(topicRaw / SCALE));
      byTopic[topic] = { label: labelOf(topicScore), score: topicScore };
    }
    result.byTopic = byTopic;
  }
  return result;
}
