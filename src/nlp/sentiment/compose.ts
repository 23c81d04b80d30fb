/**
 * Clause-level sentiment composition over lexicon matches in one text field.
 *
 * Rules, in the order a reader applies them:
 * - a negator (`không`, `chưa`, `thiếu`) flips the next term within a few syllables in the same
 *   comma scope; a negated negative (`không còn ùn tắc`) turns mildly positive;
 * - a movement verb combines with a term or indicator on either side: `giảm ùn tắc`,
 *   `tai nạn giảm` → positive; `giảm tăng trưởng`, `xuất khẩu giảm` → negative;
 * - a remedy verb (`khắc phục`, `chấm dứt`) acts like `giảm` on what follows;
 * - intensifiers scale the next term; irrealis words (`nhằm`, `yêu cầu`) damp every term after
 *   them in the clause: goals and instructions are not facts;
 * - a clause opened by a contrast connective weighs more, the clause before it and a concessive
 *   clause (`mặc dù…`) weigh less.
 */
import type { LexiconEntry, SentimentLexicon } from './lexicon.js';
import type { SyllableMatch } from './matcher.js';
import { scanField, type FieldTokens, SENTENCE_BEFORE, COMMA_BEFORE, SEMICOLON_BEFORE, SYLLABLES } from './tokens.js';

/** One scored piece of evidence inside a field (offsets into the field's NFC text). */
export interface Contribution {
  start: number;
  end: number;
  /** Signed contribution after modifiers and clause weighting. */
  weight: number;
  /** Index of the clause it belongs to. */
  clause: number;
}

/** Result of scoring one field. */
export interface FieldScore {
  contributions: Contribution[];
  /** Sum of contributions. */
  raw: number;
  sentences: number;
  /** Strongest damping asked for by an official-event marker in the field (1 = none). */
  official: number;
}

const NEGATION_REACH = 4;
/** How far back a movement verb re-reads its subject: `ùn tắc trên quốc lộ vào giờ cao điểm đã giảm`. */
const MOVEMENT_REACH = 10;
const CONTRAST_WEIGHT = 1.5;
const BEFORE_CONTRAST_WEIGHT = 0.6;
const CONCESSION_WEIGHT = 0.5;
const NEGATED_NEGATIVE = 0.7;
const MOVED = 0.9;

/** Connectives, as lower-case syllable pairs or singles (accented and unaccented spellings). */
const CONTRAST_TWO = new Set(['tuy nhiên', 'thế nhưng', 'tuy vậy', 'dù vậy', 'nhưng mà', 'tuy nhien', 'the nhung', 'tuy vay', 'du vay', 'nhung ma']);
const CONTRAST_ONE = new Set(['nhưng', 'song', 'nhung']);
const CONCESSION_TWO = new Set(['mặc dù', 'dù cho', 'mac du', 'du cho']);
const CONCESSION_ONE = new Set(['dù', 'tuy', 'dẫu', 'du']);

const CONNECTIVE_HEADS = new Set([...CONTRAST_TWO, ...CONCESSION_TWO].map((x) => x.split(' ')[0] as string));
/** Every syllable that can open a connective: any other syllable skips the lookups below. */
const OPENERS = new Set([...CONNECTIVE_HEADS, ...CONTRAST_ONE, ...CONCESSION_ONE]);
/**
 * The same by syllable id ({@link SYLLABLES} ids never change, and these are interned up front):
 * one array read per token instead of reading its string.
 */
const OPENER_IDS = ((): Uint8Array => {
  const ids = [...OPENERS].map((s) => SYLLABLES.intern(s));
  const table = new Uint8Array(Math.max(...ids) + 1);
  for (const id of ids) table[id] = 1;
  return table;
})();

type Role = 'plain' | 'contrast' | 'concession';
interface Clause {
  role: Role;
  sentence: number;
}

interface Structure {
  /** Clause index of each token. */
  of: Int32Array;
  list: Clause[];
  sentences: number;
}

/** Assign each token a clause and each clause a role, from the gaps and the connectives. */
function clauses(t: FieldTokens): Structure {
  const of = new Int32Array(t.count);
  const list: Clause[] = [];
  let sentence = 0;
  let pendingConcession = false;
  for (let i = 0; i < t.count; i++) {
    const gap = t.gap[i] as number;
    const sentenceBreak = i > 0 && (gap & SENTENCE_BEFORE) !== 0;
    const comma = (gap & (COMMA_BEFORE | SENTENCE_BEFORE)) !== 0 || i === 0;
    const id = t.ids[i] as number;
    const candidate = id >= 0 && OPENER_IDS[id] === 1;
    const one = candidate ? (t.lower[i] as string) : '';
    // Build the two-syllable key only for the few syllables that can start a connective.
    const two = candidate && i + 1 < t.count && CONNECTIVE_HEADS.has(one) ? `${one} ${t.lower[i + 1] as string}` : '';
    const opensContrast = candidate && (CONTRAST_TWO.has(two) || (CONTRAST_ONE.has(one) && (one !== 'song' || (comma && i > 0 && t.lower[i + 1] !== 'song'))));
    const opensConcession = candidate && !opensContrast && comma && (CONCESSION_TWO.has(two) || CONCESSION_ONE.has(one));
    if (sentenceBreak) {
      sentence++;
      pendingConcession = false;
    }
    const semicolon = (gap & SEMICOLON_BEFORE) !== 0;
    if (i === 0 || sentenceBreak || semicolon || opensContrast || opensConcession || (pendingConcession && (gap & COMMA_BEFORE) !== 0)) {
      const role: Role = opensContrast ? 'contrast' : opensConcession ? 'concession' : pendingConcession && !sentenceBreak ? 'contrast' : 'plain';
      pendingConcession = role === 'concession';
      list.push({ role, sentence });
    }
    of[i] = list.length - 1;
  }
  return { of, list, sentences: sentence + 1 };
}

function clauseWeight(list: Clause[], index: number): number {
  const c = list[index] as Clause;
  if (c.role === 'contrast') return CONTRAST_WEIGHT;
  if (c.role === 'concession') return CONCESSION_WEIGHT;
  const next = list[index + 1];
  if (next && next.sentence === c.sentence && next.role === 'contrast') return BEFORE_CONTRAST_WEIGHT;
  return 1;
}

/** No comma (or stronger break) between token `after` and token `upTo`, inclusive of upTo. */
function scopeOpen(t: FieldTokens, after: number, upTo: number): boolean {
  for (let k = after + 1; k <= upTo; k++) if ((t.gap[k] as number) & (COMMA_BEFORE | SENTENCE_BEFORE | SEMICOLON_BEFORE)) return false;
  return true;
}

interface Pending {
  kind: 'negator' | 'privative' | 'adverse' | 'intensifier' | 'movement' | 'remedy';
  value: number;
  start: number;
  end: number;
  /** Token index after the modifier. */
  last: number;
}

interface Held {
  entry: LexiconEntry;
  match: SyllableMatch<LexiconEntry>;
  start: number;
  /** Index into contributions when it already contributed. */
  contribution: number;
  moved: boolean;
}

/**
 * A privative or strong remedy that found nothing to act on still says something.
 * (Module functions with the clause state passed in, not closures made per field.)
 */
function expire(p: Pending, out: Contribution[], weight: number, irrealis: number, clause: number): void {
  if (p.kind === 'privative' || p.kind === 'adverse') out.push({ start: p.start, end: p.end, weight: p.value * weight * irrealis, clause });
  else if (p.kind === 'remedy' && p.value <= -1) out.push({ start: p.start, end: p.end, weight: -p.value * 0.8 * weight * irrealis, clause });
}

/** Re-read an earlier term or indicator through a movement/remedy that follows it. */
function reread(h: Held, factor: number, end: number, out: Contribution[], weight: number, irrealis: number, clause: number): void {
  const direction = h.entry.kind === 'indicator' ? h.entry.value : Math.sign(h.entry.value);
  const magnitude = h.entry.kind === 'indicator' ? 1 : Math.abs(h.entry.value);
  const signed = direction * factor * magnitude * MOVED * weight * irrealis;
  if (h.contribution >= 0) {
    const target = out[h.contribution] as Contribution;
    target.weight = signed;
    target.end = Math.max(target.end, end);
  } else out.push({ start: h.start, end, weight: signed, clause });
  h.moved = true;
}

/**
 * Score one field. `text` must be the output of `normaliseForMatching` on the field's NFC text
 * (same length), so offsets are valid in the NFC text. `scanned`, when given, must be
 * `scanField(text)` (or the same built another way, see `fieldTokensFromSyllables`).
 */
export function scoreField(text: string, lexicon: SentimentLexicon, scanned?: FieldTokens): FieldScore {
  const t = scanned ?? scanField(text);
  const structure = clauses(t);
  const matches = lexicon.matcher.match(t);
  const out: Contribution[] = [];
  let pending: Pending[] = [];
  let held: Held | null = null;
  let irrealis = 1;
  let clause = -1;
  let weight = 1;
  let official = 1;
  for (const m of matches) {
    const entry = m.value;
    const start = t.start[m.first] as number;
    const end = t.end[m.last - 1] as number;
    const c = structure.of[m.first] as number;
    if (c !== clause) {
      for (const p of pending) expire(p, out, weight, irrealis, clause);
      clause = c;
      weight = clauseWeight(structure.list, c);
      pending = [];
      held = null;
      irrealis = 1;
    }
    if (pending.length > 0) {
      pending = pending.filter((p) => {
        const alive = m.first - p.last <= NEGATION_REACH && scopeOpen(t, p.last - 1, m.first);
        if (!alive) expire(p, out, weight, irrealis, clause);
        return alive;
      });
    }
    if (held && (m.first - held.match.last > MOVEMENT_REACH || !scopeOpen(t, held.match.last - 1, m.first))) held = null;
    switch (entry.kind) {
      case 'ignore':
        break;
      case 'official':
        official = Math.min(official, entry.value);
        break;
      case 'irrealis':
        irrealis = Math.min(irrealis, entry.value);
        break;
      case 'negator':
      case 'privative':
      case 'adverse':
      case 'intensifier':
        pending.push({ kind: entry.kind, value: entry.value, start, end, last: m.last });
        break;
      case 'movement':
      case 'remedy': {
        // `tai nạn giảm`, `xuất khẩu tăng`, `sai phạm đã được khắc phục`: re-read what came just before.
        const canReread = held !== null && !held.moved && (entry.kind === 'movement' || (held.entry.kind === 'term' && held.entry.value < 0));
        if (held && canReread) reread(held, entry.value, end, out, weight, irrealis, clause);
        else pending.push({ kind: entry.kind, value: entry.value, start, end, last: m.last });
        break;
      }
      case 'term':
      case 'indicator': {
        let value = entry.kind === 'indicator' ? 0 : entry.value;
        let from = start;
        let moved = false;
        for (const p of pending) {
          if (p.kind === 'intensifier') value *= p.value;
          else if (p.kind === 'adverse') value = -Math.abs(value || p.value);
          else if (p.kind === 'remedy') {
            // Remedying a problem is good; `giải quyết việc làm` (an indicator) too; a good thing stays good.
            if (entry.kind === 'indicator') value = Math.abs(p.value) * MOVED;
            else if (value < 0) value = -value * Math.abs(p.value) * MOVED;
            moved = true;
          } else if (p.kind === 'movement') {
            const direction = entry.kind === 'indicator' ? entry.value : Math.sign(value);
            const magnitude = entry.kind === 'indicator' ? 1 : Math.abs(value);
            value = direction * p.value * magnitude * MOVED;
            moved = true;
          } else {
            const strength = p.kind === 'negator' ? p.value : 1;
            value = value < 0 ? -value * NEGATED_NEGATIVE * strength : -value * strength;
          }
          from = Math.min(from, p.start);
        }
        pending = [];
        let index = -1;
        if (value !== 0) {
          index = out.length;
          out.push({ start: from, end, weight: value * weight * irrealis, clause: c });
        }
        held = { entry, match: m, start: from, contribution: index, moved };
        break;
      }
    }
  }
  for (const p of pending) expire(p, out, weight, irrealis, clause);
  return { contributions: out, raw: out.reduce((s, x) => s + x.weight, 0), sentences: structure.sentences, official };
}
