/**
 * What the story index keeps per item: the SimHash of the whole text and small sets for the
 * rewrite check (headline syllables, lead bigrams, numbers). Computed once per item.
 */
import { indexedTokens, tokenizeSyllables, TOKEN_CAPITAL, TOKEN_LONG, TOKEN_UPPER, type IndexedToken, type SyllableToken } from '../phrase-matcher.js';
import { simhash64OfHashes, syllableHash, type Hash64 } from './simhash.js';

/** Per-item fingerprint. */
export interface Fingerprint {
  simhash: Hash64;
  /** Content syllables of the title (folded, function words removed). */
  title: string[];
  /** Bigrams of the first lead syllables (folded). */
  lead: string[];
  /** Numbers in title and lead (`7,2%` → `7`, `2`): different numbers usually mean different events. */
  numbers: string[];
  /** Lookup keys for rewrite candidates: title and lead bigrams. */
  keys: string[];
  /** Proper-name syllables (capitalised, not sentence-initial) of title, lead and body head. */
  names: string[];
  /** Province ids the item names, when the caller knows them (different places: different events). */
  places: string[];
}

/** Text an item brings to the story index. */
export interface StoryText {
  title: string;
  lead?: string | null;
  text?: string | null;
  /** Province ids found by the entity extractor, if available. */
  places?: readonly string[];
}

const LEAD_SYLLABLES = 40;
/** Copies and rewrites share their opening; the head of the body is enough (and cheaper). */
/** Body syllables read (exported so the analyser knows how many tokens anyone reads). */
export const BODY_SYLLABLES = 600;
const TITLE_WEIGHT = 4;
const LEAD_WEIGHT = 2;
/** Function words carry no event identity; left out of the headline set. */
const FUNCTION_WORDS = new Set(
  'va cua la cho voi trong tai o da duoc bi nay cac nhung mot tu den ve nhu khi thi de co khong se dang vi ra len vao sau truoc theo tren duoi hon nhat rat cung con moi nam ngay thang'.split(' '),
);
/** Outlet tags prefixed to syndicated leads (`(Chinhphu.vn) -`, `TTXVN -`). */
const SOURCE_TAG = /^\s*(\([^)]{2,40}\)|[A-ZĐ][A-Za-zĐđ.]{1,20}(\.VN|\.vn)?)\s*[-–—:]\s+/;

function foldedSyllables(tokens: readonly IndexedToken[], max: number): string[] {
  const n = Math.min(max, tokens.length);
  const out = new Array<string>(n);
  for (let i = 0; i < n; i++) out[i] = (tokens[i] as IndexedToken).f.folded;
  return out;
}

/** Syllable hash + 1 by interned folded id (0 = not yet computed): an array read per token. */
let hashByFoldedId = new Float64Array(1 << 14);
function hashOfFolded(id: number, folded: string): number {
  if (id < 0) return syllableHash(folded);
  if (id >= hashByFoldedId.length) {
    const grown = new Float64Array(Math.max(id + 1, hashByFoldedId.length * 2));
    grown.set(hashByFoldedId);
    hashByFoldedId = grown;
  }
  let h = hashByFoldedId[id] as number;
  if (h === 0) hashByFoldedId[id] = h = syllableHash(folded) + 1;
  return h - 1;
}
/** Shingle hashes of the first `max` tokens, into a reused buffer. */
function tokenHashes(tokens: readonly IndexedToken[], max: number, into: Float64Array): number {
  const n = Math.min(max, tokens.length);
  for (let i = 0; i < n; i++) {
    const t = tokens[i] as IndexedToken;
    into[i] = hashOfFolded(t.foldedId, t.f.folded);
  }
  return n;
}
const titleHashes = new Float64Array(60);
const leadHashes = new Float64Array(200);
const bodyHashes = new Float64Array(600);

/** Syllable tokens of the three fields, when the caller has them already (the analyser does). */
export interface StoryTokens {
  title: readonly SyllableToken[];
  lead: readonly SyllableToken[];
  text: readonly SyllableToken[];
}

/** Fingerprint an item. Text should be NFC; `tokens`, when given, must be of the same text. */
export function fingerprint(item: StoryText, tokens?: StoryTokens): Fingerprint {
  const lead = item.lead ?? '';
  const tag = SOURCE_TAG.exec(lead)?.[0].length ?? 0;
  const titleTokens = indexedTokens(tokens?.title ?? tokenizeSyllables(item.title));
  const allLead = indexedTokens(tokens?.lead ?? tokenizeSyllables(lead));
  const leadTokens = tag > 0 ? allLead.filter((t) => t.start >= tag) : allLead;
  const bodyTokens = indexedTokens(tokens?.text ?? tokenizeSyllables((item.text ?? '').slice(0, BODY_SYLLABLES * 8)));
  const titleSyl = foldedSyllables(titleTokens, 60);
  const leadSyl = foldedSyllables(leadTokens, LEAD_SYLLABLES);
  const simhash = simhash64OfHashes([
    { hashes: titleHashes, count: tokenHashes(titleTokens, 60, titleHashes), weight: TITLE_WEIGHT },
    { hashes: leadHashes, count: tokenHashes(leadTokens, 200, leadHashes), weight: LEAD_WEIGHT },
    { hashes: bodyHashes, count: tokenHashes(bodyTokens, BODY_SYLLABLES, bodyHashes), weight: 1 },
  ]);
  const title = [...new Set(titleSyl.filter((s) => !FUNCTION_WORDS.has(s) && !isNumber(s)))];
  const leadBigrams = bigrams(leadSyl);
  const numbers = [...new Set([...titleSyl, ...leadSyl].filter(isNumber))];
  const keys = [...new Set([...bigrams(titleSyl), ...leadBigrams.slice(0, 20)])];
  const nameList: string[] = [];
  properNames(titleTokens, titleTokens.length, nameList);
  properNames(leadTokens, leadTokens.length, nameList);
  properNames(bodyTokens, 300, nameList);
  const names = [...new Set(nameList)];
  return { simhash, title, lead: leadBigrams, numbers, keys, names, places: [...new Set(item.places ?? [])] };
}

/** Capitalised syllables that do not start a sentence: names of people, places, bodies. */
function properNames(tokens: readonly IndexedToken[], max: number, out: string[]): void {
  const n = Math.min(max, tokens.length);
  for (let i = 0; i < n; i++) {
    const t = tokens[i] as IndexedToken;
    const flags = t.flags;
    if (!(flags & TOKEN_LONG) || !(flags & (TOKEN_CAPITAL | TOKEN_UPPER))) continue;
    if (i > 0 && !t.breakBefore && flags & TOKEN_CAPITAL && !(flags & TOKEN_UPPER)) out.push(t.f.folded);
    else if (flags & TOKEN_UPPER && !isDigit(t.f.folded.charCodeAt(0))) out.push(t.f.folded);
  }
}

const isDigit = (c: number): boolean => c >= 48 && c <= 57;
/** `/^\d+$/` without a regexp run per syllable. */
function isNumber(s: string): boolean {
  if (s.length === 0) return false;
  for (let i = 0; i < s.length; i++) if (!isDigit(s.charCodeAt(i))) return false;
  return true;
}

function bigrams(syllables: readonly string[]): string[] {
  const out = new Set<string>();
  for (let i = 0; i + 1 < syllables.length; i++) out.add(`${syllables[i]} ${syllables[i + 1]}`);
  return [...out];
}

/** |A ∩ B| / min(|A|, |B|); 0 when either is empty. */
export function containment(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  const [small, large] = a.length <= b.length ? [a, new Set(b)] : [b, new Set(a)];
  let common = 0;
  for (const x of small) if (large.has(x)) common++;
  return common / small.length;
}

/** |A ∩ B| / |A ∪ B|; 0 when both are empty. */
export function jaccard(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0 && b.length === 0) return 0;
  const sa = new Set(a);
  let common = 0;
  const sb = new Set(b);
  for (const x of sb) if (sa.has(x)) common++;
  return common / (sa.size + sb.size - common);
}
