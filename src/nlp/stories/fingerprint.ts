/**
 * What the story index keeps per item: the SimHash of the whole text and small sets for the
 * rewrite check (headline syllables, lead bigrams, numbers). Computed once per item.
 */
import { indexedTokens, tokenizeSyllables, TOKEN_CAPITAL, TOKEN_FEATURE, TOKEN_LONG, TOKEN_UPPER, type IndexedToken, type SyllableToken } from '../phrase-matcher.js';
import { containmentByIds, idGeneration, idOfString, insertSorted, type IdLists } from './overlap.js';
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
/** Body syllables searched for proper names. */
const BODY_NAME_SYLLABLES = 300;
const TITLE_WEIGHT = 4;
const LEAD_WEIGHT = 2;
/** Function words carry no event identity; left out of the headline set. */
const FUNCTION_WORDS = new Set(
  'va cua la cho voi trong tai o da duoc bi nay cac nhung mot tu den ve nhu khi thi de co khong se dang vi ra len vao sau truoc theo tren duoi hon nhat rat cung con moi nam ngay thang'.split(' '),
);
/** Outlet tags prefixed to syndicated leads (`(Chinhphu.vn) -`, `TTXVN -`). */
const SOURCE_TAG = /^\s*(\([^)]{2,40}\)|[A-ZĐ][A-Za-zĐđ.]{1,20}(\.VN|\.vn)?)\s*[-–—:]\s+/;


/**
 * Per interned folded-syllable id (the tokens' `foldedId`), four integers side by side (one cache
 * line per token, not one per table): the syllable hash as int32 (0 = not yet computed: a
 * syllable whose hash is 0 is just looked up each time), the last mark that listed it (dedupe
 * without a Set), its containment id + 1 (0: not cached), and whether it holds a space (0
 * unknown, 1 no, 2 yes).
 */
const PER_ID = 4;
const HASH = 0;
const MARK = 1;
const CONTAINMENT_ID = 2;
const SPACE = 3;
let byId = new Int32Array((1 << 14) * PER_ID);

/** Make room for folded id `id` in {@link byId}. */
function reach(id: number): void {
  if (id * PER_ID < byId.length) return;
  const grown = new Int32Array(Math.max((id + 1) * PER_ID, byId.length * 2));
  grown.set(byId);
  byId = grown;
}

function hashOfFolded(id: number, folded: string): number {
  const h = syllableHash(folded) | 0;
  if (id < 0) return h;
  reach(id);
  byId[id * PER_ID + HASH] = h;
  return h;
}
/** Shingle hashes of the first `max` tokens, into a reused buffer. */
function tokenHashes(tokens: readonly IndexedToken[], max: number, into: Int32Array): number {
  const n = Math.min(max, tokens.length);
  const cache = byId;
  for (let i = 0; i < n; i++) {
    const t = tokens[i] as IndexedToken;
    const id = t.foldedId;
    // Cached hashes without touching the token's forms (the common case).
    const cached = id >= 0 && id * PER_ID < cache.length ? (cache[id * PER_ID + HASH] as number) : 0;
    into[i] = cached !== 0 ? cached : hashOfFolded(id, t.f.folded);
  }
  return n;
}
/**
 * {@link tokenHashes} of the body, noting on the way which of the first `nameMax` tokens may be
 * proper names (long and capitalised: {@link properNames} decides), so the body is walked once.
 */
function bodyHashesAndNameCandidates(tokens: readonly IndexedToken[], max: number, into: Int32Array, nameMax: number, nameAt: number[]): number {
  const n = Math.min(max, tokens.length);
  const cache = byId;
  nameAt.length = 0;
  for (let i = 0; i < n; i++) {
    const t = tokens[i] as IndexedToken;
    const id = t.foldedId;
    const cached = id >= 0 && id * PER_ID < cache.length ? (cache[id * PER_ID + HASH] as number) : 0;
    into[i] = cached !== 0 ? cached : hashOfFolded(id, t.f.folded);
    const flags = t.flags;
    if (i < nameMax && flags & TOKEN_LONG && flags & (TOKEN_CAPITAL | TOKEN_UPPER)) nameAt.push(i);
  }
  // Tokens past the hashed ones (a body shorter than `max` has none): scanned for names alone.
  for (let i = n; i < Math.min(nameMax, tokens.length); i++) {
    const flags = (tokens[i] as IndexedToken).flags;
    if (flags & TOKEN_LONG && flags & (TOKEN_CAPITAL | TOKEN_UPPER)) nameAt.push(i);
  }
  return n;
}
/** Body tokens that may be names (from {@link bodyHashesAndNameCandidates}). */
const bodyNameAt: number[] = [];
const titleHashes = new Int32Array(60);
const leadHashes = new Int32Array(200);
const bodyHashes = new Int32Array(600);

/** Syllable tokens of the three fields, when the caller has them already (the analyser does). */
export interface StoryTokens {
  title: readonly SyllableToken[];
  lead: readonly SyllableToken[];
  text: readonly SyllableToken[];
}

/** Fingerprint an item. Text should be NFC; `tokens`, when given, must be of the same text. */
export function fingerprint(item: StoryText, tokens?: StoryTokens): Fingerprint {
  return fingerprintWithIds(item, tokens).fp;
}

/** A fingerprint with the id lists of its title, lead, names and numbers (null: make them from the strings). */
export interface FingerprintWithIds {
  fp: Fingerprint;
  ids: IdLists | null;
}

/** Canonical bigram strings, shared by every fingerprint. */
const pairStrings = new PairStrings();

/**
 * {@link fingerprint} with the containment id lists the story index compares by, read from the
 * tokens' interned ids (cached per syllable and per bigram) instead of looked up per string.
 */
export function fingerprintWithIds(item: StoryText, tokens?: StoryTokens): FingerprintWithIds {
  const lead = item.lead ?? '';
  const tag = SOURCE_TAG.exec(lead)?.[0].length ?? 0;
  const titleTokens = indexedTokens(tokens?.title ?? tokenizeSyllables(item.title));
  const allLead = indexedTokens(tokens?.lead ?? tokenizeSyllables(lead));
  const leadTokens = tag > 0 ? allLead.filter((t) => t.start >= tag) : allLead;
  const bodyTokens = indexedTokens(tokens?.text ?? tokenizeSyllables((item.text ?? '').slice(0, BODY_SYLLABLES * 8)), BODY_SYLLABLES);
  const simhash = simhash64OfHashes([
    { hashes: titleHashes, count: tokenHashes(titleTokens, 60, titleHashes), weight: TITLE_WEIGHT },
    { hashes: leadHashes, count: tokenHashes(leadTokens, 200, leadHashes), weight: LEAD_WEIGHT },
    { hashes: bodyHashes, count: bodyHashesAndNameCandidates(bodyTokens, BODY_SYLLABLES, bodyHashes, BODY_NAME_SYLLABLES, bodyNameAt), weight: 1 },
  ]);
  // `[...new Set(places)]` without the Set: an item names a few provinces at most.
  const places: string[] = [];
  for (const place of item.places ?? []) if (!places.includes(place)) places.push(place);
  // A restart of the pair table loses the dedupe marks: the lists are made again (the table then has room).
  for (;;) {
    const epoch = pairStrings.epoch;
    const made = wordLists(titleTokens, leadTokens, bodyTokens, simhash, places);
    if (pairStrings.epoch === epoch) return made;
  }
}

/** Scratch id lists of one fingerprint (copied out sorted). */
const titleIds: number[] = [];
const leadIds: number[] = [];
const nameIds: number[] = [];
const numberIds: number[] = [];
/** Token index of each lead bigram kept (to find its pair again for the keys). */
const leadPairAt: number[] = [];

/** The syllable and bigram lists of a fingerprint, each deduplicated in first-seen order. */
function wordLists(titleTokens: readonly IndexedToken[], leadTokens: readonly IndexedToken[], bodyTokens: readonly IndexedToken[], simhash: Hash64, places: string[]): FingerprintWithIds {
  const generation = idGeneration();
  syncIdCaches(generation);
  const titleCount = Math.min(60, titleTokens.length);
  const leadCount = Math.min(LEAD_SYLLABLES, leadTokens.length);
  titleIds.length = leadIds.length = nameIds.length = numberIds.length = leadPairAt.length = 0;
  const title: string[] = [];
  // Numbers of the title first, then of the lead. A number is never a title word: one mark serves both lists.
  const numbers: string[] = [];
  let mark = nextMark();
  for (let i = 0; i < titleCount; i++) {
    const t = titleTokens[i] as IndexedToken;
    const s = t.f.folded;
    if (isNumber(s)) addSyllable(t.foldedId, s, mark, numbers, numberIds);
    else if (!FUNCTION_WORDS.has(s)) addSyllable(t.foldedId, s, mark, title, titleIds);
  }
  for (let i = 0; i < leadCount; i++) {
    const t = leadTokens[i] as IndexedToken;
    if (isNumberToken(t)) addSyllable(t.foldedId, t.f.folded, mark, numbers, numberIds);
  }
  const leadBigrams: string[] = [];
  mark = nextMark();
  for (let i = 0; i + 1 < leadCount; i++) if (addBigram(leadTokens, i, mark, leadBigrams, leadIds)) leadPairAt.push(i);
  const keys: string[] = [];
  mark = nextMark();
  for (let i = 0; i + 1 < titleCount; i++) addBigram(titleTokens, i, mark, keys, null);
  for (let j = 0; j < leadBigrams.length && j < 20; j++) addBigram(leadTokens, leadPairAt[j] as number, mark, keys, null);
  const names: string[] = [];
  mark = nextMark();
  properNames(titleTokens, titleTokens.length, mark, names);
  properNames(leadTokens, leadTokens.length, mark, names);
  for (let k = 0; k < bodyNameAt.length; k++) properName(bodyTokens, bodyNameAt[k] as number, mark, names);
  const fp: Fingerprint = { simhash, title, lead: leadBigrams, numbers, keys, names, places };
  // Ids made before and after a restart of the id table do not compare: the index makes them from the strings then.
  const ids = idGeneration() === generation ? { generation, ids: [] as number[], start: [0] } : null;
  if (ids) for (const list of [titleIds, leadIds, nameIds, numberIds]) appendSorted(ids.ids, list, ids.start);
  return { fp, ids };
}

/** Append `list` sorted to `out` and its end to `start`. */
function appendSorted(out: number[], list: readonly number[], start: number[]): void {
  const from = out.length;
  for (let i = 0; i < list.length; i++) insertSorted(out, from, list[i] as number);
  start.push(out.length);
}

/** Generation of the containment ids cached in {@link byId} and the pair tags. */
let cachedGeneration = 0;
let lastMark = 0;

function syncIdCaches(generation: number): void {
  if (generation === cachedGeneration) return;
  for (let i = CONTAINMENT_ID; i < byId.length; i += PER_ID) byId[i] = 0;
  pairStrings.clearTags();
  cachedGeneration = generation;
}

function nextMark(): number {
  if (++lastMark > 0x3fffffff) {
    for (let i = MARK; i < byId.length; i += PER_ID) byId[i] = 0;
    pairStrings.clearMarks();
    lastMark = 1;
  }
  return lastMark;
}

/** Add syllable `s` (folded id `id`, -1 when none) to `out` and its containment id to `ids` unless this mark listed it. */
function addSyllable(id: number, s: string, mark: number, out: string[], ids: number[]): void {
  if (id < 0) {
    // No interned id: such a string never equals one that has an id, so a scan of the list suffices.
    if (!out.includes(s)) {
      out.push(s);
      ids.push(idOfString(s));
    }
    return;
  }
  reach(id);
  const at = id * PER_ID;
  if (byId[at + MARK] === mark) return;
  byId[at + MARK] = mark;
  out.push(s);
  let cid = byId[at + CONTAINMENT_ID] as number;
  if (cid === 0) byId[at + CONTAINMENT_ID] = cid = idOfString(s) + 1;
  ids.push(cid - 1);
}

/** Whether the folded syllable of `t` (id `id` >= 0) contains a space (hand-built tokens may). */
function hasSpace(id: number, t: IndexedToken): boolean {
  reach(id);
  let known = byId[id * PER_ID + SPACE] as number;
  if (known === 0) byId[id * PER_ID + SPACE] = known = t.f.folded.includes(' ') ? 2 : 1;
  return known === 2;
}

/**
 * Add the bigram of tokens `i`, `i + 1` (`a b`, folded) to `out` unless this mark listed it;
 * with `ids`, its containment id too. Returns whether it was added.
 */
function addBigram(tokens: readonly IndexedToken[], i: number, mark: number, out: string[], ids: number[] | null): boolean {
  const a = tokens[i] as IndexedToken;
  const b = tokens[i + 1] as IndexedToken;
  const idA = a.foldedId;
  const idB = b.foldedId;
  // A pair of interned, space-free syllables is one string exactly when it is one id pair.
  if (idA < 0 || idB < 0 || hasSpace(idA, a) || hasSpace(idB, b)) {
    const s = pairStrings.get(idA, a.f.folded, idB, b.f.folded);
    if (out.includes(s)) return false;
    out.push(s);
    ids?.push(idOfString(s));
    return true;
  }
  // Known pairs are found by their ids alone (the syllables' strings stay untouched).
  let slot = pairStrings.find(idA, idB);
  if (slot < 0) slot = pairStrings.slot(idA, a.f.folded, idB, b.f.folded);
  if (pairStrings.markAt(slot) === mark) return false;
  pairStrings.setMark(slot, mark);
  const s = pairStrings.stringAt(slot);
  out.push(s);
  if (ids) {
    let cid = pairStrings.tagAt(slot);
    if (cid === 0) pairStrings.setTag(slot, (cid = idOfString(s) + 1));
    ids.push(cid - 1);
  }
  return true;
}

/** Capitalised syllables that do not start a sentence (names of people, places, bodies), once each. */
function properNames(tokens: readonly IndexedToken[], max: number, mark: number, out: string[]): void {
  const n = Math.min(max, tokens.length);
  for (let i = 0; i < n; i++) {
    const flags = (tokens[i] as IndexedToken).flags;
    if (flags & TOKEN_LONG && flags & (TOKEN_CAPITAL | TOKEN_UPPER)) properName(tokens, i, mark, out);
  }
}

/** Add token `i` (long and capitalised) to the names unless it only starts a sentence or is a number. */
function properName(tokens: readonly IndexedToken[], i: number, mark: number, out: string[]): void {
  const t = tokens[i] as IndexedToken;
  const flags = t.flags;
  if ((i > 0 && !t.breakBefore && flags & TOKEN_CAPITAL && !(flags & TOKEN_UPPER)) || (flags & TOKEN_UPPER && !isDigit(t.f.folded.charCodeAt(0)))) {
    addSyllable(t.foldedId, t.f.folded, mark, out, nameIds);
  }
}

/** {@link isNumber} of a token's folded form, from its flags when they tell (without reading the string). */
function isNumberToken(t: IndexedToken): boolean {
  const flags = t.flags;
  // TOKEN_FEATURE: 2+ characters, not all digits; TOKEN_LONG without it: 2+ characters, all digits.
  if (flags & TOKEN_FEATURE) return false;
  if (flags & TOKEN_LONG) return true;
  return isNumber(t.f.folded);
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
