/**
 * Sentence and clause splitting for Vietnamese press text, with offsets preserved.
 *
 * Offsets are UTF-16 code units into the string given (feed it NFC text and the offsets are
 * valid for evidence phrases). Spans are trimmed of surrounding whitespace.
 */

/** A piece of text with its position in the input, end exclusive. */
export interface TextSpan {
  text: string;
  start: number;
  end: number;
}

/** How a clause relates to its neighbours, for sentiment weighting. */
export type ClauseRole =
  /** Ordinary clause. */
  | 'plain'
  /** Opened by `nhưng`, `tuy nhiên`, `song`…: the point the writer lands on; weighs more. */
  | 'contrast'
  /** Opened by `mặc dù`, `dù`, `tuy`…: conceded background; weighs less. */
  | 'concession';

/** A clause span with its role. */
export interface ClauseSpan extends TextSpan {
  role: ClauseRole;
  /** The connective that opened the clause, lower-case, when there is one. */
  marker?: string;
}

/**
 * Tokens followed by a dot that do not end a sentence (case-sensitive, compared without the dot).
 * Single capital letters (initials, `Q. 1`) are handled separately.
 */
const ABBREVIATIONS = new Set([
  'TP', 'Tp', 'tp', 'TX', 'TT', 'Tt', 'Q', 'P', 'H', 'X', 'KP', 'ThS', 'Th.S', 'TS', 'PGS', 'GS', 'PGS.TS', 'GS.TS', 'BS', 'BSCKI', 'BSCKII',
  'KS', 'CN', 'NCS', 'Ths', 'Ts', 'Pgs', 'Gs', 'Bs', 'TSKH', 'GS.TSKH', 'Đ/c', 'đ/c', 'Mr', 'Mrs', 'Ms', 'Dr', 'St', 'No', 'Co', 'Ltd', 'Inc', 'Corp',
  'tr', 'Tr', 'Nxb', 'NXB', 'Th', 'Ng', 'Ths.BS', 'ThS.BS',
]);

/** Opening quotes and brackets stripped from the token before a dot. */
const OPENING = new Set([...'"\'“‘«(['].map((c) => c.charCodeAt(0)));
const BOUNDARY = /[.!?…]+["'”’»)\]]*(?=\s|$)|\n+/g;
const SENTENCE_START = /[\p{Lu}\p{N}"'“‘«(\[\-–—•*]/u;
/** {@link SENTENCE_START} by code unit, filled in on first sight (0 unknown, 1 yes, 2 no): no regexp run per boundary. */
const STARTS_SENTENCE = new Uint8Array(0x10000);
function startsSentence(c: number): boolean {
  let known = STARTS_SENTENCE[c] as number;
  if (known === 0) STARTS_SENTENCE[c] = known = SENTENCE_START.test(String.fromCharCode(c)) ? 1 : 2;
  return known === 1;
}

/** Exactly the characters JavaScript's `\s` matches, without a regexp run per character. */
function isSpace(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  if (c < 0xa0) return false;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

function previousToken(text: string, dotAt: number): string {
  let i = dotAt;
  while (i > 0 && !isSpace(text.charCodeAt(i - 1))) i--;
  return text.slice(i, dotAt);
}

function isBoundary(text: string, match: RegExpExecArray): boolean {
  const mark = match[0];
  if (mark.startsWith('\n')) return true;
  let next = match.index + mark.length;
  while (next < text.length && (text.charCodeAt(next) === 32 || text.charCodeAt(next) === 9)) next++;
  if (next >= text.length) return true;
  const c = text.charCodeAt(next);
  if (c === 10) return true;
  // One code unit, as `text[next]` was tested: half a surrogate pair is no sentence start.
  if (!startsSentence(c)) return false;
  if (mark === '.') {
    const raw = previousToken(text, match.index);
    // The regexps run only where they can match (an opening quote, a short or dotted token).
    const token = OPENING.has(raw.charCodeAt(0)) ? raw.replace(/^["'“‘«(\[]+/, '') : raw;
    if (ABBREVIATIONS.has(token)) return false;
    if (token.length <= 2 && /^\p{Lu}$/u.test(token)) return false; // initials: `Nguyễn V. A`, `Q. 1`
    if (token.length >= 3 && token.includes('.') && /^(\p{Lu}\.)+\p{Lu}$/u.test(token)) return false; // `T.Ư`, `N.V.A`
  }
  return true;
}

function pushTrimmed(out: TextSpan[], text: string, start: number, end: number): void {
  while (start < end && isSpace(text.charCodeAt(start))) start++;
  while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
  if (end > start) out.push({ text: text.slice(start, end), start, end });
}

/**
 * Split text into sentences. Handles abbreviations (`TP. Hồ Chí Minh`, `ThS.`, `PGS.TS.`),
 * numbers with dots (`1.234.567 đồng`, `6.2.2025`: no space after the dot), initials, closing
 * quotes after the terminator, ellipses followed by a lower-case word, and line breaks.
 * @param until - stop after the sentence that reaches this offset (the spans returned are the
 *   first spans of the whole split: callers that only look up positions before it save the rest)
 * @example splitSentences('Giá tăng 1.234 đồng. Dân bức xúc.') // two spans
 */
export function splitSentences(text: string, until = Infinity): TextSpan[] {
  const out: TextSpan[] = [];
  let start = 0;
  BOUNDARY.lastIndex = 0;
  for (let m = BOUNDARY.exec(text); m !== null; m = BOUNDARY.exec(text)) {
    if (!isBoundary(text, m)) continue;
    const end = m.index + m[0].length;
    pushTrimmed(out, text, start, end);
    start = end;
    if (end >= until) return out;
  }
  pushTrimmed(out, text, start, text.length);
  return out;
}

interface Connective {
  pattern: string;
  role: ClauseRole;
}

/** Connectives that open a new clause, longest first so `tuy nhiên` beats `tuy`. */
const CONNECTIVES: Connective[] = [
  { pattern: 'tuy nhiên', role: 'contrast' },
  { pattern: 'thế nhưng', role: 'contrast' },
  { pattern: 'nhưng mà', role: 'contrast' },
  { pattern: 'tuy vậy', role: 'contrast' },
  { pattern: 'dù vậy', role: 'contrast' },
  { pattern: 'mặc dù vậy', role: 'contrast' },
  { pattern: 'ngược lại', role: 'contrast' },
  { pattern: 'trái lại', role: 'contrast' },
  { pattern: 'nhưng', role: 'contrast' },
  { pattern: 'song', role: 'contrast' },
  { pattern: 'mặc dù', role: 'concession' },
  { pattern: 'dù cho', role: 'concession' },
  { pattern: 'dẫu', role: 'concession' },
  { pattern: 'tuy', role: 'concession' },
  { pattern: 'dù', role: 'concession' },
  { pattern: 'trong khi', role: 'plain' },
  { pattern: 'đồng thời', role: 'plain' },
];
const CONNECTIVE_RE = new RegExp(
  `(^|[,;:]\\s*|\\s)(${CONNECTIVES.map((c) => c.pattern).join('|')})(?=[\\s,])`,
  'giu',
);
const ROLE_OF = new Map(CONNECTIVES.map((c) => [c.pattern, c.role]));
/** `nhưng`/`song` without a comma before them still split; concessives need a comma or start. */
const BARE_SPLIT = new Set(['nhưng', 'tuy nhiên', 'thế nhưng', 'nhưng mà']);

/**
 * Split one sentence into clauses at `;`, and at connectives (`, nhưng`, `tuy nhiên`, `, song`,
 * `mặc dù`…). Roles: the clause a contrast connective opens is `contrast`; a clause opened by a
 * concessive (`mặc dù A, B`) is `concession`, and the clause after its comma becomes `contrast`.
 * Offsets are relative to `sentence` plus `offset`.
 * @example splitClauses('Doanh thu tăng, nhưng lợi nhuận giảm') // [plain, contrast]
 */
export function splitClauses(sentence: string, offset = 0): ClauseSpan[] {
  const cuts: { at: number; role: ClauseRole; marker?: string }[] = [{ at: 0, role: 'plain' }];
  CONNECTIVE_RE.lastIndex = 0;
  for (let m = CONNECTIVE_RE.exec(sentence); m !== null; m = CONNECTIVE_RE.exec(sentence)) {
    const lead = m[1] as string;
    const marker = (m[2] as string).toLowerCase();
    const at = m.index + lead.length;
    const afterPunct = at === 0 || /[,;:]/.test(lead);
    if (!afterPunct && !BARE_SPLIT.has(marker)) continue;
    if (marker === 'song' && /^song\s+song/iu.test(sentence.slice(at))) continue;
    const role = ROLE_OF.get(marker) ?? 'plain';
    if (at === 0) cuts[0] = { at: 0, role, marker };
    else cuts.push({ at, role, marker });
  }
  for (let i = sentence.indexOf(';'); i >= 0; i = sentence.indexOf(';', i + 1)) cuts.push({ at: i + 1, role: 'plain' });
  cuts.sort((a, b) => a.at - b.at);
  // `Mặc dù A, B`: the first comma after a concessive clause opens the main clause.
  for (let k = 0; k < cuts.length; k++) {
    const cut = cuts[k] as (typeof cuts)[number];
    if (cut.role !== 'concession') continue;
    const nextAt = cuts[k + 1]?.at ?? sentence.length;
    const comma = sentence.indexOf(',', cut.at);
    if (comma > 0 && comma < nextAt && (cuts[k + 1] === undefined || comma + 1 < (cuts[k + 1] as (typeof cuts)[number]).at)) {
      cuts.splice(k + 1, 0, { at: comma + 1, role: 'contrast' });
    }
  }
  const out: ClauseSpan[] = [];
  for (let k = 0; k < cuts.length; k++) {
    const cut = cuts[k] as (typeof cuts)[number];
    let start = cut.at;
    let end = cuts[k + 1]?.at ?? sentence.length;
    while (start < end && /[\s,;:]/.test(sentence[start] as string)) start++;
    while (end > start && /[\s,;:]/.test(sentence[end - 1] as string)) end--;
    if (end <= start) continue;
    const span: ClauseSpan = { text: sentence.slice(start, end), start: start + offset, end: end + offset, role: cut.role };
    if (cut.marker) span.marker = cut.marker;
    out.push(span);
  }
  return out;
}
