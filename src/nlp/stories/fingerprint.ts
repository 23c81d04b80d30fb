/**
 * What the story index keeps per item: the SimHash of the whole text and small sets for the
 * rewrite check (headline syllables, lead bigrams, numbers). Computed once per item.
 */
import { indexedTokens, tokenizeSyllables, TOKEN_CAPITAL, TOKEN_LONG, TOKEN_UPPER, type IndexedToken, type SyllableToken } from '../phrase-matcher.js';
import { containmentByIds } from './overlap.js';
import { PairStrings } from './pair-strings.js';
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
    const id = t.foldedId;
    // Cached hashes without touching the token's forms (the common case).
    const cached = id >= 0 && id < hashByFoldedId.length ? (hashByFoldedId[id] as number) : 0;
    into[i] = cached !== 0 ? cached - 1 : hashOfFolded(id, t.f.folded);
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
  const simhash = simhash64OfHashes([
    { hashes: titleHashes, count: tokenHashes(titleTokens, 60, titleHashes), weight: TITLE_WEIGHT },
    { hashes: leadHashes, count: tokenHashes(leadTokens, 200, leadHashes), weight: LEAD_WEIGHT },
    { hashes: bodyHashes, count: tokenHashes(bodyTokens, BODY_SYLLABLES, bodyHashes), weight: 1 },
  ]);
  const titleCount = Math.min(60, titleTokens.length);
  const leadCount = Math.min(LEAD_SYLLABLES, leadTokens.length);
  const titleSet = new Set<string>();
  // Numbers of the title first, then of the lead.
  const numberSet = new Set<string>();
  for (let i = 0; i < titleCount; i++) {
    const s = (titleTokens[i] as IndexedToken).f.folded;
    if (isNumber(s)) numberSet.add(s);
    else if (!FUNCTION_WORDS.has(s)) titleSet.add(s);
  }
  for (let i = 0; i < leadCount; i++) {
    const s = (leadTokens[i] as IndexedToken).f.folded;
    if (isNumber(s)) numberSet.add(s);
  }
  const leadBigrams = [...bigramsOf(leadTokens, leadCount, new Set<string>())];
  const keySet = bigramsOf(titleTokens, titleCount, new Set<string>());
  for (let i = 0; i < leadBigrams.length && i < 20; i++) keySet.add(leadBigrams[i] as string);
  const nameList: string[] = [];
  properNames(titleTokens, titleTokens.length, nameList);
  properNames(leadTokens, leadTokens.length, nameList);
  properNames(bodyTokens, 300, nameList);
  const names = [...new Set(nameList)];
  return { simhash, title: [...titleSet], lead: leadBigrams, numbers: [...numberSet], keys: [...keySet], names, places: [...new Set(item.places ?? [])] };
}

/** Canonical bigram strings, shared by every fingerprint. */
const pairStrings = new PairStrings();

/** Add the bigrams (`a b`, folded) of the first `count` tokens to `out`, in order. */
function bigramsOf(tokens: readonly IndexedToken[], count: number, out: Set<string>): Set<string> {
  for (let i = 0; i + 1 < count; i++) {
    const a = tokens[i] as IndexedToken;
    const b = tokens[i + 1] as IndexedToken;
    out.add(pairStrings.get(a.foldedId, a.f.folded, b.foldedId, b.f.folded));
  }
  return out;
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


/** |A ∩ B| / min(|A|, |B|); 0 when either is empty. */
export function containment(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  return a.length <= b.length ? countIn(a, new Set(b)) / a.length : countIn(b, new Set(a)) / b.length;
}

function countIn(small: readonly string[], large: ReadonlySet<string>): number {
  let common = 0;
  for (let i = 0; i < small.length; i++) if (large.has(small[i] as string)) common++;
  return common;
}

/** {@link containment} of two fingerprint arrays (never mutated), by cached integer ids. */
export const fingerprintContainment = containmentByIds;

/** |A ∩ B| / |A ∪ B|; 0 when both are empty. */
export function jaccard(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0 && b.length === 0) return 0;
  const sa = new Set(a);
  let common = 0;
  const sb = new Set(b);
  for (const x of sb) if (sa.has(x)) common++;
  return common / (sa.size + sb.size - common);
}
