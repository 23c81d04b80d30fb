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
import type { LexiconEntry, LexiconKind, SentimentLexicon } from './lexicon.js';
import { MatchList } from './matcher.js';
import { fillFromSyllables, listNotable, scanField, type NotableTokens, type TokenView, SENTENCE_BEFORE, COMMA_BEFORE, SEMICOLON_BEFORE, SYLLABLES } from './tokens.js';
import type { SyllableToken } from '../syllables.js';

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
const CONTRAST_TWO = ['tuy nhiên', 'thế nhưng', 'tuy vậy', 'dù vậy', 'nhưng mà', 'tuy nhien', 'the nhung', 'tuy vay', 'du vay', 'nhung ma'];
const CONTRAST_ONE = ['nhưng', 'song', 'nhung'];
const CONCESSION_TWO = ['mặc dù', 'dù cho', 'mac du', 'du cho'];
const CONCESSION_ONE = ['dù', 'tuy', 'dẫu', 'du'];

/*
 * Connectives by syllable id ({@link SYLLABLES} ids never change, and these are interned up
 * front, so a text syllable spelled like one has its id): the clause pass reads one byte per
 * token and never the token's string.
 */
/** Bits of {@link OPENER}. */
const HEAD_OF_TWO = 1;
const CONTRAST_SINGLE = 2;
const CONCESSION_SINGLE = 4;
const SONG_ID = SYLLABLES.intern('song');
/** Connective pairs as `first id * PAIR_BASE + second id`. */
const PAIR_BASE = 2 ** 21;
const CONTRAST_PAIRS = new Set<number>();
const CONCESSION_PAIRS = new Set<number>();
/** Per syllable id, what connective it can open (0 for all others). */
const OPENER = ((): Uint8Array => {
  const bits = new Map<number, number>();
  const mark = (s: string, bit: number): void => {
    const id = SYLLABLES.intern(s);
    bits.set(id, (bits.get(id) ?? 0) | bit);
  };
  const pairs = (list: string[], into: Set<number>): void => {
    for (const pair of list) {
      const [first, second] = pair.split(' ') as [string, string];
      mark(first, HEAD_OF_TWO);
      into.add(SYLLABLES.intern(first) * PAIR_BASE + SYLLABLES.intern(second));
    }
  };
  pairs(CONTRAST_TWO, CONTRAST_PAIRS);
  pairs(CONCESSION_TWO, CONCESSION_PAIRS);
  for (const s of CONTRAST_ONE) mark(s, CONTRAST_SINGLE);
  for (const s of CONCESSION_ONE) mark(s, CONCESSION_SINGLE);
  const table = new Uint8Array(Math.max(...bits.keys()) + 1);
  for (const [id, b] of bits) table[id] = b;
  return table;
})();

/** Clause roles, as stored in {@link Scratch.clauseRole}. */
const PLAIN = 0;
const CONTRAST = 1;
const CONCESSION = 2;

/**
 * Working memory of one field's scoring, reused from field to field (scoring is synchronous):
 * no token, clause or match arrays are allocated per field.
 */
interface Scratch {
  view: TokenView;
  /** Tokens where a clause may start (gaps and connective openers), listed while the view is built. */
  notable: NotableTokens;
  matches: MatchList;
  /** First token, role and sentence index of each clause. */
  clauseStart: Int32Array;
  clauseRole: Uint8Array;
  clauseSentence: Int32Array;
  clauseCount: number;
}

const scratch: Scratch = {
  view: { count: 0, ids: new Int32Array(0), start: new Int32Array(0), end: new Int32Array(0), gap: new Uint8Array(0), unaccented: true },
  notable: { marks: OPENER, list: new Int32Array(0), count: 0 },
  matches: new MatchList(),
  clauseStart: new Int32Array(0),
  clauseRole: new Uint8Array(0),
  clauseSentence: new Int32Array(0),
  clauseCount: 0,
};

/**
 * Split the field into clauses and give each a role, from the gaps and the connectives; returns
 * the sentence count. Only the notable tokens are visited: at any other token (no gap, no
 * connective) nothing starts and no state changes.
 */
function clauses(t: TokenView, s: Scratch): number {
  const { list, count: notableCount } = s.notable;
  if (s.clauseStart.length < notableCount) {
    const size = Math.max(notableCount, s.clauseStart.length * 2);
    s.clauseStart = new Int32Array(size);
    s.clauseRole = new Uint8Array(size);
    s.clauseSentence = new Int32Array(size);
  }
  const { ids, gap: gaps, count } = t;
  const { clauseStart, clauseRole, clauseSentence } = s;
  let clauseCount = 0;
  let sentence = 0;
  let pendingConcession = false;
  for (let e = 0; e < notableCount; e++) {
    const i = list[e] as number;
    const gap = gaps[i] as number;
    const sentenceBreak = i > 0 && (gap & SENTENCE_BEFORE) !== 0;
    const comma = (gap & (COMMA_BEFORE | SENTENCE_BEFORE)) !== 0 || i === 0;
    const id = ids[i] as number;
    const opener = id >= 0 && id < OPENER.length ? (OPENER[id] as number) : 0;
    let opensContrast = false;
    let opensConcession = false;
    if (opener !== 0) {
      // Only the few syllables that can start a connective look at the next one.
      const next = i + 1 < count ? (ids[i + 1] as number) : -1;
      const pair = (opener & HEAD_OF_TWO) !== 0 && next >= 0 ? id * PAIR_BASE + next : -1;
      opensContrast = CONTRAST_PAIRS.has(pair) || ((opener & CONTRAST_SINGLE) !== 0 && (id !== SONG_ID || (comma && i > 0 && next !== SONG_ID)));
      opensConcession = !opensContrast && comma && (CONCESSION_PAIRS.has(pair) || (opener & CONCESSION_SINGLE) !== 0);
    }
    if (sentenceBreak) {
      sentence++;
      pendingConcession = false;
    }
    const semicolon = (gap & SEMICOLON_BEFORE) !== 0;
    if (i === 0 || sentenceBreak || semicolon || opensContrast || opensConcession || (pendingConcession && (gap & COMMA_BEFORE) !== 0)) {
      const role: number = opensContrast ? CONTRAST : opensConcession ? CONCESSION : pendingConcession && !sentenceBreak ? CONTRAST : PLAIN;
      pendingConcession = role === CONCESSION;
      clauseStart[clauseCount] = i;
      clauseRole[clauseCount] = role;
      clauseSentence[clauseCount] = sentence;
      clauseCount++;
    }
  }
  s.clauseCount = clauseCount;
  return sentence + 1;
}

function clauseWeight(s: Scratch, index: number): number {
  const role = s.clauseRole[index] as number;
  if (role === CONTRAST) return CONTRAST_WEIGHT;
  if (role === CONCESSION) return CONCESSION_WEIGHT;
  const next = index + 1;
  if (next < s.clauseCount && s.clauseSentence[next] === s.clauseSentence[index] && s.clauseRole[next] === CONTRAST) return BEFORE_CONTRAST_WEIGHT;
  return 1;
}

/** No comma (or stronger break) between token `after` and token `upTo`, inclusive of upTo. */
function scopeOpen(t: TokenView, after: number, upTo: number): boolean {
  for (let k = after + 1; k <= upTo; k++) if ((t.gap[k] as number) & (COMMA_BEFORE | SENTENCE_BEFORE | SEMICOLON_BEFORE)) return false;
  return true;
}
/*
 * Lexicon kinds as small integers, so the per-match dispatch compares numbers (modifier kinds
 * come from file text, and comparing such strings is a character compare each).
 */
const IGNORE = 0;
const OFFICIAL = 1;
const IRREALIS = 2;
const NEGATOR = 3;
const PRIVATIVE = 4;
const ADVERSE = 5;
const INTENSIFIER = 6;
const MOVEMENT = 7;
const REMEDY = 8;
const TERM = 9;
const INDICATOR = 10;
const KIND_CODE: Record<LexiconKind, number> = {
  ignore: IGNORE,
  official: OFFICIAL,
  irrealis: IRREALIS,
  negator: NEGATOR,
  privative: PRIVATIVE,
  adverse: ADVERSE,
  intensifier: INTENSIFIER,
  movement: MOVEMENT,
  remedy: REMEDY,
  term: TERM,
  indicator: INDICATOR,
};

/** Kind code and value of each matcher payload side by side: the scoring loop never reads the entry objects. */
interface PayloadTable {
  kinds: Uint8Array;
  values: Float64Array;
}
const payloadTables = new WeakMap<readonly LexiconEntry[], PayloadTable>();
function payloadTableOf(entries: readonly LexiconEntry[]): PayloadTable {
  let table = payloadTables.get(entries);
  if (table === undefined) {
    table = { kinds: Uint8Array.from(entries, (e) => KIND_CODE[e.kind]), values: Float64Array.from(entries, (e) => e.value) };
    payloadTables.set(entries, table);
  }
  return table;
}

/** A modifier waiting for the term it acts on. */
interface Pending {
  /** NEGATOR, PRIVATIVE, ADVERSE, INTENSIFIER, MOVEMENT or REMEDY. */
  kind: number;
  value: number;
  start: number;
  end: number;
  /** Token index after the modifier. */
  last: number;
}

/** The last term or indicator of the clause, which a movement/remedy after it may re-read. */
interface Held {
  /** TERM or INDICATOR, and the entry's value. */
  kind: number;
  value: number;
  /** Token index after it. */
  last: number;
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
  if (p.kind === PRIVATIVE || p.kind === ADVERSE) out.push({ start: p.start, end: p.end, weight: p.value * weight * irrealis, clause });
  else if (p.kind === REMEDY && p.value <= -1) out.push({ start: p.start, end: p.end, weight: -p.value * 0.8 * weight * irrealis, clause });
}

/** Re-read an earlier term or indicator through a movement/remedy that follows it. */
function reread(h: Held, factor: number, end: number, out: Contribution[], weight: number, irrealis: number, clause: number): void {
  const direction = h.kind === INDICATOR ? h.value : Math.sign(h.value);
  const magnitude = h.kind === INDICATOR ? 1 : Math.abs(h.value);
  const signed = direction * factor * magnitude * MOVED * weight * irrealis;
  if (h.contribution >= 0) {
    const target = out[h.contribution] as Contribution;
    target.weight = signed;
    target.end = Math.max(target.end, end);
  } else out.push({ start: h.start, end, weight: signed, clause });
  h.moved = true;
}

/** Out-parameter of {@link applyPending} (one per process: scoring is synchronous). */
const applied = { value: 0, from: 0, moved: false };

/** A term or indicator (`kind`, `entryValue`) read through the `count` modifiers pending before it: its value, start and whether a movement/remedy turned it. */
function applyPending(kind: number, entryValue: number, start: number, pending: Pending[], count: number): void {
  const indicator = kind === INDICATOR;
  let value = indicator ? 0 : entryValue;
  let from = start;
  let moved = false;
  for (let k = 0; k < count; k++) {
    const p = pending[k] as Pending;
    if (p.kind === INTENSIFIER) value *= p.value;
    else if (p.kind === ADVERSE) value = -Math.abs(value || p.value);
    else if (p.kind === REMEDY) {
      // Remedying a problem is good; `giải quyết việc làm` (an indicator) too; a good thing stays good.
      if (indicator) value = Math.abs(p.value) * MOVED;
      else if (value < 0) value = -value * Math.abs(p.value) * MOVED;
      moved = true;
    } else if (p.kind === MOVEMENT) {
      const direction = indicator ? entryValue : Math.sign(value);
      const magnitude = indicator ? 1 : Math.abs(value);
      value = direction * p.value * magnitude * MOVED;
      moved = true;
    } else {
      const strength = p.kind === NEGATOR ? p.value : 1;
      value = value < 0 ? -value * NEGATED_NEGATIVE * strength : -value * strength;
    }
    from = Math.min(from, p.start);
  }
  applied.value = value;
  applied.from = from;
  applied.moved = moved;
}

/** The field's tokens: built from the caller's syllable tokens when it has them, else scanned. */
function tokensOf(text: string, syllables: readonly SyllableToken[] | undefined, s: Scratch): TokenView {
  if (syllables !== undefined && fillFromSyllables(text, syllables, s.view, s.notable)) return s.view;
  const scanned = scanField(text);
  listNotable(scanned, s.notable);
  return scanned;
}

/**
 * Score one field. `text` must be the output of `normaliseForMatching` on the field's NFC text
 * (same length), so offsets are valid in the NFC text. `syllables`, when given, must be
 * `tokenizeSyllables(text)` (uncapped): the field's tokens are then built from them.
 */
export function scoreField(text: string, lexicon: SentimentLexicon, syllables?: readonly SyllableToken[]): FieldScore {
  const s = scratch;
  const t = tokensOf(text, syllables, s);
  const sentences = clauses(t, s);
  const matches = s.matches;
  const matcher = lexicon.matcher;
  matcher.matchInto(t, matches);
  const { kinds, values } = payloadTableOf(matcher.payloads);
  const out: Contribution[] = [];
  // Pending modifiers, in match order, the first `pendingCount` valid; filtered in place (a handful at most).
  const pending: Pending[] = [];
  let pendingCount = 0;
  let held: Held | null = null;
  let irrealis = 1;
  let clause = -1;
  let weight = 1;
  let official = 1;
  // Clause of the current match: matches come in token order, so a cursor over the clause starts.
  let cursor = 0;
  for (let mi = 0; mi < matches.count; mi++) {
    const payload = matches.payload[mi] as number;
    const kind = kinds[payload] as number;
    const value = values[payload] as number;
    const first = matches.first[mi] as number;
    const last = matches.last[mi] as number;
    const start = t.start[first] as number;
    const end = t.end[last - 1] as number;
    while (cursor + 1 < s.clauseCount && (s.clauseStart[cursor + 1] as number) <= first) cursor++;
    const c = cursor;
    if (c !== clause) {
      for (let k = 0; k < pendingCount; k++) expire(pending[k] as Pending, out, weight, irrealis, clause);
      clause = c;
      weight = clauseWeight(s, c);
      pendingCount = 0;
      held = null;
      irrealis = 1;
    }
    if (pendingCount > 0) {
      let kept = 0;
      for (let k = 0; k < pendingCount; k++) {
        const p = pending[k] as Pending;
        if (first - p.last <= NEGATION_REACH && scopeOpen(t, p.last - 1, first)) pending[kept++] = p;
        else expire(p, out, weight, irrealis, clause);
      }
      pendingCount = kept;
    }
    if (held && (first - held.last > MOVEMENT_REACH || !scopeOpen(t, held.last - 1, first))) held = null;
    switch (kind) {
      case IGNORE:
        break;
      case OFFICIAL:
        official = Math.min(official, value);
        break;
      case IRREALIS:
        irrealis = Math.min(irrealis, value);
        break;
      case NEGATOR:
      case PRIVATIVE:
      case ADVERSE:
      case INTENSIFIER:
        pending[pendingCount++] = { kind, value, start, end, last };
        break;
      case MOVEMENT:
      case REMEDY: {
        // `tai nạn giảm`, `xuất khẩu tăng`, `sai phạm đã được khắc phục`: re-read what came just before.
        if (held !== null && !held.moved && (kind === MOVEMENT || (held.kind === TERM && held.value < 0))) reread(held, value, end, out, weight, irrealis, clause);
        else pending[pendingCount++] = { kind, value, start, end, last };
        break;
      }
      case TERM:
      case INDICATOR: {
        applyPending(kind, value, start, pending, pendingCount);
        pendingCount = 0;
        let index = -1;
        if (applied.value !== 0) {
          index = out.length;
          out.push({ start: applied.from, end, weight: applied.value * weight * irrealis, clause: c });
        }
        held = { kind, value, last, start: applied.from, contribution: index, moved: applied.moved };
        break;
      }
    }
  }
  for (let k = 0; k < pendingCount; k++) expire(pending[k] as Pending, out, weight, irrealis, clause);
  let raw = 0;
  for (let k = 0; k < out.length; k++) raw += (out[k] as Contribution).weight;
  return { contributions: out, raw, sentences, official };
}
